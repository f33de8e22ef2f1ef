// Each outlet against the rest of the corpus: the rest's pooled rate of every frame and device with a 95%
// interval, and the outlet's difference from it with a 95% interval, read from the whole corpus's resamples.
import { bootstrapSettings, groupResamples, percentileInterval, type BootstrapOptions } from "./bootstrap.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";
import type { RestRate } from "../schema/outlet-outputs.ts";

/** An outlet and the counts of its articles. */
export interface OutletCounts {
  readonly source: string;
  readonly articles: ReadonlyArray<Pick<ArticleSummary, "words" | "frames" | "devices">>;
}

/** The grouping and group whose resamples are drawn: the whole corpus's, as its rate interval draws them. */
const ALL = ["all", "all articles"] as const;

/**
 * For every outlet, every frame and device the corpus uses against the rest of the corpus (all other
 * outlets' articles): the rest's count, words and pooled rate per 1,000 words, and the outlet's rate minus
 * the rest's, each with a 95% percentile bootstrap interval. Each resample draws the corpus's N articles
 * with replacement (groupResamples("all", "all articles", N), the whole corpus's PRNG stream, articles in
 * the order given: outlets, then their articles); the rest's resample is its drawn articles, the
 * outlet's its own, so both sizes vary from resample to resample, each article's multiplicity close to a
 * Poisson(1) count (the Poisson bootstrap: Hanley & MacGibbon 2006, Computer Methods and Programs in
 * Biomedicine 83(1)). A part that drew no words keeps its observed rate. An outlet of one article has no
 * difference interval, a rest of fewer than two articles no interval. Categories by kind ("devices" before
 * "frames") then id, in code-unit order.
 * @example restOfCorpus(outlets)[0].rates[1] // { kind: "frames", category: "hegemon", count: 2, words: 2000, rate: 1, low: 0, high: 2, … }
 */
export function restOfCorpus(
  outlets: readonly OutletCounts[],
  options: BootstrapOptions = {},
): Array<{ source: string; rates: RestRate[] }> {
  const settings = bootstrapSettings(options);
  const keys = categoryKeys(outlets);
  const C = keys.length;
  const slotOf = new Map(keys.map(([kind, category], c) => [`${kind}/${category}`, c]));
  const N = outlets.reduce((n, o) => n + o.articles.length, 0);
  const draws = groupResamples(ALL[0], ALL[1], N, { ...options, ...settings });
  const firsts = outlets.map((_, k) => outlets.slice(0, k).reduce((n, o) => n + o.articles.length, 0));
  const partOf = (k: number) => resampledPart(outlets[k]!.articles, firsts[k]!, N, draws, slotOf, settings.resamples);
  // Pass 1 adds up the corpus's resamples outlet by outlet; pass 2 sums each outlet's again rather than
  // keeping every outlet's sums at once (resamples × categories numbers each).
  const total: Part = { sums: new Float64Array(settings.resamples * (C + 1)), counts: new Float64Array(C + 1) };
  for (let k = 0; k < outlets.length; k++) {
    const part = partOf(k);
    for (let i = 0; i < total.sums.length; i++) total.sums[i]! += part.sums[i]!;
    for (let c = 0; c <= C; c++) total.counts[c]! += part.counts[c]!;
  }
  return outlets.map((outlet, k) => {
    const own = partOf(k);
    const articles = { outlet: outlet.articles.length, rest: N - outlet.articles.length };
    return { source: outlet.source, rates: keys.map(([kind, category], c) => restRate(kind, category, c, C, own, total, articles)) };
  });
}

/** A part of the corpus: its counts and words (words last) in all and in each resample (sums[r·(C + 1) + c]). */
interface Part {
  readonly sums: Float64Array;
  readonly counts: Float64Array;
}

/** One category's row for one outlet: the rest (total less the outlet) and the difference, with intervals. */
function restRate(
  kind: "frames" | "devices",
  category: string,
  c: number,
  C: number,
  own: Part,
  total: Part,
  articles: { outlet: number; rest: number },
): RestRate {
  const rateOf = (count: number, words: number, fallback: number) => (words > 0 ? (1000 * count) / words : fallback);
  const count = total.counts[c]! - own.counts[c]!;
  const words = total.counts[C]! - own.counts[C]!;
  const rate = rateOf(count, words, 0);
  const ownRate = rateOf(own.counts[c]!, own.counts[C]!, 0);
  const resamples = own.sums.length / (C + 1);
  const rest = new Float64Array(resamples);
  const differences = new Float64Array(resamples);
  for (let r = 0, at = 0; r < resamples; r++, at += C + 1) {
    rest[r] = rateOf(total.sums[at + c]! - own.sums[at + c]!, total.sums[at + C]! - own.sums[at + C]!, rate);
    differences[r] = rateOf(own.sums[at + c]!, own.sums[at + C]!, ownRate) - rest[r]!;
  }
  const restInterval = articles.rest >= 2 ? percentileInterval(rest) : null;
  const difference = restInterval && articles.outlet >= 2 ? percentileInterval(differences) : null;
  return {
    kind,
    category,
    count,
    words,
    rate,
    low: restInterval?.low ?? null,
    high: restInterval?.high ?? null,
    difference: ownRate - rate,
    differenceLow: difference?.low ?? null,
    differenceHigh: difference?.high ?? null,
  };
}

/** Every frame and device any article counts, as [kind, id], devices first, then by id. */
function categoryKeys(outlets: readonly OutletCounts[]): Array<["frames" | "devices", string]> {
  const seen = new Set<string>();
  for (const { articles } of outlets)
    for (const a of articles) {
      for (const [id, n] of Object.entries(a.frames)) if (n) seen.add(`frames/${id}`);
      for (const [id, n] of Object.entries(a.devices)) if (n) seen.add(`devices/${id}`);
    }
  return [...seen].sort(compareIds).map((key) => {
    const at = key.indexOf("/");
    return [key.slice(0, at) as "frames" | "devices", key.slice(at + 1)];
  });
}

/** The articles first … first + n − 1 of the corpus's N as a Part, from the corpus's resamples `draws`. */
function resampledPart(
  articles: OutletCounts["articles"],
  first: number,
  N: number,
  draws: Uint8Array,
  slotOf: ReadonlyMap<string, number>,
  resamples: number,
): Part {
  const C = slotOf.size;
  const entries = articles.map((a) => [
    ...Object.entries(a.frames).map(([id, k]) => [slotOf.get(`frames/${id}`), k] as const),
    ...Object.entries(a.devices).map(([id, k]) => [slotOf.get(`devices/${id}`), k] as const),
    [C, a.words] as const,
  ]);
  const counts = new Float64Array(C + 1);
  for (const list of entries) for (const [slot, k] of list) if (slot !== undefined) counts[slot]! += k;
  const sums = new Float64Array(resamples * (C + 1));
  for (let r = 0, base = first; r < resamples; r++, base += N)
    for (let m = 0; m < articles.length; m++) {
      const d = draws[base + m]!;
      if (!d) continue;
      for (const [slot, k] of entries[m]!) if (slot !== undefined) sums[r * (C + 1) + slot]! += d * k;
    }
  return { sums, counts };
}
