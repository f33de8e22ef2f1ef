// The network chart of the Who speaks page, fed by voices.json (data-loaders/compare/compare-voices.ts
// compareVoices): a layout, a rule for where labels go, and the two layers drawn (links, then nodes).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3";
// Type imports only: Framework bundles components for the browser and allows no runtime import from outside src/.
import type { VoiceComparison } from "../../data-loaders/schema/site-outputs.ts";
import { readerHref, shorten } from "./site-data.js";
import { MIN_CHART_WIDTH, VOICE_TYPES, textColorOn } from "./voice-charts.js";
import { chartTable } from "./chart-table.js";

/** The network's label size in screen pixels. */
const FONT = 14;
const typeLabel = new Map(VOICE_TYPES.map((t) => [t.id, t.label]));
const typeStyle = new Map(VOICE_TYPES.map((t) => [t.id, t]));

type Network = VoiceComparison["network"];
type Node = SimulationNodeDatum & Network["nodes"][number];
type Link = Omit<Network["links"][number], "source" | "target"> & { source: Node; target: Node };
/** Where a label goes: its text anchor and offset from the node. */
type Place = { anchor: "start" | "middle" | "end"; dx: number; dy: number };
type Label = { text: string; place: Place };
type Make = (tag: string, attrs: Record<string, string | number>, parent?: Element) => Element;

/** A node's radius: a fixed square for an article, a circle growing with the links for a voice. */
const radius = (n: Node) => (n.kind === "article" ? 11 : 6 + 2.5 * Math.sqrt(n.weight));

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
  const { nodes, links, drawWidth, drawHeight } = layOut(network, width, height);
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${drawWidth} ${drawHeight}`);
  svg.setAttribute("width", String(drawWidth));
  svg.setAttribute("height", String(drawHeight));
  // A group, not an image: the articles inside are links, which an image role would hide.
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Network of articles and the voices they quote or cite");
  svg.setAttribute(
    "aria-description",
    "Squares are articles, each a link to the reader; circles are the voices they quote or cite, each named with its speaker type. The table after the chart lists the same.",
  );
  svg.classList.add("voice-network");
  const make: Make = (tag, attrs, parent = svg) => {
    const el = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    parent.appendChild(el);
    return el;
  };
  const labelOf = placeLabels(nodes, drawWidth, drawHeight, articleLabel);
  drawLinks(make, links, articleLabel);
  drawNodes(make, nodes, labelOf, articleLabel);
  return svg;
}

/**
 * Runs the force simulation to rest (400 ticks), then scales positions to the drawing: one unit per screen
 * pixel, so positions follow the width and text does not (labels are FONT px wherever the page is shown, a
 * classroom projector at 1024 px included).
 */
function layOut(network: Network, width: number, height: number) {
  const nodes: Node[] = network.nodes.map((n) => ({ ...n }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links: Link[] = network.links.map((l) => ({ ...l, source: byId.get(l.source)!, target: byId.get(l.target)! }));
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
  return { nodes, links, drawWidth, drawHeight };
}

/**
 * The label of each node that has room for one. Squares and circles are taken first, so a label never
 * covers a node; then labels are placed articles first, voices from the most linked down, each at the first
 * of its places (labelPlaces) that overlaps nothing placed before. A label left out is still named by the
 * node's tooltip.
 */
function placeLabels(
  nodes: readonly Node[],
  drawWidth: number,
  drawHeight: number,
  articleLabel: (id: string) => string,
): Map<Node, Label> {
  const placed: Array<[number, number, number, number]> = [];
  const fits = (x: number, y: number, w: number, h: number) => {
    if (x < 0 || x + w > drawWidth || y < 0 || y + h > drawHeight) return false;
    if (placed.some(([px, py, pw, ph]) => x < px + pw && px < x + w && y < py + ph && py < y + h)) return false;
    placed.push([x, y, w, h]);
    return true;
  };
  const labelOf = new Map<Node, Label>();
  for (const n of nodes) {
    const r = radius(n);
    placed.push([n.x! - r, n.y! - r, 2 * r, 2 * r]);
  }
  for (const n of [...nodes].sort((a, b) =>
    a.kind === b.kind ? b.weight - a.weight || (a.id < b.id ? -1 : 1) : a.kind === "article" ? -1 : 1,
  )) {
    const article = n.kind === "article";
    const text = article ? shorten(articleLabel(n.label), 26) : n.label;
    const w = textWidth(text, article);
    for (const place of labelPlaces(n)) {
      const left = n.x! + place.dx - (place.anchor === "middle" ? w / 2 : place.anchor === "end" ? w : 0);
      if (fits(left, n.y! + place.dy - FONT, w, FONT + 4)) {
        labelOf.set(n, { text, place });
        break;
      }
    }
  }
  return labelOf;
}

/**
 * A label's width in pixels, generous per character (bold article labels run wider than regular ones), so
 * that what is judged free is free in any browser's font.
 */
const textWidth = (text: string, bold: boolean) => (bold ? 0.66 : 0.6) * FONT * text.length;

/** Where a node's label may go, in the order tried: an article's below or above its square; a voice's right, left, below or above its circle. */
function labelPlaces(n: Node): Place[] {
  const r = radius(n);
  return n.kind === "article"
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
}

/** The link layer: a line per link, as wide as its attributions, dashed unless quoted, with a tooltip. */
function drawLinks(make: Make, links: readonly Link[], articleLabel: (id: string) => string): void {
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
}

/** The node layer: an article a square linking to the reader, a voice a circle in its type's colour; each with its label, if placed, and a tooltip. */
function drawNodes(make: Make, nodes: readonly Node[], labelOf: ReadonlyMap<Node, Label>, articleLabel: (id: string) => string): void {
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
      // A dark rim (not white) keeps every circle at 3:1 or more against the page, whatever its colour; the
      // type's letter tells it without colour (issue 32).
      const style = typeStyle.get(n.type ?? "other")!;
      const name = `${n.label} (${style.label}): ${n.weight} link${n.weight === 1 ? "" : "s"}`;
      g.setAttribute("role", "img");
      g.setAttribute("aria-label", name);
      make("circle", { r, fill: style.color, stroke: "#222", "stroke-width": 1.5 }, g);
      const size = Math.min(12, Math.round(1.2 * r));
      const symbol = {
        "text-anchor": "middle",
        dy: "0.35em",
        "font-size": size,
        "font-weight": 700,
        fill: textColorOn(style.color),
        class: "voice-symbol",
      };
      make("text", { ...symbol, "aria-hidden": "true" }, g).textContent = style.symbol;
      if (label) make("text", { ...at(false), fill: "currentColor", ...halo, "aria-hidden": "true" }, g).textContent = label.text;
      make("title", {}, g).textContent = name;
    }
  }
}

/**
 * The network as a collapsed table for assistive technology and for reading (issue 32): a row per article
 * (linked to the reader with its voices marked), the voices it quotes with their type and attributions, and
 * the outlets it cites or names as its origin.
 */
export function voiceNetworkTable(
  network: Network,
  { articleLabel = (id) => id }: { articleLabel?: (id: string) => string },
): HTMLDetailsElement {
  const byId = new Map(network.nodes.map((n) => [n.id, n]));
  const articles = network.nodes.filter((n) => n.kind === "article");
  const linksOf = (id: string, quoted: boolean) =>
    network.links
      .filter((l) => l.source === id && (l.role === "quoted") === quoted)
      .map((l) => {
        const voice = byId.get(l.target)!;
        const what =
          l.role === "quoted"
            ? `${l.count} attribution${l.count === 1 ? "" : "s"}`
            : l.role === "cited"
              ? `cited ${l.count}×`
              : "origin line";
        return `${voice.label} (${typeLabel.get(voice.type ?? "other")}, ${what})`;
      })
      .join("; ");
  return chartTable(
    articles,
    [
      { header: "Article", value: (n) => articleLabel(n.label), href: (n) => readerHref(n.label, { show: "voices" }) },
      { header: "Voices quoted (type, attributions)", value: (n) => linksOf(n.id, true) || "none" },
      { header: "Outlets cited or named as origin", value: (n) => linksOf(n.id, false) || "none" },
    ],
    {
      summary: `The network as a table (${articles.length} article${articles.length === 1 ? "" : "s"})`,
      caption: "Each article in the network with the voices it quotes and the outlets it cites",
    },
  );
}
