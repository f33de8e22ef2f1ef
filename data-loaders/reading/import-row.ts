/**
 * One row of an imported table (a CSV or TSV row, an object of a JSON array, a text file with its side-table
 * row) as an article: its mapped columns read as the corpus format's fields, every other column kept in
 * `meta.extra`, and validated exactly as a Markdown article's front matter is.
 */
import { createHash } from "node:crypto";
import { validateMetadata } from "./article-metadata.ts";
import type { CorpusError } from "./corpus-error.ts";
import { MAPPABLE_FIELDS, type MappableField } from "./import-fields.ts";
import { readDeclaredLanguage } from "./import-languages.ts";
import type { ParseResult } from "./parse-article.ts";

/** Which column holds each field, and the columns kept in `meta.extra`: what a row is read by. */
export interface RowPlan {
  readonly columns: Readonly<Partial<Record<MappableField, string>>>;
  readonly extra: readonly string[];
}

/** A row read as an article, and the language it declares when the pipeline does not analyse it. */
export interface RowArticle {
  readonly result: ParseResult;
  /** A declared language other than English or Dutch ("de"): the article is valid but cannot be analysed. */
  readonly unsupported: string | null;
}

/**
 * The id of an article that has none: the first 16 hex digits of the SHA-256 of its text and the cells read
 * as title, published, outlet, url, author and language. The same article gets the same id in any run, in
 * any row order and under any file name; an edit to its text or those cells gives it another. Two rows with
 * the same text and metadata get the same id, and are reported as duplicates.
 * @example contentId("Text.", {}) // 16 hex digits
 */
export function contentId(text: string, cells: Readonly<Partial<Record<MappableField, unknown>>>): string {
  const key = [text, cells.title, cells.published, cells.outlet, cells.url, cells.author, cells.language].map((v) => v ?? null);
  return createHash("sha256").update(JSON.stringify(key)).digest("hex").slice(0, 16);
}

/**
 * A date-time written with a space ("2024-05-01 10:32:00", as Media Cloud and SQL exports write them) in
 * ISO 8601's form with a "T"; anything else as it is (and validated as an ISO date).
 * @example isoDateTime("2024-05-01 10:32:00.123456") // "2024-05-01T10:32:00.123456"
 */
export function isoDateTime(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, "$1T$2") : value;
}

/**
 * Reads one row by `plan`. `cell(column)` gives a column's value (undefined when the row lacks it);
 * `given.text` stands in for the text column (a text file's content), `given.id` and `given.title` for
 * missing id and title cells. An error about a mapped field names its column: `published (column "date")`.
 */
export function articleFromRow(
  cell: (column: string) => unknown,
  plan: RowPlan,
  file: string,
  given: { readonly text?: string; readonly id?: string; readonly title?: string } = {},
): RowArticle {
  const cells: Partial<Record<MappableField, unknown>> = {};
  for (const field of MAPPABLE_FIELDS) {
    const column = plan.columns[field];
    if (column !== undefined) cells[field] = cell(column);
  }
  const raw: Record<string, unknown> = {};
  for (const column of plan.extra) if (cell(column) !== undefined) raw[column] = cell(column);
  const text = given.text ?? cells.text;
  const { text: _text, language: _language, ...fields } = cells;
  Object.assign(raw, fields);
  // A numeric id (a JSON export's 12345) is the id as written.
  if (typeof raw.id === "number" && Number.isSafeInteger(raw.id)) raw.id = String(raw.id);
  // An empty id cell in a text file's side table leaves the id the file name gives.
  if (raw.id === "" && given.id !== undefined) raw.id = given.id;
  if (raw.id === undefined) raw.id = given.id ?? (typeof text === "string" ? contentId(text, cells) : "");
  if ((raw.title === undefined || raw.title === "") && given.title !== undefined) raw.title = given.title;
  raw.published = isoDateTime(raw.published);
  const declared = readDeclaredLanguage(cells.language);
  let unsupported: string | null = null;
  if (declared && "language" in declared) raw.language = declared.language;
  else if (declared && "unsupported" in declared) unsupported = declared.unsupported;
  else if (declared && "invalid" in declared) raw.language = declared.invalid;

  const named = (field: string) => {
    const column = plan.columns[field as MappableField];
    return column !== undefined && column !== field ? `${field} (column "${column}")` : field;
  };
  const { value, errors } = validateMetadata(raw, file);
  const all: CorpusError[] = errors.map((e) => ({ ...e, field: named(e.field) }));
  if (typeof text !== "string") all.push({ file, field: named("text"), message: text == null ? "is missing" : "must be text" });
  else if (text.trim() === "") all.push({ file, field: named("text"), message: "is empty: an article needs text" });
  if (!value || all.length || typeof text !== "string") return { result: { article: null, errors: all }, unsupported: null };
  return { result: { article: { ...value, text, source: file }, errors: [] }, unsupported };
}
