import { round6 } from "../tone/score-sentiment.ts";
import { compareIds } from "../common/compare-ids.ts";
import { GROUPINGS, sourceGroup } from "./groupings.ts";
import type { ArticleFacts, CategoryFacts, ToneSum, Voice } from "./outlet-facts.ts";
import { pooledToneIntervals, type PooledMeasure, type SlottedTone, type ToneInterval } from "./pooled-tone.ts";
import type { BootstrapOptions } from "./bootstrap.ts";
import { restOfCorpus } from "./rest-of-corpus.ts";
import type { ArticleSummary, VoiceRow } from "../schema/site-outputs.ts";
import type { OutletCategory, OutletProfile, ToneMean } from "../schema/outlet-outputs.ts";

/** The group articles without a stated source fall in, as the outlet grouping names it (groupings.ts). */
export const NO_SOURCE = GROUPINGS.find((g) => g.id === "outlet")!.missing!;
/** Sentences listed per outlet and category for the drill-down; the rest are counted. */
export const SENTENCES_LISTED = 50;
/** Speakers listed per outlet (most quoted first), and per outlet and category. */
export const SPEAKERS_LISTED = 25;
export const CATEGORY_SPEAKERS_LISTED = 5;

/** One article as the profiles read it: its overview row, its facts (outlet-facts.ts) and its attributions. */
export interface ProfileArticle {
  readonly summary: Pick<ArticleSummary, "id" | "words" | "sentences" | "published" | "sourceName" | "sourceBasis" | "frames" | "devices">;
  readonly facts: ArticleFacts;
  readonly voices: readonly Pick<VoiceRow, "speaker" | "type" | "sentence">[];
}

/** Adds tone sums. */
function addTone(a: ToneSum, b: ToneSum): ToneSum {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

/**
 * A tone sum as a pooled mean (rounded to millionths, as tone is), null over no sentences, with its 95%
 * interval (pooled-tone.ts) when it has one.
 */
export function toneMean([sentences, weighted, weights]: ToneSum, interval: ToneInterval = null): ToneMean {
  return { sentences, mean: weights ? round6(weighted / weights) : null, low: interval?.low ?? null, high: interval?.high ?? null };
}

/** The list kept under `key`, made empty when there is none. */
function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Counts by key, most first, then in code-unit order. */
function ranked<K extends string>(counts: ReadonlyMap<K, number>): Array<[K, number]> {
  return [...counts].sort(([a, x], [b, y]) => y - x || compareIds(a, b));
}

/**
 * Every outlet's profile: the articles grouped by their source (the outlet grouping of the comparison pages:
 * declared outlet, else the source found in the text, labelled; NO_SOURCE for none), outlets in code-unit
 * order. Tone means are pooled over sentences (Σ weighted scores / Σ weights), as an article's tone is.
 * @example outletProfiles(articles)[0].tone.own // { sentences: 40, mean: -0.052 }
 */
export function outletProfiles(articles: readonly ProfileArticle[], options: BootstrapOptions = {}): OutletProfile[] {
  const bySource = new Map<string, ProfileArticle[]>();
  for (const article of articles) {
    const source = sourceGroup(article.summary) ?? NO_SOURCE;
    listIn(bySource, source).push(article);
  }
  // Each outlet's articles in id order: the order its resamples (tone and the rest of the corpus) draw them in.
  for (const list of bySource.values()) list.sort((a, b) => compareIds(a.summary.id, b.summary.id));
  const sources = [...bySource.keys()].sort(compareIds);
  const rest = restOfCorpus(
    sources.map((source) => ({ source, articles: bySource.get(source)!.map((a) => a.summary) })),
    options,
  );
  return sources.map((source, k) => ({ ...outletProfile(source, bySource.get(source)!, options), rest: rest[k]!.rates }));
}

/** One outlet's profile from its articles. */
function outletProfile(source: string, articles: readonly ProfileArticle[], options: BootstrapOptions): Omit<OutletProfile, "rest"> {
  const sorted = [...articles].sort((a, b) => compareIds(a.summary.id, b.summary.id));
  let own: ToneSum = [0, 0, 0];
  let quoted: ToneSum = [0, 0, 0];
  for (const { facts } of sorted) {
    own = addTone(own, facts.tone.own);
    quoted = addTone(quoted, facts.tone.quoted);
  }
  const intervals = outletToneIntervals(source, sorted, options);
  const dates = sorted.flatMap((a) => (a.summary.published ? [a.summary.published] : [])).sort(compareIds);
  return {
    source,
    articles: sorted.map((a) => a.summary.id),
    published: dates.length ? [dates[0]!, dates.at(-1)!] : null,
    words: sorted.reduce((sum, a) => sum + a.summary.words, 0),
    tone: { own: toneMean(own, intervals.own), quoted: toneMean(quoted, intervals.quoted) },
    ...outletVoices(sorted),
    categories: outletCategories(sorted, addTone(own, quoted), intervals.categories),
    months: outletMonths(sorted),
  };
}

/** The key of a frame or device in an outlet's maps: kind and category. */
const categoryKey = (c: Pick<CategoryFacts, "kind" | "category">) => `${c.kind}\u0000${c.category}`;

/**
 * The 95% bootstrap intervals of an outlet's tone (pooled-tone.ts, over its articles): in own voice, in
 * quotations, and by frame and device key of the sentences carrying it and of the others.
 */
function outletToneIntervals(
  source: string,
  articles: readonly ProfileArticle[],
  options: BootstrapOptions,
): { own: ToneInterval; quoted: ToneInterval; categories: Map<string, { carrying: ToneInterval; other: ToneInterval }> } {
  const keys = [...new Set(articles.flatMap(({ facts }) => facts.categories.map(categoryKey)))].sort(compareIds);
  const slotOf = new Map(keys.map((key, i) => [key, 2 + i]));
  const slotted = articles.map(({ facts }): SlottedTone => [
    [0, facts.tone.own],
    [1, facts.tone.quoted],
    ...facts.categories.map((c) => [slotOf.get(categoryKey(c))!, c.tone] as const),
  ]);
  const measures: PooledMeasure[] = [
    { plus: [0] },
    { plus: [1] },
    ...keys.flatMap((_, i) => [{ plus: [2 + i] }, { plus: [0, 1], minus: [2 + i] }]),
  ];
  const [own, quoted, ...rest] = pooledToneIntervals("outlet", source, slotted, 2 + keys.length, measures, options);
  return {
    own: own!,
    quoted: quoted!,
    categories: new Map(keys.map((key, i) => [key, { carrying: rest[2 * i]!, other: rest[2 * i + 1]! }])),
  };
}

/** An outlet's attributions by speaker type, and its most-quoted speakers with where each is first quoted. */
function outletVoices(articles: readonly ProfileArticle[]): Pick<OutletProfile, "voiceTypes" | "speakers"> {
  const types = new Map<VoiceRow["type"], number>();
  const speakers = new Map<string, { type: VoiceRow["type"]; count: number; articles: Set<string>; first: readonly [string, number] }>();
  for (const { summary, voices } of articles)
    for (const voice of voices) {
      types.set(voice.type, (types.get(voice.type) ?? 0) + 1);
      if (voice.speaker === null) continue;
      const seen = speakers.get(voice.speaker) ?? { type: voice.type, count: 0, articles: new Set(), first: [summary.id, voice.sentence] };
      seen.count++;
      seen.articles.add(summary.id);
      speakers.set(voice.speaker, seen);
    }
  return {
    voiceTypes: ranked(types).map(([type, count]) => ({ type, count })),
    speakers: ranked(new Map([...speakers].map(([name, s]) => [name, s.count])))
      .slice(0, SPEAKERS_LISTED)
      .map(([speaker]) => {
        const s = speakers.get(speaker)!;
        return { speaker, type: s.type, count: s.count, articles: s.articles.size, first: s.first };
      }),
  };
}

/**
 * An outlet's frames and devices (by kind, then category), `total` the tone of all its paragraph sentences,
 * `intervals` their tone intervals by key (outletToneIntervals).
 */
function outletCategories(
  articles: readonly ProfileArticle[],
  total: ToneSum,
  intervals: ReadonlyMap<string, { carrying: ToneInterval; other: ToneInterval }>,
): OutletCategory[] {
  const byKey = new Map<string, Array<{ article: string; facts: CategoryFacts }>>();
  for (const { summary, facts } of articles)
    for (const category of facts.categories) listIn(byKey, categoryKey(category)).push({ article: summary.id, facts: category });
  return [...byKey.keys()].sort(compareIds).map((key) => {
    const list = byKey.get(key)!;
    const voices: Record<Voice, number> = { own: 0, direct: 0, scare: 0 };
    const speakers = new Map<string, number>();
    const sentences: Array<readonly [string, number, Voice]> = [];
    let carrying: ToneSum = [0, 0, 0];
    for (const { article, facts } of list) {
      carrying = addTone(carrying, facts.tone);
      for (const [sentence, voice, speaker] of facts.occurrences) {
        voices[voice]++;
        if (speaker !== null) speakers.set(speaker, (speakers.get(speaker) ?? 0) + 1);
        sentences.push([article, sentence, voice]);
      }
    }
    return {
      kind: list[0]!.facts.kind,
      category: list[0]!.facts.category,
      count: sentences.length,
      ...voices,
      carrying: toneMean(carrying, intervals.get(key)!.carrying),
      other: toneMean([total[0] - carrying[0], total[1] - carrying[1], total[2] - carrying[2]], intervals.get(key)!.other),
      speakers: ranked(speakers)
        .slice(0, CATEGORY_SPEAKERS_LISTED)
        .map(([speaker, count]) => ({ speaker, count })),
      sentences: sentences.slice(0, SENTENCES_LISTED),
      moreSentences: Math.max(0, sentences.length - SENTENCES_LISTED),
    };
  });
}

/** An outlet's articles, words and frame and device counts per month of publication, months in order. */
function outletMonths(articles: readonly ProfileArticle[]): OutletProfile["months"] {
  const months = new Map<string, { articles: number; words: number; frames: Map<string, number>; devices: Map<string, number> }>();
  for (const { summary } of articles) {
    if (!summary.published || summary.published.length < 7) continue;
    const month = summary.published.slice(0, 7);
    const row = months.get(month) ?? { articles: 0, words: 0, frames: new Map(), devices: new Map() };
    row.articles++;
    row.words += summary.words;
    for (const [kind, counts] of [
      ["frames", summary.frames],
      ["devices", summary.devices],
    ] as const)
      for (const [category, count] of Object.entries(counts)) row[kind].set(category, (row[kind].get(category) ?? 0) + count);
    months.set(month, row);
  }
  const sortedRecord = (counts: ReadonlyMap<string, number>) => Object.fromEntries([...counts].sort(([a], [b]) => compareIds(a, b)));
  return [...months.keys()].sort(compareIds).map((month) => {
    const row = months.get(month)!;
    return { month, articles: row.articles, words: row.words, frames: sortedRecord(row.frames), devices: sortedRecord(row.devices) };
  });
}

/**
 * One frame or device across outlets: each outlet that uses it, with its category row (OutletCategory, its
 * drill-down sentences cut to `listed`) and its months (articles, words and occurrences per month of
 * publication), outlets in code-unit order; the pages rank them by rate.
 */
export function categoryAcrossOutlets(
  profiles: readonly OutletProfile[],
  kind: "frame" | "device",
  category: string,
  listed = 20,
): Array<OutletCategory & { readonly source: string; readonly months: ReadonlyArray<readonly [string, number, number, number]> }> {
  const folder = kind === "frame" ? "frames" : "devices";
  return profiles.flatMap((profile) => {
    const row = profile.categories.find((c) => c.kind === kind && c.category === category);
    if (!row) return [];
    const more = row.moreSentences + Math.max(0, row.sentences.length - listed);
    const months = profile.months.map((m) => [m.month, m.articles, m.words, m[folder][category] ?? 0] as const);
    return [{ source: profile.source, ...row, sentences: row.sentences.slice(0, listed), moreSentences: more, months }];
  });
}
