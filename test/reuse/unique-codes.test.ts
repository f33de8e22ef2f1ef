import { describe, expect, it } from "vitest";
import { UniqueCodes } from "../../data-loaders/reuse/unique-codes.ts";
import { mulberry32 } from "../../data-loaders/portable/seeded-random.ts";

describe("UniqueCodes", () => {
  it("gives the distinct numbers added, ascending", () => {
    const codes = new UniqueCodes();
    for (const code of [7, 3, 7, 0, 2 ** 52 + 1, 3]) codes.add(code);
    expect([...codes.sorted()]).toEqual([0, 3, 7, 2 ** 52 + 1]);
  });

  it("agrees with a Set sorted numerically through many compactions, and takes more after being read", () => {
    const random = mulberry32(11);
    const codes = new UniqueCodes(16);
    const reference = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      // Few distinct numbers at first (the buffer compacts without growing), then many (it grows).
      const code = Math.floor(random() * (i < 2500 ? 40 : 100000));
      codes.add(code);
      reference.add(code);
      if (i === 2500) expect([...codes.sorted()]).toEqual([...reference].sort((a, b) => a - b));
    }
    expect([...codes.sorted()]).toEqual([...reference].sort((a, b) => a - b));
  });

  it("is empty when nothing was added", () => {
    expect(new UniqueCodes().sorted().length).toBe(0);
  });
});
