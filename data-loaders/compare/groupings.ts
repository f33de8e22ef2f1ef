import type { ProvenanceKind, SourceBasis } from "../schema/enums.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";

/** How each basis is named in a source group's label (a declared outlet goes by its name alone). */
export const SOURCE_BASIS_LABELS: Readonly<Record<SourceBasis, string>> = {
  declared: "declared",
  "origin-line": "origin line",
  "wire-credit": "wire credit",
  summary: "summary of",
  "credited-author": "credited author",
  none: "none found",
};

/**
 * An article's group when outlets are compared: its declared outlet by name, or what the text states,
 * labelled with where it was found ("RT (origin line)"), so that declared and found sources are never
 * mixed up in one group; null when the article states no source.
 */
export function sourceGroup(row: Pick<ArticleSummary, "sourceName" | "sourceBasis">): string | null {
  if (row.sourceName === null) return null;
  return row.sourceBasis === "declared" ? row.sourceName : `${row.sourceName} (${SOURCE_BASIS_LABELS[row.sourceBasis]})`;
}

/** The provenance kinds as a reader says them, for group labels. */
export const PROVENANCE_LABELS: Readonly<Record<ProvenanceKind, string>> = {
  "origin-line": "origin line",
  "wire-credit": "wire credit (news agency)",
  summary: "summary of other outlets",
  translation: "translation",
  "credited-author": "credited author",
  "not-stated": "not stated in the text",
};

/** The groupings every comparison page offers, with the summary field each reads. */
export const GROUPINGS: ReadonlyArray<{
  readonly id: string;
  readonly label: string;
  readonly value: (row: ArticleSummary) => string | null;
  /** The group of articles without a value (default "not recorded"). */
  readonly missing?: string;
}> = [
  { id: "all", label: "whole corpus", value: () => "all articles" },
  { id: "language", label: "language", value: (row) => row.language },
  { id: "provenance", label: "provenance stated in the text", value: (row) => PROVENANCE_LABELS[row.provenanceKind] },
  { id: "outlet", label: "outlet (declared, else found in the text)", value: sourceGroup, missing: "no source stated" },
  { id: "author", label: "author", value: (row) => row.author },
  // Periods, from the declared publication date at the precision it has: an article dated only to the year
  // has no month, and is never placed in one.
  { id: "year", label: "year published", value: (row) => row.published?.slice(0, 4) ?? null, missing: "no date" },
  {
    id: "month",
    label: "month published",
    value: (row) => (row.published && row.published.length >= 7 ? row.published.slice(0, 7) : null),
    missing: "no month",
  },
];

/** The value an article has for every grouping; a missing value is the group "not recorded" (or the grouping's own name for it). */
export function groupValues(row: ArticleSummary): Record<string, string> {
  return Object.fromEntries(GROUPINGS.map((g) => [g.id, g.value(row) ?? g.missing ?? "not recorded"]));
}

/** The groupings as the pages list them. */
export function groupingLabels(): Array<{ id: string; label: string }> {
  return GROUPINGS.map(({ id, label }) => ({ id, label }));
}
