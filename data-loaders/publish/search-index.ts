import { maskRanges } from "../reading/find-markup.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { SearchChunk, SearchShard } from "../schema/site-outputs.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { SiteFiles } from "./site-files.ts";

/**
 * The full-text search index the Search page queries: every word of every heading and paragraph sentence,
 * case- and diacritic-insensitive. A word is a run of letters, combining marks and digits (so "pro-Kremlin"
 * is two words and "Xi's" is "xi" and "s"; a phrase query is split the same way). The browser's copy of this
 * tokenizer is src/components/search.ts; a test holds the two to the same tokens.
 */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Folded words by their written form: words repeat, and folding (Unicode decomposition) is the costly part. */
const folds = new Map<string, string>();
const FOLDS_KEPT = 500_000;

/** A word as the index keys it: decomposed, without combining marks, lower case ("Poetin" → "poetin", "Eurazië" → "eurazie"). */
export function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    folded = word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
    if (folds.size >= FOLDS_KEPT) folds.clear();
    folds.set(word, folded);
  }
  return folded;
}

/** The folded words of a text, in order. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = foldWord(m[0]);
    if (word.length > 0) words.push(word);
  }
  return words;
}

/**
 * An article's searchable sentences as folded words, numbered: each distinct word once, in order of first
 * use, and each sentence as [sentence index, its words' numbers in `vocabulary`]. The form the site's
 * view cache keeps (a word is stored and parsed once per article, not once per use) and the search index
 * and keyness lists read (each looks a word up once per article).
 */
export interface FoldedSentences {
  readonly vocabulary: readonly string[];
  readonly sentences: ReadonlyArray<readonly [number, readonly number[]]>;
}

/** Sentences given as [sentence index, folded words], numbered (see FoldedSentences). */
export function numberWords(sentences: ReadonlyArray<readonly [number, readonly string[]]>): FoldedSentences {
  const numbers = new Map<string, number>();
  const vocabulary: string[] = [];
  const numbered = sentences.map(([index, words]): [number, number[]] => [
    index,
    words.map((word) => {
      let n = numbers.get(word);
      if (n === undefined) {
        n = vocabulary.length;
        numbers.set(word, n);
        vocabulary.push(word);
      }
      return n;
    }),
  ]);
  return { vocabulary, sentences: numbered };
}

/** The searchable sentences' folded words, numbered: [sentence index, text] → FoldedSentences. */
export function foldSentences(sentences: ReadonlyArray<readonly [number, string]>): FoldedSentences {
  return numberWords(sentences.map(([index, text]) => [index, searchWords(text)]));
}

/**
 * About how many bytes of postings a search shard holds. Shards are cut by cumulative size in word order,
 * so a query reads one shard of at most this size (or a word's own shard, when its postings alone are
 * larger) whatever the corpus size, and a common prefix as many more files as its words need.
 */
export const SHARD_BYTES = 64 * 1024;

/**
 * About how many bytes of postings one word may have before it is split by article into chunks of about
 * this size (SearchIndexBuilder.shards): a search for a word every article has ("the") then reads its
 * header and the chunks its first screen needs, not the word's postings over the whole corpus.
 */
export const CHUNK_BYTES = 64 * 1024;

/**
 * About how many bytes a shard of word frequencies holds (search/f/<k>.json, [word, occurrences] in word
 * order): the collocates table looks up the corpus count of up to 50 words, one such shard each, instead of
 * each word's postings shard (64 KB).
 */
export const FREQUENCY_BYTES = 4 * 1024;

/** The search index's format: 2 since a word's postings are split into chunks past CHUNK_BYTES. */
export const SEARCH_FORMAT = 2;

/** The bytes of `[word, postings],` as JSON, counted without serialising the postings. */
function entryBytes(word: string, postings: readonly number[]): number {
  let bytes = JSON.stringify(word).length + 5;
  for (const n of postings) bytes += numberBytes(n);
  return bytes;
}

/** The bytes of a number and its comma in a JSON array. A closed article's count is negative (SearchIndexBuilder.add): its sign is a byte too. */
function numberBytes(n: number): number {
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

/** The text the reader shows of each searchable sentence (headings and paragraphs), Markdown syntax hidden. */
export function searchableSentences(record: ArticleRecord): Array<[number, string]> {
  const visible = maskRanges(record.text, record.markup);
  const counted = new Set(record.blocks.filter((b) => b.kind === "heading" || b.kind === "paragraph").map((b) => b.index));
  return record.sentences
    .filter((s) => counted.has(s.block))
    .map((s) => [s.index, visible.slice(s.start, s.end).replace(/\s+/g, " ").trim()] as [number, string]);
}

/**
 * Collects postings article by article (in the order articles are numbered in the corpus index) and hands
 * out the shards. A word's postings are one flat list of numbers: for each article that has it, the
 * article's index minus the previous one's, the number of occurrences n, then n pairs of sentence index
 * and word position in the sentence. An article whose text a public build does not publish (closed) has
 * its header only, with the count negated (−n): how often it has the word, not in which sentence nor where
 * (a sentence's set of words is close to the sentence; an article's word counts are what HathiTrust's
 * extracted features publish of a page).
 */
export class SearchIndexBuilder {
  /** Words numbered as first seen; per word, its postings and the last article that has it (−1: none yet). */
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly postings: number[][] = [];
  private readonly lastArticle: number[] = [];
  private words = 0;

  /**
   * Adds article `article` (its index in the corpus index): its sentences' folded words, numbered; with
   * `countsOnly` (a closed article of a public build), how often it has each word and nothing more.
   */
  add(article: number, { vocabulary, sentences }: FoldedSentences, countsOnly = false): void {
    // Each of the article's words by its number in the index (looked up once per article), and its occurrences
    // in the article; then its postings in the order of the words: the article's header (index difference
    // and occurrences) where the word first occurs, then its pairs.
    const ids = vocabulary.map((word) => {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.names.length;
        this.ids.set(word, id);
        this.names.push(word);
        this.postings.push([]);
        this.lastArticle.push(-1);
      }
      return id;
    });
    const occurrences = new Int32Array(vocabulary.length);
    for (const [, words] of sentences) {
      this.words += words.length;
      for (const k of words) occurrences[k]!++;
    }
    for (const [sentence, words] of sentences)
      for (let position = 0; position < words.length; position++) {
        const k = words[position]!;
        const id = ids[k]!;
        const list = this.postings[id]!;
        if (this.lastArticle[id] !== article) {
          const previous = this.lastArticle[id]!;
          list.push(article - (previous < 0 ? 0 : previous), countsOnly ? -occurrences[k]! : occurrences[k]!);
          this.lastArticle[id] = article;
        }
        if (!countsOnly) list.push(sentence, position);
      }
  }

  /** The index's totals: words indexed and distinct words. */
  totals(): { words: number; types: number } {
    return { words: this.words, types: this.names.length };
  }

  /**
   * Every word's occurrences (open and closed articles), in code-unit order, cut into shards of about
   * `budget` bytes as JSON; `first` is each shard's first word.
   */
  frequencies(budget = FREQUENCY_BYTES): Array<{ first: string; words: Array<[string, number]> }> {
    const order = this.names.map((_, id) => id).sort((x, y) => compareIds(this.names[x]!, this.names[y]!));
    const counted = order.map((id): [string, number] => {
      const postings = this.postings[id]!;
      let total = 0;
      for (let i = 0; i < postings.length;) {
        const n = postings[i + 1]!;
        total += Math.abs(n);
        i += 2 + 2 * Math.max(n, 0);
      }
      return [this.names[id]!, total];
    });
    return runsOfSize(counted, ([word, n]) => JSON.stringify(word).length + String(n).length + 4, budget).map((words) => ({
      first: words[0]![0],
      words,
    }));
  }

  /**
   * The shards, numbered from 0: the words in code-unit order, cut into runs of about `budget` bytes of
   * postings. A word whose postings pass `chunkBudget` bytes is split by article into chunks of about that
   * size (chunkPostings), each a file of its own, `search/c/<j>_<k>.json` for the j-th split word in word
   * order; its shard entry is then a small header (SearchChunkHead: its occurrences, and per chunk the first
   * article, the articles, lines and closed articles it holds, and its bytes), so that a search reads only the
   * chunks its first screen of lines needs, and counts them exactly from the header. A word is never split
   * across shards, so one larger than `budget` (a header of many chunks) is a shard of its own. `first` is
   * each shard's first word, for the manifest: a word is in the last shard whose first word is not after it.
   */
  shards(
    budget = SHARD_BYTES,
    chunkBudget = CHUNK_BYTES,
  ): Array<{ name: string; first: string; shard: SearchShard; chunks: Array<{ name: string; chunk: SearchChunk }> }> {
    const order = this.names.map((_, id) => id).sort((x, y) => compareIds(this.names[x]!, this.names[y]!));
    const chunkFiles = new Map<number, Array<{ name: string; chunk: SearchChunk }>>();
    const entries = new Map<number, SearchShard["words"][number]>();
    let split = 0;
    for (const id of order) {
      const word = this.names[id]!;
      const postings = this.postings[id]!;
      if (entryBytes(word, postings) <= chunkBudget) {
        entries.set(id, [word, postings]);
        continue;
      }
      const j = split++;
      const chunks = chunkPostings(postings, chunkBudget);
      entries.set(id, [
        word,
        {
          id: j,
          occurrences: chunks.reduce((sum, c) => sum + c.occurrences, 0),
          chunks: chunks.map((c) => [c.first, c.articles, c.lines, c.closed, c.bytes] as [number, number, number, number, number]),
        },
      ]);
      chunkFiles.set(
        id,
        chunks.map((c, k) => ({ name: `c/${j}_${k}`, chunk: { word, chunk: k, postings: c.postings } })),
      );
    }
    const runs = runsOfSize(
      order,
      (id) => {
        const [word, postings] = entries.get(id)!;
        return Array.isArray(postings) ? entryBytes(word, postings) : JSON.stringify(entries.get(id)).length + 1;
      },
      budget,
    );
    return runs.map((ids, k) => ({
      name: String(k),
      first: this.names[ids[0]!]!,
      shard: { shard: String(k), words: ids.map((id) => entries.get(id)!) },
      chunks: ids.flatMap((id) => chunkFiles.get(id) ?? []),
    }));
  }
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

/** Publishes the search index: its shards, the split words' chunks, the word frequencies, and the manifest search.json. */
export function publishSearchIndex(files: Pick<SiteFiles, "fetched" | "json">, search: SearchIndexBuilder): void {
  const shards = search.shards();
  for (const { name, shard, chunks } of shards) {
    files.fetched(`search/${name}.json`, shard);
    for (const chunk of chunks) files.fetched(`search/${chunk.name}.json`, chunk.chunk);
  }
  const frequencies = search.frequencies();
  frequencies.forEach(({ words }, k) => files.fetched(`search/f/${k}.json`, { words }));
  files.json("search.json", {
    format: SEARCH_FORMAT,
    ...search.totals(),
    shards: shards.map((s) => s.name),
    firstWords: shards.map((s) => s.first),
    frequencyFirstWords: frequencies.map((f) => f.first),
  });
}
