import type { ArticleSummary } from "../schema/site-outputs.ts";

/** The groupings every comparison page offers, with the summary field each reads. */
export const GROUPINGS: ReadonlyArray<{
  readonly id: string;
  readonly label: string;
  readonly value: (row: ArticleSummary) => string | null;
}> = [
  { id: "all", label: "whole corpus", value: () => "all articles" },
  { id: "language", label: "language", value: (row) => row.language },
  { id: "provenance", label: "provenance stated in the text", value: (row) => row.provenanceKind },
  { id: "outlet", label: "outlet", value: (row) => row.outlet },
  { id: "author", label: "author", value: (row) => row.author },
];

/** The value an article has for every grouping; a missing value is the group "not recorded". */
export function groupValues(row: ArticleSummary): Record<string, string> {
  return Object.fromEntries(GROUPINGS.map((g) => [g.id, g.value(row) ?? "not recorded"]));
}

/** The groupings as the pages list them. */
export function groupingLabels(): Array<{ id: string; label: string }> {
  return GROUPINGS.map(({ id, label }) => ({ id, label }));
}
