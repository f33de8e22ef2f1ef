import { describe, expect, it } from "vitest";
import { pooledToneIntervals, type SlottedTone } from "../../data-loaders/compare/pooled-tone.ts";

// Two articles of one outlet, each with own-voice tone sums [sentences, Σ weighted, Σ weights]: article a
// −0.4 over weights 3 (mean −0.1333), article b 0.3 over 1. Any resample of the two is all a (mean −0.1333,
// chance 1/4), all b (0.3, 1/4) or one of each ((−0.4 + 0.3) / 4 = −0.025, 1/2): with 2,000 resamples the
// 2.5% quantile falls among the "all a" resamples and the 97.5% among the "all b" ones.
const a: SlottedTone = [[0, [2, -0.4, 3]]];
const b: SlottedTone = [[0, [1, 0.3, 1]]];

describe("pooledToneIntervals(grouping, group, articles, slots, measures)", () => {
  it("gives the worked percentile interval of a pooled mean over two articles", () => {
    expect(pooledToneIntervals("outlet", "A", [a, b], 1, [{ plus: [0] }])).toEqual([{ low: -0.133333, high: 0.3 }]);
  });

  it("reads a measure made of slots as the sum of its plus slots less its minus slots", () => {
    // Slot 0: all sentences, slot 1: those carrying a frame; "others" (0 minus 1) must equal a slot holding
    // the difference itself, resampled with the same draws.
    const all: SlottedTone[] = [
      [
        [0, [3, -0.1, 4]],
        [1, [1, 0.3, 1]],
      ],
      [[0, [2, 0.4, 2]]],
      [
        [0, [2, -0.6, 4]],
        [1, [1, -0.2, 2]],
      ],
    ];
    const differences: SlottedTone[] = [[[0, [2, -0.4, 3]]], [[0, [2, 0.4, 2]]], [[0, [1, -0.4, 2]]]];
    const [others] = pooledToneIntervals("outlet", "B", all, 2, [{ plus: [0], minus: [1] }]);
    const [direct] = pooledToneIntervals("outlet", "B", differences, 1, [{ plus: [0] }]);
    expect(others).toEqual(direct);
    expect(others!.low).toBeLessThan(others!.high);
  });

  it("gives no interval to a measure whose sentences come from fewer than two articles", () => {
    const quotedInOne: SlottedTone[] = [[...a, [1, [1, 0.5, 1]]], b];
    expect(pooledToneIntervals("outlet", "C", quotedInOne, 2, [{ plus: [0] }, { plus: [1] }])[1]).toBeNull();
    expect(pooledToneIntervals("outlet", "D", [a], 1, [{ plus: [0] }])).toEqual([null]);
  });

  it("is the same for the same group and data, and moves with the group's name (its own draws)", () => {
    const articles = [a, b, [[0, [4, -0.2, 5]]] as SlottedTone, [[0, [3, 0.6, 3]]] as SlottedTone];
    const once = pooledToneIntervals("outlet", "E", articles, 1, [{ plus: [0] }]);
    expect(pooledToneIntervals("outlet", "E", articles, 1, [{ plus: [0] }])).toEqual(once);
    expect(once[0]!.low).toBeLessThanOrEqual(once[0]!.high);
  });
});
