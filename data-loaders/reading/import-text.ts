/**
 * Reads plain-text articles: `.txt` files in a corpus folder, each file one article, its text verbatim. The
 * id is the file name (made safe for an id), the title the first line when a blank line follows it, and any
 * other metadata comes from an optional side table, `metadata.csv` or `metadata.tsv` at the top of the
 * folder, with a `file` column naming each text file (relative to the folder, with or without `.txt`).
 * Saved web pages (`.html`, `.htm`) are read the same way, their text and metadata by import-html.ts.
 */
import { readFileSync } from "node:fs";
import { basename, extname, relative, sep } from "node:path";
import type { CorpusError } from "./corpus-error.ts";
import { ARTICLE_ID_PATTERN } from "./article-metadata.ts";
import { planColumns, type ColumnPlan, type FieldMap } from "./import-fields.ts";
import { articleFromRow, contentId, type RowArticle, type RowPlan } from "./import-row.ts";
import { readCsvRows } from "./import-table.ts";
import { isHtmlFile, readHtmlArticle } from "./import-html.ts";
import { isDocxFile, readDocxArticle } from "./import-docx.ts";
import { decodeUtf8 } from "./parse-article.ts";

/** The side table's possible names (at the top of the corpus folder) and the column naming the file. */
const SIDE_TABLES = ["metadata.csv", "metadata.tsv"];
const FILE_COLUMN = "file";

/** Where a text article is, and the metadata its side-table row gave it. */
export interface TextLocator {
  readonly kind: "text";
  readonly path: string;
  readonly defaultId: string;
  /** The side table's cells for this file (column → cell), and how they are read; null without a row. */
  readonly row: { readonly cells: Readonly<Record<string, string>>; readonly plan: RowPlan } | null;
}

/** A text article read at indexing time, with its locator. */
export interface TextRow extends RowArticle {
  readonly locator: TextLocator;
  /** Warnings about the file (a saved page's JSON-LD that is not JSON), without the file name. */
  readonly warnings: readonly string[];
  /** The fields a saved page's metadata gave. */
  readonly fromPage: readonly string[];
}

/**
 * Whether a file in a corpus folder is read by this module: a `.txt` file, a saved page, a Word document,
 * an `.rtf` export (import-batch.ts), or the folder's side table.
 */
export function isTextCorpusFile(path: string, folder: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === ".txt" || extension === ".rtf" || isHtmlFile(path) || isDocxFile(path) || isSideTable(path, folder);
}

function isSideTable(path: string, folder: string): boolean {
  return SIDE_TABLES.includes(relative(folder, path).split(sep).join("/"));
}

/**
 * The id a file name gives: its name without `.txt`, with every run of characters an id may not hold
 * replaced by "-" ("Artikel 1 (kopie).txt" → "Artikel-1-kopie"); when nothing usable is left, a hash of the
 * name.
 * @example textFileId("Artikel 1 (kopie).txt") // "Artikel-1-kopie"
 */
export function textFileId(name: string): string {
  const safe = basename(name, extname(name))
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "")
    .slice(0, 128)
    .replace(/[^A-Za-z0-9]+$/, "");
  return ARTICLE_ID_PATTERN.test(safe) ? safe : contentId(name, {});
}

/**
 * The title a text gives: its first line, when a blank line follows it and it is at most 300 characters;
 * else null (the file name is used).
 * @example firstLineTitle("Ministers meet\n\nThe ministers met.") // "Ministers meet"
 */
export function firstLineTitle(text: string): string | null {
  const match = /^[ \t]*(\S[^\r\n]*?)[ \t]*\r?\n[ \t]*\r?\n/.exec(text);
  return match && match[1]!.length <= 300 ? match[1]! : null;
}

function readTextFile(path: string, file: string, locator: TextLocator): RowArticle & Pick<TextRow, "warnings" | "fromPage"> {
  if (isHtmlFile(path)) return readHtmlArticle(path, file, locator.defaultId, locator.row);
  if (isDocxFile(path)) return readDocxArticle(path, file, locator.defaultId, locator.row);
  const decoded = decodeUtf8(readFileSync(path), file);
  if (decoded.text === null) return { result: { article: null, errors: decoded.errors }, unsupported: null, warnings: [], fromPage: [] };
  const text = decoded.text;
  const plan = locator.row?.plan ?? { columns: {}, extra: [] };
  const title = firstLineTitle(text) ?? basename(path, extname(path));
  const read = articleFromRow((column) => locator.row?.cells[column], plan, file, { text, id: locator.defaultId, title });
  return { ...read, warnings: [], fromPage: [] };
}

/** Reads a text article again from its locator. */
export function readTextArticle(locator: TextLocator, file: string): RowArticle {
  return readTextFile(locator.path, file, locator);
}

/**
 * Reads the text files of a corpus folder, with the side table's metadata. The side table is read like any
 * CSV (the same default columns and `--map`) except that its `file` column names the article and it has no
 * text column; a row naming no text file, a file named twice, an export (`exports`, names relative to the
 * folder), and a text column are errors. Text files
 * without a row are listed in the notes.
 */
export function readTextFiles(
  folder: string,
  paths: readonly string[],
  map: FieldMap,
  label: (path: string) => string,
  exports: ReadonlySet<string> = new Set(),
): { rows: TextRow[]; errors: CorpusError[]; plan: ColumnPlan | null; notes: string[] } {
  const texts = paths.filter((p) => !isSideTable(p, folder));
  const sidePath = paths.find((p) => isSideTable(p, folder));
  const errors: CorpusError[] = [];
  const notes: string[] = [];
  const byFile = new Map<string, { readonly cells: Record<string, string>; readonly at: string }>();
  let plan: ColumnPlan | null = null;
  if (sidePath) {
    const side = label(sidePath);
    const table = readCsvRows(sidePath, side);
    errors.push(...table.errors);
    const header = table.header ?? [];
    plan = table.header ? planColumns(header, map, side, []) : null;
    if (plan) errors.push(...plan.errors);
    if (plan && !plan.extra.includes(FILE_COLUMN))
      errors.push({ file: side, field: FILE_COLUMN, message: `no "${FILE_COLUMN}" column naming each text file` });
    if (plan?.columns.text !== undefined) {
      const message = `column "${plan.columns.text}" would be the text, which is in the .txt files; remove or rename it`;
      errors.push({ file: side, field: "text", message });
    }
    const known = new Set(texts.map((p) => relative(folder, p).split(sep).join("/")));
    for (const row of table.rows) {
      const cells = Object.fromEntries(header.map((column, i) => [column, row.cells[i]!]));
      const name = cells[FILE_COLUMN]?.trim() ?? "";
      const key = [name, `${name}.txt`, `${name}.html`, `${name}.htm`, `${name}.docx`].find((n) => known.has(n)) ?? name;
      if (exports.has(name)) {
        const message = `"${name}" is a news database's export: its articles carry their own metadata, and one row cannot describe them all; remove the row`;
        errors.push({ file: row.at, field: FILE_COLUMN, message });
      } else if (!known.has(key))
        errors.push({ file: row.at, field: FILE_COLUMN, message: `"${name}" names no .txt, .html or .docx file in the folder` });
      else if (byFile.has(key))
        errors.push({ file: row.at, field: FILE_COLUMN, message: `"${name}" is named again (first on ${byFile.get(key)!.at})` });
      else byFile.set(key, { cells, at: row.at });
    }
    const missing = [...known].filter((name) => !byFile.has(name));
    const listed = `${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", …" : ""}`;
    if (missing.length) notes.push(`${missing.length} text file${missing.length === 1 ? " has" : "s have"} no row in ${side}: ${listed}`);
  }
  const sidePlan: RowPlan | null = plan ? { columns: plan.columns, extra: plan.extra.filter((c) => c !== FILE_COLUMN) } : null;
  const rows = texts.map((path) => {
    const name = relative(folder, path).split(sep).join("/");
    const side = byFile.get(name);
    const row = side && sidePlan ? { cells: side.cells, plan: sidePlan } : null;
    const locator: TextLocator = { kind: "text", path, defaultId: textFileId(name), row };
    return { ...readTextFile(path, label(path), locator), locator };
  });
  return { rows, errors, plan, notes };
}
