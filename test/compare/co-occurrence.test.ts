import { describe, expect, it } from "vitest";
import { coOccurrence, type CoOccurrenceArticle } from "../../data-loaders/compare/co-occurrence.ts";
import { oddsRatioExact } from "../../data-loaders/portable/odds-ratio.ts";

/** An article with the sentences each category occurs in (own words, no speaker, no tone: not read here). */
function article(id: string, sentences: number, at: Record<string, number[]>): CoOccurrenceArticle {
  return {
    id,
    sentences,
    facts: {
      categories: Object.entries(at).map(([key, list]) => {
        const [kind, category] = key.split("/") as ["frame" | "device", string];
        return { kind, category, occurrences: list.map((s) => [s, "own", null] as const), tone: [0, 0, 0] as const };
      }),
    },
  };
}

// Hegemon in sentences 1 and 3 of x1 and 2 of x2; hedges in 3 and 5 of x1 (twice in 5) and 0 of x3.
const corpus = [
  article("x1", 10, { "device/hedges": [3, 5, 5], "frame/hegemon": [1, 3] }),
  article("x2", 10, { "frame/hegemon": [2] }),
  article("x3", 5, { "device/hedges": [0] }),
];

describe("coOccurrence(articles)", () => {
  const result = coOccurrence(corpus);

  it("counts units, not occurrences: 3 of 25 sentences and 2 of 3 articles each", () => {
    expect(result.units).toEqual({ sentences: 25, articles: 3 });
    expect(result.categories).toEqual([
      { key: "device/hedges", sentences: 3, articles: 2 },
      { key: "frame/hegemon", sentences: 3, articles: 2 },
    ]);
  });

  it("finds the sentence and the article with both, and lists the sentence to read", () => {
    const [pair] = result.pairs;
    expect(pair).toMatchObject({ a: "device/hedges", b: "frame/hegemon", listed: [["x1", 3]], moreSentences: 0 });
    expect(pair!.sentences.both).toBe(1);
    expect(pair!.articles.both).toBe(1);
  });

  it("gives the log of the exact odds ratio of the 2 × 2 table of sentences: 1 with both, 2 and 2 with one, 20 with neither", () => {
    const exact = oddsRatioExact({ both: 1, a: 3, b: 3, units: 25 });
    const { sentences } = result.pairs[0]!;
    expect(sentences.logOddsRatio).toBeCloseTo(Math.log(exact.estimate), 6);
    expect(sentences.low).toBeCloseTo(Math.log(exact.low), 6);
    expect(sentences.high).toBeCloseTo(Math.log(exact.high), 6);
    expect(sentences.low!).toBeLessThan(sentences.logOddsRatio!);
  });

  it("has no estimate or lower limit when the count is the least the margins allow (1 of 3 articles, each in 2)", () => {
    const { articles } = result.pairs[0]!;
    expect([articles.logOddsRatio, articles.low]).toEqual([null, null]);
    expect(articles.high).not.toBeNull();
  });
});
