// Views shared by the outlet profile (src/outlet.md), one frame across outlets (src/frame-across-outlets.md)
// and the comparison pages' groups: a group × category heatmap as a table whose headers stay in view, a
// ranking of groups by rate with bootstrap intervals, and lists of sentences that link to the reader.
import * as Plot from "@observablehq/plot";
import { interpolateBlues } from "d3";
import type { RateRow } from "../../data-loaders/schema/site-outputs.ts";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
const MIN_CHART_WIDTH = 480;
/** The longest group label a chart's axis shows, in characters (the full name is in each mark's tooltip). */
const GROUP_LABEL_CHARS = 40;

/**
 * A group's name as an axis shows it: whole up to 40 characters, else with its middle cut, so that names
 * differing only at the end ("… Agency 10", "… Agency 15") stay apart; charts place rows by the full name.
 */
export function groupTick(group: string): string {
  return group.length <= GROUP_LABEL_CHARS ? group : `${group.slice(0, GROUP_LABEL_CHARS - 13).trimEnd()}…${group.slice(-12).trimStart()}`;
}

/** A group's profile address, from a page `depth` folders below the root. */
export function outletHref(source: string, depth = 0): string {
  return `${depth ? "../".repeat(depth) : "./"}outlet.html?${new URLSearchParams({ source })}`;
}

/** An element with text content only (article text and outlet names are untrusted: never parsed as HTML). */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/**
 * Groups × categories as a table: each cell's colour and number is the group's pooled rate per 1,000 words
 * (its tooltip the count, articles and 95% bootstrap interval), rows sorted by the group's summed rate
 * (highest first, then by name), in a box that scrolls with its column headers and group names kept in view
 * (sticky), so 2 or 200 groups read the same way. Group names link to `groupHref` when given; each cell
 * links to `cellHref`. With `intervals: false` (rows without bootstrap intervals, e.g. months) the tooltips
 * name none.
 */
export function groupHeatmap(
  rows: readonly RateRow[],
  categories: ReadonlyArray<{ readonly id: string; readonly label: string }>,
  {
    caption,
    groupLabel,
    groupHref,
    cellHref,
    intervals = true,
  }: {
    caption: string;
    groupLabel: string;
    groupHref?: (group: string) => string;
    cellHref: (row: RateRow) => string;
    intervals?: boolean;
  },
): HTMLElement {
  const byGroup = new Map<string, Map<string, RateRow>>();
  for (const row of rows) {
    if (!byGroup.has(row.group)) byGroup.set(row.group, new Map());
    byGroup.get(row.group)!.set(row.category, row);
  }
  const total = (group: string) => [...byGroup.get(group)!.values()].reduce((sum, r) => sum + r.rate, 0);
  const groups = [...byGroup.keys()].sort((a, b) => total(b) - total(a) || (a < b ? -1 : a > b ? 1 : 0));
  const max = Math.max(0, ...rows.map((r) => r.rate)) || 1;
  const table = element("table", undefined, "group-heatmap");
  table.append(element("caption", caption));
  const head = table.createTHead().insertRow();
  const corner = element("th", groupLabel);
  corner.scope = "col";
  head.append(corner);
  for (const c of categories) {
    const th = element("th");
    th.scope = "col";
    th.append(element("span", c.label));
    head.append(th);
  }
  const body = table.createTBody();
  for (const group of groups) {
    const tr = body.insertRow();
    const th = element("th");
    th.scope = "row";
    if (groupHref) {
      const link = element("a", group);
      link.href = groupHref(group);
      th.append(link);
    } else th.textContent = group;
    tr.append(th);
    for (const c of categories) tr.append(heatCell(byGroup.get(group)!.get(c.id), max, cellHref, intervals));
  }
  const box = element("div", undefined, "group-heatmap-box");
  box.tabIndex = 0;
  box.setAttribute("role", "region");
  box.setAttribute("aria-label", `${caption} (scrolls; headers stay in view)`);
  box.append(table);
  return box;
}

/** One heatmap cell: its rate as a link, coloured on a square-root scale, with dark text on light cells. */
function heatCell(row: RateRow | undefined, max: number, href: (row: RateRow) => string, intervals: boolean): HTMLTableCellElement {
  const td = element("td");
  if (!row) return td;
  // Near 0.7 of the scale neither dark nor white text reaches a 4.5:1 contrast: those cells take 0.68.
  const scaled = Math.sqrt(row.rate / max) * 0.9;
  const t = scaled > 0.68 && scaled < 0.72 ? 0.68 : scaled;
  td.style.background = interpolateBlues(t);
  if (t >= 0.72) td.classList.add("dark");
  const interval = !intervals
    ? ""
    : row.low === null
      ? ", no interval (one article)"
      : `, 95% interval ${row.low.toFixed(2)}–${row.high!.toFixed(2)}`;
  td.title = `${row.group} · ${row.category}: ${row.count} in ${row.articles} article${row.articles === 1 ? "" : "s"}, ${row.rate.toFixed(2)} per 1,000 words${interval}`;
  if (!row.count) {
    td.textContent = "0";
    return td;
  }
  const link = element("a", row.rate.toFixed(2));
  link.href = href(row);
  link.setAttribute("aria-label", td.title);
  td.append(link);
  return td;
}

/**
 * Groups ranked by one category's rate per 1,000 words, highest first, a dot for the rate and a line for its
 * 95% bootstrap interval (none for a group of one article); each dot links to `href`.
 */
export function rankedRates(
  rows: readonly RateRow[],
  { width, href, label }: { width: number; href: (row: RateRow) => string; label: string },
): SVGSVGElement | HTMLElement {
  const sorted = [...rows].sort((a, b) => b.rate - a.rate || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  return Plot.plot({
    ariaLabel: `${label}: groups ranked by rate per 1,000 words, with 95% bootstrap intervals`,
    ariaDescription:
      "One row per group, highest rate first: a dot for the rate and a line for its interval. The table below gives the same figures.",
    width: Math.max(width, MIN_CHART_WIDTH),
    height: 50 + 20 * sorted.length,
    marginLeft: Math.min(280, 20 + 6.5 * Math.max(...sorted.map((r) => groupTick(r.group).length), 4)),
    marginRight: 20,
    x: { label: "per 1,000 words (95% bootstrap interval over articles)", grid: true, nice: true, axis: "top" },
    y: { domain: sorted.map((r) => r.group), label: null, tickFormat: groupTick },
    marks: [
      Plot.ruleY(
        sorted.filter((r) => r.low !== null),
        { y: "group", x1: "low", x2: "high", stroke: "#4a6fa5", strokeWidth: 2, ariaHidden: "true" },
      ),
      Plot.dot(sorted, {
        y: "group",
        x: "rate",
        r: 4,
        fill: (r: RateRow) => (r.count ? "#1d3557" : "#bbb"),
        href,
        title: (r: RateRow) =>
          `${r.group}\n${r.count} in ${r.articles} article${r.articles === 1 ? "" : "s"}: ${r.rate.toFixed(2)} per 1,000 words` +
          (r.low === null ? "\nno interval: fewer than 2 articles" : `\n95% interval ${r.low.toFixed(2)}–${r.high!.toFixed(2)}`),
      }),
    ],
  });
}

/** What a sentence list says of where an occurrence stands (outlet-facts.ts's voices). */
const VOICE_NOTES: Readonly<Record<string, string>> = {
  own: " (own words)",
  direct: " (in a direct quotation)",
  scare: " (in scare quotes)",
};

/**
 * Sentences to read, as a list of links to the reader: each `[article, sentence, voice?]` with the
 * category marked, named by the article's label and the sentence number; `more` counted at the end.
 */
export function sentenceLinks(
  sentences: ReadonlyArray<readonly [string, number, string?]>,
  more: number,
  { href, articleLabel }: { href: (article: string, sentence: number) => string; articleLabel: (id: string) => string },
): HTMLElement {
  const list = element("ol", undefined, "sentence-links");
  for (const [article, sentence, voice] of sentences) {
    const item = element("li");
    const link = element("a", `${articleLabel(article)}, sentence ${sentence}`);
    link.href = href(article, sentence);
    item.append(link, element("span", VOICE_NOTES[voice ?? ""] ?? "", "muted"));
    list.append(item);
  }
  if (more) list.append(element("li", `and ${more.toLocaleString("en")} more: the concordance lists every one`, "muted"));
  return list;
}
