// Charts shared by the frames and devices pages. Each takes the comparison data published by
// src/data/corpus.zip.ts (data-loaders/compare/compare-frames.ts) and returns a Plot figure.
import * as Plot from "@observablehq/plot";
import { heatmapKeys } from "./heatmap-keys.js";
import { chartTable } from "./chart-table.js";
import type { Comparison } from "../../data-loaders/schema/site-outputs.ts";

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
 * The heatmap's numbers as a collapsed table (issue 32): a row per article, a column per category, each cell
 * the count and, in brackets, the rate per 1,000 words; the article links to the reader.
 */
export function rateTable(
  rows: readonly PerArticleRate[],
  categories: readonly CategoryInfo[],
  { articleLabel = (id) => id, href, noun }: { articleLabel?: (id: string) => string; href: (id: string) => string; noun: string },
): HTMLDetailsElement {
  const byArticle = new Map<string, Map<string, PerArticleRate>>();
  for (const r of rows) byArticle.set(r.id, (byArticle.get(r.id) ?? new Map()).set(r.category, r));
  const cell = (r: PerArticleRate | undefined) => (r ? `${r.count} (${r.rate.toFixed(2)})` : "–");
  return chartTable(
    [...byArticle],
    [
      { header: "Article", value: ([id]) => articleLabel(id), href: ([id]) => href(id) },
      ...categories.map((c) => ({
        header: c.label,
        value: ([, cells]: [string, Map<string, PerArticleRate>]) => cell(cells.get(c.id)),
        numeric: true,
      })),
    ],
    {
      summary: `The heatmap as a table (${byArticle.size} article${byArticle.size === 1 ? "" : "s"})`,
      caption: `Each ${noun} in each article shown: the count, and in brackets the rate per 1,000 words`,
    },
  );
}
