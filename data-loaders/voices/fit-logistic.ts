import { compareIds } from "../common/compare-ids.ts";
import { mulberry32, shuffleInPlace } from "../portable/seeded-random.ts";
import { logistic, type LinearModel } from "./linear-model.ts";

/**
 * One training item: the names of its features and whether it is a positive case. Without `values` every
 * feature the item names is present once (a name listed twice still counts once); with `values` (one per
 * name) a feature's value is the sum of the values given for its name, so a count or a score can be a
 * feature.
 */
export interface TrainingItem {
  readonly features: readonly string[];
  readonly values?: readonly number[];
  readonly positive: boolean;
}

/** How a model is fitted; every field is written into the weights file's provenance. */
export interface FitSettings {
  /** Passes over the items. */
  readonly epochs: number;
  /** L2 penalty per item on the weights an item touches (not the bias). */
  readonly l2: number;
  /** AdaGrad's base step. */
  readonly step: number;
  /** A feature seen in fewer items is left out of the model. */
  readonly minCount: number;
  /** Weights are rounded to this many decimals, and those that round to 0 are dropped. */
  readonly decimals: number;
  /** The seed of the order items are visited in (mulberry32, reshuffled each epoch). */
  readonly seed: number;
}

/**
 * Fits a logistic regression by stochastic gradient descent with AdaGrad steps (Duchi, Hazan & Singer
 * 2011) and an L2 penalty, visiting the items in a seeded random order: the same items and settings give
 * the same weights on every machine. Features are numbered in code-unit order of their names, so the
 * order items list their features in does not matter to the result beyond floating-point addition.
 * @example fitLogistic([{ features: ["a"], positive: true }, { features: ["b"], positive: false }], { epochs: 20, l2: 0, step: 0.5, minCount: 1, decimals: 3, seed: 1 }).weights.get("a")! > 0 // true
 */
export function fitLogistic(items: readonly TrainingItem[], settings: FitSettings): LinearModel {
  const counts = new Map<string, number>();
  for (const item of items) for (const f of new Set(item.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= settings.minCount).sort(compareIds);
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = items.map((item) => {
    if (!item.values) {
      const columns = Int32Array.from(new Set(item.features.map((f) => index.get(f) ?? -1).filter((i) => i >= 0))).sort();
      return { columns, values: new Float64Array(columns.length).fill(1), target: item.positive ? 1 : 0 };
    }
    const summed = new Map<number, number>();
    item.features.forEach((f, k) => {
      const c = index.get(f);
      if (c !== undefined) summed.set(c, (summed.get(c) ?? 0) + item.values![k]!);
    });
    const columns = Int32Array.from(summed.keys()).sort();
    return { columns, values: Float64Array.from(columns, (c) => summed.get(c)!), target: item.positive ? 1 : 0 };
  });
  const weights = new Float64Array(names.length);
  const squares = new Float64Array(names.length).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  const random = mulberry32(settings.seed);
  const order = Array.from(rows.keys());
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) {
      const { columns, values, target } = rows[r]!;
      let score = bias;
      // A value of 1 multiplies exactly, so features without values fit as they always did.
      for (let k = 0; k < columns.length; k++) score += weights[columns[k]!]! * values[k]!;
      const gradient = logistic(score) - target;
      biasSquares += gradient * gradient;
      bias -= (settings.step * gradient) / Math.sqrt(biasSquares);
      for (let k = 0; k < columns.length; k++) {
        const c = columns[k]!;
        const g = gradient * values[k]! + settings.l2 * weights[c]!;
        squares[c] = squares[c]! + g * g;
        weights[c] = weights[c]! - (settings.step * g) / Math.sqrt(squares[c]!);
      }
    }
  }
  const scale = 10 ** settings.decimals;
  const round = (x: number) => Math.round(x * scale) / scale + 0;
  const kept = new Map<string, number>();
  names.forEach((name, i) => {
    const w = round(weights[i]!);
    if (w !== 0) kept.set(name, w);
  });
  return { bias: round(bias), weights: kept };
}
