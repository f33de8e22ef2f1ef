// A search index word's postings cut into chunks by article (search-index.ts), and the cutting into runs of
// a byte budget that the index's shards and the article filter's share.

/** The bytes of a number and its comma in a JSON array. A closed article's count is negative (SearchIndexBuilder.add): its sign is a byte too. */
export function numberBytes(n: number): number {
  return n < 0 ? String(n).length + 1 : n < 10 ? 2 : n < 100 ? 3 : n < 1000 ? 4 : n < 10_000 ? 5 : String(n).length + 1;
}

/**
 * `items` in their order, cut into runs of about `budget` bytes each (`bytes` of an item): a run is closed
 * before the item that would take it past the budget, so an item larger than the budget is a run of its own.
 * @example runsOfSize([1, 2, 3, 4], (n) => n, 5) // [[1, 2], [3], [4]]
 */
export function runsOfSize<T>(items: readonly T[], bytes: (item: T) => number, budget: number): T[][] {
  const runs: T[][] = [];
  let size = Infinity;
  for (const item of items) {
    const itemBytes = bytes(item);
    if (size + itemBytes > budget) {
      runs.push([]);
      size = 0;
    }
    runs.at(-1)!.push(item);
    size += itemBytes;
  }
  return runs;
}

/** One chunk of a split word's postings, with what its header says of it (SearchChunkHead). */
interface PostingsChunk {
  /** The chunk's postings, its first article's difference taken from 0 (so it is the article's index). */
  readonly postings: number[];
  readonly first: number;
  readonly articles: number;
  /** Occurrences with a sentence and position (open articles): the chunk's keyword-in-context lines. */
  readonly lines: number;
  /** Closed articles (count only): one line each on the Search page. */
  readonly closed: number;
  /** Every occurrence, open or closed (the word's corpus frequency, summed). */
  readonly occurrences: number;
  /** The chunk's postings as JSON, in bytes. */
  readonly bytes: number;
}

/**
 * A word's postings (SearchIndexBuilder's layout) cut by article into runs of about `budget` bytes: an
 * article's postings are never split, so an article larger than the budget is a chunk of its own. Read in
 * order and rebased, the chunks are the postings: each chunk's first difference is from article 0.
 * @example chunkPostings([0, 1, 0, 0, 2, 1, 0, 0], 6).map((c) => c.postings) // [[0, 1, 0, 0], [2, 1, 0, 0]]
 */
export function chunkPostings(postings: readonly number[], budget: number): PostingsChunk[] {
  const articles: Array<{ start: number; end: number; article: number; n: number; bytes: number }> = [];
  let article = 0;
  for (let i = 0; i < postings.length;) {
    article += postings[i]!;
    const n = postings[i + 1]!;
    const end = i + 2 + 2 * Math.max(n, 0);
    let bytes = 0;
    for (let k = i; k < end; k++) bytes += numberBytes(postings[k]!);
    articles.push({ start: i, end, article, n, bytes });
    i = end;
  }
  return runsOfSize(articles, (a) => a.bytes, budget).map((run) => {
    const first = run[0]!;
    const chunk = postings.slice(first.start, run.at(-1)!.end);
    chunk[0] = first.article;
    let lines = 0;
    let closed = 0;
    let occurrences = 0;
    for (const a of run) {
      occurrences += Math.abs(a.n);
      if (a.n < 0) closed++;
      else lines += a.n;
    }
    return { postings: chunk, first: first.article, articles: run.length, lines, closed, occurrences, bytes: JSON.stringify(chunk).length };
  });
}
