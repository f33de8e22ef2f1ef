// Pooled tone means with 95% percentile bootstrap intervals over a group's articles: the outlet profiles'
// tone in own voice, in quotations, and of the sentences that carry a frame or device against the others.
// The resamples and the interval are the comparison pages' (bootstrap.ts), so an outlet's tone is resampled
// with the same draws of its articles as its rates.
import { bootstrapSettings, groupResamples, percentileInterval, type BootstrapOptions } from "./bootstrap.ts";
import { round6 } from "../tone/score-sentiment.ts";
import type { ToneSum } from "./outlet-facts.ts";

/** A pooled tone mean's 95% interval, rounded to millionths as tone is; null when it has none. */
export type ToneInterval = { readonly low: number; readonly high: number } | null;

/** One article's tone sums by slot, only the slots it has sentences in. */
export type SlottedTone = ReadonlyArray<readonly [slot: number, sum: ToneSum]>;

/** A pooled mean read from the slots: the sum of the `plus` slots minus the `minus` slots. */
export interface PooledMeasure {
  readonly plus: readonly number[];
  readonly minus?: readonly number[];
}

/**
 * The 95% percentile bootstrap interval of each measure's pooled tone (Σ weighted scores / Σ weights over
 * the drawn articles), resampling the group's articles with replacement (Efron & Tibshirani 1993, ch. 13)
 * with the draws `groupResamples(grouping, group, n)` gives, as the rate and Tone tables do. A measure
 * whose sentences come from fewer than 2 articles has no interval; a resample that drew none of its
 * sentences repeats the measure's pooled mean.
 * @example pooledToneIntervals("outlet", "A", [[[0, [2, -0.4, 3]]], [[0, [1, 0.3, 1]]]], 1, [{ plus: [0] }])[0] // { low: -0.133333, high: 0.3 }
 */
export function pooledToneIntervals(
  grouping: string,
  group: string,
  articles: readonly SlottedTone[],
  slots: number,
  measures: readonly PooledMeasure[],
  options: BootstrapOptions = {},
): ToneInterval[] {
  const n = articles.length;
  const holders = measures.map((m) => articles.filter((a) => sentencesIn(a, m) > 0).length);
  if (n < 2 || holders.every((h) => h < 2)) return measures.map(() => null);
  const { resamples, seed } = bootstrapSettings(options);
  const draws = groupResamples(grouping, group, n, { ...options, resamples, seed });
  const weighted = new Float64Array(resamples * slots);
  const weights = new Float64Array(resamples * slots);
  for (let r = 0, base = 0; r < resamples; r++, base += n)
    for (let m = 0; m < n; m++) {
      const d = draws[base + m]!;
      if (!d) continue;
      for (const [slot, sum] of articles[m]!) {
        weighted[r * slots + slot]! += d * sum[1];
        weights[r * slots + slot]! += d * sum[2];
      }
    }
  const total = (array: Float64Array | readonly number[], at: number, m: PooledMeasure) =>
    m.plus.reduce((s, slot) => s + array[at + slot]!, 0) - (m.minus ?? []).reduce((s, slot) => s + array[at + slot]!, 0);
  return measures.map((measure, j) => {
    if (holders[j]! < 2) return null;
    const whole = [0, 0];
    for (const article of articles)
      for (const [slot, sum] of article) {
        const sign = measure.plus.includes(slot) ? 1 : measure.minus?.includes(slot) ? -1 : 0;
        whole[0]! += sign * sum[1];
        whole[1]! += sign * sum[2];
      }
    const mean = whole[1]! > 0 ? whole[0]! / whole[1]! : 0;
    const results = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      const w = total(weights, r * slots, measure);
      // Sums of differences can leave a rounding residue where no sentence was drawn: below 1e-9 is none.
      results[r] = w > 1e-9 ? total(weighted, r * slots, measure) / w : mean;
    }
    const { low, high } = percentileInterval(results);
    return { low: round6(low), high: round6(high) };
  });
}

/** How many sentences an article has in a measure (its plus slots' sentences less its minus slots'). */
function sentencesIn(article: SlottedTone, measure: PooledMeasure): number {
  let sentences = 0;
  for (const [slot, sum] of article) {
    if (measure.plus.includes(slot)) sentences += sum[0];
    else if (measure.minus?.includes(slot)) sentences -= sum[0];
  }
  return sentences;
}
