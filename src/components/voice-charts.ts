// Charts for the Who speaks page, fed by voices.json (data-loaders/compare/compare-voices.ts compareVoices).
import * as Plot from "@observablehq/plot";
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3";
// Type imports only: Framework bundles components for the browser and allows no runtime import from outside src/.
import type { VoiceType } from "../../data-loaders/schema/enums.ts";
import type { VoiceComparison } from "../../data-loaders/schema/site-outputs.ts";
import type { AttributionKind } from "../../data-loaders/schema/enums.ts";
import { readerHref } from "./site-data.js";

/** The narrowest a chart is drawn, in pixels, whatever width the page reports. */
const MIN_CHART_WIDTH = 480;

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
      Plot.ruleX([0]),
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
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Articles (squares) and the voices they quote or name as sources (circles coloured by type), laid out by a
 * d3 force simulation run to rest before drawing, so every build and every screen shows the same picture.
 * Line width is the number of attributions; dashed lines are cited outlets and origin lines. Labels are
 * 16px or larger so the picture reads on a classroom projector.
 */
export function voiceNetwork(network: Network, { width, height = 640 }: { width: number; height?: number }): SVGSVGElement {
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
  const xs = nodes.map((n) => n.x!);
  const ys = nodes.map((n) => n.y!);
  const pad = 80;
  // Labels run to the right of voices: about 9 units per character at 16px.
  const right = Math.max(...nodes.map((n) => n.x! + (n.kind === "voice" ? radius(n) + 8 + 9 * n.label.length : 60)));
  const [x0, x1] = [Math.min(...xs) - pad, right + 20];
  const [y0, y1] = [Math.min(...ys) - pad, Math.max(...ys) + pad];
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `${x0} ${y0} ${x1 - x0} ${y1 - y0}`);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(Math.min(height, (width * (y1 - y0)) / (x1 - x0))));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Network of articles and the voices they quote or cite");
  svg.classList.add("voice-network");
  const make = (tag: string, attrs: Record<string, string | number>, parent: Element = svg) => {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    parent.appendChild(el);
    return el;
  };
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
      `${l.source.label} → ${l.target.label}: ${l.role === "quoted" ? `${l.count} attribution${l.count === 1 ? "" : "s"}` : l.role === "cited" ? `cited ${l.count}×` : "origin line"}`;
  }
  for (const n of nodes) {
    const g = make("g", { transform: `translate(${n.x},${n.y})` });
    if (n.kind === "article") {
      const r = radius(n);
      const link = make("a", { href: readerHref(n.label, { show: "voices" }) }, g);
      make("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, fill: "#222", stroke: "white", "stroke-width": 2 }, link);
      make("text", { y: r + 20, "text-anchor": "middle", "font-size": 16, "font-weight": 700, fill: "currentColor" }, link).textContent =
        n.label.length > 12 ? `${n.label.slice(0, 11)}…` : n.label;
      make("title", {}, link).textContent = `Article ${n.label}`;
    } else {
      make("circle", { r: radius(n), fill: typeColor.get(n.type ?? "other") ?? "#999", stroke: "white", "stroke-width": 1.5 }, g);
      const label = make(
        "text",
        {
          x: radius(n) + 4,
          y: 5,
          "font-size": 16,
          fill: "currentColor",
          "paint-order": "stroke",
          stroke: "var(--theme-background, white)",
          "stroke-width": 4,
        },
        g,
      );
      label.textContent = n.label;
      make("title", {}, g).textContent = `${n.label} (${typeLabel.get(n.type ?? "other")}): ${n.weight} link${n.weight === 1 ? "" : "s"}`;
    }
  }
  return svg;
}
