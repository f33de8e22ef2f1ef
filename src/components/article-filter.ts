// Filtering the whole corpus's articles in the browser, from the filter index the build publishes
// (data-loaders/publish/filter-index.ts: filter/<k>.json, named in index.json's `filter`): a typed word
// matches the articles with a word beginning with it in their id, title, source, outlet, author, date,
// provenance or language; a facet (language, source, frame, date range) the articles that have it. A filter
// fetches only the shards of its words and facets, and a list then only the index pages of the articles it
// shows, so what a page downloads does not grow with the corpus.
import type { FilterShard, IndexManifest } from "../../data-loaders/schema/site-outputs.ts";
import { shardsBetween, wordSpans } from "./search.js";
import { corpusFile, indexRowsAt, type IndexRow } from "./site-data.js";

/** The most bytes of filter shards one filter fetches: a word that begins more keys than this is refused. */
export const FILTER_BYTES = 1024 * 1024;

/** The manifest's parts a filter reads. */
export type FilterManifest = Pick<IndexManifest, "count" | "filter">;

/** What a filter asks for: typed text and facets (each null for any). */
export interface ArticleQuery {
  readonly text?: string | null;
  readonly language?: string | null;
  /** Sources as [name, basis] (a label may stand for several); [] or null for any. */
  readonly sources?: ReadonlyArray<readonly [string | null, string]> | null;
  readonly frame?: string | null;
  /** A date range at the precision typed ("2022", "2022-03"), both ends included. */
  readonly from?: string | null;
  readonly to?: string | null;
}

/** The articles a filter keeps, as positions in the corpus (id order); null for every article. */
export interface FilterResult {
  readonly positions: readonly number[] | null;
  readonly count: number;
  /** Why the filter was not applied (it would fetch too much), for the page to say; null when it was. */
  readonly refused: string | null;
}

/** The key ranges [low, high] (both included) a query reads: each a set of articles, to be intersected. */
export function queryRanges(query: ArticleQuery): Array<{ name: string; ranges: Array<[string, string]> }> {
  const mark = "\u0001";
  const asked: Array<{ name: string; ranges: Array<[string, string]> }> = [];
  for (const { word } of wordSpans(query.text ?? "")) asked.push({ name: `"${word}"`, ranges: [[word, `${word}\uffff`]] });
  if (query.language)
    asked.push({ name: "language", ranges: [[`${mark}language:${query.language}`, `${mark}language:${query.language}`]] });
  if (query.sources?.length) {
    const keys = query.sources.map(([name, basis]) => `${mark}source:${name === null ? "" : `${name}\u0000${basis}`}`);
    asked.push({ name: "source", ranges: keys.map((key): [string, string] => [key, key]) });
  }
  if (query.frame) asked.push({ name: "frame", ranges: [[`${mark}frame:${query.frame}`, `${mark}frame:${query.frame}`]] });
  if (query.from || query.to)
    asked.push({ name: "date", ranges: [[`${mark}published:${query.from ?? ""}`, `${mark}published:${query.to ?? "\uffff"}\uffff`]] });
  return asked;
}

/** The shards (numbers) holding the keys from `low` to `high`. */
function shardsOf(manifest: FilterManifest, low: string, high: string): number[] {
  const names = manifest.filter.firstKeys.map((_, k) => String(k));
  return shardsBetween({ shards: names, firstWords: manifest.filter.firstKeys }, low, high).map(Number);
}

/** The positions of the articles with a key in one of `ranges`, in order, from the shards that hold them. */
async function positionsIn(manifest: FilterManifest, ranges: ReadonlyArray<readonly [string, string]>): Promise<number[]> {
  const found = new Set<number>();
  for (const [low, high] of ranges)
    for (const shard of shardsOf(manifest, low, high)) {
      const file = await corpusFile<FilterShard>(`filter/${shard}.json`);
      for (const [key, deltas] of file.keys) {
        if (key < low || key > high) continue;
        let position = 0;
        deltas.forEach((delta, i) => found.add((position = i === 0 ? delta : position + delta)));
      }
    }
  return [...found].sort((a, b) => a - b);
}

/**
 * The articles `query` keeps, over the whole corpus. Before fetching, the shards it needs are summed from
 * the manifest's byte counts: past FILTER_BYTES (a word of one or two letters that begins most words of a
 * large corpus) the filter is refused with a note saying which word to lengthen, and every article is kept.
 * @example await filterArticles(manifest, {text: "outlet c"}) // {positions: [2, 5, 8, …], count: 43, refused: null}
 */
export async function filterArticles(manifest: FilterManifest, query: ArticleQuery): Promise<FilterResult> {
  const asked = queryRanges(query);
  if (!asked.length) return { positions: null, count: manifest.count, refused: null };
  const needed = new Set(asked.flatMap((a) => a.ranges.flatMap(([low, high]) => shardsOf(manifest, low, high))));
  const bytes = [...needed].reduce((sum, k) => sum + manifest.filter.bytes[k]!, 0);
  if (bytes > FILTER_BYTES) {
    const widest = asked
      .map((a) => ({ a, n: new Set(a.ranges.flatMap(([l, h]) => shardsOf(manifest, l, h))).size }))
      .sort((x, y) => y.n - x.n)[0]!;
    const note = `This filter would download ${(bytes / 1024 / 1024).toFixed(1)} MB of the filter index (${widest.a.name} begins too many words): type more of it.`;
    return { positions: null, count: manifest.count, refused: note };
  }
  let kept: number[] | null = null;
  for (const a of asked) {
    const positions = await positionsIn(manifest, a.ranges);
    const within: ReadonlySet<number> | null = kept ? new Set(kept) : null;
    kept = within ? positions.filter((p) => within.has(p)) : positions;
  }
  return { positions: kept, count: kept!.length, refused: null };
}

/** The positions `result` keeps from `start` (from 0), at most `length` of them. */
export function keptSlice(result: FilterResult, start: number, length: number): number[] {
  if (result.positions) return result.positions.slice(start, start + length);
  return Array.from({ length: Math.max(0, Math.min(length, result.count - start)) }, (_, i) => start + i);
}

/** The index rows of the articles `result` keeps from `start`, at most `length`, in order: only their index pages are fetched. */
export async function keptRows(
  manifest: Pick<IndexManifest, "pageSize">,
  result: FilterResult,
  start: number,
  length: number,
): Promise<IndexRow[]> {
  const positions = keptSlice(result, start, length);
  const rows = await indexRowsAt(manifest, positions);
  return positions.map((p) => rows.get(p)!);
}

/** "12 of 25,000 articles match the filter." or the refusal's note, for the page to show and say. */
export function filterStatus(result: FilterResult, total: number): string {
  if (result.refused) return result.refused;
  return `${result.count.toLocaleString("en")} of ${total.toLocaleString("en")} articles match the filter.`;
}
