// Charts for the Who speaks page, fed by voices.json (data-loaders/compare/compare-voices.ts compareVoices).
import * as Plot from "@observablehq/plot";
// Type imports only: Framework bundles components for the browser and allows no runtime import from outside src/.
import type { VoiceType } from "../../data-loaders/schema/enums.ts";
import type { AttributionKind } from "../../data-loaders/schema/enums.ts";
import { chartTable } from "./chart-table.js";
import { contrastRatio } from "./contrast.js";
import { element } from "./dom.js";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
export const MIN_CHART_WIDTH = 480;

/** One article's attributions, counted by speaker type and by kind (from its rows file). */
export interface ArticleVoices {
  readonly id: string;
  readonly title: string;
  readonly byType: Readonly<Record<VoiceType, number>>;
  readonly byKind: Readonly<Record<AttributionKind, number>>;
}

/**
 * Labels, colours and symbols of the speaker types (colour-blind-safe Okabe–Ito palette, grey for the
 * rest), in the order the pages show them. The symbol, a letter drawn in the network's circles and in its
 * legend, tells the types apart without colour (issue 32; three of the colours are under 3:1 on white).
 * Typed by the schema's VoiceType, so a type added there fails the type check until it has a label here.
 */
const VOICE_STYLE: Readonly<Record<VoiceType, { label: string; color: string; symbol: string }>> = {
  government: { label: "Government or official", color: "#0072B2", symbol: "G" },
  "state-media": { label: "State media", color: "#D55E00", symbol: "S" },
  "other-media": { label: "Other media", color: "#E69F00", symbol: "M" },
  expert: { label: "Expert or analyst", color: "#009E73", symbol: "E" },
  document: { label: "Document", color: "#CC79A7", symbol: "D" },
  anonymous: { label: "Anonymous", color: "#000000", symbol: "A" },
  "unnamed-group": { label: "Unnamed group", color: "#56B4E9", symbol: "U" },
  other: { label: "Other named person", color: "#999999", symbol: "P" },
  unresolved: { label: "Speaker not found", color: "#dddddd", symbol: "?" },
};

/** Speaker types with their labels, colours and symbols. */
export const VOICE_TYPES: ReadonlyArray<{ id: VoiceType; label: string; color: string; symbol: string }> = (
  Object.keys(VOICE_STYLE) as VoiceType[]
).map((id) => ({ id, ...VOICE_STYLE[id] }));

/**
 * Black or white, whichever contrasts more with `background` (a #rrggbb colour), by WCAG 2.1's relative
 * luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance): for a symbol drawn on a type's colour.
 * @example textColorOn("#000000") // "white"
 */
export function textColorOn(background: string): "black" | "white" {
  return contrastRatio(background, "#000000") >= contrastRatio(background, "#ffffff") ? "black" : "white";
}

/** A category drawn in a stacked bar: its label, colour and the letter that names it without colour. */
interface Lettered {
  readonly label: string;
  readonly color: string;
  readonly symbol: string;
}

/**
 * A legend of lettered colours, each letter drawn on its colour as the charts draw it, then its label: the
 * network's and the stacked bars' key (issue 32, WCAG 1.4.1).
 */
export function letterLegend(items: readonly Lettered[]): HTMLParagraphElement {
  const dot = (t: Lettered) => {
    const node = element("span", { className: "legend-dot" }, t.symbol);
    node.setAttribute("aria-hidden", "true");
    node.style.background = t.color;
    node.style.color = textColorOn(t.color);
    return node;
  };
  return element("p", { className: "legend-row" }, ...items.map((t) => element("span", { className: "legend-item" }, dot(t), t.label)));
}

/** The narrowest segment of a stacked bar that has its letter drawn in it, in pixels. */
const LETTER_ROOM = 12;

/**
 * Marks that write each segment's letter in its middle (black or white, whichever contrasts more with its
 * colour), where the segment is at least LETTER_ROOM wide; `pixels(d)` is a segment's width. A narrower
 * segment is told by its place (the legend's order), its tooltip and the table below. Hidden from assistive
 * technology, which reads the bars' titles and the table instead.
 */
function segmentLetters<T extends { x: number; id: string; key: string }>(
  data: readonly T[],
  styles: ReadonlyMap<string, Lettered>,
  pixels: (d: T) => number,
): Plot.Markish[] {
  return (["black", "white"] as const).map((ink) =>
    Plot.text(
      data,
      Plot.stackX({
        x: "x",
        y: "id",
        text: (d: T) => (pixels(d) >= LETTER_ROOM && textColorOn(styles.get(d.key)!.color) === ink ? styles.get(d.key)!.symbol : null),
        fill: ink,
        fontWeight: 700,
        ariaHidden: "true",
      }),
    ),
  );
}

/** A figure of a stacked-bar chart with its lettered legend above it. */
function withLegend(chart: SVGSVGElement | HTMLElement, items: readonly Lettered[]): HTMLElement {
  return element("figure", { className: "stacked-bars" }, letterLegend(items), chart);
}

/** Plot's width for a chart of horizontal bars, and the pixels its bars may take (margins 190 and 20). */
const barWidths = (width: number) => ({ width: Math.max(width, MIN_CHART_WIDTH), inner: Math.max(width, MIN_CHART_WIDTH) - 210 });

/**
 * Attributions per article, stacked by speaker type; a bar links to the reader with voices highlighted.
 * Each segment carries its type's letter where it is wide enough, and the legend above gives the letters.
 */
export function voicesByType(
  articles: readonly ArticleVoices[],
  { width, href, articleLabel }: { width: number; articleLabel?: (id: string) => string; href: (id: string) => string },
): HTMLElement {
  const data = articles.flatMap((a) =>
    VOICE_TYPES.filter((t) => a.byType[t.id] > 0).map((t) => ({
      id: a.id,
      type: t.label,
      key: t.label,
      n: a.byType[t.id],
      x: a.byType[t.id],
    })),
  );
  const { width: plotWidth, inner } = barWidths(width);
  const most = Math.max(1, ...articles.map((a) => VOICE_TYPES.reduce((sum, t) => sum + a.byType[t.id], 0)));
  const chart = Plot.plot({
    ariaLabel: "Attributions per article, by speaker type",
    ariaDescription:
      "One bar per article, stacked by speaker type, each part lettered by its type where it is wide enough; each bar links to the article with its voices marked. The table below gives the same numbers.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: plotWidth,
    height: 60 + 34 * articles.length,
    marginLeft: 190,
    marginRight: 20,
    x: { label: "attributions (quotations and reported speech)", grid: true, domain: [0, most] },
    y: { domain: articles.map((a) => a.id), label: null, tickFormat: articleLabel },
    color: { domain: VOICE_TYPES.map((t) => t.label), range: VOICE_TYPES.map((t) => t.color) },
    marks: [
      Plot.barX(data, {
        x: "n",
        y: "id",
        fill: "type",
        stroke: "white",
        href: (d: { id: string }) => href(d.id),
        title: (d: { id: string; type: string; n: number }) => `${d.id}\n${d.type}: ${d.n}`,
      }),
      ...segmentLetters(data, new Map(VOICE_TYPES.map((t) => [t.label, t])), (d) => (d.n / most) * inner),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  });
  return withLegend(
    chart,
    VOICE_TYPES.filter((t) => articles.some((a) => a.byType[t.id] > 0)),
  );
}

/** The kinds of attribution, in the order the pages show them, with their labels, colours and letters. */
const KINDS = [
  { id: "direct", label: "Direct quotation", color: "#0072B2", symbol: "D" },
  { id: "mixed", label: "Partial quotation in reported speech", color: "#56B4E9", symbol: "P" },
  { id: "indirect", label: "Indirect speech", color: "#E69F00", symbol: "I" },
  { id: "thought", label: "Reported thought or belief", color: "#CC79A7", symbol: "T" },
] as const;

/**
 * Per article, the share of direct, mixed, indirect and thought attributions (each bar sums to 100%); each
 * segment carries its kind's letter where it is wide enough, and the legend above gives the letters.
 */
export function kindShares(
  articles: readonly ArticleVoices[],
  { width, articleLabel }: { width: number; articleLabel?: (id: string) => string },
): HTMLElement {
  const kinds = KINDS;
  // Shares computed per article: Plot's normalize transform would normalise each kind across articles.
  const data = articles.flatMap((a) => {
    const total = kinds.reduce((sum, k) => sum + a.byKind[k.id], 0);
    return kinds.map((k) => {
      const share = total ? a.byKind[k.id] / total : 0;
      return { id: a.id, kind: k.label, key: k.label, n: a.byKind[k.id], share, x: share };
    });
  });
  const { width: plotWidth, inner } = barWidths(width);
  const chart = Plot.plot({
    ariaLabel: "Share of direct, partial and indirect quotation, by article",
    ariaDescription:
      "One bar per article, divided by how its attributions are quoted, each part lettered by its kind where it is wide enough. The table below gives the same numbers.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: plotWidth,
    height: 60 + 34 * articles.length,
    marginLeft: 190,
    marginRight: 20,
    // The domain is in percent, after Plot's percent transform.
    x: { percent: true, label: "share of the article's attributions (%)", domain: [0, 100] },
    y: { domain: articles.map((a) => a.id), label: null, tickFormat: articleLabel },
    color: { domain: kinds.map((k) => k.label), range: kinds.map((k) => k.color) },
    marks: [
      Plot.barX(data, {
        x: "share",
        y: "id",
        fill: "kind",
        stroke: "white",
        title: (d: { kind: string; n: number }) => `${d.kind}: ${d.n}`,
      }),
      ...segmentLetters(data, new Map(kinds.map((k) => [k.label, k])), (d) => d.share * inner),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  });
  return withLegend(chart, kinds);
}

/**
 * "Voices per article" and "Direct or indirect?" as a collapsed table (issue 32): a row per article with its
 * attributions by speaker type (`by: "type"`, the types any article shown has) or by kind with each kind's
 * share of the article's attributions (`by: "kind"`); the article links to `href`.
 */
export function voicesTable(
  articles: readonly ArticleVoices[],
  { by, articleLabel = (id) => id, href }: { by: "type" | "kind"; articleLabel?: (id: string) => string; href: (id: string) => string },
): HTMLDetailsElement {
  const article = { header: "Article", value: (a: ArticleVoices) => articleLabel(a.id), href: (a: ArticleVoices) => href(a.id) };
  const total = (a: ArticleVoices) => KINDS.reduce((sum, k) => sum + a.byKind[k.id], 0);
  const percent = (n: number, d: number) => (d ? ` (${Math.round((100 * n) / d)}%)` : "");
  const columns =
    by === "type"
      ? VOICE_TYPES.filter((t) => articles.some((a) => a.byType[t.id] > 0)).map((t) => ({
          header: t.label,
          value: (a: ArticleVoices) => a.byType[t.id],
          numeric: true,
        }))
      : KINDS.map((k) => ({
          header: k.label,
          value: (a: ArticleVoices) => `${a.byKind[k.id]}${percent(a.byKind[k.id], total(a))}`,
          numeric: true,
        }));
  const s = articles.length === 1 ? "" : "s";
  return chartTable(articles, [article, ...columns, { header: "All", value: total, numeric: true }], {
    summary: `${by === "type" ? "Voices per article" : "Direct or indirect"}: the chart as a table (${articles.length} article${s})`,
    caption:
      by === "type"
        ? "Attributions per article by speaker type"
        : "Attributions per article by how they are quoted: the count and, in brackets, its share of the article's attributions",
  });
}
