// "Download CSV · JSON" under every chart and table: the exact rows behind it, with where they came from.
// A CSV opens with comment lines ("# ...") naming the data, the corpus, the codebook versions and the build,
// then one header line naming the columns (read it with read.csv(file, comment.char = "#") in R or
// pandas.read_csv(file, comment="#")). The JSON holds the same as { source, columns, rows }.
import { csvFormatRows } from "d3";
import { spreadsheetSafe } from "./portable/spreadsheet-safe.js";
import type { BuildStamp, IndexManifest } from "../../data-loaders/schema/site-outputs.ts";

/**
 * Where a table's data came from: the build stamp every published file carries, and the corpus; or, for
 * figures not computed from the corpus (accuracy on labelled data), what they were measured on instead.
 */
export type DataSource =
  { readonly build: BuildStamp; readonly corpus: IndexManifest["corpus"] } | { readonly build: BuildStamp; readonly measuredOn: string };

/** A table to offer: its file name (without extension), a description, its columns and rows. */
export interface DownloadTable {
  readonly name: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

/** A cell as CSV text: arrays and objects as JSON, null as empty, text that a spreadsheet would run as a formula quoted. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return spreadsheetSafe(value);
  if (typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The comment lines naming a download's source. */
function provenanceLines(table: DownloadTable, source: DataSource): string[] {
  const { analysis, codebooks } = source.build;
  return [
    `${table.title} (${table.rows.length} row${table.rows.length === 1 ? "" : "s"})`,
    "corpus" in source
      ? `corpus: ${source.corpus.articles} article${source.corpus.articles === 1 ? "" : "s"}, sha256 ${source.corpus.sha256}`
      : `measured on: ${source.measuredOn}`,
    `codebooks: ${Object.entries(codebooks)
      .map(([kind, stamp]) => `${kind} ${stamp.id} ${stamp.version} (sha256 ${stamp.sha256.slice(0, 12)})`)
      .join("; ")}`,
    `build: framing-notebooks ${analysis.version}, analysis code sha256 ${analysis.code}`,
  ];
}

/** The table as CSV text: comment lines, the header, the rows (RFC 4180 quoting by d3-dsv). */
export function tableCsv(table: DownloadTable, source: DataSource): string {
  const comments = provenanceLines(table, source).map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`);
  const body = csvFormatRows([[...table.columns], ...table.rows.map((row) => table.columns.map((column) => cell(row[column])))]);
  return `${comments.join("\n")}\n${body}\n`;
}

/** The table as JSON text: its source, columns and rows (only the named columns). */
export function tableJson(table: DownloadTable, source: DataSource): string {
  const rows = table.rows.map((row) => Object.fromEntries(table.columns.map((column) => [column, row[column] ?? null])));
  return `${JSON.stringify({ title: table.title, source, columns: table.columns, rows }, null, 1)}\n`;
}

/** Saves `text` as a file named `fileName` (through a link the page clicks; nothing leaves the browser). */
export function saveFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Download: CSV · JSON" for a table; the files are made when a button is pressed, from the rows given (the
 * rows shown, or all of them where the page says so).
 */
export function downloads(table: DownloadTable, source: DataSource): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "downloads";
  bar.append("Download the data: ");
  const button = (label: string, action: () => void) => {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    element.title = `${table.title}: ${table.columns.join(", ")}`;
    element.addEventListener("click", action);
    return element;
  };
  bar.append(
    button("CSV", () => saveFile(`${table.name}.csv`, tableCsv(table, source), "text/csv;charset=utf-8")),
    " ",
    button("JSON", () => saveFile(`${table.name}.json`, tableJson(table, source), "application/json")),
  );
  return bar;
}
