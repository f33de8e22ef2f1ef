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
  /**
   * Groups of at least this many articles (default 1000) also keep their resamples' sums in `kept`, keyed
   * by the table, group, settings and the number of articles: when a few of the group's articles change
   * (an edited article), the sums are brought up to date with those articles' differences instead of
   * resampled anew. The sums are whole numbers (counts, words, values in millionths), exact in any order,
   * so the intervals are the same as computed afresh.
   */
  readonly keptSumsFrom?: number;
}

/** A content-addressed store of text and bytes (the record cache's interface). */
export interface GroupStore {
  get(key: string): string | null;
  getBytes(key: string): Uint8Array | null;
  put(key: string, value: string | Uint8Array): void;
}

/** Groups of at least this many articles keep their resamples' sums (BootstrapOptions.keptSumsFrom). */
const KEPT_SUMS_FROM = 1000;

/** Kept sums are brought up to date while at most this share of the group's articles changed; else resampled. */
const MAX_CHANGED_SHARE = 1 / 8;

/**
 * A group's rows from `kept`, or computed and kept: `parts` are everything the rows depend on besides the
 * salt (strings and the members' numbers as typed arrays).
 */
function keptRows<T>(options: BootstrapOptions, parts: ReadonlyArray<string | ArrayBufferView>, compute: () => T[]): T[] {
  if (!options.kept) return compute();
  const key = keyOf(options.kept.salt, parts);
  const found = options.kept.store.get(key);
  if (found !== null) return JSON.parse(found) as T[];
  const rows = compute();
  options.kept.store.put(key, JSON.stringify(rows));
  return rows;
}

/** The SHA-256 of a salt and parts (strings and typed arrays), each part prefixed by its length. */
function keyOf(salt: string, parts: ReadonlyArray<string | ArrayBufferView>): string {
  const hash = createHash("sha256").update(salt);
  for (const part of parts) {
    if (typeof part === "string") hash.update(`\u0000${part.length}\u0000${part}`);
    else hash.update(`\u0000${part.byteLength}\u0000`).update(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  }
  return hash.digest("hex");
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

/**
 * Means of per-article values by group, with 95% percentile bootstrap intervals over the group's articles:
 * each resample draws the group's articles with replacement (one PRNG stream per grouping and group, shared
 * by its measures), and a measure's mean is over the drawn articles that have a value for it. Null values
 * are left out; a group with fewer than 2 values for a measure has no interval for it.
 */
/** Mean values are summed in millionths (tone scores are rounded to millionths), so the sums are whole numbers. */
const MEAN_SCALE = 1e6;

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

/** A rate group's members: words, and non-zero counts as one compressed row per member (rowStart, slot, count). */
interface RateMembers {
  readonly words: Float64Array;
  readonly rowStart: Int32Array;
  readonly slot: Int32Array;
  readonly count: Float64Array;
}

/**
 * Each resample's words and count per category (sums[r·C + c]) of a group: from the group's kept sums
 * brought up to date with the members that changed (see BootstrapOptions.keptSumsFrom), or added up anew
 * in one pass over each resample's multiplicities; then kept. Whole numbers, so exact in any order.
 */
function rateSums(
  options: BootstrapOptions,
  settings: string,
  draws: Uint8Array,
  resamples: number,
  C: number,
  now: RateMembers,
): { sums: Float64Array; resampledWords: Float64Array } {
  const n = now.words.length;
  const store = sumsStore(options, "rate sums", settings, n);
  const kept = store?.read(["f64", "i32", "i32", "f64", "f64", "f64"]);
  if (store && kept && kept[0]!.length === n && kept[4]!.length === resamples * C && kept[5]!.length === resamples) {
    const [words, rowStart, slot, count, sums, resampledWords] = kept as [
      Float64Array,
      Int32Array,
      Int32Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    const before: RateMembers = { words, rowStart, slot, count };
    const changed: number[] = [];
    for (let m = 0; m < n && changed.length <= n * MAX_CHANGED_SHARE; m++) if (!sameRateMember(before, now, m)) changed.push(m);
    if (changed.length <= n * MAX_CHANGED_SHARE) {
      const delta = new Float64Array(C);
      for (const m of changed) {
        delta.fill(0);
        for (let k = before.rowStart[m]!; k < before.rowStart[m + 1]!; k++) delta[before.slot[k]!]! -= before.count[k]!;
        for (let k = now.rowStart[m]!; k < now.rowStart[m + 1]!; k++) delta[now.slot[k]!]! += now.count[k]!;
        const categories = [...delta.keys()].filter((c) => delta[c] !== 0);
        const dw = now.words[m]! - before.words[m]!;
        for (let r = 0, at = m; r < resamples; r++, at += n) {
          const d = draws[at]!;
          if (!d) continue;
          resampledWords[r]! += d * dw;
          for (const c of categories) sums[r * C + c]! += d * delta[c]!;
        }
      }
      store.write([now.words, now.rowStart, now.slot, now.count, sums, resampledWords]);
      return { sums, resampledWords };
    }
  }
  const { words, rowStart, slot, count } = now;
  // One pass over each resample's multiplicities adds up its words and every category's count.
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
  store?.write([words, rowStart, slot, count, sums, resampledWords]);
  return { sums, resampledWords };
}

/** Whether member m has the same words and counts in both. */
function sameRateMember(a: RateMembers, b: RateMembers, m: number): boolean {
  if (a.words[m] !== b.words[m]) return false;
  const start = a.rowStart[m]!;
  const length = a.rowStart[m + 1]! - start;
  if (b.rowStart[m + 1]! - b.rowStart[m]! !== length) return false;
  for (let k = 0; k < length; k++) {
    if (a.slot[start + k] !== b.slot[b.rowStart[m]! + k] || a.count[start + k] !== b.count[b.rowStart[m]! + k]) return false;
  }
  return true;
}

/**
 * Each resample's sum of values (in millionths) and number of values per measure (sums[j·R + r],
 * counts[j·R + r]) of a group of mean values value[j·n + m] (has: 1 where member m has a value for measure
 * j): from kept sums brought up to date, or added up anew, as rateSums.
 */
function meanSums(
  options: BootstrapOptions,
  settings: string,
  draws: Uint8Array,
  resamples: number,
  M: number,
  now: { readonly value: Float64Array; readonly has: Float64Array },
): { sums: Float64Array; counts: Float64Array } {
  const n = now.value.length / M;
  const store = sumsStore(options, "mean sums", settings, n);
  const kept = store?.read(["f64", "f64", "f64", "f64"]);
  if (store && kept && kept[0]!.length === n * M && kept[2]!.length === resamples * M) {
    const [value, has, sums, counts] = kept as [Float64Array, Float64Array, Float64Array, Float64Array];
    const changed: number[] = [];
    for (let m = 0; m < n && changed.length <= n * MAX_CHANGED_SHARE; m++) {
      for (let at = m; at < n * M; at += n) {
        if (value[at] !== now.value[at] || has[at] !== now.has[at]) {
          changed.push(m);
          break;
        }
      }
    }
    if (changed.length <= n * MAX_CHANGED_SHARE) {
      for (const m of changed) {
        for (let j = 0; j < M; j++) {
          const dv = now.value[j * n + m]! - value[j * n + m]!;
          const dh = now.has[j * n + m]! - has[j * n + m]!;
          if (!dv && !dh) continue;
          for (let r = 0, at = m, out = j * resamples; r < resamples; r++, at += n, out++) {
            const d = draws[at]!;
            if (!d) continue;
            sums[out]! += d * dv;
            counts[out]! += d * dh;
          }
        }
      }
      store.write([now.value, now.has, sums, counts]);
      return { sums, counts };
    }
  }
  const { value, has } = now;
  // Each measure's sum runs over the members in order with its values in one contiguous column
  // (value[j·n + m]). A member not drawn or without a value adds 0 to the sum and 0 to the count (`has` is
  // 0 or 1), so the loop has no branch and its sums stay in registers.
  const sums = new Float64Array(resamples * M);
  const counts = new Float64Array(resamples * M);
  for (let r = 0, base = 0; r < resamples; r++, base += n) {
    for (let j = 0, column = 0; j < M; j++, column += n) {
      let sum = 0;
      let count = 0;
      for (let m = 0; m < n; m++) {
        const f = draws[base + m]!;
        sum += f * value[column + m]!;
        count += f * has[column + m]!;
      }
      sums[j * resamples + r] = sum;
      counts[j * resamples + r] = count;
    }
  }
  store?.write([value, has, sums, counts]);
  return { sums, counts };
}

/**
 * Where a group of `n` articles keeps its resamples' sums (see BootstrapOptions.keptSumsFrom): read and
 * written as typed arrays under a key of the table, its settings and n; null when the group does not.
 */
function sumsStore(
  options: BootstrapOptions,
  table: "rate sums" | "mean sums",
  settings: string,
  n: number,
): {
  read(kinds: ReadonlyArray<"f64" | "i32">): Array<Float64Array | Int32Array> | null;
  write(arrays: ReadonlyArray<Float64Array | Int32Array>): void;
} | null {
  const kept = options.kept;
  if (!kept || n < (options.keptSumsFrom ?? KEPT_SUMS_FROM)) return null;
  const key = keyOf(kept.salt, [table, settings, String(n)]);
  return {
    read: (kinds) => unpackArrays(kept.store.getBytes(key), kinds),
    write: (arrays) => kept.store.put(key, packArrays(arrays)),
  };
}

/** Typed arrays as bytes: a header of their lengths (Float64, one per array), then each array's bytes. */
function packArrays(arrays: ReadonlyArray<Float64Array | Int32Array>): Uint8Array {
  const header = Float64Array.from(arrays, (a) => a.length);
  // Each array starts at a multiple of 8 bytes, so it can be read in place of a copy of its file.
  const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;
  const out = new Uint8Array(8 + header.byteLength + arrays.reduce((sum, a) => sum + padded(a.byteLength), 0));
  new Float64Array(out.buffer, 0, 1)[0] = arrays.length;
  out.set(new Uint8Array(header.buffer), 8);
  let at = 8 + header.byteLength;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += padded(a.byteLength);
  }
  return out;
}

/** The arrays packed by packArrays, of the kinds given, or null for no bytes or bytes not of that form. */
function unpackArrays(stored: Uint8Array | null, kinds: ReadonlyArray<"f64" | "i32">): Array<Float64Array | Int32Array> | null {
  if (!stored || stored.byteLength < 8) return null;
  // A copy, aligned and owned: the arrays are updated in place.
  const bytes = new Uint8Array(stored);
  const count = new Float64Array(bytes.buffer, 0, 1)[0];
  if (count !== kinds.length || bytes.byteLength < 8 + 8 * count) return null;
  const lengths = new Float64Array(bytes.buffer, 8, count);
  const arrays: Array<Float64Array | Int32Array> = [];
  let at = 8 + 8 * count;
  for (let i = 0; i < count; i++) {
    const length = lengths[i]!;
    const size = kinds[i] === "f64" ? 8 : 4;
    if (!Number.isInteger(length) || length < 0 || at + length * size > bytes.byteLength) return null;
    arrays.push(kinds[i] === "f64" ? new Float64Array(bytes.buffer, at, length) : new Int32Array(bytes.buffer, at, length));
    at += Math.ceil((length * size) / 8) * 8;
  }
  return at === bytes.byteLength ? arrays : null;
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
