/**
 * Reads news databases' batch exports, many articles in one file, as rows of articles: a Nexis Uni export
 * in `.docx` or `.rtf` (nexis-export.ts) and a Factiva export in HTML or RTF (factiva-html.ts,
 * factiva-rtf.ts). A `.docx` is an export when it has an "End of Document" line (else it is one article,
 * import-docx.ts), an `.html` page when it has Factiva's field rows (else it is a saved page,
 * import-html.ts); an `.rtf` is a Factiva export when it has Factiva's field rows, else a Nexis export. Each article is located as `file#n`, the n-th of its file, and read again from a one-file
 * cache, so that a thread parses an export once.
 */
import { readFileSync, statSync } from "node:fs";
import { extname } from "node:path";
import { KNOWN_FIELDS } from "./article-metadata.ts";
import type { CorpusError } from "./corpus-error.ts";
import type { ExportArticle } from "./database-export.ts";
import { isFactivaExport, splitFactivaExport } from "./factiva-html.ts";
import { parseHtml } from "./html-tree.ts";
import { decodePage, isHtmlFile } from "./import-html.ts";
import { isDocxFile, readDocxFile } from "./import-docx.ts";
import { readDeclaredLanguage } from "./import-languages.ts";
import { articleFromRow, type RowArticle, type RowPlan } from "./import-row.ts";
import { looksLikeNexisExport, splitNexisExport } from "./nexis-export.ts";
import { rtfParagraphs } from "./rtf-text.ts";
import { isFactivaRtf, splitFactivaRtf } from "./factiva-rtf.ts";

/** Where an export's article is: its file and its place in it (0-based). */
export interface BatchLocator {
  readonly kind: "batch";
  readonly path: string;
  readonly index: number;
}

/** The formats read here, as the report names them, with the column each field is read from. */
const FORMATS = {
  nexis: {
    name: "Nexis Uni export",
    columns: { title: "first line", outlet: "second line", published: "date line", author: "Byline:", language: "Language:" },
  },
  factiva: {
    name: "Factiva export",
    columns: { id: "AN", title: "HD", author: "BY", published: "PD", outlet: "SN", language: "LA" },
  },
} as const;
type Format = keyof typeof FORMATS;

/** An export read: its format, its articles, and errors about the whole file. */
export interface ExportFile {
  readonly format: Format;
  readonly articles: readonly ExportArticle[];
  readonly errors: readonly CorpusError[];
  /** What the articles were counted by ('"End of Document" 3 times', "3 article blocks"). */
  readonly counted: string;
}

/** '"AN" 1 time', '"End of Document" 3 times'. */
const times = (what: string, n: number) => `${what} ${n} time${n === 1 ? "" : "s"}`;

/** Whether a file may be an export (.docx, .rtf, .html, .htm). */
export function mayBeExport(path: string): boolean {
  return isDocxFile(path) || isHtmlFile(path) || extname(path).toLowerCase() === ".rtf";
}

let lastExport: { key: string; read: ExportFile | null } | null = null;

/**
 * Reads a file as an export, or null when it is one article (a `.docx` without "End of Document", a page
 * without Factiva's fields). A file that cannot be read at all is an export with errors and no articles.
 */
export function readExportFile(path: string, file: string): ExportFile | null {
  const stat = statSync(path);
  const key = `${path}\n${stat.size}\n${stat.mtimeMs}\n${file}`;
  if (lastExport?.key !== key) lastExport = { key, read: readUncached(path, file) };
  return lastExport.read;
}

function readUncached(path: string, file: string): ExportFile | null {
  const nexis = (paragraphs: readonly string[]): ExportFile => {
    const split = splitNexisExport(paragraphs, file);
    return { format: "nexis", articles: split.articles, errors: split.errors, counted: times('"End of Document"', split.ends) };
  };
  const failed = (format: Format, errors: readonly CorpusError[]): ExportFile => ({ format, articles: [], errors, counted: "" });
  if (isDocxFile(path)) {
    const { document } = readDocxFile(path, file);
    if (!document) return null; // read as one article, which reports the errors
    return looksLikeNexisExport(document.paragraphs) ? nexis(document.paragraphs) : null;
  }
  if (isHtmlFile(path)) {
    const decoded = decodePage(readFileSync(path), file);
    if (decoded.text === null) return null;
    const document = parseHtml(decoded.text);
    if (!isFactivaExport(document)) return null;
    const split = splitFactivaExport(document, file);
    return { format: "factiva", articles: split.articles, errors: split.errors, counted: `${split.articles.length} article blocks` };
  }
  // RTF is 7-bit: its other characters are escapes, decoded by the reader in the file's code page.
  const read = rtfParagraphs(readFileSync(path).toString("latin1"), file);
  if (!read.paragraphs) return failed("nexis", read.errors);
  if (!isFactivaRtf(read.paragraphs)) return nexis(read.paragraphs);
  const split = splitFactivaRtf(read.paragraphs, file);
  return { format: "factiva", articles: split.articles, errors: split.errors, counted: times('"AN"', split.ends) };
}

/** Fields whose names an export's other metadata must not take (they would be read as the field; a licence is checked). */
const FIELD_NAMES: ReadonlySet<string> = new Set([...KNOWN_FIELDS, "licence"]);

/**
 * One export article as a row: its fields read through the format's columns (a language no reader knows,
 * "GERMAN", is left to detection and kept as `declared_language`), its other metadata in `meta.extra`.
 */
export function exportRow(article: ExportArticle, format: Format, at: string): RowArticle {
  const columns: Partial<Record<string, string>> = {};
  const cells = new Map<string, string>();
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(article.extra)) extra[FIELD_NAMES.has(key) ? `declared_${key}` : key] = value;
  for (const [field, column] of Object.entries(FORMATS[format].columns)) {
    const value = article.fields[field];
    if (value === undefined) continue;
    const language = field === "language" ? readDeclaredLanguage(value) : null;
    if (language && "invalid" in language) extra.declared_language = value;
    else {
      columns[field] = column;
      cells.set(column, value);
    }
  }
  for (const [key, value] of Object.entries(extra)) cells.set(key, value);
  const plan: RowPlan = { columns, extra: Object.keys(extra).sort() };
  const read = articleFromRow((column) => cells.get(column), plan, at, { text: article.text });
  if (!article.errors.length) return read;
  return { result: { article: null, errors: [...article.errors, ...read.result.errors] }, unsupported: null };
}

/** An export's articles as rows with their locators, and its report line and warnings. */
export function readExportRows(
  path: string,
  file: string,
  exported: ExportFile,
): { rows: (RowArticle & { readonly locator: BatchLocator })[]; errors: CorpusError[]; report: string[] } {
  const rows = exported.articles.map((article, index) => ({
    ...exportRow(article, exported.format, `${file}#${index + 1}`),
    locator: { kind: "batch", path, index } as const,
  }));
  const report = exported.articles.length ? [describeExport(file, exported)] : [];
  exported.articles.forEach((article, index) => {
    for (const warning of article.warnings) report.push(`warning: ${file}#${index + 1}: ${warning}`);
  });
  return { rows, errors: [...exported.errors], report };
}

/** "x.docx: Nexis Uni export, 3 articles ("End of Document" 3 times); title ← "first line" in 3, …". */
function describeExport(file: string, exported: ExportFile): string {
  const n = exported.articles.length;
  const given = Object.entries(FORMATS[exported.format].columns).map(([field, column]) => {
    const count = exported.articles.filter((a) => a.fields[field] !== undefined).length;
    return `${field} ← "${column}" in ${count}`;
  });
  const extra = [...new Set(exported.articles.flatMap((a) => Object.keys(a.extra)))].sort();
  const kept = extra.length ? `; kept in extra: ${extra.join(", ")}` : "";
  const id = exported.format === "nexis" ? "; id from the text and metadata (SHA-256)" : "";
  return `${file}: ${FORMATS[exported.format].name}, ${n} article${n === 1 ? "" : "s"} (${exported.counted}); ${given.join(", ")}${id}${kept}`;
}

/** Reads an export's article again from its locator. */
export function readExportArticle(locator: BatchLocator, file: string, at: string): RowArticle {
  const exported = readExportFile(locator.path, file);
  const article = exported?.articles[locator.index];
  if (!exported || !article)
    return {
      result: { article: null, errors: [{ file: at, field: "file", message: "changed while the corpus was being read" }] },
      unsupported: null,
    };
  return exportRow(article, exported.format, at);
}
