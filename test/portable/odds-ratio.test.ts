import { describe, expect, it } from "vitest";
import { oddsRatioExact } from "../../data-loaders/portable/odds-ratio.ts";

describe("oddsRatioExact({both, a, b, units})", () => {
  it("agrees with R's fisher.test on Fisher's tea-tasting table: 6.408309 [0.2117329, 621.9337505]", () => {
    // fisher.test(matrix(c(3, 1, 1, 3), nrow = 2)) in R 4. R solves with uniroot's default tolerance on the
    // odds-ratio scale, so its figures are approximate (its upper limit leaves a tail of 2.517%, not 2.5%:
    // within 1% of the exact root); the next test checks the defining equations exactly.
    const r = oddsRatioExact({ both: 3, a: 4, b: 4, units: 8 });
    expect(r.estimate / 6.408309).toBeCloseTo(1, 4);
    expect(r.low / 0.2117329).toBeCloseTo(1, 4);
    expect(Math.abs(r.high / 621.9337505 - 1)).toBeLessThan(0.01);
  });

  it("solves its defining equations, checked by binomial coefficients written out: tails of 2.5% and a mean of 3", () => {
    const r = oddsRatioExact({ both: 3, a: 4, b: 4, units: 8 });
    // P(X = x) ∝ C(4, x) C(4, 4 − x) ψ^x for x = 0…4.
    const weights = (psi: number) => [1, 16, 36, 16, 1].map((c, x) => c * psi ** x);
    const share = (psi: number, keep: (x: number) => boolean) => {
      const w = weights(psi);
      return w.filter((_, x) => keep(x)).reduce((s, v) => s + v, 0) / w.reduce((s, v) => s + v, 0);
    };
    expect(share(r.low, (x) => x >= 3)).toBeCloseTo(0.025, 10);
    expect(share(r.high, (x) => x <= 3)).toBeCloseTo(0.025, 10);
    const w = weights(r.estimate);
    expect(w.reduce((s, v, x) => s + x * v, 0) / w.reduce((s, v) => s + v, 0)).toBeCloseTo(3, 10);
  });

  it("gives 0 and Infinity at the edges of the count's range", () => {
    expect(oddsRatioExact({ both: 0, a: 3, b: 3, units: 10 })).toMatchObject({ estimate: 0, low: 0 });
    expect(oddsRatioExact({ both: 3, a: 3, b: 5, units: 10 })).toMatchObject({ estimate: Infinity, high: Infinity });
  });

  it("throws on counts no table can hold", () => {
    expect(() => oddsRatioExact({ both: 4, a: 3, b: 5, units: 10 })).toThrow(RangeError);
  });
});
