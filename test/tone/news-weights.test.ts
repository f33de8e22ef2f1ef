import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { compileNewsWeights } from "../../data-loaders/tone/news-weights.ts";
import { compoundHead, dutchLexicon } from "../../data-loaders/tone/sentiment-lexicons.ts";
import { analyzeText } from "../helpers.ts";

describe("compileNewsWeights(raw)", () => {
  it("accepts the bundled weights, fitted on development items only", () => {
    const { weights, errors } = compileNewsWeights(JSON.parse(readFileSync(corpusPaths({}).toneWeights, "utf8")), "w.json");
    expect(errors).toEqual([]);
    expect(weights!.fittedOn.part).toBe("development");
    expect(weights!.thresholds.negative).toBeLessThan(weights!.thresholds.positive);
  });
  it("names what is wrong", () => {
    const { errors } = compileNewsWeights({ id: "w", version: "one", weights: { groei: "much" } }, "w.json");
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["version", "weights.groei", "licence"]));
  });
});

describe("dutchLexicon(pattern, overrides, news)", () => {
  const news = { patternScale: 0.5, weights: { groei: 0.4, verlies: -0.3 } };
  const lexicon = dutchLexicon({ goed: 0.7 }, {}, news);
  it("scales the Pattern score and adds the stem's fitted weight: one number per word", () => {
    expect(lexicon("goed")).toBeCloseTo(0.35, 12);
    expect(lexicon("groei")).toBeCloseTo(0.4, 12);
    expect(lexicon("tafel")).toBeUndefined();
  });
  it("lets an unseen compound borrow its head's weight", () => {
    expect(compoundHead("banenverlies", news.weights)).toBe("verlies");
    expect(lexicon("banenverlies")).toBeCloseTo(-0.3, 12);
    expect(compoundHead("lies", news.weights)).toBe("lies");
  });
});

describe("Dutch tone with the news weights", () => {
  it("keeps every word's contribution summing to the sentence score", () => {
    const record = analyzeText("De economie groeit sterk, maar de werkloosheid stijgt en de export daalt.", "nl");
    for (const s of record.sentiment.sentences) {
      expect(s.contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(s.score, 5);
    }
  });
  it("scores a headline given on one line (a lone line is a paragraph, not a heading)", () => {
    const record = analyzeText("Werkloosheid stijgt flink", "nl");
    expect(record.blocks.map((b) => [b.kind, b.rule])).toEqual([["paragraph", "single-line"]]);
    expect(record.sentiment.score).not.toBeNull();
  });
});
