/**
 * Reads a Word document (`.docx`) in a corpus folder as one article (a Nexis Uni export in `.docx`, many
 * articles in one file, is read by import-batch.ts instead). Its text is its paragraphs, each a paragraph of
 * the article; its title the document's title property (`dc:title`), else its first paragraph when more
 * follow and it is at most 300 characters, and a first paragraph that is the title is left out of the text;
 * its author the `dc:creator` property. The file's own dates (`dcterms:created`, `dcterms:modified`) say when
 * the Word file was made or saved, not when the article was published: they are kept in `meta.extra` as
 * `docx_created` and `docx_modified`, never read as `published` (a side-table `published` cell gives that).
 * A row of the folder's side table (`metadata.csv`) overrides the document for every field it gives.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import { readDocx, PAGE_BREAK, type DocxDocument } from "./docx-document.ts";
import type { CorpusError } from "./corpus-error.ts";
import type { PageField, PageValue } from "./html-metadata.ts";
import { articleFromFoundValues, type HtmlArticle, type SideRow } from "./import-html.ts";

/** Whether a file is a Word document. */
export function isDocxFile(path: string): boolean {
  return extname(path).toLowerCase() === ".docx";
}

/** The last Word file read, so that classifying it (import-batch.ts) and reading it parse it once per thread. */
let lastDocx: { key: string; read: ReturnType<typeof readDocx> } | null = null;

/** Reads a `.docx` file (see docx-document.ts), from the one-file cache when it is unchanged. */
export function readDocxFile(path: string, file: string): { document: DocxDocument | null; errors: CorpusError[] } {
  const stat = statSync(path);
  const key = `${path}\n${stat.size}\n${stat.mtimeMs}`;
  if (lastDocx?.key !== key) lastDocx = { key, read: readDocx(readFileSync(path), file) };
  return { document: lastDocx.read.document, errors: lastDocx.read.errors.map((e) => ({ ...e, file })) };
}

/** The longest first paragraph taken as a title. */
const MAX_TITLE = 300;

/**
 * The title and text of a document (see the module comment): the paragraphs trimmed, empty ones and page
 * breaks left out.
 * @example documentTitleAndText({ paragraphs: ["Dike opens", "The dike opened."], properties: … }) // { title: { value: "Dike opens", from: "first paragraph" }, text: "The dike opened." }
 */
export function documentTitleAndText(document: DocxDocument): { title: PageValue | null; text: string } {
  const paragraphs = document.paragraphs.filter((p) => p !== PAGE_BREAK).map((p) => p.replace(/[ \t]*\n[ \t]*/g, "\n").trim());
  const kept = paragraphs.filter((p) => p !== "");
  const property = document.properties.title;
  const first = kept[0];
  const firstIsTitle = first !== undefined && kept.length > 1 && first.length <= MAX_TITLE && !first.includes("\n");
  const title = property ? { value: property, from: "dc:title" } : firstIsTitle ? { value: first, from: "first paragraph" } : null;
  const dropFirst = title !== null && first === title.value && kept.length > 1;
  return { title, text: (dropFirst ? kept.slice(1) : kept).join("\n\n") };
}

/** Reads a `.docx` file as one article: `defaultId` (from the file name) unless the side table gives one. */
export function readDocxArticle(path: string, file: string, defaultId: string, row: SideRow | null): HtmlArticle {
  const { document, errors } = readDocxFile(path, file);
  if (!document) return { result: { article: null, errors }, unsupported: null, warnings: [], fromPage: [] };
  const { title, text } = documentTitleAndText(document);
  if (text === "") {
    const message = "the document has no text (no paragraph with a word in it)";
    return { result: { article: null, errors: [{ file, field: "text", message }] }, unsupported: null, warnings: [], fromPage: [] };
  }
  const values: Partial<Record<PageField, PageValue>> = {};
  if (title) values.title = title;
  if (document.properties.creator) values.author = { value: document.properties.creator, from: "dc:creator" };
  const extra: Record<string, string> = {};
  if (document.properties.created) extra.docx_created = document.properties.created;
  if (document.properties.modified) extra.docx_modified = document.properties.modified;
  const given = { text, id: defaultId, title: basename(path, extname(path)) };
  return { ...articleFromFoundValues(values, row, file, given, extra), warnings: [] };
}
