import { sampleCorrelation } from "simple-statistics";

/** A predicted or gold class. */
export type Polarity = "pos" | "neg" | "neu";

/**
 * The class of a score with a neutral band: above `threshold` positive, below `-threshold` negative, else
 * neutral. VADER's paper uses ±0.05 on its [-1, 1] compound score.
 * @example polarity(0.2, 0.05) // "pos"
 */
export function polarity(score: number, threshold: number): Polarity {
  return score > threshold ? "pos" : score < -threshold ? "neg" : "neu";
}

/**
 * The class of a score by two bounds: above `positive` positive, below `negative` negative, else neutral.
 * @example classBy(0.3, { negative: -0.2, positive: 0.5 }) // "neu"
 */
export function classBy(score: number, bounds: { readonly negative: number; readonly positive: number }): Polarity {
  return score > bounds.positive ? "pos" : score < bounds.negative ? "neg" : "neu";
}

/**
 * The class bounds that classify `scores` most accurately against `gold`, both chosen among the scores'
 * percentiles 0, 1, …, 100 (rounded to 4 decimals, so the bounds are short numbers): a grid search over
 * 101 × 101 pairs, ties to the first found (lowest negative bound, then lowest positive bound).
 * @example bestClassBounds([-1, 0, 1], ["neg", "neu", "pos"]) // { negative: 0, positive: 0 }
 */
export function bestClassBounds(scores: readonly number[], gold: readonly Polarity[]): { negative: number; positive: number } {
  const sorted = [...scores].sort((a, b) => a - b);
  const percentile = (p: number) => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(4));
  const grid = [...new Set(Array.from({ length: 101 }, (_, p) => percentile(p)))];
  let best = { negative: 0, positive: 0, hits: -1 };
  for (const negative of grid) {
    for (const positive of grid) {
      if (positive < negative) continue;
      let hits = 0;
      for (let i = 0; i < scores.length; i++) if (classBy(scores[i]!, { negative, positive }) === gold[i]) hits++;
      if (hits > best.hits) best = { negative, positive, hits };
    }
  }
  return { negative: best.negative, positive: best.positive };
}

/** Share of items whose predicted class equals the gold class. */
export function accuracy(gold: readonly Polarity[], predicted: readonly Polarity[]): number {
  let hits = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) hits++;
  return gold.length ? hits / gold.length : Number.NaN;
}

/**
 * Macro-averaged F1 over `classes`: the unweighted mean of each class's F1 (2PR / (P + R), 0 when a class is
 * never predicted or never present). Predictions outside `classes` (e.g. "neu" on a two-class task) count as
 * misses.
 * @example macroF1(["pos", "neg"], ["pos", "pos"], ["pos", "neg"]) // (2/3 + 0) / 2
 */
export function macroF1(gold: readonly Polarity[], predicted: readonly Polarity[], classes: readonly Polarity[]): number {
  const f1s = classes.map((c) => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}

/** Pearson's r between two equally long series (simple-statistics' sampleCorrelation). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  return sampleCorrelation([...x], [...y]);
}
