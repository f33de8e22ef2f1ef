import { createHash } from "node:crypto";
import { quantileSorted } from "simple-statistics";
import { mulberry32, multinomialResamples } from "../portable/seeded-random.ts";
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
  /**
   * Where a group's resamples are kept once drawn (groupResamples), so that the frames, devices and tone
   * tables of one build draw each group's resamples once; the intervals are the same with or without it.
   */
  readonly drawn?: Map<string, Uint8Array>;
  /** PRNG seed (default 20261122); with the same data and seed, intervals are identical run to run. */
  readonly seed?: number;
  /**
   * Where a group's rows are kept between builds: a store of text by key, and a salt for the keys (the
   * fingerprint of this file's code). A group's key is a SHA-256 of the salt, the table, the grouping and
   * group, the settings and every member's numbers, so a group whose articles did not change is read back,
   * not resampled, and its rows are the same either way.
   */
  readonly kept?: { readonly store: GroupStore; readonly salt: string };
}

/** A content-addressed store of text (the record cache's interface). */
export interface GroupStore {
  get(key: string): string | null;
  put(key: string, value: string): void;
}

/**
 * A group's rows from `kept`, or computed and kept: `parts` are everything the rows depend on besides the
 * salt (strings and the members' numbers as typed arrays).
 */
function keptRows<T>(options: BootstrapOptions, parts: ReadonlyArray<string | ArrayBufferView>, compute: () => T[]): T[] {
  if (!options.kept) return compute();
  const hash = createHash("sha256").update(options.kept.salt);
  for (const part of parts) {
    if (typeof part === "string") hash.update(`\u0000${part.length}\u0000${part}`);
    else hash.update(`\u0000${part.byteLength}\u0000`).update(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  }
  const key = hash.digest("hex");
  const found = options.kept.store.get(key);
  if (found !== null) return JSON.parse(found) as T[];
  const rows = compute();
  options.kept.store.put(key, JSON.stringify(rows));
  return rows;
}

/** The bootstrap settings every interval uses unless told otherwise. */
const DEFAULT_BOOTSTRAP: Required<Pick<BootstrapOptions, "resamples" | "seed">> = { resamples: 2000, seed: 20261122 };

/** The options with their defaults filled in. */
function bootstrapSettings(options: BootstrapOptions): Required<Pick<BootstrapOptions, "resamples" | "seed">> {
  return { resamples: options.resamples ?? DEFAULT_BOOTSTRAP.resamples, seed: options.seed ?? DEFAULT_BOOTSTRAP.seed };
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
    // Each member's non-zero counts by category slot, as one compressed row per member.
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
    const slot = Int32Array.from(slots);
    const count = Float64Array.from(held);
    const settings = JSON.stringify(["rate", grouping, group, resamples, seed, sorted]);
    rows.push(...keptRows(options, [settings, words, rowStart, slot, count], () => rateRows(group, words, rowStart, slot, count)));
  }
  return rows;

  /** The rows of one group from its members' words and compressed counts. */
  function rateRows(group: string, words: Float64Array, rowStart: Int32Array, slot: Int32Array, count: Float64Array): RateRow[] {
    const n = words.length;
    const C = sorted.length;
    const totals = new Float64Array(C);
    for (let k = 0; k < slot.length; k++) totals[slot[k]!]! += count[k]!;
    const groupWords = words.reduce((sum, w) => sum + w, 0);
    let intervals: Array<[number, number]> | null = null;
    if (n >= 2) {
      const draws = groupResamples(grouping, group, n, { ...options, resamples, seed });
      // One pass over each resample's multiplicities adds up its words and every category's count (whole
      // numbers, so the sums are exact in any order).
      const sums = new Float64Array(resamples * C);
      const resampledWords = new Float64Array(resamples);
      for (let r = 0, base = 0; r < resamples; r++, base += n) {
        let w = 0;
        const at = r * C;
        for (let m = 0; m < n; m++) {
          const d = draws[base + m]!;
          if (!d) continue;
          w += d * words[m]!;
          for (let k = rowStart[m]!, end = rowStart[m + 1]!; k < end; k++) sums[at + slot[k]!]! += d * count[k]!;
        }
        resampledWords[r] = w;
      }
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
}

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
  const rows: MeanRow[] = [];
  const M = measures.length;
  for (const [group, members] of groupsOf(items, grouping)) {
    const n = members.length;
    // Every member's value for each measure, a column per measure (has: whether it has one), and each measure's mean.
    const value = new Float64Array(n * M);
    const has = new Float64Array(n * M);
    const holders = new Int32Array(M);
    const means = measures.map((measure, j) => {
      let sum = 0;
      for (let m = 0; m < n; m++) {
        const v = members[m]!.values[measure];
        if (v == null) continue;
        value[j * n + m] = v;
        has[j * n + m] = 1;
        sum += v;
        holders[j]!++;
      }
      return holders[j] ? sum / holders[j]! : null;
    });
    const settings = JSON.stringify(["mean", grouping, group, resamples, seed, measures]);
    rows.push(...keptRows(options, [settings, value, has], () => meanRows(group, value, has, holders, means)));
  }
  return rows;

  /** The rows of one group from its members' values (`has`: 1 where a member has a value for a measure, else 0). */
  function meanRows(group: string, value: Float64Array, has: Float64Array, holders: Int32Array, means: Array<number | null>): MeanRow[] {
    const n = value.length / M;
    let results: Float64Array | null = null;
    if (n >= 2 && holders.some((h) => h >= 2)) {
      const draws = groupResamples(grouping, group, n, { ...options, resamples, seed });
      // Each measure's sum runs over the members in order, as it would alone, with its values in one
      // contiguous column (value[j·n + m]). A member not drawn or without a value adds 0 to the sum (which
      // leaves it as it is: the sum starts at +0 and values are finite) and 0 to the count (`has` is 0 or 1),
      // so the loop has no branch and its sums stay in registers.
      results = new Float64Array(resamples * M);
      for (let r = 0, base = 0; r < resamples; r++, base += n) {
        for (let j = 0, column = 0; j < M; j++, column += n) {
          let sum = 0;
          let count = 0;
          for (let m = 0; m < n; m++) {
            const f = draws[base + m]!;
            sum += f * value[column + m]!;
            count += f * has[column + m]!;
          }
          // A resample that drew no article with a value repeats the group's mean (it cannot say more).
          results[j * resamples + r] = count ? sum / count : (means[j] ?? 0);
        }
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
}

/**
 * The bootstrap resamples of one group of `n` articles, as multiplicities: resample r is
 * `draws[r·n … (r+1)·n)`, where entry m says how often article m was drawn in n draws with replacement.
 * One PRNG stream per grouping and group (seeded from `seed` and their names), so the same group always has
 * the same resamples and adding a group does not move another's. Multiplicities are bytes: a count above
 * 255 needs 256 of n draws to hit one article (impossible below 256 articles; for more, a chance below
 * 10⁻⁴⁰⁰).
 */
function groupResamples(
  grouping: string,
  group: string,
  n: number,
  options: Required<Pick<BootstrapOptions, "resamples" | "seed">> & BootstrapOptions,
): Uint8Array {
  const key = `${grouping}\u0000${group}\u0000${n}\u0000${options.resamples}\u0000${options.seed}`;
  const kept = options.drawn?.get(key);
  if (kept) return kept;
  const draws = new Uint8Array(n * options.resamples);
  multinomialResamples(options.seed ^ hash(`${grouping}\u0000${group}`), n, options.resamples, draws);
  options.drawn?.set(key, draws);
  return draws;
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

/** The 2.5% and 97.5% quantiles of bootstrap results (sorted in place). */
function percentileInterval(results: Float64Array): { low: number; high: number } {
  results.sort();
  const sorted = results as unknown as number[];
  return { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}
