// The parts a query's results are read in (search-results.ts): one index word's postings decoded, a segment
// of them (inline or one chunk of a split word), a range of articles loaded together, and their counts; a
// query word's segments read from the index, and the query's articles cut into parts.
import type { SearchChunkHead } from "../../data-loaders/schema/site-outputs.ts";
import { shardsOf, type QueryWord } from "./search.js";
import type { ResultLine, SearchFiles } from "./search-results.js";

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

/**
 * A query word's index words (all that match its pattern, or the one spelled as it is), each as its segments:
 * one of inline postings, decoded at once, or one per chunk of a split word, whose header goes into `heads`.
 */
export async function wordSegments(
  files: SearchFiles,
  word: QueryWord,
  heads: Map<readonly Segment[], SearchChunkHead>,
): Promise<Segment[][]> {
  const entries = (await Promise.all(shardsOf(files.list, word).map(files.shard))).flatMap((shard) => shard.words);
  const matching = word.pattern ? entries.filter(([w]) => word.pattern!.test(w)) : entries.filter(([w]) => w === word.text);
  return matching.map(([, postings]): Segment[] => {
    if (Array.isArray(postings)) {
      const decoded = decode(postings as number[]);
      return [{ from: 0, to: Infinity, chunk: null, decoded, articles: [...decoded.keys()] }];
    }
    const head = postings as SearchChunkHead;
    const segments = head.chunks.map(([first, , , , bytes], k) => ({
      from: first,
      to: head.chunks[k + 1]?.[0] ?? Infinity,
      chunk: { name: `c/${head.id}_${k}`, bytes },
      decoded: null,
      articles: null,
    }));
    heads.set(segments, head);
    return segments;
  });
}

/** The parts of one split word searched without a filter: its chunks, counted by its header. */
export function partsOfHeader(segments: readonly Segment[], head: SearchChunkHead): Part[] {
  return segments.map((segment, k) => {
    const [, articles, lines, closed] = head.chunks[k]!;
    return {
      from: segment.from,
      to: segment.to,
      known: { lines: lines + closed, articles, open: articles - closed },
      possible: true,
      lines: null,
    };
  });
}

/**
 * The parts of any other query: its articles cut where any of its words' chunks starts, counts unknown, and
 * a part ruled out (no lines to load) when a word has no postings there or the filter `keep` no article.
 */
export function partsCutAtChunks(perWord: ReadonlyArray<ReadonlyArray<readonly Segment[]>>, keep: ReadonlySet<number> | null): Part[] {
  const keptSorted = keep ? [...keep].sort((a, b) => a - b) : null;
  const cuts = [...new Set([0, ...perWord.flat(2).map((s) => s.from)])].sort((a, b) => a - b);
  return cuts.map((from, k) => {
    const to = cuts[k + 1] ?? Infinity;
    // A part can hold a result only if every query word has postings there (an inline word's articles
    // are known) and, with a filter, the filter keeps an article there.
    const possible =
      (!keptSorted || hasIn(keptSorted, from, to)) &&
      perWord.every((entries) =>
        entries.some((segments) => segments.some((s) => s.from < to && s.to > from && (!s.articles || hasIn(s.articles, from, to)))),
      );
    return { from, to, known: null, possible, lines: possible ? null : [] };
  });
}
