import { compareIds } from "../common/compare-ids.ts";
import { numberWords, searchWords, type FoldedSentences } from "../publish/search-index.ts";
import type { Language } from "../schema/enums.ts";
import type { FrequencyList } from "../schema/site-outputs.ts";
import { int32s, PairTable } from "./pair-table.ts";
import { Int32File } from "../common/int32-file.ts";

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

/** One article as keyness needs it: its language, its group in every grouping, its searchable sentences as folded words. */
export interface KeynessArticle {
  readonly language: Language;
  readonly groups: Readonly<Record<string, string>>;
  readonly words: ReadonlyArray<readonly string[]>;
}

/**
 * One added article: its word tokens, and where its features by number (`features` of them) and then their
 * counts are in the builder's file (KeynessBuilder.counted).
 */
interface CountedArticle {
  readonly language: Language;
  readonly groups: Readonly<Record<string, string>>;
  readonly at: number;
  readonly features: number;
  readonly tokens: number;
}

/** One language's corpus list, its listed features' names by rank, and each feature number's rank (-1 if unlisted). */
interface LanguageList {
  readonly list: FrequencyList;
  readonly names: readonly string[];
  readonly rank: Int32Array;
}

/**
 * Counts features article by article, then hands out the corpus's frequency list per language and each
 * group's per language, for the groupings given (at most KEYNESS_MAX_GROUPS groups per grouping, the
 * largest). Words and phrases are numbered as first seen, so an article is kept as two small arrays (its
 * features' numbers and counts), not its words; a phrase is named only if it is listed. A group's list is
 * summed in one array over the group's articles, so the cost is the articles' distinct features per grouping.
 */
export class KeynessBuilder {
  private readonly wordFeature = new Map<string, number>();
  private readonly pairFeature = new PairTable();
  /** Per feature: its word (a word) or first and second words' feature numbers (a phrase, second ≥ 0). */
  private readonly names: string[] = [];
  private readonly first = int32s();
  private readonly second = int32s();
  private readonly articles: CountedArticle[] = [];
  /** The articles' features and counts, on disk: they are most of what the builder holds, and grow with the corpus. */
  private readonly file = new Int32File("keyness-counts");
  private scratch = new Int32Array(1024);
  /** Per feature, the number of the article that last counted it, and where in that article's arrays. */
  private readonly lastArticle = int32s();
  private readonly slot = int32s();

  private feature(word: string): number {
    let id = this.wordFeature.get(word);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(word);
      this.second.add(id, -1);
      this.wordFeature.set(word, id);
    }
    return id;
  }

  private pair(a: number, b: number): number {
    const found = this.pairFeature.find(a, b);
    if (found >= 0) return found;
    const id = this.names.length;
    this.names.push("");
    this.first.add(id, a);
    this.second.add(id, b);
    this.pairFeature.put(-1 - found, a, b, id);
    return id;
  }

  /**
   * Adds an article, its sentences' folded words numbered (articles are counted in the order added, and
   * features numbered as first seen; the lists depend on neither).
   */
  add(article: Omit<KeynessArticle, "words"> & { readonly words: FoldedSentences }): void {
    const mark = this.articles.length + 1;
    const features: number[] = [];
    const counts: number[] = [];
    let tokens = 0;
    const count = (id: number) => {
      if (this.lastArticle.at(id) === mark) counts[this.slot.at(id)]!++;
      else {
        this.lastArticle.add(id, mark - this.lastArticle.at(id));
        this.slot.add(id, features.length - this.slot.at(id));
        features.push(id);
        counts.push(1);
      }
    };
    // Each word's feature, looked up once per article.
    const ids = article.words.vocabulary.map((word) => this.feature(word));
    for (const [, words] of article.words.sentences) {
      tokens += words.length;
      let previous = -1;
      for (const k of words) {
        const id = ids[k]!;
        count(id);
        if (previous >= 0) count(this.pair(previous, id));
        previous = id;
      }
    }
    const at = this.file.append(Int32Array.from([...features, ...counts]));
    this.articles.push({ language: article.language, groups: article.groups, at, features: features.length, tokens });
  }

  /** An article's features by number and their counts, read back (valid until the next read). */
  private counted(a: CountedArticle): { features: Int32Array; counts: Int32Array } {
    if (this.scratch.length < 2 * a.features) this.scratch = new Int32Array(4 * a.features);
    const both = this.file.read(a.at, 2 * a.features, this.scratch);
    return { features: both.subarray(0, a.features), counts: both.subarray(a.features) };
  }

  /** Deletes the articles' counts from disk: lists() may not be called after. */
  dispose(): void {
    this.file.dispose();
  }

  private nameOf(id: number): string {
    const second = this.second.at(id);
    return second < 0 ? this.names[id]! : `${this.names[this.first.at(id)]} ${this.names[second]}`;
  }

  /** The corpus's lists and the groups' lists (see keynessLists). */
  lists(groupings: readonly string[]): {
    corpus: FrequencyList[];
    groups: Array<{ grouping: string; group: string; articles: number; lists: FrequencyList[] }>;
  } {
    const languages = [...new Set(this.articles.map((a) => a.language))].sort(compareIds);
    const perLanguage = new Map(languages.map((language) => [language, this.languageList(language)] as const));
    const maxRank = Math.max(0, ...[...perLanguage.values()].map((l) => l.names.length));
    // Scratch counts by rank, shared by every group's lists and cleared after each.
    const scratch = { occurrences: new Float64Array(maxRank), documents: new Int32Array(maxRank) };
    const groups = groupings.flatMap((grouping) =>
      this.largestGroups(grouping).map(([group, of]) => {
        const lists = languages.flatMap((language) => this.groupList(of, language, perLanguage.get(language)!, scratch));
        return { grouping, group, articles: of.length, lists };
      }),
    );
    return { corpus: languages.map((l) => perLanguage.get(l)!.list), groups };
  }

  /**
   * One language's corpus list, with its listed features numbered in code-unit order of their names (rank),
   * so that a group's features sorted by rank are sorted by name.
   */
  private languageList(language: Language): LanguageList {
    const featureCount = this.names.length;
    const occurrences = new Float64Array(featureCount);
    const documents = new Int32Array(featureCount);
    let articles = 0;
    let tokens = 0;
    for (const a of this.articles) {
      if (a.language !== language) continue;
      articles++;
      tokens += a.tokens;
      const { features, counts } = this.counted(a);
      for (let k = 0; k < features.length; k++) {
        occurrences[features[k]!]! += counts[k]!;
        documents[features[k]!]!++;
      }
    }
    const listed: Array<[string, number]> = [];
    for (let id = 0; id < featureCount; id++) if (occurrences[id]! >= KEYNESS_MIN_FREQUENCY) listed.push([this.nameOf(id), id]);
    listed.sort(([x], [y]) => compareIds(x, y));
    const rank = new Int32Array(featureCount).fill(-1);
    listed.forEach(([, id], r) => (rank[id] = r));
    const list: FrequencyList = {
      language,
      articles,
      tokens,
      features: listed.map(([name, id]) => [name, occurrences[id]!, documents[id]!]),
    };
    return { list, names: listed.map(([name]) => name), rank };
  }

  /** A grouping's KEYNESS_MAX_GROUPS largest groups with their articles, ties by group name. */
  private largestGroups(grouping: string): Array<[string, CountedArticle[]]> {
    const members = new Map<string, CountedArticle[]>();
    for (const a of this.articles) {
      const group = a.groups[grouping]!;
      const list = members.get(group);
      if (list) list.push(a);
      else members.set(group, [a]);
    }
    return [...members].sort(([x, n], [y, m]) => m.length - n.length || compareIds(x, y)).slice(0, KEYNESS_MAX_GROUPS);
  }

  /** A group's list in one language (none if it has no article in it), over the corpus list's features only. */
  private groupList(
    of: readonly CountedArticle[],
    language: Language,
    { names, rank }: LanguageList,
    { occurrences, documents }: { occurrences: Float64Array; documents: Int32Array },
  ): FrequencyList[] {
    const touched: number[] = [];
    let articles = 0;
    let tokens = 0;
    for (const a of of) {
      if (a.language !== language) continue;
      articles++;
      tokens += a.tokens;
      const counted = this.counted(a);
      for (let k = 0; k < counted.features.length; k++) {
        const r = rank[counted.features[k]!]!;
        if (r < 0) continue;
        if (!documents[r]) touched.push(r);
        occurrences[r]! += counted.counts[k]!;
        documents[r]!++;
      }
    }
    if (!articles) return [];
    const ranks = Int32Array.from(touched).sort();
    const features = Array.from(ranks, (r): [string, number, number] => [names[r]!, occurrences[r]!, documents[r]!]);
    for (const r of touched) occurrences[r] = documents[r] = 0;
    return [{ language, articles, tokens, features }];
  }
}

/**
 * The corpus's frequency list per language and each group's per language, for the groupings given (at
 * most KEYNESS_MAX_GROUPS groups per grouping, the largest).
 */
export function keynessLists(articles: readonly KeynessArticle[], groupings: readonly string[]): ReturnType<KeynessBuilder["lists"]> {
  const builder = new KeynessBuilder();
  for (const a of articles) builder.add({ ...a, words: numberWords(a.words.map((words, i) => [i, words])) });
  try {
    return builder.lists(groupings);
  } finally {
    builder.dispose();
  }
}
