import { compareIds } from "../common/compare-ids.ts";
import { mulberry32, shuffleInPlace } from "../portable/seeded-random.ts";
import type { FitSettings } from "../voices/fit-logistic.ts";

/** One training item for a model over several classes: its features, one value each, and its class (0, 1, …). */
export interface MulticlassItem {
  readonly features: readonly string[];
  readonly values: readonly number[];
  readonly label: number;
}

/**
 * A fitted linear model over `classes` classes: a bias and, per feature, a weight per class. An item's
 * class score is the bias plus the sum of its features' values times their weights; its class the argmax.
 */
export interface MulticlassModel {
  readonly bias: readonly number[];
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

/**
 * How a multiclass model is fitted: the binary fitter's settings and the loss, `softmax` (multinomial
 * logistic regression) or `hinge` (the multiclass hinge of Crammer & Singer 2001: a linear SVM over all
 * classes at once).
 */
export interface MulticlassSettings extends FitSettings {
  readonly loss: "softmax" | "hinge";
}

/** The gradient of the loss by each class score, for an item whose class scores are `scores`. */
function lossGradient(scores: Float64Array, label: number, loss: MulticlassSettings["loss"]): Float64Array {
  const gradient = new Float64Array(scores.length);
  if (loss === "softmax") {
    const top = Math.max(...scores);
    let sum = 0;
    for (let c = 0; c < scores.length; c++) sum += gradient[c] = Math.exp(scores[c]! - top);
    for (let c = 0; c < scores.length; c++) gradient[c] = gradient[c]! / sum - (c === label ? 1 : 0);
    return gradient;
  }
  let rival = -1;
  for (let c = 0; c < scores.length; c++) if (c !== label && (rival < 0 || scores[c]! > scores[rival]!)) rival = c;
  if (1 + scores[rival]! - scores[label]! > 0) {
    gradient[rival] = 1;
    gradient[label] = -1;
  }
  return gradient;
}

/**
 * Fits a linear model over several classes by stochastic gradient descent with AdaGrad steps (Duchi, Hazan
 * & Singer 2011) and an L2 penalty on the weights an item touches, visiting the items in a seeded random
 * order (mulberry32, reshuffled each epoch), as fitLogistic does for two classes: the same items and
 * settings give the same weights on every machine. Features are numbered in code-unit order of their
 * names; a feature in fewer than `minCount` items is left out; weights are rounded to `decimals` and a
 * feature whose weights all round to 0 is dropped.
 * @example fitMulticlass([{ features: ["a"], values: [1], label: 0 }, { features: ["b"], values: [1], label: 1 }], 2, { loss: "softmax", epochs: 20, l2: 0, step: 0.5, minCount: 1, decimals: 3, seed: 1 }).weights.get("a")![0]! > 0 // true
 */
export function fitMulticlass(items: readonly MulticlassItem[], classes: number, settings: MulticlassSettings): MulticlassModel {
  const counts = new Map<string, number>();
  for (const item of items) for (const f of new Set(item.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= settings.minCount).sort(compareIds);
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = items.map((item) => {
    const summed = new Map<number, number>();
    item.features.forEach((f, k) => {
      const c = index.get(f);
      if (c !== undefined) summed.set(c, (summed.get(c) ?? 0) + item.values[k]!);
    });
    const columns = Int32Array.from(summed.keys()).sort();
    return { columns, values: Float64Array.from(columns, (c) => summed.get(c)!), label: item.label };
  });
  const weights = new Float64Array(names.length * classes);
  const squares = new Float64Array(names.length * classes).fill(1e-8);
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes).fill(1e-8);
  const random = mulberry32(settings.seed);
  const order = Array.from(rows.keys());
  const scores = new Float64Array(classes);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) {
      const { columns, values, label } = rows[r]!;
      scores.set(bias);
      for (let k = 0; k < columns.length; k++)
        for (let c = 0; c < classes; c++) scores[c] = scores[c]! + weights[columns[k]! * classes + c]! * values[k]!;
      const gradient = lossGradient(scores, label, settings.loss);
      for (let c = 0; c < classes; c++) {
        biasSquares[c] = biasSquares[c]! + gradient[c]! * gradient[c]!;
        bias[c] = bias[c]! - (settings.step * gradient[c]!) / Math.sqrt(biasSquares[c]!);
        for (let k = 0; k < columns.length; k++) {
          const at = columns[k]! * classes + c;
          const g = gradient[c]! * values[k]! + settings.l2 * weights[at]!;
          squares[at] = squares[at]! + g * g;
          weights[at] = weights[at]! - (settings.step * g) / Math.sqrt(squares[at]!);
        }
      }
    }
  }
  return roundedModel(names, weights, bias, classes, settings.decimals);
}

/**
 * A fitted model as shipped: every weight and bias rounded to `decimals` places (−0 made 0), and a feature
 * kept only when one of its `classes` weights (at `weights[i * classes …]`, in `names`' order) is not 0.
 */
export function roundedModel(
  names: readonly string[],
  weights: Float64Array,
  bias: ArrayLike<number>,
  classes: number,
  decimals: number,
): MulticlassModel {
  const scale = 10 ** decimals;
  const round = (x: number) => Math.round(x * scale) / scale + 0;
  const kept = new Map<string, number[]>();
  names.forEach((name, i) => {
    const w = Array.from(weights.subarray(i * classes, (i + 1) * classes), round);
    if (w.some((x) => x !== 0)) kept.set(name, w);
  });
  return { bias: Array.from(bias, round), weights: kept };
}
