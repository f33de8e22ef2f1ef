// The percentile bootstrap shared by rate-statistics.ts and kept-sums.ts: its options and defaults, each
// group's resamples (one PRNG stream per grouping and group) and the 95% interval read from them.
import { quantileSorted } from "simple-statistics";
import { multinomialResamples } from "../portable/seeded-random.ts";

/** How intervals are bootstrapped, and where drawn resamples and computed rows are kept. */
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
   * fingerprint of rate-statistics.ts and the files it imports). A group's key is a SHA-256 of the salt, the table, the grouping and
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

/** The bootstrap settings every interval uses unless told otherwise. */
const DEFAULT_BOOTSTRAP: Required<Pick<BootstrapOptions, "resamples" | "seed">> = { resamples: 2000, seed: 20261122 };

/** The options with their defaults filled in. */
export function bootstrapSettings(options: BootstrapOptions): Required<Pick<BootstrapOptions, "resamples" | "seed">> {
  return { resamples: options.resamples ?? DEFAULT_BOOTSTRAP.resamples, seed: options.seed ?? DEFAULT_BOOTSTRAP.seed };
}

/** A 32-bit FNV-1a hash of a string, to give every group and category its own PRNG stream. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The bootstrap resamples of one group of `n` articles, as multiplicities: resample r is
 * `draws[r·n … (r+1)·n)`, where entry m says how often article m was drawn in n draws with replacement.
 * One PRNG stream per grouping and group (seeded from `seed` and their names), so the same group always has
 * the same resamples and adding a group does not move another's. Multiplicities are bytes: a count above
 * 255 needs 256 of n draws to hit one article (impossible below 256 articles; for more, a chance below
 * 10⁻⁴⁰⁰).
 */
export function groupResamples(
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

/** The 2.5% and 97.5% quantiles of bootstrap results (sorted in place). */
export function percentileInterval(results: Float64Array): { low: number; high: number } {
  results.sort();
  const sorted = results as unknown as number[];
  return { low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
}
