// Rates per 1,000 words and means by group, with percentile bootstrap intervals. The bootstrap's settings,
// resamples and interval: bootstrap.ts; rows and resamples' sums kept between builds: kept-sums.ts.
import { mulberry32 } from "../portable/seeded-random.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { MeanRow, RateRow } from "../schema/site-outputs.ts";
import { bootstrapSettings, groupResamples, hash, percentileInterval, type BootstrapOptions } from "./bootstrap.ts";
import { keptRows, meanSums, rateSums } from "./kept-sums.ts";

export type { BootstrapOptions, GroupStore } from "./bootstrap.ts";

/** One article's counts: how many occurrences of each category (frame or device) in how many words. */
export interface ArticleCounts {
  readonly id: string;
  readonly words: number;
  readonly counts: Readonly<Record<string, number>>;
  /** The article's value for each grouping, e.g. { language: "nl", provenance: "origin-line" }. */
  readonly groups: Readonly<Record<string, string>>;
}

/** Articles by their value for `grouping` ("not recorded" when missing), groups in code-unit order. */
function groupsOf<T extends { readonly groups: Readonly<Record<string, string>> }>(
  items: readonly T[],
  grouping: string,
): Array<[string, T[]]> {
  const byGroup = new Map<string, T[]>();
  for (const item of items) {
    const group = item.groups[grouping] ?? "not recorded";
    const list = byGroup.get(group);
    if (list) list.push(item);
    else byGroup.set(group, [item]);
  }
  return [...byGroup.entries()].sort(([a], [b]) => compareIds(a, b));
}

/**
 * Pooled rates per 1,000 words for every group of `grouping` and every category, with 95% percentile
 * bootstrap intervals that resample the group's articles with replacement (Efron & Tibshirani, An
 * Introduction to the Bootstrap, 1993, ch. 13). Every category's interval is read from the same resamples
 * of the group (one PRNG stream per grouping and group, seeded from `seed` and their names, so adding a
 * group does not move another group's intervals), and only an article's non-zero counts are added up, so
 * the cost is resamples × (articles + their non-zero counts), not × categories.
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
  const sorted = [...categories].sort(compareIds);
  const position = new Map(sorted.map((category, i) => [category, i]));
  const table: RateTableSettings = { grouping, sorted, options, resamples, seed };
  const rows: RateRow[] = [];
  for (const [group, members] of groupsOf(articles, grouping)) {
    const counts = compressedCounts(members, position);
    const settings = JSON.stringify(["rate", grouping, group, resamples, seed, sorted]);
    const parts = [settings, counts.words, counts.rowStart, counts.slot, counts.count];
    rows.push(...keptRows(options, parts, () => rateRows(table, group, settings, counts)));
  }
  return rows;
}

/** What every group of one rate table shares: the grouping, the categories in order, the bootstrap settings. */
interface RateTableSettings {
  readonly grouping: string;
  readonly sorted: readonly string[];
  readonly options: BootstrapOptions;
  readonly resamples: number;
  readonly seed: number;
}

/** A group's members' words, and their non-zero counts by category slot as one compressed row per member. */
function compressedCounts(
  members: readonly ArticleCounts[],
  position: ReadonlyMap<string, number>,
): { words: Float64Array; rowStart: Int32Array; slot: Int32Array; count: Float64Array } {
  const n = members.length;
  const words = Float64Array.from(members, (member) => member.words);
  const rowStart = new Int32Array(n + 1);
  const slots: number[] = [];
  const held: number[] = [];
  for (let m = 0; m < n; m++) {
    for (const [category, count] of Object.entries(members[m]!.counts)) {
      const slot = position.get(category);
      if (slot === undefined || !count) continue;
      slots.push(slot);
      held.push(count);
    }
    rowStart[m + 1] = slots.length;
  }
  return { words, rowStart, slot: Int32Array.from(slots), count: Float64Array.from(held) };
}

/** The rows of one group from its members' words and compressed counts: totals, rates and (two members or more) intervals. */
function rateRows(
  table: RateTableSettings,
  group: string,
  settings: string,
  counts: { words: Float64Array; rowStart: Int32Array; slot: Int32Array; count: Float64Array },
): RateRow[] {
  const { grouping, sorted, options, resamples, seed } = table;
  const { words, slot, count } = counts;
  const n = words.length;
  const C = sorted.length;
  const totals = new Float64Array(C);
  for (let k = 0; k < slot.length; k++) totals[slot[k]!]! += count[k]!;
  const groupWords = words.reduce((sum, w) => sum + w, 0);
  let intervals: Array<[number, number]> | null = null;
  if (n >= 2) {
    const draws = groupResamples(grouping, group, n, { ...options, resamples, seed });
    const { sums, resampledWords } = rateSums(options, settings, draws, resamples, C, counts);
    intervals = sorted.map((_, c) => {
      const result = new Float64Array(resamples);
      for (let r = 0; r < resamples; r++) {
        const w = resampledWords[r]!;
        result[r] = w > 0 ? (1000 * sums[r * C + c]!) / w : 0;
      }
      const { low, high } = percentileInterval(result);
      return [low, high];
    });
  }
  return sorted.map((category, c) => {
    const total = totals[c]!;
    return {
      grouping,
      group,
      category,
      articles: n,
      words: groupWords,
      count: total,
      rate: groupWords > 0 ? (1000 * total) / groupWords : 0,
      low: intervals ? intervals[c]![0] : null,
      high: intervals ? intervals[c]![1] : null,
    };
  });
}

/** Mean values are summed in millionths (tone scores are rounded to millionths), so the sums are whole numbers. */
const MEAN_SCALE = 1e6;

/**
 * Means of per-article values by group, with 95% percentile bootstrap intervals over the group's articles:
 * each resample draws the group's articles with replacement (one PRNG stream per grouping and group, shared
 * by its measures), and a measure's mean is over the drawn articles that have a value for it. Null values
 * are left out; a group with fewer than 2 values for a measure has no interval for it.
 */
export function meanTable(
  items: ReadonlyArray<{ readonly groups: Readonly<Record<string, string>>; readonly values: Readonly<Record<string, number | null>> }>,
  grouping: string,
  measures: readonly string[],
  options: BootstrapOptions = {},
): MeanRow[] {
  const { resamples, seed } = bootstrapSettings(options);
  const table: MeanTableSettings = { grouping, measures, options, resamples, seed };
  const rows: MeanRow[] = [];
  for (const [group, members] of groupsOf(items, grouping)) {
    const columns = valueColumns(members, measures);
    const settings = JSON.stringify(["mean", grouping, group, resamples, seed, measures]);
    rows.push(...keptRows(options, [settings, columns.value, columns.has], () => meanRows(table, group, settings, columns)));
  }
  return rows;
}

/** What every group of one mean table shares: the grouping, the measures, the bootstrap settings. */
interface MeanTableSettings {
  readonly grouping: string;
  readonly measures: readonly string[];
  readonly options: BootstrapOptions;
  readonly resamples: number;
  readonly seed: number;
}

/** A group's members' values for each measure, in millionths, a column per measure. */
interface ValueColumns {
  readonly value: Float64Array;
  /** 1 where a member has a value for a measure, else 0. */
  readonly has: Float64Array;
  /** How many members have a value for each measure, and each measure's mean over them (null: none has). */
  readonly holders: Int32Array;
  readonly means: Array<number | null>;
}

/** The columns of a group's members (see ValueColumns). */
function valueColumns(
  members: ReadonlyArray<{ readonly values: Readonly<Record<string, number | null>> }>,
  measures: readonly string[],
): ValueColumns {
  const n = members.length;
  const M = measures.length;
  const value = new Float64Array(n * M);
  const has = new Float64Array(n * M);
  const holders = new Int32Array(M);
  const means = measures.map((measure, j) => {
    let sum = 0;
    for (let m = 0; m < n; m++) {
      const v = members[m]!.values[measure];
      if (v == null) continue;
      value[j * n + m] = Math.round(v * MEAN_SCALE);
      has[j * n + m] = 1;
      sum += v;
      holders[j]!++;
    }
    return holders[j] ? sum / holders[j]! : null;
  });
  return { value, has, holders, means };
}

/** The rows of one group from its value columns: means and (two holders or more) percentile intervals. */
function meanRows(table: MeanTableSettings, group: string, settings: string, columns: ValueColumns): MeanRow[] {
  const { grouping, measures, options, resamples, seed } = table;
  const { value, has, holders, means } = columns;
  const M = measures.length;
  const n = value.length / M;
  let results: Float64Array | null = null;
  if (n >= 2 && holders.some((h) => h >= 2)) {
    const draws = groupResamples(grouping, group, n, { ...options, resamples, seed });
    const { sums, counts } = meanSums(options, settings, draws, resamples, M, { value, has });
    results = new Float64Array(resamples * M);
    for (let at = 0; at < results.length; at++) {
      // A resample that drew no article with a value repeats the group's mean (it cannot say more).
      results[at] = counts[at] ? sums[at]! / counts[at]! / MEAN_SCALE : (means[Math.floor(at / resamples)] ?? 0);
    }
  }
  return measures.map((measure, j) => {
    const interval = results && holders[j]! >= 2 ? percentileInterval(results.subarray(j * resamples, (j + 1) * resamples)) : null;
    return {
      grouping,
      group,
      measure,
      articles: holders[j]!,
      mean: means[j]!,
      low: interval?.low ?? null,
      high: interval?.high ?? null,
    };
  });
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
  const n = values.length;
  if (!n) return { mean: null, low: null, high: null };
  // weight × value and weight per value, in typed arrays: the resampling loop below reads nothing else.
  const weighted = new Float64Array(n);
  const weights = new Float64Array(n);
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    weights[i] = weightOf(values[i]!);
    weighted[i] = weights[i]! * values[i]!;
    sum += weighted[i]!;
    total += weights[i]!;
  }
  const mean = total ? sum / total : 0;
  if (n < 2) return { mean, low: null, high: null };
  const { resamples, seed } = bootstrapSettings(options);
  const random = mulberry32(seed ^ hash(key));
  const results = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    let t = 0;
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      s += weighted[j]!;
      t += weights[j]!;
    }
    results[r] = t ? s / t : 0;
  }
  return { mean, ...percentileInterval(results) };
}
