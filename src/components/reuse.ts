// Who republishes whom (reuse.json, data-loaders/reuse/find-reuse.ts): the reader's note on an article's
// copies and reused paragraphs, and the reuse page's tables. Article titles and outlet names are untrusted
// text: every one is appended as a text node.
import { element } from "./dom.js";
import { readerHref } from "./site-data.js";
import type { ReuseFindings } from "../../data-loaders/schema/reuse-file.ts";

type ReuseArticle = ReuseFindings["articles"][number];

/** What the reader says of one article: the other copies of its text, and the texts it shares paragraphs with. */
export interface ReuseOfArticle {
  readonly article: ReuseArticle;
  /** The group's other copies, with the group's likely origin (null: tied or undated) and how it was decided. */
  readonly copies: readonly ReuseArticle[];
  readonly origin: ReuseArticle | null;
  readonly originBasis: ReuseFindings["groups"][number]["originBasis"] | null;
  /**
   * Partial reuse, one entry per text (or per group of copies of one text) it shares paragraphs with: how
   * many of this text's paragraphs, the first of them here, and each other text with its first shared paragraph.
   */
  readonly partial: ReadonlyArray<{
    readonly paragraphs: number;
    readonly here: number;
    readonly others: ReadonlyArray<readonly [article: ReuseArticle, sentence: number]>;
  }>;
}

/** The reuse of article `id`, or null when it shares no text with another. */
export function reuseOfArticle(reuse: ReuseFindings, id: string): ReuseOfArticle | null {
  const at = reuse.articles.findIndex((a) => a.id === id);
  if (at < 0) return null;
  const groupOf = (m: number) => reuse.groups.findIndex((g) => g.members.includes(m));
  const group = reuse.groups[groupOf(at)];
  // Partial pairs with copies of one text are said once, naming every copy.
  const partial = new Map<string, { paragraphs: Set<number>; here: number; others: Array<readonly [ReuseArticle, number]> }>();
  for (const p of reuse.pairs) {
    if (p.kind !== "partial" || (p.a !== at && p.b !== at)) continue;
    const first = p.a === at;
    const other = first ? p.b : p.a;
    const key = groupOf(other) >= 0 ? `group ${groupOf(other)}` : `article ${other}`;
    const entry = partial.get(key) ?? { paragraphs: new Set<number>(), here: Infinity, others: [] };
    for (const [a, b] of p.passages) entry.paragraphs.add(first ? a : b);
    entry.here = Math.min(entry.here, ...entry.paragraphs);
    entry.others.push([reuse.articles[other]!, first ? p.passages[0]![1] : p.passages[0]![0]]);
    partial.set(key, entry);
  }
  return {
    article: reuse.articles[at]!,
    copies: group ? group.members.filter((m) => m !== at).map((m) => reuse.articles[m]!) : [],
    origin: group && group.origin !== null ? reuse.articles[group.origin]! : null,
    originBasis: group ? group.originBasis : null,
    partial: [...partial.values()].map((e) => ({ paragraphs: e.paragraphs.size, here: e.here, others: e.others })),
  };
}

/** "Outlet, “Title” (date)" as a link to the reader (at a sentence, if given), for a page `depth` folders down. */
export function articleLink(article: ReuseArticle, { sentence, depth = 0 }: { sentence?: number; depth?: number } = {}): HTMLElement {
  const link = element("a", { href: readerHref(article.id, { sentence, depth }) }, `“${article.title}”`);
  return element("span", {}, `${article.outlet ?? "outlet not recorded"}, `, link, ` (${article.published ?? "undated"})`);
}

/** The most articles a note links to in one sentence; it counts the rest. */
export const NOTE_LINKS = 20;

/** A list of article links separated by "; ". */
function linkList(items: ReadonlyArray<readonly [ReuseArticle, number | undefined]>, depth: number): Array<Node | string> {
  return items.flatMap(([article, sentence], i) => [...(i ? ["; "] : []), articleLink(article, { sentence, depth })]);
}

/** Why a group's origin is what it is, in words. */
export function originText(basis: ReuseOfArticle["originBasis"], origin: ReuseArticle | null): string {
  if (basis === "earliest-dated" && origin)
    return `likely origin: ${origin.outlet ?? "outlet not recorded"}, the earliest dated copy (${origin.published})`;
  if (basis === "tied") return "likely origin: not known, two or more copies share the earliest date";
  return "likely origin: not known, no copy is dated";
}

/**
 * The reader's note: "This text also appears in: …" for copies, and "N of its M paragraphs also appear in:
 * …" for partial reuse, each linked to the other article (at the first shared paragraph); null when the
 * article shares no text.
 */
export function reuseNote(reuse: ReuseFindings, id: string, depth = 0): HTMLElement | null {
  const found = reuseOfArticle(reuse, id);
  if (!found) return null;
  const note = element("aside", { className: "reuse-note" }, element("h2", {}, "Republished text"));
  note.setAttribute("aria-label", "Republished text");
  if (found.copies.length)
    note.append(
      element(
        "p",
        {},
        "This text also appears in: ",
        ...linkList(
          found.copies.slice(0, NOTE_LINKS).map((a) => [a, undefined]),
          depth,
        ),
        found.copies.length > NOTE_LINKS ? `; and ${found.copies.length - NOTE_LINKS} more copies (Who republishes whom lists them)` : "",
        `. (${originText(found.originBasis, found.origin)}.)`,
      ),
    );
  for (const { paragraphs, here, others } of found.partial)
    note.append(
      element(
        "p",
        {},
        `${paragraphs} of its ${found.article.paragraphs} paragraphs also appear in: `,
        ...linkList(others.slice(0, NOTE_LINKS), depth),
        others.length > NOTE_LINKS ? `; and ${others.length - NOTE_LINKS} more copies of that text` : "",
        " (",
        element("a", { href: `#s-${here}` }, "the first of them in this text"),
        ").",
      ),
    );
  return note;
}

/** One row per group of copies, for the reuse page's table and its download. */
export function groupRows(reuse: ReuseFindings): Array<{
  group: number;
  copies: number;
  outlets: string;
  origin: string | null;
  originOutlet: string | null;
  originBasis: string;
  first: ReuseArticle;
}> {
  return reuse.groups.map((g, k) => {
    const members = g.members.map((m) => reuse.articles[m]!);
    const origin = g.origin === null ? null : reuse.articles[g.origin]!;
    return {
      group: k + 1,
      copies: members.length,
      outlets: [...new Set(members.map((a) => a.outlet ?? "not recorded"))].join("; "),
      origin: origin?.id ?? null,
      originOutlet: origin?.outlet ?? null,
      originBasis: g.originBasis,
      first: origin ?? members[0]!,
    };
  });
}

/**
 * The outlet × outlet matrix of the reuse network as a table (a row per republisher, a column per source,
 * each cell "copies + partial"), for the `maxOutlets` outlets with the most reuse; its caption says what
 * is left out. A table, not a chart: it reads cell by cell with a screen reader and is its own alternative.
 */
export function networkMatrix(network: ReuseFindings["network"], maxOutlets = 25): HTMLTableElement {
  const totals = new Map<string, number>();
  for (const e of network)
    for (const outlet of [e.republisher, e.source]) totals.set(outlet, (totals.get(outlet) ?? 0) + e.copies + e.partial);
  const outlets = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, maxOutlets)
    .map(([outlet]) => outlet)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const cell = new Map(network.map((e) => [`${e.republisher}\u0000${e.source}`, e]));
  const left = totals.size - outlets.length;
  const caption = element(
    "caption",
    {},
    "Rows: the outlet that republished; columns: the outlet where the text was first seen. Each cell: whole copies + texts reusing paragraphs.",
    left > 0 ? ` ${left} outlets with less reuse are left out here (all are in the list below).` : "",
  );
  const header = element(
    "tr",
    {},
    element("th", { scope: "col" }, "republisher \\ source"),
    ...outlets.map((o) => element("th", { scope: "col" }, o)),
  );
  const rows = outlets.map((republisher) =>
    element(
      "tr",
      {},
      element("th", { scope: "row" }, republisher),
      ...outlets.map((source) => {
        const edge = cell.get(`${republisher}\u0000${source}`);
        return element("td", { className: edge ? "reuse-cell filled" : "reuse-cell" }, edge ? `${edge.copies} + ${edge.partial}` : "–");
      }),
    ),
  );
  return element("table", { className: "reuse-matrix" }, caption, element("thead", {}, header), element("tbody", {}, ...rows));
}
