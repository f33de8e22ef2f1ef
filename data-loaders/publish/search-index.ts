import type { SearchChunk, SearchShard } from "../schema/site-outputs.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { SiteFiles } from "./site-files.ts";
import type { FoldedSentences } from "./search-words.ts";
import { SPILL_NUMBERS, SpilledPostings } from "./postings-spill.ts";
import { chunkPostings, numberBytes, runsOfSize } from "./search-chunks.ts";

// The full-text search index the Search page queries, built from each article's folded words (search-words.ts,
// re-exported here for the modules that read both).
export { chunkPostings, runsOfSize } from "./search-chunks.ts";
export { foldSentences, foldWord, numberWords, searchWords, searchableSentences, type FoldedSentences } from "./search-words.ts";

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

/**
 * Collects postings article by article (in the order articles are numbered in the corpus index) and hands
 * out the shards. A word's postings are one flat list of numbers: for each article that has it, the
 * article's index minus the previous one's, the number of occurrences n, then n pairs of sentence index
 * and word position in the sentence. An article whose text a public build does not publish (closed) has
 * its header only, with the count negated (−n): how often it has the word, not in which sentence nor where
 * (a sentence's set of words is close to the sentence; an article's word counts are what HathiTrust's
 * extracted features publish of a page). The postings are held in memory up to `spillNumbers` numbers and
 * spilled to sorted runs on disk past them (SpilledPostings), so the builder's memory is the corpus's
 * vocabulary and a bounded buffer, whatever the number of articles; call dispose() when done.
 */
export class SearchIndexBuilder {
  /** Words numbered as first seen; per word, its occurrences and the last article that has it (−1: none yet). */
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly occurrences: number[] = [];
  private readonly lastArticle: number[] = [];
  private readonly postings: SpilledPostings;
  private words = 0;

  constructor(spillNumbers = SPILL_NUMBERS) {
    this.postings = new SpilledPostings((ids) => this.sorted(ids), spillNumbers);
  }

  /** Word ids in code-unit order of their words. */
  private sorted(ids: number[]): number[] {
    return ids.sort((x, y) => compareIds(this.names[x]!, this.names[y]!));
  }

  /** Word `word`'s number, numbering it if new. */
  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(word, id);
      this.names.push(word);
      this.occurrences.push(0);
      this.lastArticle.push(-1);
    }
    return id;
  }

  /**
   * Adds article `article` (its index in the corpus index): its sentences' folded words, numbered; with
   * `countsOnly` (a closed article of a public build), how often it has each word and nothing more.
   */
  add(article: number, { vocabulary, sentences }: FoldedSentences, countsOnly = false): void {
    // Each of the article's words by its number in the index (looked up once per article), and its occurrences
    // in the article; then its postings in the order of the words: the article's header (index difference
    // and occurrences) where the word first occurs, then its pairs.
    const ids = vocabulary.map((word) => this.idOf(word));
    const occurrences = new Int32Array(vocabulary.length);
    let added = 0;
    for (const [, words] of sentences) {
      this.words += words.length;
      for (const k of words) occurrences[k]!++;
    }
    for (const [sentence, words] of sentences)
      for (let position = 0; position < words.length; position++) {
        const k = words[position]!;
        const id = ids[k]!;
        const list = this.postings.list(id);
        if (this.lastArticle[id] !== article) {
          const previous = this.lastArticle[id]!;
          list.push(article - (previous < 0 ? 0 : previous), countsOnly ? -occurrences[k]! : occurrences[k]!);
          this.occurrences[id]! += occurrences[k]!;
          this.lastArticle[id] = article;
          added += 2;
        }
        if (!countsOnly) {
          list.push(sentence, position);
          added += 2;
        }
      }
    this.postings.added(added);
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
    const counted = this.sorted(this.names.map((_, id) => id)).map((id): [string, number] => [this.names[id]!, this.occurrences[id]!]);
    return runsOfSize(counted, ([word, n]) => JSON.stringify(word).length + String(n).length + 4, budget).map((words) => ({
      first: words[0]![0],
      words,
    }));
  }

  /** The shards (shardsInOrder), all at once. */
  shards(budget = SHARD_BYTES, chunkBudget = CHUNK_BYTES): PublishedShard[] {
    return [...this.shardsInOrder(budget, chunkBudget)];
  }

  /**
   * The shards, numbered from 0, one at a time: the words in code-unit order, cut into runs of about `budget`
   * bytes of postings. A word whose postings pass `chunkBudget` bytes is split by article into chunks of about
   * that size (chunkPostings), each a file of its own, `search/c/<j>_<k>.json` for the j-th split word in word
   * order; its shard entry is then a small header (SearchChunkHead: its occurrences, and per chunk the first
   * article, the articles, lines and closed articles it holds, and its bytes), so that a search reads only the
   * chunks its first screen of lines needs, and counts them exactly from the header. A word is never split
   * across shards, so one larger than `budget` (a header of many chunks) is a shard of its own. `first` is
   * each shard's first word, for the manifest: a word is in the last shard whose first word is not after it.
   * A shard is closed before the word that would take it past `budget` (as runsOfSize cuts).
   */
  *shardsInOrder(budget = SHARD_BYTES, chunkBudget = CHUNK_BYTES): Generator<PublishedShard> {
    let shard: PublishedShard | null = null;
    let size = Infinity;
    let split = 0;
    let count = 0;
    for (const [id, postings] of this.postings.inOrder(this.sorted(this.names.map((_, id) => id)))) {
      const word = this.names[id]!;
      const { entry, bytes, chunks } = shardEntry(word, postings, chunkBudget, split);
      if (chunks.length) split++;
      if (size + bytes > budget) {
        if (shard) yield shard;
        const name = String(count++);
        shard = { name, first: word, shard: { shard: name, words: [] }, chunks: [] };
        size = 0;
      }
      shard!.shard.words.push(entry);
      for (const chunk of chunks) shard!.chunks.push(chunk);
      size += bytes;
    }
    if (shard) yield shard;
  }

  /** How many runs of postings were spilled to disk so far. */
  runsSpilled(): number {
    return this.postings.spilled();
  }

  /** Deletes the postings spilled to disk. */
  dispose(): void {
    this.postings.dispose();
  }
}

/** One published shard with its split words' chunks (SearchIndexBuilder.shardsInOrder). */
export interface PublishedShard {
  readonly name: string;
  readonly first: string;
  readonly shard: { shard: string; words: SearchShard["words"][number][] };
  readonly chunks: Array<{ name: string; chunk: SearchChunk }>;
}

/**
 * A word's shard entry: its postings, or, past `chunkBudget` bytes, a header of its chunks as the
 * `split`-th split word (with the chunks' files); and the entry's bytes as the shard counts them.
 */
function shardEntry(
  word: string,
  postings: number[],
  chunkBudget: number,
  split: number,
): { entry: SearchShard["words"][number]; bytes: number; chunks: PublishedShard["chunks"] } {
  const bytes = entryBytes(word, postings);
  if (bytes <= chunkBudget) return { entry: [word, postings], bytes, chunks: [] };
  const chunks = chunkPostings(postings, chunkBudget);
  const entry: SearchShard["words"][number] = [
    word,
    {
      id: split,
      occurrences: chunks.reduce((sum, c) => sum + c.occurrences, 0),
      chunks: chunks.map((c) => [c.first, c.articles, c.lines, c.closed, c.bytes] as [number, number, number, number, number]),
    },
  ];
  return {
    entry,
    bytes: JSON.stringify(entry).length + 1,
    chunks: chunks.map((c, k) => ({ name: `c/${split}_${k}`, chunk: { word, chunk: k, postings: c.postings } })),
  };
}

/**
 * Publishes the search index: its shards, the split words' chunks, the word frequencies, and the manifest
 * search.json. Each shard is written as it is made, so that only one is in memory; the postings spilled to
 * disk are deleted after.
 */
export function publishSearchIndex(files: Pick<SiteFiles, "fetched" | "json">, search: SearchIndexBuilder): void {
  const names: string[] = [];
  const firstWords: string[] = [];
  try {
    for (const { name, first, shard, chunks } of search.shardsInOrder()) {
      files.fetched(`search/${name}.json`, shard);
      for (const chunk of chunks) files.fetched(`search/${chunk.name}.json`, chunk.chunk);
      names.push(name);
      firstWords.push(first);
    }
  } finally {
    search.dispose();
  }
  const frequencies = search.frequencies();
  frequencies.forEach(({ words }, k) => files.fetched(`search/f/${k}.json`, { words }));
  files.json("search.json", {
    format: SEARCH_FORMAT,
    ...search.totals(),
    shards: names,
    firstWords,
    frequencyFirstWords: frequencies.map((f) => f.first),
  });
}
