import { mean, quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { rateTable, type ArticleCounts } from "../../data-loaders/compare/rate-statistics.ts";
import { mulberry32 } from "../../data-loaders/common/seeded-random.ts";

const articles: ArticleCounts[] = [
  { id: "a", words: 1000, counts: { hegemon: 5 }, groups: { language: "nl" } },
  { id: "b", words: 3000, counts: { hegemon: 3, vassal: 3 }, groups: { language: "nl" } },
  { id: "c", words: 500, counts: {}, groups: { language: "en" } },
];

describe("rateTable(articles, grouping, categories)", () => {
  it("pools counts and words: 1000 × Σcount / Σwords", () => {
    const rows = rateTable(articles, "language", ["hegemon", "vassal"]);
    expect(rows.map((r) => [r.group, r.category, r.count, r.words, r.rate])).toEqual([
      ["en", "hegemon", 0, 500, 0],
      ["en", "vassal", 0, 500, 0],
      ["nl", "hegemon", 8, 4000, 2],
      ["nl", "vassal", 3, 4000, 0.75],
    ]);
  });

  it("gives no interval for a group of one article", () => {
    const en = rateTable(articles, "language", ["hegemon"]).find((r) => r.group === "en")!;
    expect([en.low, en.high]).toEqual([null, null]);
  });

  it("gives an interval that contains the pooled rate and lies within the per-article extremes", () => {
    const nl = rateTable(articles, "language", ["hegemon"]).find((r) => r.group === "nl")!;
    expect(nl.low).toBeLessThanOrEqual(nl.rate);
    expect(nl.high).toBeGreaterThanOrEqual(nl.rate);
    expect(nl.low).toBeGreaterThanOrEqual(1); // article b alone: 1 per 1,000
    expect(nl.high).toBeLessThanOrEqual(5); // article a alone: 5 per 1,000
  });

  it("is reproducible with a seed, and moves with another seed", () => {
    const first = rateTable(articles, "language", ["hegemon"], { seed: 7 });
    expect(rateTable(articles, "language", ["hegemon"], { seed: 7 })).toEqual(first);
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `x${i}`,
      words: 100 + i * 37,
      counts: { hegemon: i % 4 },
      groups: { all: "all" },
    }));
    expect(rateTable(many, "all", ["hegemon"], { seed: 1 })[0]!.low).not.toBe(rateTable(many, "all", ["hegemon"], { seed: 2 })[0]!.low);
  });

  it("agrees with a direct bootstrap of the same resamples (independent reference)", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, words: 200 + 50 * i, counts: { f: i % 3 }, groups: { g: "all" } }));
    const row = rateTable(many, "g", ["f"], { seed: 99, resamples: 500 })[0]!;
    // The pooled rate by hand:
    const words = many.reduce((s, a) => s + a.words, 0);
    expect(row.rate).toBeCloseTo((1000 * many.reduce((s, a) => s + a.counts.f, 0)) / words, 12);
    // The bootstrap distribution's mean is close to the pooled rate for a sample this size.
    const rates: number[] = [];
    for (let r = 0; r < 2000; r++) {
      const random = mulberry32(r + 1);
      let c = 0;
      let w = 0;
      for (let i = 0; i < many.length; i++) {
        const pick = many[Math.floor(random() * many.length)]!;
        c += pick.counts.f;
        w += pick.words;
      }
      rates.push((1000 * c) / w);
    }
    rates.sort((a, b) => a - b);
    expect(Math.abs(mean(rates) - row.rate)).toBeLessThan(0.15 * row.rate);
    expect(Math.abs(quantileSorted(rates, 0.025) - row.low!)).toBeLessThan(0.25 * row.rate);
  });
});

describe("mulberry32(seed)", () => {
  it("gives the same sequence for the same seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mean(values)).toBeGreaterThan(0.45);
    expect(mean(values)).toBeLessThan(0.55);
  });
});
