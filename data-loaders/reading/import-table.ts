/**
 * Reads a table of articles: a CSV or TSV file with a header (parsed by csv-parse), or a JSON file holding an
 * array of objects. Each row is located (`articles.csv:12`, the line the row starts on; `articles.json#3`,
 * the third object) so that it can be read again on its own.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { parse, type CsvError, type Info, type Options } from "csv-parse/sync";
import type { CorpusError } from "./corpus-error.ts";
import { planColumns, type ColumnPlan, type FieldMap } from "./import-fields.ts";
import { articleFromRow, type RowArticle, type RowPlan } from "./import-row.ts";
import { decodeUtf8 } from "./parse-article.ts";
import { readByteRange } from "./read-byte-range.ts";
import { findJsonShapeProblem, MAX_JSON_DEPTH } from "./strict-json.ts";

/** The separator of each table format. */
const DELIMITERS: Readonly<Record<string, string>> = { ".csv": ",", ".tsv": "\t" };

/** Where one row of a table is, and how to read it: enough to read it again in any thread. */
export type TableLocator =
  | {
      readonly kind: "table";
      readonly path: string;
      readonly delimiter: string;
      readonly byteStart: number;
      readonly byteLength: number;
      readonly header: readonly string[];
      readonly plan: RowPlan;
    }
  | { readonly kind: "json"; readonly path: string; readonly index: number; readonly plan: RowPlan };

/** One row read at indexing time, with its locator. */
export interface TableRow extends RowArticle {
  readonly locator: TableLocator;
}

/** What reading a table found besides its rows: errors for the whole file, and the report of its columns. */
export interface TableReport {
  readonly errors: CorpusError[];
  readonly plan: ColumnPlan | null;
  readonly rows: TableRow[];
}

/** Whether a file is read as a table of articles (.csv, .tsv or .json). */
export function isTableFile(path: string): boolean {
  const ext = extname(path).toLowerCase();
  return ext in DELIMITERS || ext === ".json";
}

/**
 * Parses CSV bytes with csv-parse: every record with its info (bytes and lines read so far); a stray quote
 * inside a cell is kept as written, a row of another length is returned for the caller to report.
 */
function parseCsv(bytes: Buffer, delimiter: string, options: Options = {}): { record: string[]; info: Info }[] {
  const settings = { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, ...options };
  return parse(bytes, settings) as unknown as { record: string[]; info: Info }[];
}

/**
 * Decodes a table file as UTF-8, or says where it is not (with the line, and the likely cause: a spreadsheet's
 * "CSV" export in Windows-1252).
 */
function decodeTable(bytes: Buffer, file: string): { text: string | null; errors: CorpusError[] } {
  const decoded = decodeUtf8(bytes, file);
  return {
    text: decoded.text,
    errors: decoded.errors.map((e) => {
      const offset = /byte offset (\d+)/.exec(e.message);
      if (!offset) return e;
      const line = bytes.subarray(0, Number(offset[1])).filter((b) => b === 0x0a).length + 1;
      return {
        ...e,
        message: `${e.message} (line ${line}); a spreadsheet's plain "CSV" export is often Windows-1252: export as "CSV UTF-8" instead`,
      };
    }),
  };
}

/** Names a header's cells: an empty one (the index column pandas writes) becomes `column_<n>`; repeats are errors. */
function readHeader(cells: readonly string[], file: string, errors: CorpusError[]): string[] {
  const header = cells.map((c, i) => (c.trim() === "" ? `column_${i + 1}` : c));
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) errors.push({ file: `${file}:1`, field: "header", message: `column "${name}" appears twice; rename one` });
    seen.add(name);
  }
  return header;
}

/** A CSV or TSV row as parsed: its cells, the line it starts on (`articles.csv:12`) and its bytes. */
export interface CsvRow {
  readonly cells: readonly string[];
  readonly at: string;
  readonly byteStart: number;
  readonly byteLength: number;
}

/**
 * Parses a CSV or TSV file with a header into its header and rows. A row with more or fewer cells than the
 * header, a quote never closed, a repeated column name and bytes that are not UTF-8 are errors naming the
 * line; blank lines are skipped.
 */
export function readCsvRows(path: string, file: string): { header: string[] | null; rows: CsvRow[]; errors: CorpusError[] } {
  const delimiter = DELIMITERS[extname(path).toLowerCase()]!;
  const bytes = readFileSync(path);
  const errors: CorpusError[] = [];
  const decoded = decodeTable(bytes, file);
  if (decoded.text === null) return { header: null, rows: [], errors: decoded.errors };
  const skipped: CsvError[] = [];
  const records = parseCsv(bytes, delimiter, {
    bom: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined) => void (error && skipped.push(error)),
  });
  for (const error of skipped) {
    // csv-parse names the line where the file ended; the quote was opened on the row after the last one read.
    if (error.code === "CSV_QUOTE_NOT_CLOSED") {
      const line = (records.at(-1)?.info.lines ?? 0) + 1;
      const message = 'a quote opened in this row is never closed: the rest of the file would be one cell; close it or double it ("")';
      errors.push({ file: `${file}:${line}`, field: "row", message });
    } else errors.push({ file: `${file}:${error.lines}`, field: "row", message: csvMessage(error) });
  }
  const [first, ...rest] = records;
  if (!first)
    return {
      header: null,
      rows: [],
      errors: [...errors, { file, field: "header", message: "the file is empty: a table needs a header row" }],
    };
  const header = readHeader(first.record, file, errors);
  const rows: CsvRow[] = [];
  let previous = first.info;
  for (const { record, info } of rest) {
    const byteStart = previous.bytes;
    // The line the row starts on: after the previous row's last line and any blank lines between.
    const blank = /^[\r\n]*/.exec(bytes.subarray(byteStart, info.bytes).toString("latin1"))![0];
    const at = `${file}:${previous.lines + blank.split("\n").length}`;
    previous = info;
    if (record.length !== header.length) {
      const separator = delimiter === "," ? "comma" : "tab";
      const cells = `${record.length} cell${record.length === 1 ? "" : "s"}`;
      errors.push({
        file: at,
        field: "row",
        message: `has ${cells}, the header ${header.length}; check the quoting and the separator (${separator})`,
      });
      continue;
    }
    rows.push({ cells: record, at, byteStart, byteLength: info.bytes - byteStart });
  }
  return { header, rows, errors };
}

/** Reads every row of a CSV or TSV file with a header as an article (see {@link readCsvRows} for the errors). */
export function readCsvTable(path: string, file: string, map: FieldMap): TableReport {
  const delimiter = DELIMITERS[extname(path).toLowerCase()]!;
  const { header, rows, errors } = readCsvRows(path, file);
  if (!header) return { errors, plan: null, rows: [] };
  const plan = planColumns(header, map, file, ["text"]);
  errors.push(...plan.errors);
  // Columns that cannot be read (no text column, a mapped column missing) would give the same error on every row.
  if (plan.errors.length) return { errors, plan, rows: [] };
  const read = rows.map((row) => {
    const locator = {
      kind: "table",
      path,
      delimiter,
      byteStart: row.byteStart,
      byteLength: row.byteLength,
      header,
      plan: rowPlan(plan),
    } as const;
    return { ...tableRow(row.cells, locator, row.at), locator };
  });
  return { errors, plan, rows: read };
}

/** The part of a column plan a row is read by (what a locator carries). */
export function rowPlan(plan: ColumnPlan): RowPlan {
  return { columns: plan.columns, extra: plan.extra };
}

/** csv-parse's message without its own "at line N" (the error is located already), in the project's voice. */
function csvMessage(error: CsvError): string {
  const [kind, detail = ""] = error.message.split(": ", 2);
  return `${kind!.toLowerCase()}: ${detail.replace(/ at line \d+/, "")}`.replace(/: $/, "");
}

function tableRow(record: readonly string[], locator: Extract<TableLocator, { kind: "table" }>, at: string): RowArticle {
  const index = new Map(locator.header.map((name, i) => [name, i]));
  return articleFromRow((column) => record[index.get(column) ?? -1], locator.plan, at);
}

/** Reads one CSV or TSV row again from its bytes. */
export function readTableRow(locator: Extract<TableLocator, { kind: "table" }>, at: string): RowArticle {
  const bytes = readByteRange(locator.path, locator.byteStart, locator.byteLength);
  const decoded = decodeUtf8(bytes, at, " of the row");
  const records = decoded.text === null ? [] : parseCsv(bytes, locator.delimiter);
  if (decoded.text === null || records.length !== 1 || records[0]!.record.length !== locator.header.length)
    return {
      result: {
        article: null,
        errors: [...decoded.errors, { file: at, field: "row", message: "changed while the corpus was being read" }],
      },
      unsupported: null,
    };
  return tableRow(records[0]!.record, locator, at);
}

/** The parsed objects of the last JSON file read, so that reading its articles again parses it once per thread. */
let lastJson: { key: string; items: unknown[] } | null = null;

/** Parses a JSON array of article objects, or says what is wrong with it. */
function parseJsonArray(path: string, file: string): { items: unknown[] | null; errors: CorpusError[] } {
  const stat = statSync(path);
  const key = `${path}\n${stat.size}\n${stat.mtimeMs}`;
  if (lastJson?.key === key) return { items: lastJson.items, errors: [] };
  const decoded = decodeTable(readFileSync(path), file);
  if (decoded.text === null) return { items: null, errors: decoded.errors };
  const problem = findJsonShapeProblem(decoded.text);
  if (problem?.kind === "duplicate-key")
    return {
      items: null,
      errors: [
        {
          file,
          field: problem.path ? `${problem.path}.${problem.key}` : problem.key,
          message: "appears twice in the same object; keep one",
        },
      ],
    };
  if (problem?.kind === "too-deep")
    return {
      items: null,
      errors: [{ file, field: problem.path || "file", message: `nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels` }],
    };
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    return { items: null, errors: [{ file, field: "file", message: `invalid JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(value))
    return {
      items: null,
      errors: [
        { file, field: "file", message: "must be a JSON array of article objects ([{…}, {…}]); for one object per line, use .jsonl" },
      ],
    };
  lastJson = { key, items: value };
  return { items: value, errors: [] };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads a JSON file holding an array of article objects. The columns are the objects' keys in the order
 * they first appear; `articles.json#3` is the third object. The file is read whole (for a large corpus, JSON
 * Lines keeps memory flat).
 */
export function readJsonTable(path: string, file: string, map: FieldMap): TableReport {
  const { items, errors } = parseJsonArray(path, file);
  if (!items) return { errors, plan: null, rows: [] };
  const header = [...new Set(items.filter(isObject).flatMap((item) => Object.keys(item)))];
  const plan = planColumns(header, map, file, ["text"]);
  const all: CorpusError[] = [...plan.errors];
  const rows: TableRow[] = [];
  if (plan.errors.length) return { errors: all, plan, rows };
  items.forEach((item, index) => {
    if (!isObject(item)) return void all.push({ file: `${file}#${index + 1}`, field: "item", message: "must be a JSON object" });
    const locator = { kind: "json", path, index, plan: rowPlan(plan) } as const;
    rows.push({ ...articleFromRow((column) => item[column], plan, `${file}#${index + 1}`), locator });
  });
  return { errors: all, plan, rows };
}

/** Reads one object of a JSON array again. */
export function readJsonItem(locator: Extract<TableLocator, { kind: "json" }>, file: string, at: string): RowArticle {
  const { items, errors } = parseJsonArray(locator.path, file);
  const item = items?.[locator.index];
  if (!isObject(item))
    return {
      result: { article: null, errors: [...errors, { file: at, field: "item", message: "changed while the corpus was being read" }] },
      unsupported: null,
    };
  return articleFromRow((column) => item[column], locator.plan, at);
}
