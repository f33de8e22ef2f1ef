import { describe, expect, it } from "vitest";
import { accuracy, bestClassBounds, classBy, macroF1, pearson, polarity } from "../../data-loaders/tone/evaluate-sentiment.ts";

describe("evaluation metrics", () => {
  it("polarity(score, threshold) has a neutral band", () => {
    expect([polarity(0.2, 0.05), polarity(-0.06, 0.05), polarity(0.05, 0.05), polarity(0, 0)]).toEqual(["pos", "neg", "neu", "neu"]);
  });
  it("macroF1 agrees with a hand computation", () => {
    // pos: tp 1, fp 1, fn 0 → P 0.5, R 1, F1 2/3; neg: tp 0, fn 1 → F1 0.
    expect(macroF1(["pos", "neg"], ["pos", "pos"], ["pos", "neg"])).toBeCloseTo(1 / 3, 12);
    expect(macroF1(["pos", "neg", "neu"], ["pos", "neg", "neu"], ["pos", "neg", "neu"])).toBe(1);
  });
  it("counts a neutral prediction as a miss on a two-class task", () => {
    expect(accuracy(["pos", "neg"], ["neu", "neg"])).toBe(0.5);
    // pos: tp 0, fn 1 → F1 0; neg: tp 1, fp 0, fn 0 → F1 1.
    expect(macroF1(["pos", "neg"], ["neu", "neg"], ["pos", "neg"])).toBeCloseTo(0.5, 12);
  });
  it("pearson agrees with a hand computation (perfect and known correlation)", () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    // x = 1..4, y = 1,3,2,4: cov = 4/3, sd_x = sd_y = sqrt(5/3) → r = 0.8
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
  });
});

describe("bestClassBounds(scores, gold) and classBy(score, bounds)", () => {
  it("classBy puts a score on a bound in the neutral class", () => {
    const bounds = { negative: -0.2, positive: 0.5 };
    expect([0.6, 0.5, -0.2, -0.3].map((s) => classBy(s, bounds))).toEqual(["pos", "neu", "neu", "neg"]);
  });
  it("finds bounds that separate separable classes, among the scores' percentiles", () => {
    const scores = [-0.9, -0.7, -0.5, 0, 0.1, 0.2, 0.8, 0.9];
    const gold = ["neg", "neg", "neg", "neu", "neu", "neu", "pos", "pos"] as const;
    const bounds = bestClassBounds(scores, gold);
    expect(scores.map((s) => classBy(s, bounds))).toEqual(gold);
    expect(scores).toContain(bounds.negative);
    expect(scores).toContain(bounds.positive);
  });
  it("chooses the most accurate bounds when the classes overlap", () => {
    // One neutral item scores above a positive one: no bounds classify all eight; seven is the best.
    const scores = [-0.9, -0.7, -0.5, 0, 0.1, 0.85, 0.8, 0.9];
    const gold = ["neg", "neg", "neg", "neu", "neu", "neu", "pos", "pos"] as const;
    expect(
      accuracy(
        gold,
        scores.map((s) => classBy(s, bestClassBounds(scores, gold))),
      ),
    ).toBe(7 / 8);
  });
});
