import { describe, expect, it } from "vitest";
import { fitMulticlass, type MulticlassItem } from "../../data-loaders/tone/fit-multiclass.ts";

const settings = { epochs: 200, l2: 0, step: 0.5, minCount: 1, decimals: 3, seed: 1 } as const;

describe("fitMulticlass(items, classes, settings)", () => {
  it("reaches the multinomial maximum-likelihood constants ln(n_c / n_c') when items have no features", () => {
    // Class counts 4, 2, 1: the fitted softmax probabilities are the class shares (Agresti 2013, §8.1).
    const items: MulticlassItem[] = [0, 0, 0, 0, 1, 1, 2].map((label) => ({ features: [], values: [], label }));
    const { bias } = fitMulticlass(items, 3, { ...settings, loss: "softmax" });
    expect(bias[0]! - bias[1]!).toBeCloseTo(Math.log(2), 1);
    expect(bias[1]! - bias[2]!).toBeCloseTo(Math.log(2), 1);
  });
  it("separates classes each marked by its own feature, with the softmax and with the multiclass hinge", () => {
    const items: MulticlassItem[] = ["a", "b", "c", "a", "b", "c"].map((f, i) => ({ features: [f], values: [1], label: i % 3 }));
    for (const loss of ["softmax", "hinge"] as const) {
      const { weights } = fitMulticlass(items, 3, { ...settings, epochs: 30, loss });
      ["a", "b", "c"].forEach((f, c) => {
        const w = weights.get(f)!;
        expect(w.indexOf(Math.max(...w))).toBe(c);
      });
    }
  });
  it("gives the same weights for the same items and seed, whatever order the features are listed in", () => {
    const items: MulticlassItem[] = [
      { features: ["a", "b"], values: [1, 0.5], label: 0 },
      { features: ["b", "c"], values: [0.5, 1], label: 2 },
      { features: ["a"], values: [1], label: 1 },
    ];
    const swapped = items.map((item) => ({ ...item, features: [...item.features].reverse(), values: [...item.values].reverse() }));
    const fit = (list: MulticlassItem[]) => fitMulticlass(list, 3, { ...settings, epochs: 10, loss: "softmax" });
    expect([...fit(swapped).weights]).toEqual([...fit(items).weights]);
  });
});
