// A selection's frequency list for keyness, counted in the browser from the selected articles' text files
// (text/<id>.json) with the same features as the build's lists (data-loaders/compare/keyness-lists.ts
// articleFeatures: folded words and the two-word phrases within a sentence; a test holds the two to the
// same counts), restricted to the features of the corpus's list in that language.
import type { FrequencyList } from "../../data-loaders/schema/site-outputs.ts";
import { wordSpans } from "./search.js";

/** An article's features with their counts, and its word tokens. */
export function textFeatures(sentences: ReadonlyArray<readonly [number, string]>): { counts: Map<string, number>; tokens: number } {
  const counts = new Map<string, number>();
  let tokens = 0;
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const [, text] of sentences) {
    const words = wordSpans(text).map((w) => w.word);
    tokens += words.length;
    words.forEach((word, i) => {
      add(word);
      if (i + 1 < words.length) add(`${word} ${words[i + 1]}`);
    });
  }
  return { counts, tokens };
}

/** The frequency list of some articles (their text files' sentences), over the corpus list's features. */
export function selectionList(corpus: FrequencyList, articles: ReadonlyArray<ReadonlyArray<readonly [number, string]>>): FrequencyList {
  const known = new Set(corpus.features.map(([f]) => f));
  const totals = new Map<string, [number, number]>();
  let tokens = 0;
  for (const sentences of articles) {
    const { counts, tokens: n } = textFeatures(sentences);
    tokens += n;
    for (const [feature, count] of counts) {
      if (!known.has(feature)) continue;
      const entry = totals.get(feature);
      if (entry) {
        entry[0] += count;
        entry[1]++;
      } else totals.set(feature, [count, 1]);
    }
  }
  return {
    language: corpus.language,
    articles: articles.length,
    tokens,
    features: [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([feature, [n, docs]]) => [feature, n, docs]),
  };
}
