import { compareIds } from "../common/compare-ids.ts";
import { searchWords } from "../publish/search-index.ts";
import type { Language } from "../schema/enums.ts";
import type { FrequencyList } from "../schema/site-outputs.ts";

/**
 * Frequency lists for keyness (the Keywords page computes G² and Log Ratio from them in the browser, for
 * any group against the rest or against another group). Features are the words of the search index
 * (folded: lower case, no diacritics) and the two-word phrases within a sentence ("de hegemon").
 * A list holds every feature used at least KEYNESS_MIN_FREQUENCY times in the whole corpus in its
 * language; a group's list holds each of those features the group uses, however rarely, so that
 * under-use is measured as well as over-use. Counts are [feature, occurrences, articles].
 */
export const KEYNESS_MIN_FREQUENCY = 3;

/** The groups a grouping's lists are published for: the largest, at most this many per grouping. */
export const KEYNESS_MAX_GROUPS = 200;

/** An article's features with their counts. */
export function articleFeatures(sentences: ReadonlyArray<readonly [number, string]>): Map<string, number> {
  return featuresOfWords(sentences.map(([, text]) => searchWords(text)));
}

/** The features of an article's sentences given as folded words. */
function featuresOfWords(sentences: ReadonlyArray<readonly string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  for (const words of sentences)
    for (let i = 0; i < words.length; i++) {
      add(words[i]!);
      if (i + 1 < words.length) add(`${words[i]} ${words[i + 1]}`);
    }
  return counts;
}

/** Word tokens among an article's features (the size keyness divides by; phrases are not counted). */
function tokenCount(features: ReadonlyMap<string, number>): number {
  let tokens = 0;
  for (const [feature, n] of features) if (!feature.includes(" ")) tokens += n;
  return tokens;
}

/** Counts of features (by text for the corpus, by number for groups): [occurrences, articles] each. */
interface Accumulator<K> {
  articles: number;
  tokens: number;
  counts: Map<K, [number, number]>;
}

const accumulator = <K>(): Accumulator<K> => ({ articles: 0, tokens: 0, counts: new Map() });

function addTo<K>(target: Accumulator<K>, features: Iterable<readonly [K, number]>, tokens: number): void {
  target.articles++;
  target.tokens += tokens;
  for (const [feature, n] of features) {
    const entry = target.counts.get(feature);
    if (entry) {
      entry[0] += n;
      entry[1]++;
    } else target.counts.set(feature, [n, 1]);
  }
}

/** A list from counts: features sorted by `order`, named by `name`. */
const asList = <K>(a: Accumulator<K>, language: Language, order: (x: K, y: K) => number, name: (k: K) => string): FrequencyList => ({
  language,
  articles: a.articles,
  tokens: a.tokens,
  features: [...a.counts].sort(([x], [y]) => order(x, y)).map(([feature, [n, docs]]) => [name(feature), n, docs]),
});

/** One article as keyness needs it: its language, its group in every grouping, its searchable sentences as folded words. */
export interface KeynessArticle {
  readonly language: Language;
  readonly groups: Readonly<Record<string, string>>;
  readonly words: ReadonlyArray<readonly string[]>;
}

/**
 * The corpus's frequency list per language and each group's per language, for the groupings given (at
 * most KEYNESS_MAX_GROUPS groups per grouping, the largest). Two passes over the articles, features
 * counted afresh in each so that no article's feature table is kept: the corpus counts, then the groups'
 * counts of the features that pass the corpus threshold.
 */
export function keynessLists(
  articles: readonly KeynessArticle[],
  groupings: readonly string[],
): {
  corpus: FrequencyList[];
  groups: Array<{ grouping: string; group: string; articles: number; lists: FrequencyList[] }>;
} {
  const corpus = new Map<Language, Accumulator<string>>();
  for (const a of articles) {
    if (!corpus.has(a.language)) corpus.set(a.language, accumulator<string>());
    const features = featuresOfWords(a.words);
    addTo(corpus.get(a.language)!, features, tokenCount(features));
  }
  for (const a of corpus.values()) for (const [feature, [n]] of a.counts) if (n < KEYNESS_MIN_FREQUENCY) a.counts.delete(feature);
  // Each language's listed features, numbered in code-unit order: groups count by number, which is faster
  // than by text and sorts the same.
  const numbering = new Map(
    [...corpus].map(([language, a]) => {
      const names = [...a.counts.keys()].sort(compareIds);
      return [language, { names, ids: new Map(names.map((name, id) => [name, id])) }] as const;
    }),
  );
  // Each grouping's groups, largest first; the accumulators of the chosen ones, per language.
  const chosen = groupings.map((grouping) => {
    const sizes = new Map<string, number>();
    for (const a of articles) sizes.set(a.groups[grouping]!, (sizes.get(a.groups[grouping]!) ?? 0) + 1);
    const kept = [...sizes].sort(([x, n], [y, m]) => m - n || compareIds(x, y)).slice(0, KEYNESS_MAX_GROUPS);
    return {
      grouping,
      groups: new Map(kept.map(([group, n]) => [group, { articles: n, byLanguage: new Map<Language, Accumulator<number>>() }])),
    };
  });
  for (const a of articles) {
    const { ids } = numbering.get(a.language)!;
    const features = featuresOfWords(a.words);
    const tokens = tokenCount(features);
    // The article's listed features, looked up once for all its groups.
    const listed: Array<[number, number]> = [];
    for (const [feature, n] of features) {
      const id = ids.get(feature);
      if (id !== undefined) listed.push([id, n]);
    }
    for (const { grouping, groups } of chosen) {
      const group = groups.get(a.groups[grouping]!);
      if (!group) continue;
      if (!group.byLanguage.has(a.language)) group.byLanguage.set(a.language, accumulator<number>());
      addTo(group.byLanguage.get(a.language)!, listed, tokens);
    }
  }
  // Groups count the corpus's features by number, numbered in code-unit order: sorting numbers sorts the names.
  const sortedLists = <K>(
    byLanguage: Map<Language, Accumulator<K>>,
    order: (x: K, y: K) => number,
    name: (language: Language) => (k: K) => string,
  ) => [...byLanguage].sort(([x], [y]) => compareIds(x, y)).map(([language, acc]) => asList(acc, language, order, name(language)));
  return {
    corpus: sortedLists(corpus, compareIds, () => (feature) => feature),
    groups: chosen.flatMap(({ grouping, groups }) =>
      [...groups].map(([group, { articles: n, byLanguage }]) => ({
        grouping,
        group,
        articles: n,
        lists: sortedLists(
          byLanguage,
          (x, y) => x - y,
          (language) => (id) => numbering.get(language)!.names[id]!,
        ),
      })),
    ),
  };
}
