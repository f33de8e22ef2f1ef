import { compareIds } from "../common/compare-ids.ts";
import { roundedModel, type MulticlassItem, type MulticlassModel } from "./fit-multiclass.ts";

/** How fitMultinomialLogistic fits: the inverse penalty `c` (scikit-learn's C), the iteration cap, the L-BFGS memory and the rounding. */
export interface MultinomialSettings {
  readonly c: number;
  readonly iterations: number;
  readonly memory: number;
  readonly decimals: number;
}

/** Items as sparse rows over features numbered in code-unit order of their names (a feature's values summed within an item). */
function sparseRows(items: readonly MulticlassItem[]) {
  const names = [...new Set(items.flatMap((item) => item.features))].sort(compareIds);
  const index = new Map(names.map((name, i) => [name, i]));
  const rows = items.map((item) => {
    const summed = new Map<number, number>();
    item.features.forEach((f, k) => summed.set(index.get(f)!, (summed.get(index.get(f)!) ?? 0) + item.values[k]!));
    const columns = Int32Array.from(summed.keys()).sort();
    return { columns, values: Float64Array.from(columns, (c) => summed.get(c)!), label: item.label };
  });
  return { names, rows };
}

const dot = (a: Float64Array, b: Float64Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

type Rows = ReturnType<typeof sparseRows>["rows"];

/**
 * The objective C × Σ −ln P(item's class) + ½‖W‖² of `rows` as a function of x (the weights, feature by
 * feature and class by class, then the class constants), writing its gradient into `gradient`.
 */
function multinomialObjective(rows: Rows, classes: number, c: number, size: number) {
  const scores = new Float64Array(classes);
  return (x: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    for (const { columns, values, label } of rows) {
      for (let k = 0; k < classes; k++) scores[k] = x[size + k]!;
      for (let j = 0; j < columns.length; j++)
        for (let k = 0; k < classes; k++) scores[k] = scores[k]! + x[columns[j]! * classes + k]! * values[j]!;
      let top = scores[0]!;
      for (let k = 1; k < classes; k++) top = Math.max(top, scores[k]!);
      let total = 0;
      for (let k = 0; k < classes; k++) total += Math.exp(scores[k]! - top);
      loss += top + Math.log(total) - scores[label]!;
      for (let k = 0; k < classes; k++) {
        const residual = c * (Math.exp(scores[k]! - top) / total - (k === label ? 1 : 0));
        gradient[size + k] = gradient[size + k]! + residual;
        for (let j = 0; j < columns.length; j++) {
          const at = columns[j]! * classes + k;
          gradient[at] = gradient[at]! + residual * values[j]!;
        }
      }
    }
    let penalty = 0;
    for (let i = 0; i < size; i++) {
      penalty += x[i]! * x[i]!;
      gradient[i] = gradient[i]! + x[i]!;
    }
    return c * loss + penalty / 2;
  };
}

/** L-BFGS's two-loop recursion (Nocedal 1980): the direction −H·g from the remembered steps and gradient changes. */
function searchDirection(gradient: Float64Array, steps: readonly Float64Array[], changes: readonly Float64Array[]): Float64Array {
  const direction = Float64Array.from(gradient, (g) => -g);
  const alphas: number[] = [];
  for (let j = steps.length - 1; j >= 0; j--) {
    const alpha = dot(steps[j]!, direction) / dot(changes[j]!, steps[j]!);
    alphas[j] = alpha;
    for (let i = 0; i < direction.length; i++) direction[i] = direction[i]! - alpha * changes[j]![i]!;
  }
  const last = steps.length - 1;
  const gamma =
    last >= 0 ? dot(steps[last]!, changes[last]!) / dot(changes[last]!, changes[last]!) : 1 / Math.sqrt(dot(gradient, gradient));
  for (let i = 0; i < direction.length; i++) direction[i] = direction[i]! * gamma;
  for (let j = 0; j < steps.length; j++) {
    const beta = dot(changes[j]!, direction) / dot(changes[j]!, steps[j]!);
    for (let i = 0; i < direction.length; i++) direction[i] = direction[i]! + (alphas[j]! - beta) * steps[j]![i]!;
  }
  return direction;
}

/**
 * Fits a multinomial logistic regression exactly, as scikit-learn's LogisticRegression(C, solver="lbfgs")
 * does: it minimises C × Σ −ln P(item's class) + ½‖W‖² over the weights W and the class constants (not
 * penalised), by L-BFGS (Nocedal 1980; two-loop recursion, `memory` pairs, backtracking line search with
 * Armijo's condition) from zero, until the largest gradient entry is below 1e-5 × C × items or after
 * `iterations` steps. Every sum runs in a fixed order, so the same items give the same weights on every
 * machine. Unlike fitMulticlass's stochastic steps it penalises every weight at every step, which matters
 * when many features (character n-grams) share each item (issue 30: scripts/tone-reference.py). Features
 * are numbered in code-unit order of their names; weights are rounded to `decimals` and a feature whose
 * weights all round to 0 is dropped.
 * @example fitMultinomialLogistic([{ features: ["a"], values: [1], label: 0 }, { features: ["b"], values: [1], label: 1 }], 2, { c: 10, iterations: 100, memory: 10, decimals: 3 }).weights.get("a")![0]! > 0 // true
 */
export function fitMultinomialLogistic(items: readonly MulticlassItem[], classes: number, settings: MultinomialSettings): MulticlassModel {
  const { names, rows } = sparseRows(items);
  const size = names.length * classes;
  const evaluate = multinomialObjective(rows, classes, settings.c, size);
  const x = new Float64Array(size + classes);
  const gradient = new Float64Array(x.length);
  let value = evaluate(x, gradient);
  const tolerance = 1e-5 * settings.c * rows.length;
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const next = new Float64Array(x.length);
  const nextGradient = new Float64Array(x.length);
  for (let iteration = 0; iteration < settings.iterations; iteration++) {
    let largest = 0;
    for (let i = 0; i < gradient.length; i++) largest = Math.max(largest, Math.abs(gradient[i]!));
    if (largest < tolerance) break;
    const direction = searchDirection(gradient, steps, changes);
    const slope = dot(gradient, direction);
    if (slope >= 0) break;
    // Backtracking until Armijo's sufficient decrease (at most 30 halvings).
    let step = 1;
    let nextValue = Infinity;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < x.length; i++) next[i] = x[i]! + step * direction[i]!;
      nextValue = evaluate(next, nextGradient);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const s = Float64Array.from(next, (v, i) => v - x[i]!);
    const y = Float64Array.from(nextGradient, (g, i) => g - gradient[i]!);
    if (dot(s, y) > 1e-12) {
      steps.push(s);
      changes.push(y);
      if (steps.length > settings.memory) {
        steps.shift();
        changes.shift();
      }
    }
    x.set(next);
    gradient.set(nextGradient);
    value = nextValue;
  }
  return roundedModel(names, x, x.subarray(size), classes, settings.decimals);
}
