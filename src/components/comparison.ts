// Charts shared by the frames and devices pages. Each takes the comparison data published by
// src/data/corpus.zip.ts (data-loaders/compare/compare-frames.ts) and returns a Plot figure.
import * as Plot from "@observablehq/plot";
import { heatmapKeys } from "./heatmap-keys.js";
import type { Comparison, RateRow } from "../../data-loaders/schema/site-outputs.ts";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
const MIN_CHART_WIDTH = 480;

/** Row types, as published by data-loaders/compare/compare-frames.ts compareArticles. */
export type CategoryInfo = Comparison["categories"][number];
export interface PerArticleRate {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly count: number;
  readonly rate: number;
}
export type GroupRate = RateRow;

const labeller = (categories: readonly CategoryInfo[]) => {
  const labels = new Map(categories.map((c) => [c.id, c.label]));
  return (id: string) => labels.get(id) ?? id;
};

/**
 * Categories × articles: each cell's colour is the rate per 1,000 words and its text the count; a cell links
 * to the article reader with that category highlighted.
 */
export function rateHeatmap(
  rows: readonly PerArticleRate[],
  categories: readonly CategoryInfo[],
  { width, href, articleLabel }: { width: number; articleLabel?: (id: string) => string; href: (row: PerArticleRate) => string },
): SVGSVGElement | HTMLElement {
  const label = labeller(categories);
  const articles = [...new Set(rows.map((r) => r.id))];
  const max = Math.max(0, ...rows.map((r) => r.rate));
  return heatmapKeys(
    Plot.plot({
      ariaLabel: "Heatmap: rate per 1,000 words of each category in each article",
      ariaDescription:
        "Rows are articles, columns categories; a cell's colour is the rate and its number the count, and each cell links to the article with that category marked. The same rows download as CSV or JSON below the chart.",
      // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
      // band width draws <rect>s with a negative width.
      width: Math.max(width, MIN_CHART_WIDTH),
      height: 70 + 26 * articles.length + 160,
      marginLeft: 190,
      marginBottom: 160,
      x: { domain: categories.map((c) => c.label), tickRotate: -40, label: null },
      y: { domain: articles, label: null, tickFormat: articleLabel },
      color: { type: "sqrt", scheme: "blues", domain: [0, max || 1], legend: true, label: "per 1,000 words" },
      marks: [
        Plot.cell(rows, {
          x: (r: PerArticleRate) => label(r.category),
          y: "id",
          fill: "rate",
          inset: 0.5,
          href,
          title: (r: PerArticleRate) => `${r.id}: ${r.title}\n${label(r.category)}: ${r.count} (${r.rate.toFixed(2)} per 1,000 words)`,
        }),
        Plot.text(rows, {
          x: (r: PerArticleRate) => label(r.category),
          y: "id",
          text: (r: PerArticleRate) => (r.count ? String(r.count) : ""),
          fill: (r: PerArticleRate) => (r.rate > max * 0.45 ? "white" : "black"),
          pointerEvents: "none",
        }),
      ],
    }),
  );
}

/**
 * Rates per 1,000 words by group with 95% bootstrap intervals: one panel per group, one row per category.
 * Groups of one article show a dot without an interval.
 */
export function rateIntervals(
  rows: readonly GroupRate[],
  categories: readonly CategoryInfo[],
  { width }: { width: number },
): SVGSVGElement | HTMLElement {
  const label = labeller(categories);
  const groups = [...new Set(rows.map((r) => r.group))];
  return Plot.plot({
    ariaLabel: "Rates per 1,000 words by group, with 95% bootstrap intervals",
    ariaDescription:
      "One panel per group, one row per category: a dot for the rate and a line for its interval. The table beside gives the same figures.",
    // Never narrower than the margins: a resize callback can report 0 before layout, and a negative
    // band width draws <rect>s with a negative width.
    width: Math.max(width, MIN_CHART_WIDTH),
    height: groups.length * (categories.length * 18 + 30) + 40,
    marginLeft: 230,
    marginRight: 140,
    x: { label: "per 1,000 words (95% bootstrap interval over articles)", grid: true, nice: true },
    y: { domain: categories.map((c) => c.label), label: null },
    fy: { domain: groups, label: null },
    marks: [
      Plot.frame({ stroke: "#ddd", ariaHidden: "true" }),
      Plot.ruleY(
        rows.filter((r) => r.low !== null),
        {
          fy: "group",
          y: (r: GroupRate) => label(r.category),
          x1: "low",
          x2: "high",
          stroke: "#4a6fa5",
          strokeWidth: 2,
          ariaHidden: "true",
        },
      ),
      Plot.dot(rows, {
        fy: "group",
        y: (r: GroupRate) => label(r.category),
        x: "rate",
        fill: (r: GroupRate) => (r.count ? "#1d3557" : "#bbb"),
        r: 3.5,
        title: (r: GroupRate) =>
          `${r.group} · ${label(r.category)}\n${r.count} in ${r.articles} article${r.articles === 1 ? "" : "s"}: ${r.rate.toFixed(2)} per 1,000 words` +
          (r.low === null ? "\nno interval: fewer than 2 articles" : `\n95% interval ${r.low.toFixed(2)}–${r.high!.toFixed(2)}`),
      }),
      Plot.text(groups, {
        fy: (g: string) => g,
        frameAnchor: "top-right",
        text: (g: string) => `${rows.find((r) => r.group === g)?.articles ?? 0} articles`,
        dy: 4,
        dx: -4,
        fill: "#555",
      }),
    ],
  });
}
