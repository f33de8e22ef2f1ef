import type { Codebook } from "../terms/codebook.ts";
import { rateTable, type ArticleCounts, type BootstrapOptions } from "./rate-statistics.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import type { ArticleSummary, Comparison } from "../schema/site-outputs.ts";

/**
 * Builds the comparison tables for one codebook: `kind` "frames" reads each row's frame counts, "devices"
 * its device counts. Categories are the codebook's entries, in codebook order.
 */
export function compareArticles(
  rows: readonly ArticleSummary[],
  codebook: Codebook,
  kind: "frames" | "devices",
  options: BootstrapOptions = {},
): Comparison {
  const categories = codebook.entries.map((entry) => ({ id: entry.id, label: entry.label }));
  const ids = categories.map((c) => c.id);
  const counts: ArticleCounts[] = rows.map((row) => ({
    id: row.id,
    words: row.words,
    counts: kind === "frames" ? row.frames : row.devices,
    groups: groupValues(row),
  }));
  const rates = GROUPINGS.flatMap((grouping) => rateTable(counts, grouping.id, ids, options));
  const perArticle = rows.flatMap((row) =>
    ids.map((category) => {
      const count = (kind === "frames" ? row.frames : row.devices)[category] ?? 0;
      return { id: row.id, title: row.title, category, count, rate: row.words ? (1000 * count) / row.words : 0 };
    }),
  );
  return { categories, groupings: groupingLabels(), rates, perArticle };
}
