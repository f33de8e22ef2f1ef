// The article filter's index (filter/<shard>.json, named in index.json's `filter`): for every word of an
// article's listed fields and for each of its facets (language, source, frame, date), the positions of the
// articles that have it. The pages filter the whole corpus with it, fetching only the shards of the words
// typed, and then only the index pages of the articles they show (src/components/article-filter.ts).
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleSummary, FilterShard } from "../schema/site-outputs.ts";
import { runsOfSize, searchWords } from "./search-index.ts";

/** About how many bytes a filter shard holds (a key whose positions alone are larger is a shard of its own). */
export const FILTER_SHARD_BYTES = 64 * 1024;

/** The fields whose words a typed filter matches, in the order the pages name them. */
export const FILTERED_FIELDS = ["id", "title", "sourceName", "outlet", "author", "published", "provenance", "language"] as const;

/**
 * Facet keys start with this character, below every word's first character, so a typed word's range of
 * keys never holds one: "\u0001language:en", "\u0001source:RT\u0000declared", "\u0001frame:hegemon",
 * "\u0001published:2022-03-01".
 */
export const FACET_MARK = "\u0001";

/** The facet keys of one article: its language, source (name and basis; empty for none), frames and date. */
export function facetKeys(row: ArticleSummary): string[] {
  const keys = [
    `${FACET_MARK}language:${row.language}`,
    `${FACET_MARK}source:${row.sourceName === null ? "" : `${row.sourceName}\u0000${row.sourceBasis}`}`,
    ...Object.keys(row.frames).map((frame) => `${FACET_MARK}frame:${frame}`),
  ];
  if (row.published) keys.push(`${FACET_MARK}published:${row.published}`);
  return keys;
}

/** The keys of one article: the folded words of its filtered fields (searchWords) and its facet keys, each once. */
export function filterKeys(row: ArticleSummary): string[] {
  const words = FILTERED_FIELDS.flatMap((field) => searchWords(String(row[field] ?? "")));
  return [...new Set([...words, ...facetKeys(row)])];
}

/** The bytes of `[key, positions],` as JSON. */
function entryBytes([key, positions]: readonly [string, readonly number[]]): number {
  return JSON.stringify(key).length + 4 + positions.reduce((sum, n) => sum + String(n).length + 1, 0);
}

/**
 * The filter index of `summary` (in id order, an article's position its place in it): each key with its
 * articles' positions as differences (the first position, then each minus the one before), keys in
 * code-unit order, cut into shards of about `budget` bytes. `bytes` is each shard's size as counted, so a
 * page can know a filter's download before it makes it.
 * @example filterIndex(rows).shards[0].keys[0] // ["\u0001frame:hegemon", [1, 1, 2]]: articles 1, 2 and 4
 */
export function filterIndex(
  summary: readonly ArticleSummary[],
  budget = FILTER_SHARD_BYTES,
): { shards: Array<Omit<FilterShard, "build">>; firstKeys: string[]; bytes: number[] } {
  const positions = new Map<string, number[]>();
  summary.forEach((row, position) => {
    for (const key of filterKeys(row)) {
      const list = positions.get(key);
      if (list) list.push(position);
      else positions.set(key, [position]);
    }
  });
  const entries = [...positions]
    .sort((a, b) => compareIds(a[0], b[0]))
    .map(([key, list]): [string, number[]] => [key, list.map((p, i) => (i === 0 ? p : p - list[i - 1]!))]);
  const runs = runsOfSize(entries, entryBytes, budget);
  return {
    shards: runs.map((keys, k) => ({ shard: k, keys })),
    firstKeys: runs.map((keys) => keys[0]![0]),
    bytes: runs.map((keys) => keys.reduce((sum, entry) => sum + entryBytes(entry), 0)),
  };
}
