import { compareIds } from "../common/compare-ids.ts";
import { UniqueCodes } from "./unique-codes.ts";

/**
 * From verified pairs to what a reader asks: which texts are copies of one another (a group), which came
 * first (the likely origin), and which outlet republishes which (the network).
 */

/** What the groups and the network need of an article. */
export interface DatedArticle {
  readonly id: string;
  readonly outlet: string | null;
  readonly published: string | null;
}

/** How a group's origin was decided: its one earliest dated copy, or none (a tie, or no copy dated). */
export type OriginBasis = "earliest-dated" | "tied" | "undated";

/**
 * Compares two publication dates at the precision both have: ISO dates of a year, month or day compare
 * by their common leading part ("2024" and "2024-03-05" are the same year, so neither is earlier); two
 * date-times compare as instants. Null when either is missing.
 * @example compareDates("2024-03-04", "2024-03-05") // -1
 * @example compareDates("2024", "2024-03-05") // 0
 */
export function compareDates(a: string | null, b: string | null): number | null {
  if (a === null || b === null) return null;
  if (a.length > 10 && b.length > 10) {
    const [x, y] = [Date.parse(a), Date.parse(b)];
    if (!Number.isNaN(x) && !Number.isNaN(y)) return Math.sign(x - y);
  }
  const precision = Math.min(a.length, b.length, 10);
  return compareIds(a.slice(0, precision), b.slice(0, precision));
}

/**
 * The likely origin of a group of copies: the one dated copy strictly earlier than every other dated
 * copy. Members are positions in `articles`; undated copies cannot be placed and are passed over.
 * @example likelyOrigin([0, 1], [{ id: "a", outlet: null, published: "2024-05-02" }, { id: "b", outlet: null, published: "2024-05-01" }]) // { origin: 1, basis: "earliest-dated" }
 */
export function likelyOrigin(
  members: readonly number[],
  articles: readonly DatedArticle[],
): { readonly origin: number | null; readonly basis: OriginBasis } {
  const dated = members.filter((m) => articles[m]!.published !== null);
  if (dated.length === 0) return { origin: null, basis: "undated" };
  const published = (m: number) => articles[m]!.published;
  const origin = dated.find((m) => dated.every((other) => other === m || compareDates(published(m), published(other))! < 0));
  return origin === undefined ? { origin: null, basis: "tied" } : { origin, basis: "earliest-dated" };
}

/**
 * Connected components of `count` items under `links`: each component of two or more items, its items
 * ascending, components in the order of their first item (union–find with path halving).
 * @example connectedGroups(4, [[0, 2], [2, 3]]) // [[0, 2, 3]]
 */
export function connectedGroups(count: number, links: Iterable<readonly [number, number]>): number[][] {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const root = (i: number) => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [a, b] of links) {
    const [x, y] = [root(a), root(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** An edge of the reuse network: `republisher` published text first seen at `source`. */
export interface ReuseEdge {
  readonly republisher: string;
  readonly source: string;
  /** Copies of a whole text whose group's likely origin is at `source`. */
  readonly copies: number;
  /** Texts that reuse paragraphs of an earlier text at `source`. */
  readonly partial: number;
}

/**
 * The outlet-to-outlet reuse network: for each group with a likely origin, one copy per member at another
 * outlet; for each partial pair of two texts dated apart, one reuse by the later text's outlet of the
 * earlier text, or of its group's likely origin if it has one (counted once per text and origin, however
 * many copies of the origin it shares paragraphs with). Articles without an outlet, and an outlet reusing
 * its own texts, are left out. Edges by republisher, then source.
 */
export function reuseNetwork(
  articles: readonly DatedArticle[],
  groups: ReadonlyArray<{ readonly members: readonly number[]; readonly origin: number | null }>,
  partialPairs: Iterable<readonly [number, number]>,
): ReuseEdge[] {
  const edges = new Map<string, { republisher: string; source: string; copies: number; partial: number }>();
  const count = (later: number, earlier: number, field: "copies" | "partial") => {
    const [republisher, source] = [articles[later]!.outlet, articles[earlier]!.outlet];
    if (republisher === null || source === null || republisher === source) return;
    const key = JSON.stringify([republisher, source]);
    const edge = edges.get(key) ?? { republisher, source, copies: 0, partial: 0 };
    edge[field]++;
    edges.set(key, edge);
  };
  const originOf = new Map<number, number>();
  for (const { members, origin } of groups)
    if (origin !== null)
      for (const m of members) {
        originOf.set(m, origin);
        if (m !== origin) count(m, origin, "copies");
      }
  // Each later text and source once: as codes later · n + source, a sorted typed array, not a set of strings
  // (a corpus of many shared passages has millions of partial pairs).
  const n = articles.length;
  const counted = new UniqueCodes();
  for (const [a, b] of partialPairs) {
    const order = compareDates(articles[a]!.published, articles[b]!.published);
    if (!order) continue;
    const [later, earlier] = order > 0 ? [a, b] : [b, a];
    counted.add(later * n + (originOf.get(earlier) ?? earlier));
  }
  for (const code of counted.sorted()) count(Math.floor(code / n), code % n, "partial");
  return [...edges.values()].sort((x, y) => compareIds(x.republisher, y.republisher) || compareIds(x.source, y.source));
}
