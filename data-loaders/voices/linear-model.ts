/**
 * A binary linear model over named features (logistic regression): the score of an item is the bias plus
 * the weights of the features it has, its probability the logistic of that score. Every feature has a name
 * a reader can understand ("word=said", "after-closing-quote"), so a decision is explained by listing the
 * features that weigh most in it.
 */

/** A fitted model: a bias and a weight per feature name; a feature without a weight weighs 0. */
export interface LinearModel {
  readonly bias: number;
  readonly weights: ReadonlyMap<string, number>;
}

/** One feature's share of a decision. */
export interface FeatureWeight {
  readonly feature: string;
  readonly weight: number;
}

/**
 * The model's score for an item with these features: bias plus the sum of their weights, added in the
 * order given (so the same features in the same order give the same number on every machine).
 * @example linearScore({ bias: -1, weights: new Map([["word=said", 3]]) }, ["word=said", "tag=VERB"]) // 2
 */
export function linearScore(model: LinearModel, features: readonly string[]): number {
  let score = model.bias;
  for (const feature of features) score += model.weights.get(feature) ?? 0;
  return score;
}

/** The logistic function: a score as a probability. */
export function logistic(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

/**
 * The `count` features that weigh most in a decision, by absolute weight (ties by name), without those the
 * model gives no weight: what a tooltip names as the reasons.
 * @example strongestFeatures({ bias: 0, weights: new Map([["a", 0.5], ["b", -2]]) }, ["a", "b", "c"], 2) // [{ feature: "b", weight: -2 }, { feature: "a", weight: 0.5 }]
 */
export function strongestFeatures(model: LinearModel, features: readonly string[], count: number): FeatureWeight[] {
  // The first `count` in that order, kept sorted as the features are read: no set, no sort of them all.
  const out: FeatureWeight[] = [];
  for (const feature of features) {
    const weight = model.weights.get(feature);
    if (!weight) continue;
    let at = out.length;
    while (at > 0 && strongerThan(feature, weight, out[at - 1]!)) at--;
    // Ties by name are broken, so a feature met again sorts right after itself: skip it.
    if ((at > 0 && out[at - 1]!.feature === feature) || at >= count) continue;
    out.splice(at, 0, { feature, weight });
    if (out.length > count) out.pop();
  }
  return out;
}

/** Whether a feature weighs more than `other` (by absolute weight, ties by name): strongestFeatures' order. */
function strongerThan(feature: string, weight: number, other: FeatureWeight): boolean {
  const difference = Math.abs(weight) - Math.abs(other.weight);
  return difference > 0 || (difference === 0 && feature < other.feature);
}

/** A number rounded to three decimals, for the record (the same bytes on every machine). */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000 + 0;
}
