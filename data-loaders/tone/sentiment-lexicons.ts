import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import type { NewsWeights } from "./news-weights.ts";
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
  news: Pick<NewsWeights, "patternScale" | "weights"> | null = null,
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
    const base = overrides[word] ?? (stop ? undefined : pattern[stem]);
    // With the fitted news weights a word's tone is patternScale × its Pattern score + the weight of its
    // stem: still one number per word, so contributions still sum to the sentence score.
    const weight = news && !stop ? news.weights[compoundHead(stem, news.weights)] : undefined;
    const value = news ? (base === undefined && weight === undefined ? undefined : (base ?? 0) * news.patternScale + (weight ?? 0)) : base;
    memo.set(word, value ?? null);
    return value;
  };
}

/**
 * A stem the weights know, else the longest known stem (of at least 4 letters) that ends it: Dutch
 * compounds take their meaning from their last part ("banenverlies" → "verlies"), so an unseen compound
 * borrows its head's weight. `npm run fit:tone` fits with the same rule.
 * @example compoundHead("banenverlies", { verlies: -0.3 }) // "verlies"
 */
export function compoundHead(stem: string, known: Readonly<Record<string, number>>): string {
  if (Object.hasOwn(known, stem)) return stem;
  for (let i = 1; i <= stem.length - 4; i++) if (Object.hasOwn(known, stem.slice(i))) return stem.slice(i);
  return stem;
}
