/**
 * The text of a Word document (`.docx`, Office Open XML, ECMA-376): its paragraphs in document order and its
 * core properties (`docProps/core.xml`: title, creator, created, modified). The zip is opened by fflate and
 * each XML part read by saxes (a conforming, non-validating XML parser that expands no external entity);
 * nothing in the file is run. Source: ECMA-376 Part 1, §17.3 (paragraphs and runs) and Part 2, §11 (core
 * properties).
 */
import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import type { CorpusError } from "./corpus-error.ts";

/** The parts read, and the largest size one may unpack to (a zip bomb is refused, not unpacked). */
const DOCUMENT_PART = "word/document.xml";
const CORE_PART = "docProps/core.xml";
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** WordprocessingML's namespaces: transitional (what Word writes) and strict. */
const WORD_NAMESPACES = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
/** Markup compatibility: of a `mc:AlternateContent`, only the `mc:Choice` is read (its fallback repeats it). */
const COMPATIBILITY_NAMESPACE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/** The paragraph that stands for a page break (`w:br w:type="page"`, `w:pageBreakBefore`, RTF's `\page`). */
export const PAGE_BREAK = "\f";

/** A document's core properties, each null when absent or empty. */
export interface DocxProperties {
  readonly title: string | null;
  readonly creator: string | null;
  readonly created: string | null;
  readonly modified: string | null;
}

/** A document read: its paragraphs (text with tabs and line breaks, not trimmed) and core properties. */
export interface DocxDocument {
  readonly paragraphs: readonly string[];
  readonly properties: DocxProperties;
}

/**
 * Reads a `.docx` file's paragraphs and core properties. A run's text (`w:t`), tab (`w:tab`, "\t") and line
 * break (`w:br`, `w:cr`, "\n") are kept; deleted text, field codes and a markup-compatibility fallback are
 * not; a paragraph inside a text box is its own paragraph, after the one that holds it.
 * @throws nothing: a file that is not a zip, has no `word/document.xml`, or holds XML that does not parse
 *   gives one error naming the file and the part
 * @example readDocx(bytes, "a.docx").document?.paragraphs // ["Title", "First paragraph."]
 */
export function readDocx(bytes: Uint8Array, file: string): { document: DocxDocument | null; errors: CorpusError[] } {
  const fail = (field: string, message: string) => ({ document: null, errors: [{ file, field, message }] });
  let parts: Record<string, Uint8Array>;
  let tooLarge: string | null = null;
  try {
    parts = unzipSync(bytes, {
      filter: (entry) => {
        const wanted = entry.name === DOCUMENT_PART || entry.name === CORE_PART;
        if (wanted && entry.originalSize > MAX_PART_BYTES) tooLarge = entry.name;
        return wanted && tooLarge === null;
      },
    });
  } catch (error) {
    return fail("file", `is not a readable .docx (a Word file is a zip archive): ${(error as Error).message}`);
  }
  if (tooLarge) return fail(tooLarge, `unpacks to more than ${MAX_PART_BYTES / 1024 / 1024} MB; refused`);
  const body = parts[DOCUMENT_PART];
  if (!body) return fail(DOCUMENT_PART, "is missing: this zip is not a Word document (save it as .docx from Word or LibreOffice)");
  const paragraphs = parseXml(body, (parser) => collectParagraphs(parser));
  if ("error" in paragraphs) return fail(DOCUMENT_PART, paragraphs.error);
  const core = parts[CORE_PART];
  const properties = core ? parseXml(core, (parser) => collectProperties(parser)) : { value: NO_PROPERTIES };
  if ("error" in properties) return fail(CORE_PART, properties.error);
  return { document: { paragraphs: paragraphs.value, properties: properties.value }, errors: [] };
}

const NO_PROPERTIES: DocxProperties = { title: null, creator: null, created: null, modified: null };

/** Runs saxes over an XML part with handlers set by `listen`; the value it returns, or the parser's error. */
function parseXml<T>(bytes: Uint8Array, listen: (parser: SaxesParser<{ xmlns: true }>) => () => T): { value: T } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { error: "is not valid UTF-8 XML" };
  }
  const parser = new SaxesParser({ xmlns: true });
  const result = listen(parser);
  try {
    parser.write(text).close();
  } catch (error) {
    return { error: `is not well-formed XML: ${(error as Error).message.split("\n")[0]}` };
  }
  return { value: result() };
}

/** Paragraph texts in document order, as the parser reaches their ends (see readDocx). */
function collectParagraphs(parser: SaxesParser<{ xmlns: true }>): () => string[] {
  const done: string[] = [];
  const open: string[][] = [];
  // Paragraphs (by depth) that held a page break: nothing after it is no paragraph.
  const broken = new Set<number>();
  let inText = 0;
  let skipped = 0;
  const isWord = (tag: SaxesTagNS) => WORD_NAMESPACES.has(tag.uri);
  // A page break ends the text before it as a paragraph, and is a paragraph of its own.
  const breakPage = () => {
    const before = open.at(-1)?.join("") ?? "";
    if (before !== "") done.push(before);
    if (open.length) open[open.length - 1] = [];
    broken.add(open.length);
    done.push(PAGE_BREAK);
  };
  const isFallback = (tag: SaxesTagNS) => tag.uri === COMPATIBILITY_NAMESPACE && tag.local === "Fallback";
  parser.on("opentag", (tag) => {
    if (isFallback(tag)) skipped++;
    if (skipped || !isWord(tag)) return;
    if (tag.local === "p") {
      open.push([]);
      broken.delete(open.length);
    } else if (tag.local === "t") inText++;
    else if (tag.local === "tab") open.at(-1)?.push("\t");
    else if (tag.local === "br" && attributeOf(tag, "type") === "page") breakPage();
    else if (tag.local === "br" || tag.local === "cr") open.at(-1)?.push("\n");
    else if (tag.local === "pageBreakBefore" && !["0", "false", "off"].includes(attributeOf(tag, "val") ?? "")) breakPage();
  });
  parser.on("text", (text) => {
    if (inText && !skipped) open.at(-1)?.push(text);
  });
  parser.on("closetag", (tag) => {
    if (isFallback(tag)) skipped--;
    else if (skipped || !isWord(tag)) return;
    else if (tag.local === "t") inText--;
    else if (tag.local === "p") {
      const text = open.pop()!.join("");
      if (text !== "" || !broken.delete(open.length + 1)) done.push(text);
    }
  });
  return () => done;
}

/** An attribute's value by its local name (`w:type` → "type"), or null. */
function attributeOf(tag: SaxesTagNS, local: string): string | null {
  return Object.values(tag.attributes).find((a) => a.local === local)?.value ?? null;
}

/** The core properties (Dublin Core `dc:title`, `dc:creator`; `dcterms:created`, `dcterms:modified`). */
function collectProperties(parser: SaxesParser<{ xmlns: true }>): () => DocxProperties {
  const wanted: Readonly<Record<string, keyof DocxProperties>> = {
    "http://purl.org/dc/elements/1.1/ title": "title",
    "http://purl.org/dc/elements/1.1/ creator": "creator",
    "http://purl.org/dc/terms/ created": "created",
    "http://purl.org/dc/terms/ modified": "modified",
  };
  const found: Record<keyof DocxProperties, string | null> = { ...NO_PROPERTIES };
  let current: keyof DocxProperties | null = null;
  let buffer = "";
  parser.on("opentag", (tag) => {
    current = wanted[`${tag.uri} ${tag.local}`] ?? null;
    buffer = "";
  });
  parser.on("text", (text) => void (buffer += text));
  parser.on("closetag", () => {
    if (current && buffer.trim()) found[current] = buffer.trim().replace(/\s+/g, " ");
    current = null;
  });
  return () => found;
}
