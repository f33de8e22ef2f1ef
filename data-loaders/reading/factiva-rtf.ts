/**
 * Splits a Factiva RTF export ("Full Article/Report plus Indexing", saved in "Article Format") into articles.
 * Each field is a table row, its code in the first cell and its value in the second, which the RTF reader
 * (rtf-text.ts) gives as a paragraph "HD<tab>Island gets a new ferry"; a value of several paragraphs (LP,
 * TD) runs on in the paragraphs after it, up to the next field's row. AN, the accession number, is the last
 * field of each article and ends it. Text before the first field row (the export's header) is not read.
 */
import type { CorpusError } from "./corpus-error.ts";
import type { ExportArticle } from "./database-export.ts";
import { PAGE_BREAK } from "./docx-document.ts";
import { factivaArticle, KNOWN_CODES, type FactivaField } from "./factiva-fields.ts";

/** A field's row: its code (the cell may hold spaces after it), the cell separator, the value's first paragraph. */
const FIELD_ROW = /^([A-Z]{2,3})[ \u00a0]*\t+([\s\S]*)$/;

/** The field row a paragraph starts, or null: a known code only, so that a paragraph opening "US\t" is text. */
function fieldRow(paragraph: string): { code: string; value: string } | null {
  const match = FIELD_ROW.exec(paragraph);
  return match && KNOWN_CODES.has(match[1]!) ? { code: match[1]!, value: match[2]! } : null;
}

/** A cell's text without the tab that ends it. */
const cellText = (text: string) => text.replace(/\t+$/, "").trim();

/** Whether an RTF file's paragraphs are a Factiva export: a row of HD or TD. */
export function isFactivaRtf(paragraphs: readonly string[]): boolean {
  return paragraphs.some((p) => ["HD", "TD"].includes(fieldRow(p)?.code ?? ""));
}

/**
 * Splits a Factiva RTF export's paragraphs into articles, each `file#n`. Errors: no field row at all, and
 * fields after the last AN (an article whose accession number, and so whose end, is missing).
 * @example splitFactivaRtf(["HD\tTitle", "TD\tText.", "AN\tDocument X1"], "f.rtf").articles[0]?.fields.id // "X1"
 */
export function splitFactivaRtf(
  paragraphs: readonly string[],
  file: string,
): { articles: ExportArticle[]; ends: number; errors: CorpusError[] } {
  const articles: ExportArticle[] = [];
  let current: { code: string; paragraphs: string[] }[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === PAGE_BREAK) continue;
    const row = fieldRow(paragraph);
    if (row) {
      current.push({ code: row.code, paragraphs: [cellText(row.value)].filter((p) => p !== "") });
      if (row.code === "AN") {
        articles.push(factivaArticle(current as readonly FactivaField[], `${file}#${articles.length + 1}`));
        current = [];
      }
    } else if (current.length && cellText(paragraph) !== "") current.at(-1)!.paragraphs.push(cellText(paragraph));
  }
  const errors: CorpusError[] = [];
  if (current.length) {
    const first = `${current[0]!.code} "${(current[0]!.paragraphs[0] ?? "").slice(0, 60)}"`;
    errors.push({
      file,
      field: "AN",
      message: `${current.length} field(s) after the last AN (from ${first}): an article without its accession number?`,
    });
  }
  if (!articles.length && !current.length) errors.push({ file, field: "article", message: "has no Factiva field rows (HD, TD, AN …)" });
  return { articles, ends: articles.length, errors };
}
