/**
 * Reads a saved web page (`.html`, `.htm`) in a corpus folder as one article: its main text
 * (html-main-text.ts), and its title, date, outlet, URL, author and language from the page's metadata
 * (html-metadata.ts). A row of the folder's side table (`metadata.csv`) overrides the page for every field
 * it gives a non-empty cell. The page is decoded by the charset it declares (UTF-8 when it declares none).
 */
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import type { CorpusError } from "./corpus-error.ts";
import { mainText } from "./html-main-text.ts";
import { pageMetadata, PAGE_FIELDS, type PageField, type PageValue } from "./html-metadata.ts";
import { parseHtml } from "./html-tree.ts";
import { articleFromRow, type RowArticle, type RowPlan } from "./import-row.ts";
import { decodeUtf8 } from "./parse-article.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

/** The extensions of saved pages. */
const HTML_EXTENSIONS = new Set([".html", ".htm"]);

/** Whether a file is a saved page. */
export function isHtmlFile(path: string): boolean {
  return HTML_EXTENSIONS.has(extname(path).toLowerCase());
}

/** The charset a page declares in its first 1024 bytes (`<meta charset>` or `http-equiv`), lower case; null if none. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * A page's text, decoded by the charset it declares (the WHATWG Encoding Standard's labels, as a browser
 * reads them); a charset no decoder knows, or bytes that are not in it, are errors.
 */
export function decodePage(bytes: Uint8Array, file: string): { text: string | null; errors: CorpusError[] } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const label = hasBom ? null : declaredCharset(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? "utf-8", { fatal: true });
  } catch {
    const message = `"${label}" is not an encoding this reader knows; save the page as UTF-8`;
    return { text: null, errors: [{ file, field: "charset", message }] };
  }
  if (decoder.encoding === "utf-8") return decodeUtf8(bytes, file);
  // Node 20 decodes windows-1252 as Latin-1: curly quotes would become control characters.
  if (decoder.encoding === "windows-1252") return { text: decodeWindows1252(bytes), errors: [] };
  try {
    return { text: decoder.decode(bytes), errors: [] };
  } catch {
    return { text: null, errors: [{ file, field: "encoding", message: `not valid ${decoder.encoding}, the charset the page declares` }] };
  }
}

/** A side-table row for a file: its cells and how they are read. */
export interface SideRow {
  readonly cells: Readonly<Record<string, string>>;
  readonly plan: RowPlan;
}

/** A page read as an article, with warnings about it (a JSON-LD block that is not JSON). */
export interface HtmlArticle extends RowArticle {
  readonly warnings: string[];
  /** The fields the page's metadata gave (and the side table did not), for the report. */
  readonly fromPage: readonly string[];
}

/**
 * Reads a saved page as an article: `defaultId` (from the file name) unless the side table gives one; each
 * other field from the side table's non-empty cell, else the page's metadata. An error about a value from
 * the page names where it was read: `published (column "<meta property="article:published_time">")`.
 */
export function readHtmlArticle(path: string, file: string, defaultId: string, row: SideRow | null): HtmlArticle {
  const decoded = decodePage(readFileSync(path), file);
  if (decoded.text === null) return { result: { article: null, errors: decoded.errors }, unsupported: null, warnings: [], fromPage: [] };
  const document = parseHtml(decoded.text);
  const meta = pageMetadata(document);
  const text = mainText(document, meta.values.title?.value ?? null);
  if (text === "") {
    const message = "no main text found in the page (no paragraph, heading or list outside navigation, header, footer and asides)";
    return {
      result: { article: null, errors: [{ file, field: "text", message }] },
      unsupported: null,
      warnings: meta.warnings,
      fromPage: [],
    };
  }
  const title = basename(path, extname(path));
  const read = articleFromFoundValues(meta.values, row, file, { text, id: defaultId, title });
  return { ...read, warnings: meta.warnings };
}

/**
 * An article from the values a file gave (a page's metadata, a Word document's properties), each named by
 * where it was read (`PageValue.from`, read as its column), and the side table's row: a non-empty cell of the
 * row wins. `extra` adds cells kept in `meta.extra` (under their own names) unless the row gives them.
 * Returns the fields the file gave (and the row did not), for the report.
 */
export function articleFromFoundValues(
  values: Readonly<Partial<Record<PageField, PageValue>>>,
  row: SideRow | null,
  file: string,
  given: { readonly text: string; readonly id: string; readonly title: string },
  extra: Readonly<Record<string, string>> = {},
): RowArticle & { readonly fromPage: readonly string[] } {
  const columns = { ...(row?.plan.columns ?? {}) };
  const pageColumns = new Map<string, PageValue>();
  const fromPage: string[] = [];
  for (const field of PAGE_FIELDS) {
    const column = columns[field];
    const value = values[field];
    if (!value || (column !== undefined && (row?.cells[column] ?? "").trim() !== "")) continue;
    columns[field] = value.from;
    pageColumns.set(value.from, value);
    fromPage.push(field);
  }
  const own = (column: string) => (Object.hasOwn(extra, column) ? extra[column] : undefined);
  const cell = (column: string) => pageColumns.get(column)?.value ?? row?.cells[column] ?? own(column);
  const rowExtra = row?.plan.extra ?? [];
  const plan: RowPlan = { columns, extra: [...rowExtra, ...Object.keys(extra).filter((c) => !rowExtra.includes(c))] };
  return { ...articleFromRow(cell, plan, file, given), fromPage };
}
