/**
 * Splits a Factiva HTML export into articles, as tm.plugin.factiva's `FactivaSource` and `readFactivaHTML`
 * read it (Bouchet-Valat, R package tm.plugin.factiva): each article is a `<div class="article …">` (Factiva
 * writes `article enArticle`) holding a table, one row per field, the field's code in the first cell and its
 * value in the second: HD the headline, BY the byline, PD the date ("5 March 2024"), SN the source, LA the
 * language, AN the accession number ("Document GAZ0000020240305e0350000b"), LP the lead paragraphs and TD
 * the rest of the text; every other field (WC, SC, SE, ED, CY, NS, RE …) is kept by its name
 * (factiva-fields.ts).
 */
import type { CorpusError } from "./corpus-error.ts";
import type { ExportArticle } from "./database-export.ts";
import { attribute, childrenOf, elementsOf, isElement, textOf, type HtmlDocument, type HtmlElement } from "./html-tree.ts";
import { factivaArticle, TEXT_CODES } from "./factiva-fields.ts";

/** A table row's code and its value cell, when its first cell is a Factiva field code. */
function fieldRow(row: HtmlElement): { code: string; cell: HtmlElement } | null {
  const cells = childrenOf(row).filter((n): n is HtmlElement => isElement(n) && (n.tagName === "td" || n.tagName === "th"));
  if (cells.length < 2) return null;
  const code = textOf(cells[0]!);
  return /^[A-Z]{2,3}$/.test(code) ? { code, cell: cells[1]! } : null;
}

/** Whether an element is an article block: a `div` whose first class is "article". */
function isArticleBlock(element: HtmlElement): boolean {
  return element.tagName === "div" && (attribute(element, "class") ?? "").trim().split(/\s+/)[0] === "article";
}

/** The rows holding HD or TD: what makes a page a Factiva export. */
function headlineOrTextRows(root: HtmlElement | HtmlDocument): HtmlElement[] {
  return elementsOf(root).filter((e) => e.tagName === "tr" && ["HD", "TD"].includes(fieldRow(e)?.code ?? ""));
}

/**
 * Whether a page is a Factiva export: it has a table row whose first cell says HD or TD (inside an article
 * block or not: one outside every block is reported by {@link splitFactivaExport}).
 */
export function isFactivaExport(document: HtmlDocument): boolean {
  return headlineOrTextRows(document).length > 0;
}

/** A cell's paragraphs: its `<p>` elements' texts, or its whole text when it has none. */
function paragraphsOf(cell: HtmlElement): string[] {
  const paragraphs = elementsOf(cell).filter((e) => e.tagName === "p");
  const texts = paragraphs.length ? paragraphs.map((p) => textOf(p)) : [textOf(cell)];
  return texts.filter((t) => t !== "");
}

/**
 * Splits a Factiva HTML export into articles; `file` names it in errors and each article is `file#n`.
 * Errors: no article block while field rows are present, and an article block without a field table.
 */
export function splitFactivaExport(document: HtmlDocument, file: string): { articles: ExportArticle[]; errors: CorpusError[] } {
  const blocks = elementsOf(document).filter(isArticleBlock);
  if (!blocks.length) {
    const message = `has Factiva field rows (HD, TD) but no article block (<div class="article …">) around them; save the export again with "Article Format"`;
    return { articles: [], errors: [{ file, field: "article", message }] };
  }
  return { articles: blocks.map((block, index) => readBlock(block, `${file}#${index + 1}`)), errors: [] };
}

/** One article block's fields, metadata and text. */
function readBlock(block: HtmlElement, at: string): ExportArticle {
  const rows = elementsOf(block)
    .filter((e) => e.tagName === "tr")
    .map(fieldRow)
    .filter((r) => r !== null);
  if (!rows.length) {
    const message = "an article block with no table of Factiva fields (HD, BY, PD, SN, LP, TD …)";
    return { fields: {}, extra: {}, text: "", warnings: [], errors: [{ file: at, field: "article", message }] };
  }
  return factivaArticle(
    rows.map(({ code, cell }) => ({ code, paragraphs: TEXT_CODES.includes(code) ? paragraphsOf(cell) : [textOf(cell)] })),
    at,
  );
}
