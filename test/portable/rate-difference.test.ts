import { describe, expect, it } from "vitest";
import { rateDifference } from "../../data-loaders/portable/rate-difference.ts";

/** The Wilson score interval of x successes in n, at 95%, with the proportion as the rate. */
function wilson(x: number, n: number): { rate: number; low: number; high: number } {
  const z = 1.959964;
  const p = x / n;
  const centre = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const scale = 1 + (z * z) / n;
  return { rate: p, low: (centre - half) / scale, high: (centre + half) / scale };
}

describe("rateDifference(a, b)", () => {
  it("reproduces Newcombe's (1998) method 10 for 56/70 against 48/80 from the two Wilson intervals: 0.0524 to 0.3339", () => {
    // Wilson score intervals of 56/70 and 48/80 (Wilson 1927), as Newcombe's method 10 combines them.
    const d = rateDifference(wilson(56, 70), wilson(48, 80));
    expect(d.difference).toBeCloseTo(0.2, 12);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
  });

  it("has no limits when either interval is missing (a group of one article)", () => {
    expect(rateDifference({ rate: 2, low: null, high: null }, { rate: 1, low: 0.5, high: 1.5 })).toEqual({
      difference: 1,
      low: null,
      high: null,
    });
  });
});
