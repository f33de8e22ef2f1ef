// Charts for the Tone page, fed by tone.json (data-loaders/compare/compare-tone.ts toneComparison) and the
// shown articles' rows files.
import * as Plot from "@observablehq/plot";
import { heatmapKeys } from "./heatmap-keys.js";
import { chartTable } from "./chart-table.js";
import type { ActorToneRow, ArticleRows, ArticleSummary, MeanRow } from "../../data-loaders/schema/site-outputs.ts";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
const MIN_CHART_WIDTH = 480;

/** Row types: an article's actor tone as its rows file has it, and its tone with the interval. */
export type ActorToneCell = ActorToneRow;
export type ArticleTone = Pick<ArticleSummary, "id" | "title" | "tone" | "ownVoiceTone" | "inGroupTone" | "outGroupTone" | "toneGap"> &
  Pick<ArticleRows, "toneLow" | "toneHigh">;

/** Two decimals with a sign; a value that rounds to zero is "0.00", never "-0.00". */
const signed = (x: number | null) => (x === null ? "–" : Number(x.toFixed(2)) === 0 ? "0.00" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);

/**
 * Actors × articles: the colour is the mean tone of the sentences that mention the actor (purple negative,
 * orange positive), the number the count of mentions; a cell links to the reader with those sentences marked.
 */
export function actorToneHeatmap(
  cells: readonly ActorToneCell[],
  actors: ReadonlyArray<{ id: string; label: string }>,
  { width, href, articleLabel }: { width: number; articleLabel?: (id: string) => string; href: (cell: ActorToneCell) => string },
): SVGSVGElement | HTMLElement {
  const label = new Map(actors.map((a) => [a.id, a.label]));
  const shown = actors.filter((a) => cells.some((c) => c.actor === a.id)).map((a) => a.label);
  const articles = [...new Set(cells.map((c) => c.id))];
  const extent = Math.max(0.05, ...cells.map((c) => Math.abs(c.tone ?? 0)));
  return heatmapKeys(
    Plot.plot({
      ariaLabel: "Heatmap: tone of the sentences mentioning each actor, by article",
      ariaDescription:
        "Rows are articles, columns actors; purple is negative and orange positive tone, the number counts the sentences. Each cell links to the article with those sentences marked. The same rows download as CSV or JSON.",
      // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
      // band width draws <rect>s with a negative width.
      width: Math.max(width, MIN_CHART_WIDTH),
      height: 80 + 26 * articles.length + 150,
      marginLeft: 190,
      marginBottom: 150,
      x: { domain: shown, tickRotate: -40, label: null },
      y: { domain: articles, label: null, tickFormat: articleLabel },
      color: {
        type: "linear",
        scheme: "PuOr",
        reverse: true,
        domain: [-extent, extent],
        legend: true,
        label: "tone of the sentences mentioning the actor",
      },
      marks: [
        Plot.cell(cells, {
          x: (c: ActorToneCell) => label.get(c.actor) ?? c.actor,
          y: "id",
          fill: (c: ActorToneCell) => c.tone ?? 0,
          inset: 0.5,
          href,
          title: (c: ActorToneCell) =>
            `${c.id} · ${label.get(c.actor) ?? c.actor}\n${c.mentions} mention${c.mentions === 1 ? "" : "s"} in ${c.sentences.length} sentence${c.sentences.length === 1 ? "" : "s"}; tone ${signed(c.tone)}`,
        }),
        Plot.text(cells, {
          x: (c: ActorToneCell) => label.get(c.actor) ?? c.actor,
          y: "id",
          text: (c: ActorToneCell) => String(c.mentions),
          fill: (c: ActorToneCell) => (Math.abs(c.tone ?? 0) > extent * 0.55 ? "white" : "black"),
          pointerEvents: "none",
        }),
      ],
    }),
  );
}

/** Per article: tone of the sentences mentioning the in-group camp and the out-group camp, joined by a line. */
export function campDumbbell(
  articles: readonly ArticleTone[],
  {
    width,
    inLabel,
    outLabel,
    href,
    articleLabel,
  }: {
    width: number;
    articleLabel?: (id: string) => string;
    inLabel: string;
    outLabel: string;
    href: (a: ArticleTone, camp: "in" | "out") => string;
  },
): SVGSVGElement | HTMLElement {
  const both = articles.filter((a) => a.inGroupTone !== null || a.outGroupTone !== null);
  const points = both.flatMap((a) => [
    ...(a.inGroupTone === null ? [] : [{ id: a.id, camp: inLabel, side: "in" as const, tone: a.inGroupTone, a }]),
    ...(a.outGroupTone === null ? [] : [{ id: a.id, camp: outLabel, side: "out" as const, tone: a.outGroupTone, a }]),
  ]);
  return Plot.plot({
    ariaLabel: "Tone toward the in-group and out-group camp, by article",
    ariaDescription:
      "One row per article: a dot for the mean tone of the sentences mentioning each camp, joined by a line; each dot links to the article with those sentences marked.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: 60 + 30 * both.length,
    marginLeft: 190,
    x: { label: "tone of the sentences mentioning the camp (−1 … +1)", grid: true, nice: true },
    y: { domain: both.map((a) => a.id), label: null, tickFormat: articleLabel },
    // Not purple or orange: those hues mean negative and positive tone in the heatmap on the same page.
    color: { domain: [inLabel, outLabel], range: ["#1b9e77", "#444444"], legend: true },
    marks: [
      Plot.ruleX([0], { stroke: "#999", ariaHidden: "true" }),
      Plot.link(
        both.filter((a) => a.inGroupTone !== null && a.outGroupTone !== null),
        { y1: "id", y2: "id", x1: "outGroupTone", x2: "inGroupTone", stroke: "#bbb", strokeWidth: 2, ariaHidden: "true" },
      ),
      Plot.dot(points, {
        y: "id",
        x: "tone",
        fill: "camp",
        r: 5,
        href: (p: { a: ArticleTone; side: "in" | "out" }) => href(p.a, p.side),
        title: (p: { camp: string; tone: number; a: ArticleTone }) => `${p.a.id}: ${p.camp} ${signed(p.tone)}; gap ${signed(p.a.toneGap)}`,
      }),
    ],
  });
}

/** Group means with 95% bootstrap intervals: one row per group, one panel per measure. */
export function meanIntervals(
  rows: readonly MeanRow[],
  measures: ReadonlyArray<{ id: string; label: string }>,
  { width }: { width: number },
): SVGSVGElement | HTMLElement {
  const label = new Map(measures.map((m) => [m.id, m.label]));
  const groups = [...new Set(rows.map((r) => r.group))];
  const data = rows.filter((r) => r.mean !== null).map((r) => ({ ...r, measureLabel: label.get(r.measure) ?? r.measure }));
  return Plot.plot({
    ariaLabel: "Mean tone by group, with 95% bootstrap intervals",
    ariaDescription:
      "One panel per measure, one row per group: a dot for the mean and a line for its interval. The table beside gives the same figures.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: measures.length * (groups.length * 22 + 34) + 40,
    marginLeft: 160,
    marginRight: 130,
    x: { label: "mean over articles (95% bootstrap interval)", grid: true, nice: true },
    y: { domain: groups, label: null },
    fy: { domain: measures.map((m) => m.label), label: null },
    marks: [
      // The measure names wrap in the right margin (long camp names would run off the chart).
      Plot.axisFy({ anchor: "right", label: null, lineWidth: 10, tickSize: 0 }),
      Plot.frame({ stroke: "#ddd", ariaHidden: "true" }),
      Plot.ruleX([0], { stroke: "#999", ariaHidden: "true" }),
      Plot.ruleY(
        data.filter((r) => r.low !== null),
        { fy: "measureLabel", y: "group", x1: "low", x2: "high", stroke: "#4a6fa5", strokeWidth: 2, ariaHidden: "true" },
      ),
      Plot.dot(data, {
        fy: "measureLabel",
        y: "group",
        x: "mean",
        fill: "#1d3557",
        r: 3.5,
        title: (r: MeanRow & { measureLabel: string }) =>
          `${r.group} · ${r.measureLabel}: ${signed(r.mean)} over ${r.articles} article${r.articles === 1 ? "" : "s"}` +
          (r.low === null ? "\nno interval: fewer than 2 articles" : `\n95% interval ${signed(r.low)} … ${signed(r.high)}`),
      }),
    ],
  });
}

/** Each article's tone with a 95% bootstrap interval over its sentences, and its own-voice tone. */
export function articleToneIntervals(
  articles: readonly ArticleTone[],
  { width, href, articleLabel }: { width: number; articleLabel?: (id: string) => string; href: (a: ArticleTone) => string },
): SVGSVGElement | HTMLElement {
  const scored = articles.filter((a) => a.tone !== null);
  return Plot.plot({
    ariaLabel: "Tone of each article, with a 95% bootstrap interval over its sentences",
    ariaDescription:
      "One row per article: a dot for its tone, a line for the interval and a diamond for the tone in the author's own voice; each dot links to the article.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: 60 + 28 * scored.length,
    marginLeft: 190,
    x: { label: "tone (−1 … +1), 95% bootstrap interval over the article's sentences", grid: true, nice: true },
    y: { domain: scored.map((a) => a.id), label: null, tickFormat: articleLabel },
    marks: [
      Plot.ruleX([0], { stroke: "#999", ariaHidden: "true" }),
      Plot.ruleY(
        scored.filter((a) => a.toneLow !== null),
        { y: "id", x1: "toneLow", x2: "toneHigh", stroke: "#4a6fa5", strokeWidth: 2, ariaHidden: "true" },
      ),
      Plot.dot(scored, {
        y: "id",
        x: "tone",
        fill: "#1d3557",
        r: 4,
        href,
        title: (a: ArticleTone) =>
          `${a.id}: tone ${signed(a.tone)} (${signed(a.toneLow)} … ${signed(a.toneHigh)}); own voice ${signed(a.ownVoiceTone)}`,
      }),
      Plot.dot(
        scored.filter((a) => a.ownVoiceTone !== null),
        // Named in the tone dot's title already.
        { y: "id", x: "ownVoiceTone", stroke: "#1d3557", r: 4, symbol: "diamond", ariaHidden: "true" },
      ),
    ],
  });
}

/**
 * The actor tone heatmap as a collapsed table (issue 32): a row per filled cell, article and actor, with
 * its mentions and tone; the article links to `href` (the reader with those sentences marked).
 */
export function actorToneTable(
  cells: readonly ActorToneCell[],
  actors: ReadonlyArray<{ id: string; label: string }>,
  { href, articleLabel = (id) => id }: { articleLabel?: (id: string) => string; href: (cell: ActorToneCell) => string },
): HTMLDetailsElement {
  const label = new Map(actors.map((a) => [a.id, a.label]));
  return chartTable(
    cells,
    [
      { header: "Article", value: (c) => articleLabel(c.id), href },
      { header: "Actor", value: (c) => label.get(c.actor) ?? c.actor },
      { header: "Mentions", value: (c) => c.mentions, numeric: true },
      { header: "Tone", value: (c) => signed(c.tone), numeric: true },
    ],
    {
      summary: `The heatmap as a table (${cells.length} cell${cells.length === 1 ? "" : "s"})`,
      caption: "Each actor in each article shown: its mentions and the mean tone of the sentences that mention it",
    },
  );
}
