// The article reader: renders an analysis record's body with its headings, paragraphs, boilerplate and
// source lines distinguished, every sentence addressable as #s-<index>, and framing markers and rhetorical
// devices highlighted, tone words coloured, and quotations, speech cues and speakers marked (toggled per
// category through classes on the article element).
// Article text is untrusted: it is only ever inserted as text nodes, never parsed as HTML.
import type { ArticleRecord, Block } from "../../data-loaders/schema/record.ts";
import { DEVICE_STYLES, FRAME_NUMBER_COLOR, type Annotation, type Category } from "./article-annotations.js";

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

/** What each kind of mark is, said to assistive technology before its label. */
const KIND_NAMES: Readonly<Record<Annotation["kind"], string>> = {
  frame: "framing marker",
  device: "rhetorical device",
  tone: "tone word",
  voice: "voice",
};

/** Each mark's categories (their "show" classes) and what it says of each, for {@link describeMarks}. */
const markDescriptions = new WeakMap<Element, ReadonlyArray<readonly [show: string, description: string]>>();

/** The class that marks a highlighted piece of text, and the class on the article that shows it. */
const markClass = (kind: Annotation["kind"], id: string) =>
  `${kind === "frame" ? "f" : kind === "device" ? "d" : kind === "tone" ? "t" : "v"}-${id}`;
const showClass = (kind: Annotation["kind"], id: string) => `show-${markClass(kind, id)}`;

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
function appendVisibleText(parent: Node, text: string, start: number, end: number, markup: ArticleRecord["markup"]): void {
  let at = start;
  for (const [from, to] of markup) {
    if (to <= at) continue;
    if (from >= end) break;
    if (from > at) parent.appendChild(parent.ownerDocument!.createTextNode(text.slice(at, from)));
    at = Math.max(at, to);
  }
  if (at < end) parent.appendChild(parent.ownerDocument!.createTextNode(text.slice(at, end)));
}

/**
 * Appends a sentence's text, cut at every annotation boundary: each piece covered by annotations is a
 * span carrying the classes of all of them, so overlapping frames and devices are all shown and toggled.
 */
function appendAnnotated(parent: HTMLElement, record: ArticleRecord, start: number, end: number, annotations: readonly Annotation[]): void {
  const doc = parent.ownerDocument;
  const inside = annotations.filter((a) => a.start < end && a.end > start);
  if (!inside.length) return appendVisibleText(parent, record.text, start, end, record.markup);
  const cuts = [...new Set([start, end, ...inside.flatMap((a) => [Math.max(a.start, start), Math.min(a.end, end)])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const covering = inside.filter((a) => a.start <= from && a.end >= to);
    if (!covering.length) {
      appendVisibleText(parent, record.text, from, to, record.markup);
      continue;
    }
    // The piece where an annotation ends carries its end class, where the frame's number is shown.
    const classes = [
      ...covering.map((a) => markClass(a.kind, a.id)),
      ...covering.filter((a) => a.end <= to).map((a) => `end-${markClass(a.kind, a.id)}`),
    ];
    const mark = element(doc, "mark", ["mark", ...new Set(classes)].join(" "));
    mark.title = [...new Set(covering.map((a) => a.label))].join("; ");
    markDescriptions.set(
      mark,
      covering.map((a) => [showClass(a.kind, a.id), a.kind === "voice" ? a.label : `${KIND_NAMES[a.kind]}: ${a.label}`] as const),
    );
    appendVisibleText(mark, record.text, from, to, record.markup);
    parent.appendChild(mark);
  }
}

/** Renders one block, wrapping each of its sentences in a `span.sentence#s-<index>`. */
function renderBlock(
  doc: Document,
  record: ArticleRecord,
  block: Block,
  sentences: ArticleRecord["sentences"],
  annotations: readonly Annotation[],
): HTMLElement {
  const tag = block.kind === "heading" ? "h2" : block.kind === "paragraph" ? "p" : "div";
  const node = element(doc, tag, `block block-${block.kind}`);
  node.dataset.block = String(block.index);
  node.dataset.start = String(block.start);
  node.dataset.end = String(block.end);
  if (block.kind === "boilerplate" || block.kind === "source-line") {
    const why = block.rule ? (RULE_LABELS[block.rule] ?? `pattern ${block.rule}`) : "";
    node.appendChild(element(doc, "span", "block-label", why ? `${BLOCK_LABELS[block.kind]} (${why})` : BLOCK_LABELS[block.kind]));
  }
  let at = block.start;
  for (const sentence of sentences) {
    appendVisibleText(node, record.text, at, sentence.start, record.markup);
    const span = element(doc, "span", "sentence");
    span.id = `s-${sentence.index}`;
    span.dataset.start = String(sentence.start);
    span.dataset.end = String(sentence.end);
    const tone = record.sentiment.sentences[sentence.index]?.score;
    if (tone !== undefined) span.dataset.tone = String(tone);
    appendAnnotated(span, record, sentence.start, sentence.end, annotations);
    node.appendChild(span);
    at = sentence.end;
  }
  appendVisibleText(node, record.text, at, block.end, record.markup);
  return node;
}

/**
 * Renders the whole article body as an `<article>` element. Annotations are highlighted only for the
 * categories whose "show" class is on the element (see {@link categoryToggles}).
 * @example articleBody(record, []).querySelector("#s-0")?.textContent // the first sentence
 */
export function articleBody(record: ArticleRecord, annotations: readonly Annotation[] = [], doc: Document = document): HTMLElement {
  const bySentenceBlock = new Map<number, ArticleRecord["sentences"][number][]>();
  for (const sentence of record.sentences) {
    const list = bySentenceBlock.get(sentence.block);
    if (list) list.push(sentence);
    else bySentenceBlock.set(sentence.block, [sentence]);
  }
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  const article = element(doc, "article", "article-body");
  article.lang = record.language;
  for (const block of record.blocks) {
    const inBlock = sorted.filter((a) => a.start < block.end && a.end > block.start);
    article.appendChild(renderBlock(doc, record, block, bySentenceBlock.get(block.index) ?? [], inBlock));
  }
  return article;
}

/**
 * A stylesheet giving each category its highlight: for frames a light tint, an underline in a darker shade
 * and the frame's number; for devices a coloured underline (a style per device); bold colour for tone words
 * (negative also italic); for quotations a tint with a dotted line above; an underline for cues; bold for
 * speakers. The colours are the categories' (article-annotations.ts), whose contrasts a test checks.
 */
export function categoryStyles(categories: readonly Category[], doc: Document = document): HTMLStyleElement {
  const style = doc.createElement("style");
  let deviceIndex = 0;
  let frameNumber = 0;
  const shown = (c: Category, end = "") => `.article-body.${showClass(c.kind, c.id)} .${end}${markClass(c.kind, c.id)}`;
  // The quotation's rule comes first, so that where a frame marker lies inside a quotation the frame's tint
  // is drawn, under the frame's underline (its 3:1 is measured against its own tint).
  const isQuote = (c: Category) => c.kind === "voice" && c.id === "quote";
  style.textContent = [...categories.filter(isQuote), ...categories.filter((c) => !isQuote(c))]
    .map((c) => {
      if (c.kind === "frame") {
        // The number is drawn, not read: assistive technology hears the mark's description instead.
        return (
          `${shown(c)}{background:${c.color};border-radius:2px;box-shadow:0 0 0 1px ${c.color},inset 0 -3px 0 ${c.edge}}` +
          `\n${shown(c, "end-")}::after{content:"${++frameNumber}" / "";font:700 0.62em var(--sans-serif);vertical-align:super;margin-left:1px;color:${FRAME_NUMBER_COLOR}}`
        );
      }
      // No box-shadow: a frame's underline, drawn by its box-shadow, stays visible inside a quotation.
      if (c.kind === "voice" && c.id === "quote") return `${shown(c)}{background:${c.color};border-top:2px dotted ${c.edge}}`;
      if (c.kind === "device" || (c.kind === "voice" && c.id === "cue"))
        return `${shown(c)}{text-decoration-line:underline;text-decoration-color:${c.color};text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-style:${c.kind === "voice" ? "solid" : DEVICE_STYLES[deviceIndex++ % DEVICE_STYLES.length]}}`;
      return `${shown(c)}{color:${c.color};font-weight:700${c.kind === "tone" && c.id === "negative" ? ";font-style:italic" : ""}}`;
    })
    .join("\n");
  return style;
}

/**
 * Says what each mark in `body` is to assistive technology, for the categories shown now: a mark of a shown
 * category gets an accessible description naming it ("framing marker: The Hegemon (personified)"); a mark
 * whose categories are all hidden is presented as plain text, as it looks.
 */
export function describeMarks(body: HTMLElement): void {
  for (const mark of body.querySelectorAll("mark.mark")) {
    const shown = (markDescriptions.get(mark) ?? []).filter(([show]) => body.classList.contains(show)).map(([, text]) => text);
    if (shown.length) {
      mark.removeAttribute("role");
      mark.setAttribute("aria-description", [...new Set(shown)].join("; "));
    } else {
      mark.setAttribute("role", "none");
      mark.removeAttribute("aria-description");
    }
  }
}

/**
 * A legend with one checkbox per category that occurs in the article (with its count); ticking one adds
 * its "show" class to `body`. `initial` says which are ticked at first.
 */
export function categoryToggles(
  categories: readonly Category[],
  annotations: readonly Annotation[],
  body: HTMLElement,
  initial: (category: Category) => boolean,
  doc: Document = document,
): HTMLElement {
  const legend = element(doc, "div", "category-legend");
  const titles = { frame: "Framing markers", device: "Rhetorical devices", tone: "Tone of words", voice: "Voices (who speaks)" };
  for (const kind of ["frame", "device", "tone", "voice"] as const) {
    const group = element(doc, "fieldset", `legend-${kind}s`);
    group.appendChild(element(doc, "legend", "", titles[kind]));
    let shown = 0;
    for (const category of categories.filter((c) => c.kind === kind)) {
      const count = annotations.filter((a) => a.kind === kind && a.id === category.id).length;
      if (!count) continue;
      shown++;
      const label = element(doc, "label", "legend-toggle");
      const box = element(doc, "input");
      box.type = "checkbox";
      box.value = category.id;
      box.checked = initial(category);
      body.classList.toggle(showClass(kind, category.id), box.checked);
      box.addEventListener("change", () => {
        body.classList.toggle(showClass(kind, category.id), box.checked);
        describeMarks(body);
      });
      label.append(box, legendSwatch(doc, category, categories), doc.createTextNode(`${category.label} (${count})`));
      group.appendChild(label);
    }
    if (!shown) group.appendChild(element(doc, "span", "legend-none", "none in this article"));
    legend.appendChild(group);
  }
  describeMarks(body);
  return legend;
}

/** A category's swatch in the legend, drawn as its marks are: a frame's tint, underline and number; a
 * device's or cue's underline; a quotation's tint and dotted line; a tone word's or speaker's "Aa" in its
 * colour and style. */
function legendSwatch(doc: Document, category: Category, categories: readonly Category[]): HTMLElement {
  const { kind, id, color, edge } = category;
  const swatch = element(doc, "span", `swatch swatch-${kind}${kind === "voice" || kind === "tone" ? ` swatch-${id}` : ""}`);
  swatch.setAttribute("aria-hidden", "true");
  if (kind === "frame") swatch.textContent = String(categories.filter((c) => c.kind === "frame").indexOf(category) + 1);
  if (kind === "tone" || id === "speaker") swatch.textContent = "Aa";
  if (kind === "device" || id === "cue") swatch.style.setProperty("border-bottom-color", color);
  else if (kind === "tone" || id === "speaker") swatch.style.setProperty("color", color);
  else swatch.style.setProperty("background", color);
  if (kind === "frame") swatch.style.setProperty("box-shadow", `inset 0 -3px 0 ${edge}`);
  if (kind === "frame") swatch.style.setProperty("color", FRAME_NUMBER_COLOR);
  if (id === "quote") swatch.style.setProperty("border-top", `2px dotted ${edge}`);
  return swatch;
}

/** A legend of the block kinds, styled like the blocks themselves. */
export function blockLegend(doc: Document = document): HTMLElement {
  const legend = element(doc, "div", "block-legend");
  legend.appendChild(element(doc, "span", "legend-title", "Blocks:"));
  for (const kind of ["heading", "paragraph", "boilerplate", "source-line"] as const) {
    legend.appendChild(element(doc, "span", `legend-item block-${kind}`, kind));
  }
  return legend;
}
