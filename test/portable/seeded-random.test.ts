// The seeded generator and the fitters' shuffle (data-loaders/portable/seeded-random.ts).
import { describe, expect, it } from "vitest";
import { mulberry32, shuffleInPlace } from "../../data-loaders/portable/seeded-random.ts";

describe("shuffleInPlace(items, random)", () => {
  it("reorders the items without losing or repeating one", () => {
    const order = Array.from({ length: 50 }, (_, i) => i);
    shuffleInPlace(order, mulberry32(7));
    expect(order).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
  it("is Durstenfeld's Fisher–Yates: position i swaps with ⌊random · (i + 1)⌋, from the last down", () => {
    const random = mulberry32(3);
    const expected = ["a", "b", "c", "d"];
    for (let i = 3; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [expected[i], expected[j]] = [expected[j]!, expected[i]!];
    }
    const items = ["a", "b", "c", "d"];
    shuffleInPlace(items, mulberry32(3));
    expect(items).toEqual(expected);
  });
});
