// Charts for the Who speaks page, fed by voices.json (data-loaders/compare/compare-voices.ts compareVoices).
import * as Plot from "@observablehq/plot";
// Type imports only: Framework bundles components for the browser and allows no runtime import from outside src/.
import type { VoiceType } from "../../data-loaders/schema/enums.ts";
import type { AttributionKind } from "../../data-loaders/schema/enums.ts";
import { chartTable } from "./chart-table.js";

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
  const [r, g, b] = [1, 3, 5].map((k) => {
    const c = parseInt(background.slice(k, k + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05).
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "black" : "white";
}

/** Attributions per article, stacked by speaker type; a bar links to the reader with voices highlighted. */
export function voicesByType(
  articles: readonly ArticleVoices[],
  { width, href, articleLabel }: { width: number; articleLabel?: (id: string) => string; href: (id: string) => string },
): SVGSVGElement | HTMLElement {
  const data = articles.flatMap((a) =>
    VOICE_TYPES.filter((t) => a.byType[t.id] > 0).map((t) => ({ id: a.id, type: t.label, n: a.byType[t.id] })),
  );
  return Plot.plot({
    ariaLabel: "Attributions per article, by speaker type",
    ariaDescription:
      "One bar per article, stacked by speaker type; each bar links to the article with its voices marked. The same rows download as CSV or JSON.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: 60 + 34 * articles.length,
    marginLeft: 190,
    x: { label: "attributions (quotations and reported speech)", grid: true },
    y: { domain: articles.map((a) => a.id), label: null, tickFormat: articleLabel },
    color: { domain: VOICE_TYPES.map((t) => t.label), range: VOICE_TYPES.map((t) => t.color), legend: true },
    marks: [
      Plot.barX(data, {
        x: "n",
        y: "id",
        fill: "type",
        href: (d: { id: string }) => href(d.id),
        title: (d: { id: string; type: string; n: number }) => `${d.id}\n${d.type}: ${d.n}`,
      }),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  });
}

/** The kinds of attribution, in the order the pages show them, with their labels. */
const KINDS = [
  { id: "direct", label: "Direct quotation" },
  { id: "mixed", label: "Partial quotation in reported speech" },
  { id: "indirect", label: "Indirect speech" },
  { id: "thought", label: "Reported thought or belief" },
] as const;

/** Per article, the share of direct, mixed, indirect and thought attributions (each bar sums to 100%). */
export function kindShares(
  articles: readonly ArticleVoices[],
  { width, articleLabel }: { width: number; articleLabel?: (id: string) => string },
): SVGSVGElement | HTMLElement {
  const kinds = KINDS;
  // Shares computed per article: Plot's normalize transform would normalise each kind across articles.
  const data = articles.flatMap((a) => {
    const total = kinds.reduce((sum, k) => sum + a.byKind[k.id], 0);
    return kinds.map((k) => ({ id: a.id, kind: k.label, n: a.byKind[k.id], share: total ? a.byKind[k.id] / total : 0 }));
  });
  return Plot.plot({
    ariaLabel: "Share of direct, partial and indirect quotation, by article",
    ariaDescription: "One bar per article, divided by how its attributions are quoted. The same rows download as CSV or JSON.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: 60 + 34 * articles.length,
    marginLeft: 190,
    x: { percent: true, label: "share of the article's attributions (%)" },
    y: { domain: articles.map((a) => a.id), label: null, tickFormat: articleLabel },
    color: { domain: kinds.map((k) => k.label), range: ["#0072B2", "#56B4E9", "#E69F00", "#CC79A7"], legend: true },
    marks: [
      Plot.barX(data, { x: "share", y: "id", fill: "kind", title: (d: { kind: string; n: number }) => `${d.kind}: ${d.n}` }),
      Plot.ruleX([0], { ariaHidden: "true" }),
    ],
  });
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
