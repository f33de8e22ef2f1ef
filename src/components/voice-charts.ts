// Charts for the Who speaks page, fed by voices.json (data-loaders/compare/compare-voices.ts compareVoices).
import * as Plot from "@observablehq/plot";
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3";
// Type imports only: Framework bundles components for the browser and allows no runtime import from outside src/.
import type { VoiceType } from "../../data-loaders/schema/enums.ts";
import type { VoiceComparison } from "../../data-loaders/schema/site-outputs.ts";
import type { AttributionKind } from "../../data-loaders/schema/enums.ts";
import { readerHref, shorten } from "./site-data.js";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
const MIN_CHART_WIDTH = 480;
/** The network's label size in screen pixels. */
const FONT = 14;

/** One article's attributions, counted by speaker type and by kind (from its rows file). */
export interface ArticleVoices {
  readonly id: string;
  readonly title: string;
  readonly byType: Readonly<Record<VoiceType, number>>;
  readonly byKind: Readonly<Record<AttributionKind, number>>;
}
type Network = VoiceComparison["network"];

/**
 * Labels and colours of the speaker types (colour-blind-safe Okabe–Ito palette, grey for the rest), in the
 * order the pages show them. Typed by the schema's VoiceType, so a type added there fails the type check
 * until it has a label here.
 */
const VOICE_STYLE: Readonly<Record<VoiceType, { label: string; color: string }>> = {
  government: { label: "Government or official", color: "#0072B2" },
  "state-media": { label: "State media", color: "#D55E00" },
  "other-media": { label: "Other media", color: "#E69F00" },
  expert: { label: "Expert or analyst", color: "#009E73" },
  document: { label: "Document", color: "#CC79A7" },
  anonymous: { label: "Anonymous", color: "#000000" },
  "unnamed-group": { label: "Unnamed group", color: "#56B4E9" },
  other: { label: "Other named person", color: "#999999" },
  unresolved: { label: "Speaker not found", color: "#dddddd" },
};

/** Speaker types with their labels and colours. */
export const VOICE_TYPES: ReadonlyArray<{ id: VoiceType; label: string; color: string }> = (Object.keys(VOICE_STYLE) as VoiceType[]).map(
  (id) => ({ id, ...VOICE_STYLE[id] }),
);
const typeLabel = new Map(VOICE_TYPES.map((t) => [t.id, t.label]));
const typeColor = new Map(VOICE_TYPES.map((t) => [t.id, t.color]));

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

/** Per article, the share of direct, mixed, indirect and thought attributions (each bar sums to 100%). */
export function kindShares(
  articles: readonly ArticleVoices[],
  { width, articleLabel }: { width: number; articleLabel?: (id: string) => string },
): SVGSVGElement | HTMLElement {
  const kinds = [
    { id: "direct", label: "Direct quotation" },
    { id: "mixed", label: "Partial quotation in reported speech" },
    { id: "indirect", label: "Indirect speech" },
    { id: "thought", label: "Reported thought or belief" },
  ] as const;
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
 * Articles (squares) and the voices they quote or name as sources (circles coloured by type), laid out by a
 * d3 force simulation run to rest before drawing, so every build and every screen shows the same picture.
 * Line width is the number of attributions; dashed lines are cited outlets and origin lines. Labels are
 * FONT px on screen whatever the width, so the picture reads on a classroom projector, and never overlap.
 */
export function voiceNetwork(
  network: Network,
  { width, height = 640, articleLabel = (id) => id }: { width: number; height?: number; articleLabel?: (id: string) => string },
): SVGSVGElement {
  type Node = SimulationNodeDatum & Network["nodes"][number];
  const nodes: Node[] = network.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = network.links.map((l) => ({ ...l, source: byId.get(l.source)!, target: byId.get(l.target)! }));
  const radius = (n: Node) => (n.kind === "article" ? 11 : 6 + 2.5 * Math.sqrt(n.weight));
  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).distance(110).strength(0.5))
    .force("charge", forceManyBody().strength(-650))
    .force(
      "collide",
      forceCollide<Node>((n) => radius(n) + 14),
    )
    .force("x", forceX(0).strength(0.06))
    .force("y", forceY(0).strength(0.09))
    .force("center", forceCenter(0, 0))
    .stop();
  for (let i = 0; i < 400; i++) simulation.tick();
  // Drawn at one unit per screen pixel: positions are scaled to the width, text is not, so labels are
  // FONT px wherever the page is shown (a classroom projector at 1024 px included).
  const drawWidth = Math.max(width, MIN_CHART_WIDTH);
  const pad = 30;
  const labelRoom = 120;
  const xs = nodes.map((n) => n.x!);
  const ys = nodes.map((n) => n.y!);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(
    1.2,
    (drawWidth - 2 * pad - labelRoom) / Math.max(maxX - minX, 1),
    (height - 2 * pad - 30) / Math.max(maxY - minY, 1),
  );
  for (const n of nodes) {
    n.x = pad + (n.x! - minX) * scale;
    n.y = pad + (n.y! - minY) * scale;
  }
  const drawHeight = Math.ceil(pad * 2 + 30 + (maxY - minY) * scale);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${drawWidth} ${drawHeight}`);
  svg.setAttribute("width", String(drawWidth));
  svg.setAttribute("height", String(drawHeight));
  // A group, not an image: the articles inside are links, which an image role would hide.
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Network of articles and the voices they quote or cite");
  svg.classList.add("voice-network");
  const make = (tag: string, attrs: Record<string, string | number>, parent: Element = svg) => {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    parent.appendChild(el);
    return el;
  };
  // Labels that would overlap one already placed are left out (the node's tooltip still names it):
  // articles first, then voices from the most linked down.
  const placed: Array<[number, number, number, number]> = [];
  const fits = (x: number, y: number, w: number, h: number) => {
    if (x < 0 || x + w > drawWidth || y < 0 || y + h > drawHeight) return false;
    if (placed.some(([px, py, pw, ph]) => x < px + pw && px < x + w && y < py + ph && py < y + h)) return false;
    placed.push([x, y, w, h]);
    return true;
  };
  // A generous width per character (bold article labels run wider than regular ones), so that what is
  // judged free is free in any browser's font.
  const textWidth = (text: string, bold: boolean) => (bold ? 0.66 : 0.6) * FONT * text.length;
  // Where a label may go, tried in order: an article's below or above its square; a voice's right, left,
  // below or above its circle. Each with its text anchor and offset from the node.
  type Place = { anchor: "start" | "middle" | "end"; dx: number; dy: number };
  const labelOf = new Map<Node, { text: string; place: Place }>();
  // Squares and circles are taken first: a label never covers a node.
  for (const n of nodes) {
    const r = radius(n);
    placed.push([n.x! - r, n.y! - r, 2 * r, 2 * r]);
  }
  for (const n of [...nodes].sort((a, b) =>
    a.kind === b.kind ? b.weight - a.weight || (a.id < b.id ? -1 : 1) : a.kind === "article" ? -1 : 1,
  )) {
    const article = n.kind === "article";
    const text = article ? shorten(articleLabel(n.label), 26) : n.label;
    const r = radius(n);
    const w = textWidth(text, article);
    const places: Place[] = article
      ? [
          { anchor: "middle", dx: 0, dy: r + FONT },
          { anchor: "middle", dx: 0, dy: -r - 4 },
        ]
      : [
          { anchor: "start", dx: r + 4, dy: FONT / 2 - 2 },
          { anchor: "end", dx: -r - 4, dy: FONT / 2 - 2 },
          { anchor: "middle", dx: 0, dy: r + FONT },
          { anchor: "middle", dx: 0, dy: -r - 4 },
        ];
    for (const place of places) {
      const left = n.x! + place.dx - (place.anchor === "middle" ? w / 2 : place.anchor === "end" ? w : 0);
      if (fits(left, n.y! + place.dy - FONT, w, FONT + 4)) {
        labelOf.set(n, { text, place });
        break;
      }
    }
  }
  for (const l of links) {
    const line = make("line", {
      x1: l.source.x!,
      y1: l.source.y!,
      x2: l.target.x!,
      y2: l.target.y!,
      stroke: "#888",
      "stroke-opacity": 0.7,
      "stroke-width": 1 + 1.5 * Math.sqrt(l.count),
    });
    if (l.role !== "quoted") line.setAttribute("stroke-dasharray", "6 4");
    make("title", {}, line).textContent =
      `${articleLabel(l.source.label)} → ${l.target.label}: ${l.role === "quoted" ? `${l.count} attribution${l.count === 1 ? "" : "s"}` : l.role === "cited" ? `cited ${l.count}×` : "origin line"}`;
  }
  const halo = { "paint-order": "stroke", stroke: "var(--theme-background, white)", "stroke-width": 4 };
  for (const n of nodes) {
    const g = make("g", { transform: `translate(${n.x},${n.y})` });
    const r = radius(n);
    const label = labelOf.get(n);
    const at = (bold: boolean) =>
      label
        ? {
            x: label.place.dx,
            y: label.place.dy,
            "text-anchor": label.place.anchor,
            "font-size": FONT,
            ...(bold ? { "font-weight": 700 } : {}),
          }
        : {};
    if (n.kind === "article") {
      const link = make("a", { href: readerHref(n.label, { show: "voices" }) }, g);
      make("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, fill: "#222", stroke: "white", "stroke-width": 2 }, link);
      if (label) make("text", { ...at(true), fill: "currentColor", ...halo }, link).textContent = label.text;
      make("title", {}, link).textContent = `Article ${n.label}: ${articleLabel(n.label)}`;
    } else {
      make("circle", { r, fill: typeColor.get(n.type ?? "other") ?? "#999", stroke: "white", "stroke-width": 1.5 }, g);
      if (label) make("text", { ...at(false), fill: "currentColor", ...halo }, g).textContent = label.text;
      make("title", {}, g).textContent = `${n.label} (${typeLabel.get(n.type ?? "other")}): ${n.weight} link${n.weight === 1 ? "" : "s"}`;
    }
  }
  return svg;
}
