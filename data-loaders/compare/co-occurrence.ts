import { oddsRatioExact } from "../portable/odds-ratio.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleFacts } from "./outlet-facts.ts";
import type { CoOccurrence } from "../schema/outlet-outputs.ts";

/** Sentences listed per pair for the drill-down; the rest are counted. */
export const PAIR_SENTENCES_LISTED = 20;

/** One article as co-occurrence reads it: its id, how many sentences it has, and its facts (outlet-facts.ts). */
export interface CoOccurrenceArticle {
  readonly id: string;
  readonly sentences: number;
  readonly facts: Pick<ArticleFacts, "categories">;
}

/** The log of an odds ratio (−Infinity for 0), rounded to millionths for a stable output. */
function logOf(x: number): number | null {
  if (x === 0 || x === Infinity) return null;
  return Math.round(Math.log(x) * 1e6) / 1e6 + 0;
}

/** A pair's association in one kind of unit: the units with both, the log odds ratio and its exact interval. */
function association(both: number, a: number, b: number, units: number): CoOccurrence["pairs"][number]["sentences"] {
  const { estimate, low, high } = oddsRatioExact({ both, a, b, units });
  return { both, logOddsRatio: estimate === 0 ? null : logOf(estimate), low: logOf(low), high: logOf(high) };
}

/**
 * Which frames and devices occur together, within sentences and within articles: for every pair that shares
 * an article, the units (sentences, articles) with both, and the log of the conditional maximum-likelihood
 * odds ratio with its exact 95% interval (Cornfield; R's fisher.test) from the 2 × 2 table of units with
 * and without each; null where the estimate or a limit is 0 or infinite. Sentences are every sentence of
 * the corpus (headings included); pairs in code-unit order of "kind/category". Sentences in one article are
 * not independent: the sentence-level interval is narrower than it would be with articles resampled.
 * @example coOccurrence(articles).pairs[0] // {a: "device/hedges", b: "frame/hegemon", sentences: {both: 2, …}, articles: {both: 1, …}, …}
 */
export function coOccurrence(articles: readonly CoOccurrenceArticle[]): CoOccurrence {
  const sentenceCounts = new Map<string, number>();
  const articleCounts = new Map<string, number>();
  const pairs = new Map<string, { sentences: number; articles: number; listed: Array<[string, number]>; more: number }>();
  for (const article of articles) {
    const bySentence = new Map<number, Set<string>>();
    const keys = article.facts.categories.map((c) => `${c.kind}/${c.category}`);
    article.facts.categories.forEach((c, i) => {
      articleCounts.set(keys[i]!, (articleCounts.get(keys[i]!) ?? 0) + 1);
      for (const [sentence] of c.occurrences) {
        if (!bySentence.has(sentence)) bySentence.set(sentence, new Set());
        bySentence.get(sentence)!.add(keys[i]!);
      }
    });
    for (const set of bySentence.values()) for (const key of set) sentenceCounts.set(key, (sentenceCounts.get(key) ?? 0) + 1);
    const sorted = [...keys].sort(compareIds);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const key = `${sorted[i]}\u0000${sorted[j]}`;
        const pair = pairs.get(key) ?? { sentences: 0, articles: 0, listed: [], more: 0 };
        pair.articles++;
        pairs.set(key, pair);
      }
    for (const sentence of [...bySentence.keys()].sort((x, y) => x - y)) {
      const set = [...bySentence.get(sentence)!].sort(compareIds);
      for (let i = 0; i < set.length; i++)
        for (let j = i + 1; j < set.length; j++) {
          const pair = pairs.get(`${set[i]}\u0000${set[j]}`)!;
          pair.sentences++;
          if (pair.listed.length < PAIR_SENTENCES_LISTED) pair.listed.push([article.id, sentence]);
          else pair.more++;
        }
    }
  }
  const units = { sentences: articles.reduce((sum, a) => sum + a.sentences, 0), articles: articles.length };
  return {
    units,
    categories: [...articleCounts.keys()]
      .sort(compareIds)
      .map((key) => ({ key, sentences: sentenceCounts.get(key) ?? 0, articles: articleCounts.get(key)! })),
    pairs: [...pairs.keys()].sort(compareIds).map((key) => {
      const [a, b] = key.split("\u0000") as [string, string];
      const pair = pairs.get(key)!;
      return {
        a,
        b,
        sentences: association(pair.sentences, sentenceCounts.get(a) ?? 0, sentenceCounts.get(b) ?? 0, units.sentences),
        articles: association(pair.articles, articleCounts.get(a)!, articleCounts.get(b)!, units.articles),
        listed: pair.listed,
        moreSentences: pair.more,
      };
    }),
  };
}
