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
  const rows: RateRow[] = [];
  for (const [group, members] of groupsOf(articles, grouping)) {
    // Each member's non-zero counts, flattened: member m's are at offsets[m] … offsets[m + 1].
    const offsets = new Int32Array(members.length + 1);
    const slots: number[] = [];
    const values: number[] = [];
    const words = new Float64Array(members.length);
    const totals = new Float64Array(sorted.length);
    members.forEach((member, m) => {
      words[m] = member.words;
      for (const [category, n] of Object.entries(member.counts)) {
        const slot = position.get(category);
        if (slot === undefined || !n) continue;
        slots.push(slot);
        values.push(n);
        totals[slot]! += n;
      }
      offsets[m + 1] = slots.length;
    });
    const groupWords = words.reduce((sum, w) => sum + w, 0);
    let intervals: Array<[number, number]> | null = null;
    if (members.length >= 2) {
      const random = mulberry32(seed ^ hash(`${grouping}\u0000${group}`));
      const results = sorted.map(() => new Float64Array(resamples));
      const sums = new Float64Array(sorted.length);
      for (let r = 0; r < resamples; r++) {
        sums.fill(0);
        let w = 0;
        for (let i = 0; i < members.length; i++) {
          const m = Math.floor(random() * members.length);
          w += words[m]!;
          for (let k = offsets[m]!; k < offsets[m + 1]!; k++) sums[slots[k]!]! += values[k]!;
        }
        for (let c = 0; c < sorted.length; c++) results[c]![r] = w > 0 ? (1000 * sums[c]!) / w : 0;
      }
      intervals = results.map((result) => {
        result.sort();
        return [quantileSorted(result as unknown as number[], 0.025), quantileSorted(result as unknown as number[], 0.975)];
      });
    }
    sorted.forEach((category, c) => {
      const count = totals[c]!;
      rows.push({
        grouping,
        group,
        category,
        articles: members.length,
        words: groupWords,
        count,
        rate: groupWords > 0 ? (1000 * count) / groupWords : 0,
        low: intervals ? intervals[c]![0] : null,
        high: intervals ? intervals[c]![1] : null,
      });
    });
  }
  return rows;
}

/**
 * Means of per-article values by group, with 95% percentile bootstrap intervals over the group's articles
 * (seeded per grouping, group and measure). Null values are left out; a group with fewer than 2 values has
 * no interval.
 */
export function meanTable(
  items: ReadonlyArray<{ readonly groups: Readonly<Record<string, string>>; readonly values: Readonly<Record<string, number | null>> }>,
  grouping: string,
  measures: readonly string[],
  options: BootstrapOptions = {},
): MeanRow[] {
  const rows: MeanRow[] = [];
  for (const [group, members] of groupsOf(items, grouping)) {
    for (const measure of measures) {
      const values = members.map((i) => i.values[measure]).filter((v): v is number => v !== null && v !== undefined);
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
