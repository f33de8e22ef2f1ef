// Checked against Krippendorff's own worked example (K. Krippendorff, "Computing Krippendorff's
// Alpha-Reliability", 2011, section C: 4 coders, 12 units, values 1–5, missing data), which reports
// alpha 0.743 (nominal) and 0.849 (interval).
import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "../../data-loaders/portable/krippendorff-alpha.ts";

const _ = null;
// Rows are coders A–D, columns units 1–12, as printed in the paper; the function takes one array per unit.
const coders = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
const units = coders[0]!.map((_, u) => coders.map((row) => row[u]!));

describe("krippendorffAlpha(units, level)", () => {
  it("reproduces Krippendorff's worked example: nominal 0.743", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
  });
  it("reproduces Krippendorff's worked example: interval 0.849", () => {
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });
  it("is 1 for perfect agreement with variation, and leaves out units with one value", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [3, null],
        ],
        "nominal",
      ),
    ).toBe(1);
  });
  it("is NaN when nothing varies or nothing is pairable", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        "nominal",
      ),
    ).toBeNaN();
    expect(krippendorffAlpha([[1, null]], "nominal")).toBeNaN();
  });
  it("computes the doc example by hand: 1 − (n − 1)·D_o/D_e = 1 − 5·2/18", () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [1, 2],
        ],
        "nominal",
      ),
    ).toBeCloseTo(1 - 10 / 18, 12);
  });
});
