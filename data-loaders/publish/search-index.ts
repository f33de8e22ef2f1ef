import { maskRanges } from "../reading/find-markup.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { SearchShard } from "../schema/site-outputs.ts";
import { compareIds } from "../common/compare-ids.ts";

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

/** The bytes of `[word, postings],` as JSON, counted without serialising the postings. */
function entryBytes(word: string, postings: readonly number[]): number {
  let bytes = JSON.stringify(word).length + 5;
  // A closed article's count is negative (SearchIndexBuilder.add): its sign is a byte too.
  for (const n of postings)
    bytes += n < 0 ? String(n).length + 1 : n < 10 ? 2 : n < 100 ? 3 : n < 1000 ? 4 : n < 10_000 ? 5 : String(n).length + 1;
  return bytes;
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
   * The shards, numbered from 0: the words in code-unit order, cut into runs of about `budget` bytes of
   * postings (a word is never split, so one larger than `budget` is a shard of its own). `first` is each
   * shard's first word, for the manifest: a word is in the last shard whose first word is not after it.
   */
  shards(budget = SHARD_BYTES): Array<{ name: string; first: string; shard: SearchShard }> {
    const order = this.names.map((_, id) => id).sort((x, y) => compareIds(this.names[x]!, this.names[y]!));
    const runs = runsOfSize(order, (id) => entryBytes(this.names[id]!, this.postings[id]!), budget);
    return runs.map((ids, k) => ({
      name: String(k),
      first: this.names[ids[0]!]!,
      shard: { shard: String(k), words: ids.map((id) => [this.names[id]!, this.postings[id]!] as [string, number[]]) },
    }));
  }
}
