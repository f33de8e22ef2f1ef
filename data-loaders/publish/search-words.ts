// The words the search index, the keyness lists and reuse read: an article's searchable sentences, folded.
import { maskRanges } from "../reading/find-markup.ts";
import type { ArticleRecord } from "../schema/record.ts";

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

/** The text the reader shows of each searchable sentence (headings and paragraphs), Markdown syntax hidden. */
export function searchableSentences(record: ArticleRecord): Array<[number, string]> {
  const visible = maskRanges(record.text, record.markup);
  const counted = new Set(record.blocks.filter((b) => b.kind === "heading" || b.kind === "paragraph").map((b) => b.index));
  return record.sentences
    .filter((s) => counted.has(s.block))
    .map((s) => [s.index, visible.slice(s.start, s.end).replace(/\s+/g, " ").trim()] as [number, string]);
}
