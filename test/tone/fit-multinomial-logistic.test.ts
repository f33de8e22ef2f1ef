import { describe, expect, it } from "vitest";
import type { MulticlassItem } from "../../data-loaders/tone/fit-multiclass.ts";
import { fitMultinomialLogistic } from "../../data-loaders/tone/fit-multinomial-logistic.ts";

const settings = { c: 1, iterations: 500, memory: 10, decimals: 6 } as const;
// Eight items over features a, b, c (zeros left out) and their classes.
const rows = [
  [[1, 0, 0], 0],
  [[1, 0.5, 0], 0],
  [[0, 1, 0], 1],
  [[0, 1, 1], 1],
  [[0, 0, 1], 2],
  [[0.5, 0, 1], 2],
  [[1, 1, 0], 0],
  [[0, 0.5, 0.5], 1],
] as const;
const items: MulticlassItem[] = rows.map(([x, label]) => {
  const features = ["a", "b", "c"].filter((_, k) => x[k] !== 0);
  return { features, values: x.filter((v) => v !== 0), label };
});

describe("fitMultinomialLogistic(items, classes, settings)", () => {
  it("agrees with scikit-learn 1.2.1's LogisticRegression(C=1, multinomial, lbfgs) to 3 decimals", () => {
    // Reference: the same eight items fitted by scikit-learn (tol 1e-10); its coef_ by feature, and its
    // intercepts less the first (the softmax does not see a shift shared by the unpenalised constants).
    const reference = {
      a: [0.916722, -0.757534, -0.159188],
      b: [0.011709, 0.633857, -0.645566],
      c: [-0.664053, -0.004058, 0.66811],
    };
    const { bias, weights } = fitMultinomialLogistic(items, 3, settings);
    for (const [feature, expected] of Object.entries(reference))
      expected.forEach((w, k) => expect(weights.get(feature)![k]!).toBeCloseTo(w, 3));
    expect(bias[1]! - bias[0]!).toBeCloseTo(0.196882, 3);
    expect(bias[2]! - bias[0]!).toBeCloseTo(-0.173887, 3);
  });
  it("gives the same weights whatever order an item's features are listed in", () => {
    const swapped = items.map((item) => ({ ...item, features: [...item.features].reverse(), values: [...item.values].reverse() }));
    const fitted = fitMultinomialLogistic(items, 3, settings);
    const again = fitMultinomialLogistic(swapped, 3, settings);
    expect([...again.weights]).toEqual([...fitted.weights]);
    expect(again.bias).toEqual(fitted.bias);
  });
  it("shrinks the weights as C falls (a stronger penalty)", () => {
    const size = (c: number) =>
      [...fitMultinomialLogistic(items, 3, { ...settings, c }).weights.values()].flat().reduce((s, w) => s + w * w, 0);
    expect(size(0.1)).toBeLessThan(size(1));
    expect(size(1)).toBeLessThan(size(10));
  });
});
