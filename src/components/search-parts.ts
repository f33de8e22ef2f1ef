// The parts a query's results are read in (search-results.ts): one index word's postings decoded, a segment
// of them (inline or one chunk of a split word), a range of articles loaded together, and their counts.
import type { ResultLine } from "./search-results.js";

/** Occurrences of one index word by article: flat [sentence, position, …] pairs, or a closed article's count. */
export type Decoded = Map<number, number[] | number>;

/** Decodes postings (an article's difference from the previous, n, then n pairs; −n for a closed article). */
export function decode(postings: readonly number[]): Decoded {
  const out: Decoded = new Map();
  let article = 0;
  for (let i = 0; i < postings.length;) {
    article += postings[i++]!;
    const n = postings[i++]!;
    out.set(article, n < 0 ? -n : (postings.slice(i, i + 2 * n) as number[]));
    i += 2 * Math.max(n, 0);
  }
  return out;
}

/** Part of one index word's postings: all of a small word's (inline), or one chunk of a split word's. */
export interface Segment {
  /** Articles from `from` to before `to` can be in it. */
  readonly from: number;
  readonly to: number;
  /** A chunk's file (search/<name>.json) and bytes; null for postings in the shard. */
  readonly chunk: { readonly name: string; readonly bytes: number } | null;
  /** Its postings decoded, once loaded (at once for inline postings). */
  decoded: Decoded | null;
  /** For inline postings, their articles in order (to tell whether a range can hold a hit without loading). */
  readonly articles: readonly number[] | null;
}

/** Counts of a run of results: lines (hits and closed articles), articles with a line, open articles with a hit. */
export interface Counts {
  readonly lines: number;
  readonly articles: number;
  readonly open: number;
}

/** A range of articles of the results, cut where a chunk starts: its chunks load together. */
export interface Part {
  readonly from: number;
  readonly to: number;
  /** Counts a split word's header gives for it (one word searched, one index word, no filter). */
  readonly known: Counts | null;
  /** Whether it can hold a result at all (an inline word or the filter may rule it out without loading). */
  readonly possible: boolean;
  lines: ResultLine[] | null;
}

/** Whether a sorted list has a value in [from, to). */
export function hasIn(sorted: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low]! < to;
}

/** The counts of some lines. */
export function countLines(lines: readonly ResultLine[]): Counts {
  const articles = new Set<number>();
  const open = new Set<number>();
  for (const line of lines) {
    articles.add(line.article);
    if (line.sentence !== null) open.add(line.article);
  }
  return { lines: lines.length, articles: articles.size, open: open.size };
}
