// A query's results read from the search index a part at a time (issue 35 item 3): the index's files as a
// page fetches them, a split word's chunks loaded only for the lines a page shows, and exact counts from a
// split word's header. The query syntax, the tokenizer and keyword-in-context lines are in search.ts.
import type { SearchChunk, SearchChunkHead, SearchShard } from "../../data-loaders/schema/site-outputs.ts";
import type { QueryWord, ShardList } from "./search.js";
import { type Counts, type Part, type Segment, countLines, decode, partsCutAtChunks, partsOfHeader, wordSegments } from "./search-parts.js";

export interface SearchHit {
  readonly article: number;
  readonly sentence: number;
  readonly position: number;
  readonly length: number;
}

/** The search index's files as a page reads them: the manifest's shard list, a shard, a split word's chunk (each fetched once by the caller). */
export interface SearchFiles {
  readonly list: ShardList;
  readonly shard: (name: string) => Promise<SearchShard>;
  readonly chunk: (name: string) => Promise<SearchChunk>;
}

/** A closed article's line (public build): the article and how often it has the query's word. */
export interface ClosedLine {
  readonly article: number;
  readonly occurrences: number;
}

/** One line of the results: a placed hit, or a closed article (sentence and position null). */
export type ResultLine = SearchHit | (ClosedLine & { readonly sentence: null; readonly position: null; readonly length: 1 });

/** What a search fetches at once before it shows anything, at most: all of a rare word's chunks, or the first screen's. */
export const LOAD_AT_ONCE_BYTES = 1024 * 1024;

/**
 * A query's results, read from the index a part at a time (issue 35 item 3): a word whose postings pass about
 * 64 KB is split by article into chunks (data-loaders/publish/search-index.ts), and the results are cut
 * where any of the query's chunks starts. A part is loaded (its chunks fetched) only when a page asks for
 * its lines; the counts come from the split word's header when one word is searched without a filter
 * (exact without loading), else from the parts loaded, and are then exact once every part that can hold a
 * result is loaded (`exact`). Lines are in article, sentence and position order, a closed article's line
 * (public build, a one-word query) in its article's place.
 */
export class SearchResults {
  private constructor(
    private readonly query: { readonly words: readonly QueryWord[] },
    private readonly files: SearchFiles,
    private readonly perWord: ReadonlyArray<ReadonlyArray<readonly Segment[]>>,
    private readonly parts: readonly Part[],
    private readonly keep: ReadonlySet<number> | null,
    /** Occurrences in closed articles, when a header gives them (one split word searched). */
    private readonly closedFromHeader: number | null,
  ) {}

  /** Opens a query: fetches the shards of its words, and every part at once when that is at most `atOnce` bytes. */
  static async open(
    query: { readonly words: readonly QueryWord[] },
    files: SearchFiles,
    options: { keep?: ReadonlySet<number> | null; atOnce?: number } = {},
  ): Promise<SearchResults> {
    const keep = options.keep ?? null;
    const heads = new Map<readonly Segment[], SearchChunkHead>();
    const perWord = await Promise.all(query.words.map((word) => wordSegments(files, word, heads)));
    // One split word searched, no filter: its chunks are the parts, counted by its header.
    const only = perWord.length === 1 && perWord[0]!.length === 1 ? perWord[0]![0]! : null;
    const head = only && !keep ? heads.get(only) : undefined;
    const parts = head ? partsOfHeader(only!, head) : partsCutAtChunks(perWord, keep);
    const closedFromHeader = head ? head.occurrences - head.chunks.reduce((sum, c) => sum + c[2], 0) : null;
    const results = new SearchResults(query, files, perWord, parts, keep, closedFromHeader);
    if (results.remainingBytes() <= (options.atOnce ?? LOAD_AT_ONCE_BYTES)) await results.loadAll();
    return results;
  }

  /** The chunks a part needs that are not loaded yet. */
  private unloaded(part: Part): Segment[] {
    return this.perWord.flat(2).filter((s) => s.chunk && !s.decoded && s.from < part.to && s.to > part.from);
  }

  /** Bytes still to fetch before every part that can hold a result is loaded. */
  remainingBytes(): number {
    const pending = new Set(this.parts.filter((p) => p.possible && !p.lines).flatMap((p) => this.unloaded(p)));
    return [...pending].reduce((sum, s) => sum + s.chunk!.bytes, 0);
  }

  /** Loads a part: fetches its chunks, then finds its lines. */
  private async load(part: Part): Promise<void> {
    if (part.lines) return;
    await Promise.all(
      this.unloaded(part).map(async (s) => {
        s.decoded = decode((await this.files.chunk(s.chunk!.name)).postings);
      }),
    );
    part.lines = this.linesIn(part.from, part.to);
  }

  /** The lines of articles from `from` to before `to`, from loaded postings. */
  private linesIn(from: number, to: number): ResultLine[] {
    const inRange = (article: number) => article >= from && article < to && (!this.keep || this.keep.has(article));
    const perWord = this.perWord.map((entries) => {
      const placed = new Map<number, Set<string>>();
      const counted = new Map<number, number>();
      for (const segments of entries)
        for (const segment of segments) {
          if (segment.from >= to || segment.to <= from) continue;
          for (const [article, pairs] of segment.decoded!) {
            if (!inRange(article)) continue;
            if (typeof pairs === "number") {
              counted.set(article, (counted.get(article) ?? 0) + pairs);
              continue;
            }
            let set = placed.get(article);
            if (!set) placed.set(article, (set = new Set()));
            for (let i = 0; i < pairs.length; i += 2) set.add(`${pairs[i]}:${pairs[i + 1]}`);
          }
        }
      return { placed, counted };
    });
    const lines: ResultLine[] = [];
    const [first, ...rest] = perWord;
    for (const [article, starts] of first!.placed) {
      if (!rest.every((m) => m.placed.has(article))) continue;
      for (const key of starts) {
        const [sentence, position] = key.split(":").map(Number) as [number, number];
        if (rest.every((m, i) => m.placed.get(article)!.has(`${sentence}:${position + i + 1}`)))
          lines.push({ article, sentence, position, length: this.query.words.length });
      }
    }
    // The index keeps no sentence or position of a closed article, so only a one-word query finds it.
    if (!rest.length)
      for (const [article, occurrences] of first!.counted) lines.push({ article, occurrences, sentence: null, position: null, length: 1 });
    return lines.sort(
      (a, b) => a.article - b.article || (a.sentence ?? -1) - (b.sentence ?? -1) || (a.position ?? -1) - (b.position ?? -1),
    );
  }

  /** A part's counts, if known without loading it. */
  private countsOf(part: Part): Counts | null {
    if (part.lines) return countLines(part.lines);
    return part.known ?? (part.possible ? null : { lines: 0, articles: 0, open: 0 });
  }

  /**
   * The totals: lines, articles with a line, open articles with a hit, closed articles and their
   * occurrences, summed over the parts known; `exact` when every part is known. `searched` is the first
   * article not yet searched (parts before it are all known), `articles` the corpus size past which nothing is.
   */
  totals(): Counts & { exact: boolean; closed: number; closedOccurrences: number; searchedTo: number } {
    let lines = 0;
    let articles = 0;
    let open = 0;
    let searchedTo = Infinity;
    for (const part of this.parts) {
      const counts = this.countsOf(part);
      if (!counts) {
        searchedTo = part.from;
        break;
      }
      lines += counts.lines;
      articles += counts.articles;
      open += counts.open;
    }
    const loaded = this.parts.flatMap((p) => (p.from < searchedTo ? (p.lines ?? []) : []));
    const closedLines = loaded.filter((l) => l.sentence === null) as ClosedLine[];
    return {
      lines,
      articles,
      open,
      exact: searchedTo === Infinity,
      closed: articles - open,
      closedOccurrences: this.closedFromHeader ?? closedLines.reduce((sum, l) => sum + l.occurrences, 0),
      searchedTo,
    };
  }

  /**
   * Lines `from` to before `to` (0-based, in order), loading the parts that hold them (and, where a part's
   * counts are unknown, every part before it). Stops early, with the lines found, once loading would pass
   * `maxBytes`.
   */
  async lines(from: number, to: number, maxBytes = Infinity): Promise<ResultLine[]> {
    return this.take(
      from,
      to,
      (c) => c.lines,
      (lines) => [...lines],
      maxBytes,
    );
  }

  /**
   * The placed hits of open articles `from` to before `to` among those with a hit (0-based, in article
   * order): for the collocates and the dispersion plot, which page by article. Stops early as lines() does.
   */
  async openArticles(from: number, to: number, maxBytes = Infinity): Promise<SearchHit[]> {
    const runs = await this.take(
      from,
      to,
      (c) => c.open,
      (lines) => {
        const byArticle = new Map<number, SearchHit[]>();
        for (const line of lines)
          if (line.sentence !== null) {
            const list = byArticle.get(line.article);
            if (list) list.push(line as SearchHit);
            else byArticle.set(line.article, [line as SearchHit]);
          }
        return [...byArticle.values()];
      },
      maxBytes,
    );
    return runs.flat();
  }

  /** Items `from` to before `to` of the results, a part's items by `items`, counted by `size`. */
  private async take<T>(
    from: number,
    to: number,
    size: (counts: Counts) => number,
    items: (lines: readonly ResultLine[]) => T[],
    maxBytes: number,
  ): Promise<T[]> {
    const out: T[] = [];
    let at = 0;
    let spent = 0;
    for (const part of this.parts) {
      if (at >= to) break;
      const counts = this.countsOf(part);
      if (counts && (size(counts) === 0 || at + size(counts) <= from)) {
        at += size(counts);
        continue;
      }
      const bytes = this.unloaded(part).reduce((sum, s) => sum + s.chunk!.bytes, 0);
      if (spent + bytes > maxBytes && spent > 0) break;
      spent += bytes;
      await this.load(part);
      const list = items(part.lines!);
      out.push(...list.slice(Math.max(0, from - at), Math.max(0, to - at)));
      at += list.length;
    }
    return out;
  }

  /** Loads the next parts not yet known, in article order, up to about `maxBytes` (at least one part). */
  async more(maxBytes = LOAD_AT_ONCE_BYTES): Promise<void> {
    let spent = 0;
    for (const part of this.parts) {
      if (this.countsOf(part)) continue;
      const bytes = this.unloaded(part).reduce((sum, s) => sum + s.chunk!.bytes, 0);
      if (spent > 0 && spent + bytes > maxBytes) break;
      spent += bytes;
      await this.load(part);
    }
  }

  /** Loads every part that can hold a result. */
  async loadAll(): Promise<void> {
    for (const part of this.parts) if (part.possible && !part.lines && !part.known) await this.load(part);
  }

  /** Every line, loading every part: what an unsplit index gives at once (tests; "count all"). */
  async all(): Promise<ResultLine[]> {
    for (const part of this.parts) if (part.possible) await this.load(part);
    return this.parts.flatMap((part) => [...part.lines!]);
  }
}

/**
 * Runs a parsed query against the whole index: its placed hits in article, sentence and position order
 * (SearchResults reads it a part at a time).
 */
export async function searchIndex(query: { readonly words: readonly QueryWord[] }, files: SearchFiles): Promise<SearchHit[]> {
  return (await (await SearchResults.open(query, files)).all()).filter((line): line is SearchHit => line.sentence !== null);
}

/**
 * The closed articles of a public build that have a one-word query's word, with how often, in article order
 * (the index keeps no sentence or position of them, so a phrase finds nothing there).
 */
export async function closedCounts(query: { readonly words: readonly QueryWord[] }, files: SearchFiles): Promise<ClosedLine[]> {
  return (await (await SearchResults.open(query, files)).all())
    .filter((line) => line.sentence === null)
    .map((line) => ({ article: line.article, occurrences: (line as ClosedLine).occurrences }));
}
