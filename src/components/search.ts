// Full-text search over every heading and paragraph sentence of the corpus, in the browser: words, phrases
// and * wildcards, case- and diacritic-insensitive, read from the index the build publishes
// (data-loaders/publish/search-index.ts, search/<shard>.json). The tokenizer below is that module's, copied
// because pages import nothing from outside src/; test/site/search.test.ts holds the two to the same words.
import type { SearchChunk, SearchChunkHead, SearchShard } from "../../data-loaders/schema/site-outputs.ts";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word as the index keys it: decomposed, without combining marks, lower case. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a text with where each stands, [start, end) in the text, and its folded form. */
export function wordSpans(text: string): Array<{ start: number; end: number; word: string }> {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index!, end: m.index! + m[0].length, word: foldWord(m[0]) })).filter(
    (w) => w.word.length > 0,
  );
}

/** The search index's shards as search.json names them: their names and each one's first word, in word order. */
export interface ShardList {
  readonly shards: readonly string[];
  readonly firstWords: readonly string[];
}

/**
 * The shards that hold the words from `low` to `high` (code-unit order, both included): from the last shard
 * whose first word is not after `low` (binary search) to the last whose first word is not after `high`.
 * @example shardsBetween({shards: ["0", "1"], firstWords: ["a", "m"]}, "hegemon", "hegemon\uffff") // ["0"]
 */
export function shardsBetween(list: ShardList, low: string, high: string): string[] {
  let from = 0;
  for (let top = list.firstWords.length - 1; from < top;) {
    const middle = (from + top + 1) >> 1;
    if (list.firstWords[middle]! <= low) from = middle;
    else top = middle - 1;
  }
  const names: string[] = [];
  for (let k = from; k < list.shards.length && list.firstWords[k]! <= high; k++) names.push(list.shards[k]!);
  return names;
}

/** The shards a query word reads: its own word's, or for a wildcard those of every word with its prefix. */
export function shardsOf(list: ShardList, word: QueryWord): string[] {
  if (!word.pattern) return shardsBetween(list, word.text, word.text);
  const prefix = word.text.slice(0, word.text.indexOf("*"));
  // Any folded word with the prefix sorts before the prefix followed by U+FFFF.
  return shardsBetween(list, prefix, `${prefix}\uffff`);
}

/** One word of a query: an exact word, or a pattern with * standing for any letters. */
export interface QueryWord {
  readonly text: string;
  readonly pattern: RegExp | null;
}

/** A parsed query, or what is wrong with it. */
export type ParsedQuery = { readonly words: readonly QueryWord[] } | { readonly error: string };

/** The fewest characters a wildcard word needs before its first *, so that it reads few shards. */
export const WILDCARD_PREFIX = 2;

/**
 * Parses a query: words separated by anything that is not a letter, digit or *; more than one word is a
 * phrase (the words in that order, next to each other, in one sentence). A * stands for any run of
 * letters or digits, including none, and needs two characters before it.
 * @example parseQuery("Poetin") // one word "poetin"
 * @example parseQuery("the Hegemon*") // phrase: "the", then any word starting with "hegemon"
 */
export function parseQuery(query: string): ParsedQuery {
  const parts = Array.from(query.matchAll(/[\p{L}\p{M}\p{N}*]+/gu), (m) => m[0]);
  const words: QueryWord[] = [];
  for (const part of parts) {
    const text = foldWord(part);
    if (!text.replace(/\*/g, "")) continue;
    if (!text.includes("*")) {
      words.push({ text, pattern: null });
      continue;
    }
    if (text.indexOf("*") < WILDCARD_PREFIX)
      return { error: `"${part}": a wildcard needs at least ${WILDCARD_PREFIX} letters before the *` };
    const source = text
      .split("*")
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\p{L}\\p{N}]*");
    words.push({ text, pattern: new RegExp(`^${source}$`, "u") });
  }
  if (!words.length) return { error: "type a word, a phrase, or a word with * (e.g. hegemon*)" };
  return { words };
}

/** One hit: the article (its position in the corpus index, id order), the sentence, and the words [first, first + length). */
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

/** Occurrences of one index word by article: flat [sentence, position, …] pairs, or a closed article's count. */
type Decoded = Map<number, number[] | number>;

/** Decodes postings (an article's difference from the previous, n, then n pairs; −n for a closed article). */
function decode(postings: readonly number[]): Decoded {
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
interface Segment {
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
interface Counts {
  readonly lines: number;
  readonly articles: number;
  readonly open: number;
}

/** A range of articles of the results, cut where a chunk starts: its chunks load together. */
interface Part {
  readonly from: number;
  readonly to: number;
  /** Counts a split word's header gives for it (one word searched, one index word, no filter). */
  readonly known: Counts | null;
  /** Whether it can hold a result at all (an inline word or the filter may rule it out without loading). */
  readonly possible: boolean;
  lines: ResultLine[] | null;
}

/** What a search fetches at once before it shows anything, at most: all of a rare word's chunks, or the first screen's. */
export const LOAD_AT_ONCE_BYTES = 1024 * 1024;

/** Whether a sorted list has a value in [from, to). */
function hasIn(sorted: readonly number[], from: number, to: number): boolean {
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
function countLines(lines: readonly ResultLine[]): Counts {
  const articles = new Set<number>();
  const open = new Set<number>();
  for (const line of lines) {
    articles.add(line.article);
    if (line.sentence !== null) open.add(line.article);
  }
  return { lines: lines.length, articles: articles.size, open: open.size };
}

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
    const keptSorted = keep ? [...keep].sort((a, b) => a - b) : null;
    const heads = new Map<readonly Segment[], SearchChunkHead>();
    const perWord = await Promise.all(
      query.words.map(async (word) => {
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
      }),
    );
    // One split word searched, no filter: its chunks are the parts, counted by its header.
    const only = perWord.length === 1 && perWord[0]!.length === 1 ? perWord[0]![0]! : null;
    let parts: Part[];
    let closedFromHeader: number | null = null;
    const head = only && heads.get(only);
    if (only && head && !keep) {
      closedFromHeader = head.occurrences - head.chunks.reduce((sum, c) => sum + c[2], 0);
      parts = only.map((segment, k) => {
        const [, articles, lines, closed] = head.chunks[k]!;
        return {
          from: segment.from,
          to: segment.to,
          known: { lines: lines + closed, articles, open: articles - closed },
          possible: true,
          lines: null,
        };
      });
    } else {
      const cuts = [...new Set([0, ...perWord.flat(2).map((s) => s.from)])].sort((a, b) => a - b);
      parts = cuts.map((from, k) => {
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

/** How many characters of context a keyword-in-context line shows either side. */
const CONTEXT = 70;

/**
 * A hit in an article whose text the build does not publish (a closed article in a public build, issue
 * 34): the query's words as the match and no context. Its sentence and position are not published either
 * (the index keeps only how often a closed article has a word: closedCounts), so its position is null.
 * @example closedLine({words: [{text: "poetin", pattern: null}]}) // { left: "", match: "poetin", right: "", position: null }
 */
export function closedLine(query: { readonly words: readonly QueryWord[] }): {
  left: string;
  match: string;
  right: string;
  position: null;
} {
  return { left: "", match: query.words.map((word) => word.text).join(" "), right: "", position: null };
}

/** A hit as a keyword-in-context line, from its sentence's text. */
export function contextLine(text: string, hit: Pick<SearchHit, "position" | "length">): { left: string; match: string; right: string } {
  const spans = wordSpans(text);
  const first = spans[hit.position];
  const last = spans[hit.position + hit.length - 1];
  if (!first || !last) return { left: "", match: text, right: "" };
  return {
    left: text.slice(Math.max(0, first.start - CONTEXT), first.start),
    match: text.slice(first.start, last.end),
    right: text.slice(last.end, last.end + CONTEXT),
  };
}
