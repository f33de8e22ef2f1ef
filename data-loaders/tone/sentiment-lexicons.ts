import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import type { SentimentLexicon } from "./score-sentiment.ts";

/**
 * The English lexicon from VADER's `vader_lexicon.txt` (one entry a line: token, mean valence -4..4, sd,
 * ratings), read as valence / 4 so that every lexicon scores words in -1..1.
 * @example englishLexicon("good\t1.9\t0.9\t[2]")("good") // 0.475
 */
export function englishLexicon(tsv: string): SentimentLexicon {
  const scores = new Map<string, number>();
  for (const line of tsv.split("\n")) {
    const [word, mean] = line.split("\t");
    if (!word || mean === undefined) continue;
    const value = Number(mean);
    if (Number.isFinite(value)) scores.set(word.toLowerCase(), value / 4);
  }
  return (word) => scores.get(word);
}

/**
 * The Dutch lexicon: CLiPS Pattern's polarity scores (-1..1) keyed by stem, as shipped in @nlpjs/lang-nl,
 * looked up through that package's own stemmer (so "prachtige" finds "prachtig"). `overrides` (surface
 * word → score) come first: they correct stems that two words share (see sentiment-rules.yaml). Function
 * words (the package's Dutch stopword list) are never scored: stemmed, they collide with adjectives ("het"
 * with "heet"). Stems are memoised: the same word is stemmed once per run.
 */
export function dutchLexicon(
  pattern: Readonly<Record<string, number>>,
  overrides: Readonly<Record<string, number>> = {},
): SentimentLexicon {
  const stemmer = new StemmerNl();
  const stopwords = new StopwordsNl();
  // null: memoised as unknown (one look-up per word, not a `has` and a `get`).
  const memo = new Map<string, number | null>();
  return (word) => {
    const known = memo.get(word);
    if (known !== undefined) return known ?? undefined;
    const stop = stopwords.isStopword(word);
    const stem = stop ? "" : stemmer.stemWord(word);
    const value = overrides[word] ?? (stop ? undefined : pattern[stem]);
    memo.set(word, value ?? null);
    return value;
  };
}
