import { describe, expect, it } from "vitest";
import { compareDates, connectedGroups, likelyOrigin } from "../../data-loaders/reuse/reuse-groups.ts";
import { candidatePairs } from "../../data-loaders/reuse/candidate-pairs.ts";

describe("compareDates(a, b)", () => {
  it("compares at the precision both dates have, and date-times as instants", () => {
    expect(compareDates("2024-03-04", "2024-03-05")).toBe(-1);
    expect(compareDates("2024", "2024-03-05")).toBe(0);
    expect(compareDates("2024-02", "2024-03-05")).toBe(-1);
    expect(compareDates("2024-03-05T10:00:00+02:00", "2024-03-05T09:00:00Z")).toBe(-1);
    expect(compareDates(null, "2024")).toBeNull();
  });
});

describe("likelyOrigin(members, articles)", () => {
  const at = (published: string | null) => ({ id: "x", outlet: null, published });
  it("passes over undated copies and ties at a coarser precision", () => {
    expect(likelyOrigin([0, 1, 2], [at(null), at("2024-05-02"), at("2024-05-01")])).toEqual({ origin: 2, basis: "earliest-dated" });
    expect(likelyOrigin([0, 1], [at("2024"), at("2024-05-01")])).toEqual({ origin: null, basis: "tied" });
    expect(likelyOrigin([0, 1], [at(null), at(null)])).toEqual({ origin: null, basis: "undated" });
  });
});

describe("connectedGroups(count, links)", () => {
  it("joins chains, leaves single items out, orders groups by their first item", () => {
    expect(
      connectedGroups(6, [
        [4, 5],
        [0, 2],
        [2, 3],
      ]),
    ).toEqual([
      [0, 2, 3],
      [4, 5],
    ]);
  });
});

describe("candidatePairs(owners, keys, maxBucket)", () => {
  it("pairs owners sharing a band key, never an owner with itself", () => {
    const keys = [Uint32Array.of(5, 1), Uint32Array.of(5, 2), Uint32Array.of(6, 1), Uint32Array.of(7, 3)];
    expect(candidatePairs([0, 0, 1, 2], keys, 64)).toEqual({ pairs: [[0, 1]], crowded: 0 });
  });

  it("pairs a crowded bucket as a star on its first owner", () => {
    const keys = Array.from({ length: 5 }, () => Uint32Array.of(9));
    expect(candidatePairs([0, 1, 2, 3, 4], keys, 3)).toEqual({
      pairs: [
        [0, 1],
        [0, 2],
        [0, 3],
        [0, 4],
      ],
      crowded: 1,
    });
  });
});
