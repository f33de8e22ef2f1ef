// Rows and resamples' sums kept between builds (BootstrapOptions.kept, keptSumsFrom): a group whose articles
// did not change is read back, and a large group with a few changed articles has its sums brought up to date
// with their differences instead of resampled. Whole numbers, so the intervals are as computed afresh.
import type { BootstrapOptions } from "./bootstrap.ts";
import { keyOf, sumsStore } from "./kept-arrays.ts";

/** Kept sums are brought up to date while at most this share of the group's articles changed; else resampled. */
const MAX_CHANGED_SHARE = 1 / 8;

/**
 * A group's rows from `kept`, or computed and kept: `parts` are everything the rows depend on besides the
 * salt (strings and the members' numbers as typed arrays).
 */
export function keptRows<T>(options: BootstrapOptions, parts: ReadonlyArray<string | ArrayBufferView>, compute: () => T[]): T[] {
  if (!options.kept) return compute();
  const key = keyOf(options.kept.salt, parts);
  const found = options.kept.store.get(key);
  if (found !== null) return JSON.parse(found) as T[];
  const rows = compute();
  options.kept.store.put(key, JSON.stringify(rows));
  return rows;
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
export function rateSums(
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
    if (updateRateSums({ words, rowStart, slot, count }, now, draws, resamples, C, { sums, resampledWords })) {
      store.write([now.words, now.rowStart, now.slot, now.count, sums, resampledWords]);
      return { sums, resampledWords };
    }
  }
  const { sums, resampledWords } = freshRateSums(now, draws, resamples, C);
  store?.write([now.words, now.rowStart, now.slot, now.count, sums, resampledWords]);
  return { sums, resampledWords };
}

/**
 * Brings kept sums up to date in place with the members that changed since `before`, adding each changed
 * member's differences times its multiplicity in every resample; false (nothing touched) when more than
 * MAX_CHANGED_SHARE of the members changed.
 */
function updateRateSums(
  before: RateMembers,
  now: RateMembers,
  draws: Uint8Array,
  resamples: number,
  C: number,
  { sums, resampledWords }: { sums: Float64Array; resampledWords: Float64Array },
): boolean {
  const n = now.words.length;
  const changed: number[] = [];
  for (let m = 0; m < n && changed.length <= n * MAX_CHANGED_SHARE; m++) if (!sameRateMember(before, now, m)) changed.push(m);
  if (changed.length > n * MAX_CHANGED_SHARE) return false;
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
  return true;
}

/** Each resample's words and counts added up anew, in one pass over its multiplicities. */
function freshRateSums(
  { words, rowStart, slot, count }: RateMembers,
  draws: Uint8Array,
  resamples: number,
  C: number,
): { sums: Float64Array; resampledWords: Float64Array } {
  const n = words.length;
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

/** A mean group's members: values in millionths and 1 where a member has one (value[j·n + m], has[j·n + m]). */
type MeanMembers = { readonly value: Float64Array; readonly has: Float64Array };

/**
 * Each resample's sum of values (in millionths) and number of values per measure (sums[j·R + r],
 * counts[j·R + r]) of a group of mean values value[j·n + m] (has: 1 where member m has a value for measure
 * j): from kept sums brought up to date, or added up anew, as rateSums.
 */
export function meanSums(
  options: BootstrapOptions,
  settings: string,
  draws: Uint8Array,
  resamples: number,
  M: number,
  now: MeanMembers,
): { sums: Float64Array; counts: Float64Array } {
  const n = now.value.length / M;
  const store = sumsStore(options, "mean sums", settings, n);
  const kept = store?.read(["f64", "f64", "f64", "f64"]);
  if (store && kept && kept[0]!.length === n * M && kept[2]!.length === resamples * M) {
    const [value, has, sums, counts] = kept as [Float64Array, Float64Array, Float64Array, Float64Array];
    if (updateMeanSums({ value, has }, now, draws, resamples, M, { sums, counts })) {
      store.write([now.value, now.has, sums, counts]);
      return { sums, counts };
    }
  }
  const { sums, counts } = freshMeanSums(now, draws, resamples, M);
  store?.write([now.value, now.has, sums, counts]);
  return { sums, counts };
}

/** As updateRateSums, for a mean table's kept sums and counts. */
function updateMeanSums(
  before: MeanMembers,
  now: MeanMembers,
  draws: Uint8Array,
  resamples: number,
  M: number,
  { sums, counts }: { sums: Float64Array; counts: Float64Array },
): boolean {
  const n = now.value.length / M;
  const changed: number[] = [];
  for (let m = 0; m < n && changed.length <= n * MAX_CHANGED_SHARE; m++) {
    for (let at = m; at < n * M; at += n) {
      if (before.value[at] !== now.value[at] || before.has[at] !== now.has[at]) {
        changed.push(m);
        break;
      }
    }
  }
  if (changed.length > n * MAX_CHANGED_SHARE) return false;
  for (const m of changed) {
    for (let j = 0; j < M; j++) {
      const dv = now.value[j * n + m]! - before.value[j * n + m]!;
      const dh = now.has[j * n + m]! - before.has[j * n + m]!;
      if (!dv && !dh) continue;
      for (let r = 0, at = m, out = j * resamples; r < resamples; r++, at += n, out++) {
        const d = draws[at]!;
        if (!d) continue;
        sums[out]! += d * dv;
        counts[out]! += d * dh;
      }
    }
  }
  return true;
}

/**
 * Each measure's sums and counts added up anew. Each measure's sum runs over the members in order with its
 * values in one contiguous column (value[j·n + m]). A member not drawn or without a value adds 0 to the sum
 * and 0 to the count (`has` is 0 or 1), so the loop has no branch and its sums stay in registers.
 */
function freshMeanSums(
  { value, has }: MeanMembers,
  draws: Uint8Array,
  resamples: number,
  M: number,
): { sums: Float64Array; counts: Float64Array } {
  const n = value.length / M;
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
  return { sums, counts };
}
