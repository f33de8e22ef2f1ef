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
