/**
 * Writes what `npm run export` exports (scripts/export.ts): each table as CSV or Parquet, the data
 * dictionary as data-dictionary.json and README.md, and build.json (the stamps and the corpus hash).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { dictionaryJson, dictionaryMarkdown, EXPORT_TABLES } from "../data-loaders/publish/export-dictionary.ts";
import { csvField, type Cell, type TableDescription } from "../data-loaders/publish/tidy-columns.ts";

export type Format = "csv" | "parquet";

/** Every table's rows by name, and the corpus hash (corpus-hash.ts) of the articles they came from. */
export interface ExportRows {
  readonly rows: ReadonlyMap<string, readonly Cell[][]>;
  readonly corpus: { readonly articles: number; readonly sha256: string };
}

/** build.json: the analysis and codebook stamps, the corpus hash as page downloads name it, and the build. */
export interface ExportBuild {
  readonly analysis: { readonly version: string; readonly code: string };
  readonly codebooks: unknown;
  readonly articles: number;
  readonly format: Format;
  readonly corpus: ExportRows["corpus"];
  readonly publish: "full" | "public";
  readonly public?: unknown;
}

/** Writes every table, the dictionary (JSON and Markdown) and build.json into `out`. */
export function writeExport(out: string, exported: ExportRows, format: Format, build: ExportBuild): void {
  for (const table of EXPORT_TABLES) writeTable(out, table, exported.rows.get(table.name) ?? [], format);
  const counts = new Map(EXPORT_TABLES.map((t) => [t.name, exported.rows.get(t.name)?.length ?? 0]));
  writeFileSync(join(out, "build.json"), `${JSON.stringify(build, null, 2)}\n`);
  writeFileSync(join(out, "data-dictionary.json"), dictionaryJson(counts, format));
  writeFileSync(join(out, "README.md"), dictionaryMarkdown(counts, build, format));
}

/** Writes one table as `<name>.csv` (RFC 4180, CRLF) or `<name>.parquet` (integers as INT64, all columns nullable). */
function writeTable(out: string, table: TableDescription, tableRows: readonly Cell[][], format: Format): void {
  if (format === "csv") {
    const text = [table.columns.map((c) => c.name), ...tableRows].map((row) => row.map(csvField).join(",")).join("\r\n");
    writeFileSync(join(out, `${table.name}.csv`), `${text}\r\n`);
    return;
  }
  const columnData = table.columns.map((c, k) => {
    const data = tableRows.map((row) => row[k] ?? null);
    if (c.type === "integer")
      return { name: c.name, data: data.map((v) => (v === null ? null : BigInt(v))), type: "INT64" as const, nullable: true };
    return { name: c.name, data, type: c.type === "string" ? ("STRING" as const) : ("DOUBLE" as const), nullable: true };
  });
  writeFileSync(join(out, `${table.name}.parquet`), new Uint8Array(parquetWriteBuffer({ columnData })));
}
