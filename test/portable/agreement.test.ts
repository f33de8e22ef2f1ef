// Agreement statistics checked against published worked examples: Cohen's kappa against the three examples
// of the Wikipedia article "Cohen's kappa" (50 applications: 0.4; the two 100-item tables: 0.1304 and
// 0.2593), Krippendorff's alpha against Krippendorff's own binary example ("Computing Krippendorff's
// Alpha-Reliability", 2011, section A: two observers, ten units, alpha 0.095) and, through alpha(), the
// 2011 paper's example with missing values (test/portable/krippendorff-alpha.test.ts).
import { describe, expect, it } from "vitest";
import {
  agreementReport,
  alpha,
  bootstrapEstimate,
  cohenKappa,
  confusionTable,
  percentAgreement,
  type CodedUnit,
} from "../../data-loaders/portable/agreement.ts";

/** Units of two coders from a 2×2 table: yes/yes, yes/no (first coder yes), no/yes, no/no. */
function fromTable(yesYes: number, yesNo: number, noYes: number, noNo: number): CodedUnit[] {
  return [
    ...Array.from({ length: yesYes }, () => [1, 1]),
    ...Array.from({ length: yesNo }, () => [1, 0]),
    ...Array.from({ length: noYes }, () => [0, 1]),
    ...Array.from({ length: noNo }, () => [0, 0]),
  ];
}

// Krippendorff (2011), section A: observers A and B on ten units.
const binary: CodedUnit[] = [
  [0, 1],
  [1, 1],
  [0, 1],
  [0, 0],
  [0, 0],
  [0, 1],
  [0, 0],
  [0, 0],
  [1, 0],
  [0, 0],
];

describe("cohenKappa(units)", () => {
  it("reproduces the 50-application example: p_o 0.7, p_e 0.5, kappa 0.4", () => {
    expect(cohenKappa(fromTable(20, 5, 10, 15))).toBeCloseTo(0.4, 10);
  });
  it("reproduces the two same-agreement tables: 0.1304 and 0.2593", () => {
    expect(cohenKappa(fromTable(45, 15, 25, 15))).toBeCloseTo(0.1304, 4);
    expect(cohenKappa(fromTable(25, 35, 5, 35))).toBeCloseTo(0.2593, 4);
  });
  it("counts only units both coders coded, and works on text codes", () => {
    expect(cohenKappa([...fromTable(20, 5, 10, 15), [1, null], [null, 0]])).toBeCloseTo(0.4, 10);
    const texts = fromTable(20, 5, 10, 15).map((u) => u.map((c) => (c === 1 ? "Lavrov" : "none")));
    expect(cohenKappa(texts)).toBeCloseTo(0.4, 10);
  });
  it("is NaN with no unit coded by both, or one code throughout", () => {
    expect(cohenKappa([[1, null]])).toBeNaN();
    expect(cohenKappa(fromTable(5, 0, 0, 0))).toBeNaN();
  });
});

describe("alpha(units, level)", () => {
  it("reproduces Krippendorff's binary example: 0.095", () => {
    expect(alpha(binary, "nominal")).toBeCloseTo(0.095, 3);
  });
  it("gives text codes the nominal alpha of the same categories as numbers", () => {
    const asText = binary.map((u) => u.map((c) => (c === 1 ? "present" : "absent")));
    expect(alpha(asText, "nominal")).toBeCloseTo(alpha(binary, "nominal"), 12);
  });
  it("refuses an interval alpha of text codes", () => {
    expect(() => alpha([["a", "b"]], "interval")).toThrow(/numeric codes/);
  });
});

describe("percentAgreement(units)", () => {
  it("is the share of agreeing pairs: 6 of 10 in the binary example", () => {
    expect(percentAgreement(binary)).toBeCloseTo(0.6, 12);
  });
  it("counts every pair of coders of a unit, and skips missing codes", () => {
    // Unit 1: three coders, pairs (1,1) (1,0) (1,0): one of three agree; unit 2: one pair, agrees.
    expect(
      percentAgreement([
        [1, 1, 0],
        [0, null, 0],
      ]),
    ).toBeCloseTo(2 / 4, 12);
  });
});

describe("bootstrapEstimate(units, statistic)", () => {
  it("is the same for the same seed, brackets the estimate, and changes with the seed", () => {
    const units = fromTable(20, 5, 10, 15);
    const a = bootstrapEstimate(units, cohenKappa, { seed: 7 });
    expect(bootstrapEstimate(units, cohenKappa, { seed: 7 })).toEqual(a);
    expect(a.value).toBeCloseTo(0.4, 10);
    expect(a.low).toBeLessThan(0.4);
    expect(a.high).toBeGreaterThan(0.4);
    expect(a.units).toBe(50);
    expect(bootstrapEstimate(units, cohenKappa, { seed: 8 }).low).not.toBe(a.low);
  });
  it("counts the resamples on which the statistic is undefined and leaves them out", () => {
    // Two units, one of each code pair: a resample of the same unit twice has no variation (kappa NaN).
    const estimate = bootstrapEstimate(
      [
        [1, 1],
        [0, 0],
      ],
      cohenKappa,
      { resamples: 400 },
    );
    expect(estimate.undefinedResamples).toBeGreaterThan(100);
    expect(estimate.undefinedResamples).toBeLessThan(300);
    expect(estimate.low).toBe(1);
  });
});

describe("confusionTable(units)", () => {
  it("lists each pair of codes with its units, ordered by the first coder's code then the second's", () => {
    expect(confusionTable(binary)).toEqual([
      { first: 0, second: 0, units: [3, 4, 6, 7, 9] },
      { first: 0, second: 1, units: [0, 2, 5] },
      { first: 1, second: 0, units: [8] },
      { first: 1, second: 1, units: [1] },
    ]);
  });
});

describe("agreementReport(coders, units)", () => {
  it("reports alpha over all coders and kappa for each pair, with units indices into the input", () => {
    const units: CodedUnit[] = binary.map(([a, b]) => [a!, b!, a!]);
    const report = agreementReport(["A", "B", "C"], units, { resamples: 200 });
    expect(report.pairableUnits).toBe(10);
    expect(report.pairs.map((p) => p.coders)).toEqual([
      ["A", "B"],
      ["A", "C"],
      ["B", "C"],
    ]);
    expect(report.pairs[0]!.kappa.value).toBeCloseTo(cohenKappa(binary), 12);
    expect(report.pairs[1]!.kappa.value).toBe(1);
    expect(report.pairs[0]!.confusion.find((c) => c.first === 1 && c.second === 0)!.units).toEqual([8]);
    expect(report.alphaNominal.value).toBeCloseTo(alpha(units, "nominal"), 12);
    expect(report.alphaInterval).toBeNull();
    expect(agreementReport(["A", "B"], binary, { interval: true, resamples: 50 }).alphaInterval!.value).toBeCloseTo(0.095, 3);
  });
});
