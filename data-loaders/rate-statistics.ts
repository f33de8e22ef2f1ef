import { quantileSorted } from "simple-statistics";
import { mulberry32 } from "./seeded-random.ts";

/** One article's counts: how many occurrences of each category (frame or device) in how many words. */
export interface ArticleCounts {
  readonly id: string;
  readonly words: number;
  readonly counts: Readonly<Record<string, number>>;
  /** The article's value for each grouping, e.g. { language: "nl", provenance: "origin-line" }. */
  readonly groups: Readonly<Record<string, string>>;
}

/** A rate per 1,000 words for one group and category, with a bootstrap interval over articles. */
export interface RateRow {
  readonly grouping: string;
  readonly group: string;
  readonly category: string;
  readonly articles: number;
  readonly words: number;
  readonly count: number;
  /** Occurrences per 1,000 words, pooled over the group's articles: 1000 × Σcount / Σwords. */
  readonly rate: number;
  /** 95% percentile bootstrap interval of the pooled rate; null with fewer than 2 articles. */
  readonly low: number | null;
  readonly high: number | null;
}

export interface BootstrapOptions {
  /** Resamples per interval (default 2000). */
  readonly resamples?: number;
  /** PRNG seed (default 20261122); with the same data and seed, intervals are identical run to run. */
  readonly seed?: number;
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
  const resamples = options.resamples ?? 2000;
  const seed = options.seed ?? 20261122;
  const byGroup = new Map<string, ArticleCounts[]>();
  for (const article of articles) {
    const group = article.groups[grouping] ?? "not recorded";
    const list = byGroup.get(group);
    if (list) list.push(article);
    else byGroup.set(group, [article]);
  }
  const rows: RateRow[] = [];
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const group of [...byGroup.keys()].sort(compare)) {
    const members = byGroup.get(group)!;
    const words = members.reduce((sum, a) => sum + a.words, 0);
    for (const category of [...categories].sort(compare)) {
      const count = members.reduce((sum, a) => sum + (a.counts[category] ?? 0), 0);
      const rate = words > 0 ? (1000 * count) / words : 0;
      let low: number | null = null;
      let high: number | null = null;
      if (members.length >= 2) {
        const random = mulberry32(seed ^ hash(`${grouping}\u0000${group}\u0000${category}`));
        const rates = new Array<number>(resamples);
        for (let r = 0; r < resamples; r++) {
          let c = 0;
          let w = 0;
          for (let i = 0; i < members.length; i++) {
            const pick = members[Math.floor(random() * members.length)]!;
            c += pick.counts[category] ?? 0;
            w += pick.words;
          }
          rates[r] = w > 0 ? (1000 * c) / w : 0;
        }
        rates.sort((a, b) => a - b);
        low = quantileSorted(rates, 0.025);
        high = quantileSorted(rates, 0.975);
      }
      rows.push({ grouping, group, category, articles: members.length, words, count, rate, low, high });
    }
  }
  return rows;
}
