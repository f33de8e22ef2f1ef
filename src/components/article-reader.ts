// The article reader: renders an analysis record's body with its headings, paragraphs, boilerplate and
// source lines distinguished, every sentence addressable as #s-<index>, and framing markers and rhetorical
// devices highlighted, tone words coloured, and quotations, speech cues and speakers marked (toggled per
// category through classes on the article element).
// Article text is untrusted: it is only ever inserted as text nodes, never parsed as HTML.
import type { ArticleRecord, Block } from "../../data-loaders/schema/record.ts";

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

/** A highlighted span: a framing marker, a rhetorical device, a word's contribution to tone, or a voice
 * (a quotation or reported speech, its cue, its speaker). */
export interface Annotation {
  readonly kind: "frame" | "device" | "tone" | "voice";
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Said in the tooltip, e.g. "The Hegemon (personified)". */
  readonly label: string;
}

/** A category that can be highlighted, with its colour. */
export interface Category {
  readonly kind: "frame" | "device" | "tone" | "voice";
  readonly id: string;
  readonly label: string;
  readonly color: string;
}

// Light tints for frames (black text keeps a contrast ratio above 7:1 on each) and strong colours for the
// underlines of devices. From ColorBrewer Set3 and Pastel1, and Dark2 (Cynthia Brewer, Apache-2.0). A tint is
// never the only sign (issue 32, WCAG 1.4.1 and 1.4.11): a frame marker also has a dark underline and its
// frame's number after it, shown as in the legend, and the tints are drawn half-way to white
// (FRAME_TINT_MIX) so that tone words keep 4.5:1 on them. Dark2's light green and yellow are darkened to
// 3:1 on white (#66a61e to #4e8a12, #e6ab02 to #a67c00).
const FRAME_COLORS = [
  "#8dd3c7",
  "#ffffb3",
  "#bebada",
  "#fb8072",
  "#80b1d3",
  "#fdb462",
  "#b3de69",
  "#fccde5",
  "#d9d9d9",
  "#bc80bd",
  "#ccebc5",
  "#ffed6f",
  "#fbb4ae",
  "#b3cde3",
  "#decbe4",
  "#fed9a6",
  "#e5d8bd",
  "#f2f2f2",
];
const DEVICE_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#4e8a12", "#a67c00", "#a6761d", "#666666"];
/** How much white a frame's tint is mixed with (CSS color-mix), so tone words on it keep 4.5:1. */
const FRAME_TINT_MIX = "50%";
const DEVICE_STYLES = ["solid", "wavy", "dashed", "dotted", "double"];

/** Assigns each codebook entry its colour, in codebook order; tone words are blue (positive) or orange
 * (negative), a pair that stays distinct with the common colour-vision deficiencies. */
export function categoriesOf(
  framing: readonly { id: string; label: string }[],
  devices: readonly { id: string; label: string }[],
): Category[] {
  return [
    ...framing.map((entry, i) => ({
      kind: "frame" as const,
      id: entry.id,
      label: entry.label,
      color: FRAME_COLORS[i % FRAME_COLORS.length]!,
    })),
    ...devices.map((entry, i) => ({
      kind: "device" as const,
      id: entry.id,
      label: entry.label,
      color: DEVICE_COLORS[i % DEVICE_COLORS.length]!,
    })),
    // Bold, and negative words also italic: the pair differs in shape as well as hue.
    { kind: "tone" as const, id: "positive", label: "Positive words", color: "#174a85" },
    { kind: "tone" as const, id: "negative", label: "Negative words (italic)", color: "#8a3700" },
    { kind: "voice" as const, id: "quote", label: "Quoted or reported", color: "#e3dcf5" },
    { kind: "voice" as const, id: "cue", label: "Speech cues", color: "#5e3c99" },
    { kind: "voice" as const, id: "speaker", label: "Speakers", color: "#5e3c99" },
  ];
}

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

/** The annotations of a record, labelled with the codebooks' category labels. */
export function annotationsOf(record: ArticleRecord, categories: readonly Category[]): Annotation[] {
  const label = (kind: Annotation["kind"], id: string) => categories.find((c) => c.kind === kind && c.id === id)?.label ?? id;
  const quoted = (quote: string | null) => (quote === "direct" ? ", inside a quotation" : quote === "scare" ? ", in scare quotes" : "");
  const signed = (x: number) => (Number(x.toFixed(2)) === 0 ? "0.00" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);
  return [
    ...record.markers.map((m) => ({
      kind: "frame" as const,
      id: m.frame,
      start: m.start,
      end: m.end,
      label: `${label("frame", m.frame)}${m.form ? ` (${m.form})` : ""}${quoted(m.quote)}`,
    })),
    ...record.devices.map((d) => ({
      kind: "device" as const,
      id: d.device,
      start: d.start,
      end: d.end,
      label: `${label("device", d.device)}${d.device === "scare-quotes" ? "" : quoted(d.quote)}`,
    })),
    ...record.sentiment.sentences.flatMap((s) =>
      s.contributions.map((c) => ({
        kind: "tone" as const,
        id: c.value > 0 ? "positive" : "negative",
        start: c.start,
        end: c.end,
        label: `tone ${signed(c.value)} of the sentence's ${signed(s.score)}`,
      })),
    ),
    ...record.attributions.flatMap((a) => {
      // The learned detector's reasons: "probability 0.97; weighed most: w=said +1.23, after-quote +0.91".
      const cueReasons = (m: NonNullable<typeof a.cueModel>) =>
        `; probability ${m.probability.toFixed(2)}; weighed most: ${m.reasons.map((r) => `${r.feature} ${r.weight > 0 ? "+" : ""}${r.weight}`).join(", ")}`;
      const who = a.speaker ? `${a.speaker}${a.speakerType ? ` (${a.speakerType.replace("-", " ")})` : ""}` : "speaker not found";
      const how =
        (a.resolvedBy === "pronoun" || a.resolvedBy === "surname" || a.resolvedBy === "relative"
          ? `, referred to by ${a.resolvedBy}`
          : "") + (a.speakerRule ? `; found by the ${a.speakerRule} rule` : "");
      const kind = { indirect: "reported", mixed: "partly quoted", direct: "quoted", thought: "thought or belief of" }[a.kind];
      return [
        {
          kind: "voice" as const,
          id: "quote",
          start: a.quote.start,
          end: a.quote.end,
          label: `${kind}: ${who}`,
        },
        ...(a.cueSpan
          ? [
              {
                kind: "voice" as const,
                id: "cue",
                start: a.cueSpan.start,
                end: a.cueSpan.end,
                label: `speech cue "${a.cue}"${a.cueRule ? ` (${a.cueRule})` : ""}${a.cueModel ? cueReasons(a.cueModel) : ""}`,
              },
            ]
          : []),
        ...(a.speakerSpan
          ? [{ kind: "voice" as const, id: "speaker", start: a.speakerSpan.start, end: a.speakerSpan.end, label: `speaker: ${who}${how}` }]
          : []),
      ];
    }),
  ];
}

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
 * A stylesheet giving each category its highlight: a light tint, a dark underline and its number for frames,
 * a coloured underline (a style per device) for devices, bold colour for tone words (negative also italic),
 * a tint for quotations, an underline for cues and bold for speakers.
 */
export function categoryStyles(categories: readonly Category[], doc: Document = document): HTMLStyleElement {
  const style = doc.createElement("style");
  let deviceIndex = 0;
  let frameNumber = 0;
  const shown = (c: Category, end = "") => `.article-body.${showClass(c.kind, c.id)} .${end}${markClass(c.kind, c.id)}`;
  style.textContent = categories
    .map((c) => {
      if (c.kind === "frame") {
        const tint = `color-mix(in srgb, ${c.color} ${FRAME_TINT_MIX}, white)`;
        // The number is drawn, not read: assistive technology hears the mark's description instead.
        return (
          `${shown(c)}{background:${tint};border-radius:2px;box-shadow:0 0 0 1px ${tint},inset 0 -2px 0 #444}` +
          `\n${shown(c, "end-")}::after{content:"${++frameNumber}" / "";font:700 0.62em var(--sans-serif);vertical-align:super;margin-left:1px;color:#333}`
        );
      }
      if (c.kind === "voice" && c.id === "quote")
        return `${shown(c)}{background:${c.color};border-radius:2px;box-shadow:0 0 0 1px ${c.color}}`;
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
      const swatch = element(doc, "span", `swatch swatch-${kind}`);
      swatch.setAttribute("aria-hidden", "true");
      // A frame's swatch shows its number, as its marks do.
      if (kind === "frame") swatch.textContent = String(categories.filter((c) => c.kind === "frame").indexOf(category) + 1);
      swatch.style.setProperty(
        kind === "device" || (kind === "voice" && category.id === "cue") ? "border-bottom-color" : "background",
        kind === "frame" ? `color-mix(in srgb, ${category.color} ${FRAME_TINT_MIX}, white)` : category.color,
      );
      label.append(box, swatch, doc.createTextNode(`${category.label} (${count})`));
      group.appendChild(label);
    }
    if (!shown) group.appendChild(element(doc, "span", "legend-none", "none in this article"));
    legend.appendChild(group);
  }
  describeMarks(body);
  return legend;
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

/** What a link asked the reader to mark: a label for the note, and the sentences, in text order. */
export interface Selection {
  readonly label: string;
  readonly sentences: readonly number[];
}

/** The index of the sentence holding offset `at` (sentences are in text order), or null. */
function sentenceAt(record: ArticleRecord, at: number): number | null {
  let low = 0;
  let high = record.sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = record.sentences[mid]!;
    if (at < s.start) high = mid - 1;
    else if (at >= s.end) low = mid + 1;
    else return s.index;
  }
  return null;
}

/**
 * The sentences a link asks to be marked, from its address: #s-N (one sentence); ?actor=<id> (every sentence
 * mentioning the actor); ?camp=in|out (every sentence mentioning the in-group or out-group camp); ?speaker=<name> (every attribution to that speaker); ?show=<category> alone
 * (every sentence with that frame, device or tone, or with voices). Null when nothing is asked.
 */
export function selectionOf(
  record: ArticleRecord,
  annotations: readonly Annotation[],
  categories: readonly Category[],
  params: {
    readonly hash: string;
    readonly show: string | null;
    readonly actor: string | null;
    readonly camp: "in" | "out" | null;
    readonly speaker: string | null;
  },
  actorLabel: (id: string) => string = (id) => id,
): Selection | null {
  const unique = (list: ReadonlyArray<number | null>) => [...new Set(list.filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const sentence = /^#s-(\d+)$/.exec(params.hash);
  if (sentence) {
    const n = Number(sentence[1]);
    const what = params.speaker
      ? `what ${params.speaker} says`
      : params.show
        ? (categories.find((c) => c.id === params.show)?.label ?? params.show)
        : null;
    return { label: `sentence ${n + 1}${what ? `, from ${what}` : ""}`, sentences: [n] };
  }
  if (params.actor) {
    const tone = record.actors.tone.find((t) => t.actor === params.actor);
    return { label: `sentences mentioning ${actorLabel(params.actor)}`, sentences: unique(tone?.sentences ?? []) };
  }
  if (params.camp) {
    const camp = params.camp === "in" ? record.actors.inGroup : record.actors.outGroup;
    return { label: `sentences mentioning ${actorLabel(camp.camp)}`, sentences: unique(camp.sentences) };
  }
  if (params.speaker) {
    const own = record.attributions.filter((a) => a.speaker === params.speaker);
    return {
      label: `what ${params.speaker} says (${own.length} attribution${own.length === 1 ? "" : "s"})`,
      sentences: unique(own.map((a) => a.sentence)),
    };
  }
  if (params.show === "voices")
    return { label: "quotations and reported speech", sentences: unique(record.attributions.map((a) => a.sentence)) };
  if (params.show) {
    const category = categories.find((c) => c.id === params.show && c.kind !== "voice");
    if (!category) return null;
    const own = annotations.filter((a) => a.kind === category.kind && a.id === category.id);
    return {
      label: `${category.label} (${own.length} occurrence${own.length === 1 ? "" : "s"})`,
      sentences: unique(own.map((a) => sentenceAt(record, a.start))),
    };
  }
  return null;
}

/**
 * Marks a selection's sentences in the body and shows a note saying what is marked, with ‹ previous and
 * next › between the marked sentences, a way to clear the marks and a way back to the page the link came
 * from. Returns the note.
 */
export function selectionNote(body: HTMLElement, selection: Selection, doc: Document = document): HTMLElement {
  for (const old of body.querySelectorAll(".sentence.targeted")) old.classList.remove("targeted");
  const marked = selection.sentences.map((n) => body.querySelector<HTMLElement>(`#s-${n}`)).filter((s): s is HTMLElement => s !== null);
  for (const s of marked) {
    s.classList.add("targeted");
    // Focusable by script, so that ‹ previous and next › take a screen reader's and a keyboard's focus there.
    s.tabIndex = -1;
  }
  const note = doc.createElement("div");
  note.className = "selection-note";
  note.setAttribute("role", "status");
  const text = doc.createElement("span");
  let current = 0;
  const button = (label: string, title: string, action: () => void) => {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.addEventListener("click", action);
    return b;
  };
  const go = (k: number) => {
    if (!marked.length) return;
    current = (k + marked.length) % marked.length;
    marked[current]!.focus({ preventScroll: true });
    marked[current]!.scrollIntoView?.({ block: "center" });
    draw();
  };
  const draw = () => {
    text.textContent = marked.length
      ? `Marked: ${selection.label}${marked.length > 1 ? `, sentence ${current + 1} of ${marked.length}` : ""}.`
      : `Nothing to mark for ${selection.label} in this article.`;
  };
  note.append(text, " ");
  if (marked.length > 1)
    note.append(
      button("‹ previous", "the marked sentence before", () => go(current - 1)),
      " ",
      button("next ›", "the next marked sentence", () => go(current + 1)),
      " ",
    );
  note.append(
    button("clear", "remove the marks", () => {
      for (const s of marked) {
        s.classList.remove("targeted");
        s.removeAttribute("tabindex");
      }
      // The note (and the button with focus) goes: focus goes to the article, not to the page's body.
      body.tabIndex = -1;
      body.focus();
      note.remove();
    }),
  );
  if (doc.referrer && new URL(doc.referrer).origin === doc.location.origin) {
    const back = doc.createElement("a");
    back.href = doc.referrer;
    back.textContent = "← back";
    back.addEventListener("click", (event) => {
      if (history.length > 1) {
        event.preventDefault();
        history.back();
      }
    });
    note.append(" ", back);
  }
  draw();
  // Optional call: jsdom, where the tests render the reader, has no scrollIntoView.
  if (marked.length) requestAnimationFrame(() => marked[0]!.scrollIntoView?.({ block: "center" }));
  return note;
}
