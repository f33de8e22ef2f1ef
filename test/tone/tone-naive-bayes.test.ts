import { describe, expect, it } from "vitest";
import { fitComplementNaiveBayes, logCountRatios } from "../../scripts/tone-naive-bayes.ts";

// Four invented items over two features: "goed" in both class-2 items and one class-0 item, "slecht" in both class-0 items.
const items = [
  { features: ["goed"], values: [1], label: 2 },
  { features: ["goed"], values: [1], label: 2 },
  { features: ["slecht", "goed"], values: [0.6, 0.8], label: 0 },
  { features: ["slecht"], values: [1], label: 0 },
];

describe("logCountRatios(items, label, alpha) (Wang & Manning 2012, §2.1)", () => {
  it("is ln((p / ‖p‖₁) / (q / ‖q‖₁)) over the items the feature occurs in, worked by hand", () => {
    // Class 2 against the rest, α = 1: p = (goed 1 + 2, slecht 1 + 0) = (3, 1), q = (1 + 1, 1 + 2) = (2, 3).
    const r = logCountRatios(items, 2, 1);
    expect(r.get("goed")).toBeCloseTo(Math.log(3 / 4 / (2 / 5)), 12);
    expect(r.get("slecht")).toBeCloseTo(Math.log(1 / 4 / (3 / 5)), 12);
  });
});

describe("fitComplementNaiveBayes(items, classes, alpha) (Rennie et al. 2003)", () => {
  it("weighs each class by the normalised log of its complement's feature shares, worked by hand", () => {
    const { bias, weights } = fitComplementNaiveBayes(items, 3, 1);
    expect(bias).toEqual([0, 0, 0]);
    // Class 2's complement (class 0's items): goed 0.8, slecht 1.6; θ = (1 + 0.8) / (2 + 2.4), (1 + 1.6) / 4.4.
    const [goed, slecht] = [Math.log(1.8 / 4.4), Math.log(2.6 / 4.4)];
    const norm = Math.abs(goed) + Math.abs(slecht);
    expect(weights.get("goed")![2]).toBeCloseTo(-goed / norm, 12);
    expect(weights.get("slecht")![2]).toBeCloseTo(-slecht / norm, 12);
    // A class with no items has all of them as its complement: goed 2.8, slecht 1.6 of 4.4.
    expect(weights.get("goed")![1]).toBeCloseTo(-Math.log(3.8 / 6.4) / (Math.abs(Math.log(3.8 / 6.4)) + Math.abs(Math.log(2.6 / 6.4))), 12);
  });
});
