/**
 * Small Word, RTF and Factiva HTML files made for the tests, with invented sentences: a `.docx` built as a
 * zip of WordprocessingML (ECMA-376) by fflate, a Nexis Uni export laid out as LexisNexisTools documents it
 * (cover page, then per article headline, outlet, date, "Length:", "Byline:", "Body", the text,
 * "Classification", "Load-Date:", "End of Document"), an RTF file, and a Factiva HTML export.
 */
import { strToU8, zipSync } from "fflate";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A paragraph of a test document: text (tabs and "\n" become w:tab and w:br), or a page break. */
export type FixtureParagraph = string | { readonly pageBreak: true };
export const PAGE: FixtureParagraph = { pageBreak: true };

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A paragraph's runs: text split at tabs and line breaks. */
function runs(text: string): string {
  return text
    .split(/(\t|\n)/)
    .map((part) =>
      part === "\t"
        ? "<w:r><w:tab/></w:r>"
        : part === "\n"
          ? "<w:r><w:br/></w:r>"
          : part
            ? `<w:r><w:t xml:space="preserve">${escapeXml(part)}</w:t></w:r>`
            : "",
    )
    .join("");
}

/** word/document.xml for the paragraphs; `extraBody` is XML put before the last paragraph. */
export function documentXml(paragraphs: readonly FixtureParagraph[], extraBody = ""): string {
  const body = paragraphs.map((p) => (typeof p === "string" ? `<w:p>${runs(p)}</w:p>` : '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${extraBody}${body.join("")}</w:body></w:document>`;
}

/** docProps/core.xml with the given properties. */
export function coreXml(properties: Readonly<{ title?: string; creator?: string; created?: string; modified?: string }>): string {
  const element = (tag: string, value: string | undefined, attrs = "") =>
    value === undefined ? "" : `<${tag}${attrs}>${escapeXml(value)}</${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element("dc:title", properties.title) +
    element("dc:creator", properties.creator) +
    element("dcterms:created", properties.created, ' xsi:type="dcterms:W3CDTF"') +
    element("dcterms:modified", properties.modified, ' xsi:type="dcterms:W3CDTF"') +
    "</cp:coreProperties>"
  );
}

/** A .docx file: the parts given (path → XML), with a content-types part. Deterministic (fixed zip dates). */
export function docxFromParts(parts: Readonly<Record<string, string>>): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(Date.UTC(2024, 0, 1));
  files["[Content_Types].xml"] = [
    strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    { mtime },
  ];
  for (const [path, xml] of Object.entries(parts)) files[path] = [strToU8(xml), { mtime }];
  return zipSync(files);
}

/** A .docx file holding the paragraphs and core properties. */
export function docx(paragraphs: readonly FixtureParagraph[], properties: Parameters<typeof coreXml>[0] = {}): Uint8Array {
  return docxFromParts({ "word/document.xml": documentXml(paragraphs), "docProps/core.xml": coreXml(properties) });
}

/** One article of a Nexis Uni export, as the fixture lays it out. */
export interface NexisFixtureArticle {
  readonly title: string;
  readonly outlet: string;
  readonly date: string;
  readonly byline?: string;
  readonly section?: string;
  readonly body: readonly string[];
  readonly language?: string;
  readonly loadDate?: string;
  /** Leave out the "Body" line (LexisNexisTools' "graphic"). */
  readonly noBody?: boolean;
}

/** The paragraphs of a Nexis Uni export: a cover page, then each article on a page of its own. */
export function nexisParagraphs(articles: readonly NexisFixtureArticle[], { withEnds = true } = {}): FixtureParagraph[] {
  const cover = [
    "User Name: = Test User",
    "Date and Time: Tuesday, March 12, 2024 10:15:00 AM CET",
    "Job Number: 1234",
    "Documents (2)",
    "Search Terms: ferry",
  ];
  const out: FixtureParagraph[] = [...cover];
  for (const a of articles) {
    out.push(PAGE, a.title, a.outlet, a.date, "Copyright 2024 The Example Company");
    if (a.section) out.push(`Section:\u00a0${a.section}`);
    out.push(`Length:\u00a0${a.body.join(" ").split(" ").length} words`);
    if (a.byline) out.push(`Byline:\u00a0${a.byline}`);
    if (!a.noBody) out.push("Body");
    out.push(...a.body, "Classification", `Language:\u00a0${a.language ?? "ENGLISH"}`, "Publication-Type:\u00a0Newspaper");
    out.push(`Load-Date:\u00a0${a.loadDate ?? a.date}`);
    if (withEnds) out.push("End of Document");
  }
  return out;
}

/** RTF for the paragraphs: non-ASCII characters as \uN with a "?" fallback, a page break as \page. */
export function rtf(paragraphs: readonly FixtureParagraph[]): string {
  const escape = (text: string) =>
    [...text]
      .map((c) => {
        const code = c.codePointAt(0)!;
        if (c === "\\" || c === "{" || c === "}") return `\\${c}`;
        if (code < 128) return c;
        return [...c.normalize()]
          .flatMap((ch) => (ch.length === 2 ? [ch.charCodeAt(0), ch.charCodeAt(1)] : [ch.charCodeAt(0)]))
          .map((unit) => `\\u${unit > 32767 ? unit - 65536 : unit}?`)
          .join("");
      })
      .join("");
  const body = paragraphs.map((p) => (typeof p === "string" ? `${escape(p)}\\par\n` : "\\page\n"));
  return `{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\colortbl;\\red0\\green0\\blue0;}{\\info{\\title Export}{\\author Someone}}\\uc1\n${body.join("")}}`;
}

/** One article of a Factiva HTML export: its fields by code (LP and TD as paragraphs). */
export type FactivaFixtureArticle = Readonly<Record<string, string | readonly string[]>>;

/** A Factiva HTML export: one `<div class="article enArticle">` with a table of fields per article. */
export function factivaHtml(articles: readonly FactivaFixtureArticle[], { blocks = true } = {}): string {
  const rows = (article: FactivaFixtureArticle) =>
    Object.entries(article)
      .map(([code, value]) => {
        const cell = typeof value === "string" ? escapeXml(value) : value.map((p) => `<p>${escapeXml(p)}</p>`).join("");
        return `<tr><td><b>${code}</b>&nbsp;</td><td>${cell}</td></tr>`;
      })
      .join("");
  const tables = articles.map((a) => `<table border="0">${rows(a)}</table>`);
  const body = blocks ? tables.map((t) => `<div class="article enArticle">${t}</div>`) : tables;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Factiva</title></head><body><div id="headlines">Search summary</div>${body.join("<br>")}<p>© 2024 Factiva, Inc. All rights reserved.</p></body></html>`;
}

/** A Factiva RTF export: per article a table, one row per field (code cell, value cell), LP and TD a paragraph per \par. */
export function factivaRtf(articles: readonly FactivaFixtureArticle[]): string {
  const escape = (text: string) => text.replace(/[\\{}]/g, (c) => `\\${c}`).replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0)}?`);
  const row = (code: string, value: string | readonly string[]) => {
    const cell = typeof value === "string" ? escape(value) : value.map(escape).join("\\par ");
    return `\\trowd\\cellx1200\\cellx9000\\pard\\intbl ${code} \\cell ${cell}\\cell\\row\n`;
  };
  const tables = articles.map(
    (a) =>
      Object.entries(a)
        .map(([code, value]) => row(code, value))
        .join("") + "\\pard\\par\n",
  );
  return `{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}\\uc1\n\\pard Search Summary\\par\n${tables.join("\\page\n")}}`;
}
