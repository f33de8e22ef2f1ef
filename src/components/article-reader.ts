// The article reader: renders an analysis record's body with its headings, paragraphs, boilerplate and
// source lines distinguished, and every sentence addressable as #s-<index> so any figure can link to it.
// Article text is untrusted: it is only ever inserted as text nodes, never parsed as HTML.
import type { ArticleRecord, Block } from "../../data-loaders/types.ts";

/** Labels shown beside blocks that are not analysed. */
const BLOCK_LABELS: Readonly<Record<Block["kind"], string>> = {
  heading: "heading",
  paragraph: "paragraph",
  boilerplate: "boilerplate: shown, not analysed",
  "source-line": "origin line: shown, not analysed",
};

/** Rule ids the segmenter uses, said in words for readers. */
const RULE_LABELS: Readonly<Record<string, string>> = {
  "embedded-headline": "another article's headline left by a related-articles widget",
  "markdown-heading": "Markdown heading",
  "heading-shape": "short line without final punctuation",
};

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Appends `text[start, end)` to `parent` as text nodes, leaving out Markdown syntax characters
 * (`markup`, sorted `[start, end)` ranges), so `**bold**` reads as "bold" while offsets stay those of the body.
 */
function appendVisibleText(
  parent: Node,
  text: string,
  start: number,
  end: number,
  markup: ArticleRecord["markup"],
): void {
  let at = start;
  for (const [from, to] of markup) {
    if (to <= at) continue;
    if (from >= end) break;
    if (from > at) parent.appendChild(parent.ownerDocument!.createTextNode(text.slice(at, from)));
    at = Math.max(at, to);
  }
  if (at < end) parent.appendChild(parent.ownerDocument!.createTextNode(text.slice(at, end)));
}

/** Renders one block, wrapping each of its sentences in a `span.sentence#s-<index>`. */
function renderBlock(doc: Document, record: ArticleRecord, block: Block, sentencesByBlock: Map<number, ArticleRecord["sentences"]>): HTMLElement {
  const tag = block.kind === "heading" ? "h2" : block.kind === "paragraph" ? "p" : "div";
  const node = element(doc, tag, `block block-${block.kind}`);
  node.dataset.block = String(block.index);
  node.dataset.start = String(block.start);
  node.dataset.end = String(block.end);
  if (block.kind === "boilerplate" || block.kind === "source-line") {
    const why = block.rule ? RULE_LABELS[block.rule] ?? `pattern ${block.rule}` : "";
    node.appendChild(element(doc, "span", "block-label", why ? `${BLOCK_LABELS[block.kind]} (${why})` : BLOCK_LABELS[block.kind]));
  }
  let at = block.start;
  for (const sentence of sentencesByBlock.get(block.index) ?? []) {
    appendVisibleText(node, record.text, at, sentence.start, record.markup);
    const span = element(doc, "span", "sentence");
    span.id = `s-${sentence.index}`;
    span.dataset.start = String(sentence.start);
    span.dataset.end = String(sentence.end);
    span.title = `sentence ${sentence.index}, characters ${sentence.start}–${sentence.end}`;
    appendVisibleText(span, record.text, sentence.start, sentence.end, record.markup);
    node.appendChild(span);
    at = sentence.end;
  }
  appendVisibleText(node, record.text, at, block.end, record.markup);
  return node;
}

/**
 * Renders the whole article body as an `<article>` element.
 * @example articleBody(record, document).querySelector("#s-0")?.textContent // the first sentence
 */
export function articleBody(record: ArticleRecord, doc: Document = document): HTMLElement {
  const sentencesByBlock = new Map<number, ArticleRecord["sentences"]>();
  for (const sentence of record.sentences) {
    const list = sentencesByBlock.get(sentence.block);
    if (list) (list as ArticleRecord["sentences"][number][]).push(sentence);
    else sentencesByBlock.set(sentence.block, [sentence]);
  }
  const article = element(doc, "article", "article-body");
  article.lang = record.language;
  for (const block of record.blocks) article.appendChild(renderBlock(doc, record, block, sentencesByBlock));
  return article;
}

/** A legend of the block kinds, styled like the blocks themselves. */
export function blockLegend(doc: Document = document): HTMLElement {
  const legend = element(doc, "div", "block-legend");
  legend.appendChild(element(doc, "span", "legend-title", "Legend:"));
  for (const kind of ["heading", "paragraph", "boilerplate", "source-line"] as const) {
    legend.appendChild(element(doc, "span", `legend-item block-${kind}`, kind));
  }
  return legend;
}
