// Keyness: which words and phrases a group of articles uses more (or less) than a reference, from the
// frequency lists the build publishes (data-loaders/compare/keyness-lists.ts). The statistic is the
// log-likelihood G² of the 2 × 2 table (Dunning 1993; AntConc's and quanteda's "lr" without correction),
// signed + for over-use; the effect size is Log Ratio, the binary log of the ratio of relative frequencies
// (Hardie 2014), with a zero frequency counted as 0.5.
import type { FrequencyList } from "../../data-loaders/schema/site-outputs.ts";

/** a ln(a / e), with 0 ln 0 = 0. */
const term = (observed: number, expected: number) => (observed > 0 ? observed * Math.log(observed / expected) : 0);

/**
 * Signed G² for a feature used `a` times in a target of `c` tokens and `b` times in a reference of `d`
 * tokens: 2 Σ O ln(O / E) over the four cells (the feature and every other token, in each corpus),
 * positive when the target uses it more often relative to its size.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  const n = c + d;
  const used = a + b;
  const g2 =
    2 * (term(a, (c * used) / n) + term(b, (d * used) / n) + term(c - a, (c * (n - used)) / n) + term(d - b, (d * (n - used)) / n));
  const sign = a / c >= b / d ? 1 : -1;
  return sign * Math.max(0, g2);
}

/** Log Ratio: log2 of the target's relative frequency over the reference's, a zero counted as 0.5. */
export function logRatio(a: number, b: number, c: number, d: number): number {
  return Math.log2((a || 0.5) / c / ((b || 0.5) / d));
}

/**
 * The complementary error function, with a relative error below 1.2e-7 everywhere (the Chebyshev fit of
 * Press et al., Numerical Recipes, 2nd ed., §6.2), so that tiny p values keep their digits where 1 − erf
 * would round to 0.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** The p value of |G²| on one degree of freedom: P(χ²₁ ≥ G²) = erfc(√(G² / 2)). */
export function pValue(g2: number): number {
  return Math.min(1, erfc(Math.sqrt(Math.abs(g2) / 2)));
}

/** The reference "the rest": the corpus list minus the target's (same language). */
export function restOf(corpus: FrequencyList, target: FrequencyList): FrequencyList {
  const inTarget = new Map(target.features.map(([f, n, docs]) => [f, [n, docs] as const]));
  return {
    language: corpus.language,
    articles: corpus.articles - target.articles,
    tokens: corpus.tokens - target.tokens,
    features: corpus.features.map(([f, n, docs]) => {
      const t = inTarget.get(f);
      return [f, n - (t?.[0] ?? 0), docs - (t?.[1] ?? 0)] as [string, number, number];
    }),
  };
}

export interface KeynessRow {
  readonly feature: string;
  /** Occurrences and articles in the target, and occurrences per 10,000 tokens. */
  readonly target: number;
  readonly targetArticles: number;
  readonly targetPer10k: number;
  readonly reference: number;
  readonly referenceArticles: number;
  readonly referencePer10k: number;
  readonly g2: number;
  readonly p: number;
  readonly logRatio: number;
}

export interface KeynessOptions {
  /** Least occurrences in the corpus side a feature is key for (the target for over-use, the reference for under-use). */
  readonly minFrequency: number;
  /** Least articles of that side that use it. */
  readonly minArticles: number;
  /** Largest p value shown (e.g. 0.01; with `bonferroni`, divided by the number of features tested). */
  readonly alpha: number;
  readonly bonferroni: boolean;
  /** Which features: single words, two-word phrases, or both. */
  readonly features: "words" | "phrases" | "both";
}

/**
 * Every feature of either list, scored; then the over-used (G² > 0) and under-used (G² < 0) ones that pass
 * the minimum frequency and range and the significance level, strongest first (by |G²|, then Log Ratio,
 * then the feature, so the order is fixed).
 */
export function keyness(
  target: FrequencyList,
  reference: FrequencyList,
  options: KeynessOptions,
): { tested: number; over: KeynessRow[]; under: KeynessRow[] } {
  const kind = (feature: string) => (feature.includes(" ") ? "phrases" : "words");
  const counts = new Map<string, [number, number, number, number]>();
  for (const [f, n, docs] of target.features) counts.set(f, [n, docs, 0, 0]);
  for (const [f, n, docs] of reference.features) {
    const entry = counts.get(f) ?? [0, 0, 0, 0];
    entry[2] = n;
    entry[3] = docs;
    counts.set(f, entry);
  }
  const rows: KeynessRow[] = [];
  for (const [feature, [a, aDocs, b, bDocs]] of counts) {
    if (a + b === 0 || (options.features !== "both" && kind(feature) !== options.features)) continue;
    const g2 = logLikelihood(a, b, target.tokens, reference.tokens);
    rows.push({
      feature,
      target: a,
      targetArticles: aDocs,
      targetPer10k: (10_000 * a) / target.tokens,
      reference: b,
      referenceArticles: bDocs,
      referencePer10k: (10_000 * b) / reference.tokens,
      g2,
      p: pValue(g2),
      logRatio: logRatio(a, b, target.tokens, reference.tokens),
    });
  }
  const alpha = options.bonferroni ? options.alpha / Math.max(rows.length, 1) : options.alpha;
  const order = (x: KeynessRow, y: KeynessRow) =>
    Math.abs(y.g2) - Math.abs(x.g2) ||
    Math.abs(y.logRatio) - Math.abs(x.logRatio) ||
    (x.feature < y.feature ? -1 : x.feature > y.feature ? 1 : 0);
  const over = rows
    .filter((r) => r.g2 > 0 && r.p < alpha && r.target >= options.minFrequency && r.targetArticles >= options.minArticles)
    .sort(order);
  const under = rows
    .filter((r) => r.g2 < 0 && r.p < alpha && r.reference >= options.minFrequency && r.referenceArticles >= options.minArticles)
    .sort(order);
  return { tested: rows.length, over, under };
}
