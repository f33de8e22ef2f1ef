/**
 * The data dictionary of `npm run export`, written from the tables' own column lists (tidy-tables.ts,
 * feature-matrix.ts), so that every column written is documented and nothing else is: as JSON
 * (data-dictionary.json, for programs) and as Markdown (README.md, for readers), beside the tables.
 */
import { FEATURE_TABLES } from "./feature-matrix.ts";
import { TIDY_TABLES } from "./tidy-tables.ts";
import type { TableDescription } from "./tidy-columns.ts";

/** Every table the export writes, in order: the tidy tables, then the document-feature matrix. */
export const EXPORT_TABLES: readonly TableDescription[] = [...TIDY_TABLES, ...FEATURE_TABLES];

/** What the dictionary says about offsets and text, once for every table. */
export const OFFSETS_NOTE =
  "Offsets (start, end, quote_start …) are UTF-16 code units into the article's text (JavaScript, Java, .NET); each " +
  "*_codepoint column is the same position in Unicode code points (Python str, R substr). Text columns are the text " +
  "between them as written, Markdown markup included. Empty cells are missing values. In a public build " +
  "(build.json publish: public) a closed article's text columns are empty and its terms at most three words.";

/** The dictionary as JSON: the note, and each table's file, row count, meaning and columns. */
export function dictionaryJson(rowCounts: ReadonlyMap<string, number>, format: "csv" | "parquet"): string {
  const tables = EXPORT_TABLES.map((t) => ({
    name: t.name,
    file: `${t.name}.${format}`,
    rows: rowCounts.get(t.name) ?? 0,
    description: t.description,
    columns: t.columns.map(({ name, type, description }) => ({ name, type, description })),
  }));
  return `${JSON.stringify({ note: OFFSETS_NOTE, tables }, null, 2)}\n`;
}

/** The dictionary as the export's README.md: the stamps in a line, the note, then each table's columns. */
export function dictionaryMarkdown(
  rowCounts: ReadonlyMap<string, number>,
  build: { readonly articles: number; readonly analysis: { readonly version: string; readonly code: string } },
  format: "csv" | "parquet",
): string {
  return [
    "# Tidy tables exported by `npm run export`",
    "",
    `${build.articles} articles; analysis ${build.analysis.version} (code ${build.analysis.code.slice(0, 12)}…); the corpus hash, codebooks and their SHA-256 in build.json; this dictionary as data in data-dictionary.json.`,
    OFFSETS_NOTE,
    "",
    ...EXPORT_TABLES.flatMap((t) => [
      `## ${t.name}.${format} (${rowCounts.get(t.name) ?? 0} rows): ${t.description}`,
      "",
      "| column | type | meaning |",
      "| --- | --- | --- |",
      ...t.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description.replaceAll("|", "\\|")} |`),
      "",
    ]),
  ].join("\n");
}
