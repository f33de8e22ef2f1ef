import { quantileSorted } from "simple-statistics";
import { mulberry32 } from "../common/seeded-random.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { MeanRow, RateRow } from "../schema/site-outputs.ts";

/** One article's counts: how many occurrences of each category (frame or device) in how many words. */
export interface ArticleCounts {
  readonly id: string;
  readonly words: number;
  readonly counts: Readonly<Record<string, number>>;
  /** The article's value for each grouping, e.g. { language: "nl", provenance: "origin-line" }. */
  readonly groups: Readonly<Record<string, string>>;
}

export interface BootstrapOptions {
  /** Resamples per interval (default 2000). */
  readonly resamples?: number;
  /** PRNG seed (default 20261122); with the same data and seed, intervals are identical run to run. */
  readonly seed?: number;
}

/** The bootstrap settings every interval uses unless told otherwise. */
const DEFAULT_BOOTSTRAP: Required<BootstrapOptions> = { resamples: 2000, seed: 20261122 };

/** The options with their defaults filled in. */
function bootstrapSettings(options: BootstrapOptions): Required<BootstrapOptions> {
  return { resamples: options.resamples ?? DEFAULT_BOOTSTRAP.resamples, seed: options.seed ?? DEFAULT_BOOTSTRAP.seed };
}

/**
 * A 95% percentile bootstrap interval: `resamples` times, draw `count` indexes with replacement (seeded by
 * `random`) and compute `statistic` on them; return the 2.5% and 97.5% quantiles of the results.
 */
function bootstrapInterval(
  count: number,
  resamples: number,
  random: () => number,
  statistic: (indexes: Int32Array) => number,
): [number, number] {
  const results = new Array<number>(resamples);
  const indexes = new Int32Array(count);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < count; i++) indexes[i] = Math.floor(random() * count);
    results[r] = statistic(indexes);
  }
  results.sort((a, b) => a - b);
  return [quantileSorted(results, 0.025), quantileSorted(results, 0.975)];
}

/** A 32-bit FNV-1a hash of a string, to give every group and category its own PRNG stream. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Pooled rates per 1,000 words for every group of `grouping` and every category, with 95% percentile
 * bootstrap intervals that resample the group's articles with replacement (Efron & Tibshirani, An
 * Introduction to the Bootstrap, 1993, ch. 13). Each (grouping, group, category) has its own PRNG stream
 * seeded from `seed` and its names, so adding a group does not move another group's interval.
 * Rows are sorted by group, then category (code-unit order). Groups with no words get rate 0.
 * @example rateTable([{ id: "a", words: 1000, counts: { hegemon: 5 }, groups: { all: "all" } }], "all", ["hegemon"])[0].rate // 5
 */
export function rateTable(
  articles: readonly ArticleCounts[],
  grouping: string,
  categories: readonly string[],
  options: BootstrapOptions = {},
): RateRow[] {
  const { resamples, seed } = bootstrapSettings(options);
  const byGroup = new Map<string, ArticleCounts[]>();
  for (const article of articles) {
    const group = article.groups[grouping] ?? "not recorded";
    const list = byGroup.get(group);
    if (list) list.push(article);
    else byGroup.set(group, [article]);
  }
  const rows: RateRow[] = [];
  for (const group of [...byGroup.keys()].sort(compareIds)) {
    const members = byGroup.get(group)!;
    const words = members.reduce((sum, a) => sum + a.words, 0);
    for (const category of [...categories].sort(compareIds)) {
      const count = members.reduce((sum, a) => sum + (a.counts[category] ?? 0), 0);
      const rate = words > 0 ? (1000 * count) / words : 0;
      let low: number | null = null;
      let high: number | null = null;
      if (members.length >= 2) {
        const random = mulberry32(seed ^ hash(`${grouping}\u0000${group}\u0000${category}`));
        [low, high] = bootstrapInterval(members.length, resamples, random, (indexes) => {
          let c = 0;
          let w = 0;
          for (const i of indexes) {
            c += members[i]!.counts[category] ?? 0;
            w += members[i]!.words;
          }
          return w > 0 ? (1000 * c) / w : 0;
        });
      }
      rows.push({ grouping, group, category, articles: members.length, words, count, rate, low, high });
    }
  }
  return rows;
}

/**
 * Means of per-article values by group, with 95% percentile bootstrap intervals over the group's articles
 * (seeded per grouping, group and measure, as in rateTable). Null values are left out; a group with fewer
 * than 2 values has no interval.
 */
export function meanTable(
  items: ReadonlyArray<{ readonly groups: Readonly<Record<string, string>>; readonly values: Readonly<Record<string, number | null>> }>,
  grouping: string,
  measures: readonly string[],
  options: BootstrapOptions = {},
): MeanRow[] {
  const groups = [...new Set(items.map((i) => i.groups[grouping] ?? "not recorded"))].sort(compareIds);
  const rows: MeanRow[] = [];
  for (const group of groups) {
    for (const measure of measures) {
      const values = items
        .filter((i) => (i.groups[grouping] ?? "not recorded") === group)
        .map((i) => i.values[measure])
        .filter((v): v is number => v !== null && v !== undefined);
      const { mean, low, high } = meanInterval(values, `${grouping}\u0000${group}\u0000${measure}`, options);
      rows.push({ grouping, group, measure, articles: values.length, mean, low, high });
    }
  }
  return rows;
}

/**
 * The mean of `values` with a 95% percentile bootstrap interval over them (e.g. an article's tone over its
 * sentences), seeded by `key`; no interval for fewer than 2 values, mean null for none. `weightOf` gives
 * each value its weight in the mean (default 1: a plain mean).
 */
export function meanInterval(
  values: readonly number[],
  key: string,
  options: BootstrapOptions = {},
  weightOf: (value: number) => number = () => 1,
): { mean: number | null; low: number | null; high: number | null } {
  if (!values.length) return { mean: null, low: null, high: null };
  const weights = values.map(weightOf);
  const weighted = (indexes: Iterable<number>) => {
    let sum = 0;
    let total = 0;
    for (const i of indexes) {
      sum += weights[i]! * values[i]!;
      total += weights[i]!;
    }
    return total ? sum / total : 0;
  };
  const mean = weighted(values.keys());
  if (values.length < 2) return { mean, low: null, high: null };
  const { resamples, seed } = bootstrapSettings(options);
  const [low, high] = bootstrapInterval(values.length, resamples, mulberry32(seed ^ hash(key)), weighted);
  return { mean, low, high };
}
