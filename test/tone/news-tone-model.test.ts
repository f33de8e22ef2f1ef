import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { StopwordsNl } from "@nlpjs/lang-nl";
import { EVERY_WORD } from "../../data-loaders/tone/news-tone-features.ts";
import { compileNewsToneModel, expectedTone, scoreNewsSentence } from "../../data-loaders/tone/news-tone-model.ts";
import { compileNewsToneScorer, type NewsToneScorer } from "../../data-loaders/tone/news-tone-scorer.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { round6 } from "../../data-loaders/tone/score-sentiment.ts";
import { analyzeText, tokensOf } from "../helpers.ts";

const design = EVERY_WORD;
const lexicon = (word: string) => ({ goed: 0.7, slecht: -0.7 })[word];

describe("compileNewsToneModel(raw)", () => {
  it("accepts the bundled model, fitted on development items only, with three class constants", () => {
    const { model, errors } = compileNewsToneModel(JSON.parse(readFileSync(corpusPaths({}).toneWeights, "utf8")), "m.json");
    expect(errors).toEqual([]);
    expect(model!.fittedOn.part).toBe("development");
    expect(model!.bias).toHaveLength(3);
    expect(Object.values(model!.features).every((row) => row[0] >= 1 && row[0] <= model!.documents)).toBe(true);
  });
  it("names what is wrong", () => {
    const { errors } = compileNewsToneModel({ id: "m", version: "one", features: { "w=groei": [1, "much", 0, 0] } }, "m.json");
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["version", "features.w=groei.1", "licence", "bias"]));
  });
});

/** A scorer over a hand-made model: every feature in one headline of three, so each idf is 1 + ln 2. */
function handScorer(weights: Record<string, [number, number, number]>, bias: [number, number, number] = [0, 0.1, 0]): NewsToneScorer {
  const features = Object.fromEntries(Object.entries(weights).map(([f, w]) => [f, [1, ...w] as const]));
  return compileNewsToneScorer({ design, documents: 3, bias, features }, lexicon, new Set(["niet"]));
}

/** The words' contributions plus the baseline, as a reader adds them up. */
const explained = (s: { readonly contributions: readonly { readonly value: number }[]; readonly baseline?: number }) =>
  s.contributions.reduce((sum, c) => sum + c.value, s.baseline ?? 0);

describe("expectedTone(classScores)", () => {
  it("is P(positive) − P(negative) of the softmax: scores 0, 0, ln 2 give probabilities ¼, ¼, ½", () => {
    const { tone, scale } = expectedTone([0, 0, Math.log(2)]);
    expect(tone).toBeCloseTo(0.25, 12);
    expect(scale).toBeCloseTo(0.25 / Math.log(2), 12);
  });
  it("at z₊ = z₋ scales by the limit e^m / Σ, which the factor tends to as z₊ − z₋ → 0", () => {
    expect(expectedTone([1, 2, 1])).toEqual({ tone: 0, scale: Math.exp(1 - 2) / (2 * Math.exp(-1) + 1) });
    expect(expectedTone([1, 2, 1 + 1e-7]).scale).toBeCloseTo(expectedTone([1, 2, 1]).scale, 6);
  });
  it("has the sign of z₊ − z₋ and a factor ≥ 0; is > 0 when positive is the highest class, < 0 when negative is, within ±½ when neutral is", () => {
    // Class scores to two decimals, so no difference is lost to rounding of the exponentials.
    const score = fc.integer({ min: -3000, max: 3000 }).map((x) => x / 100);
    fc.assert(
      fc.property(score, score, score, (negative, neutral, positive) => {
        const { tone, scale } = expectedTone([negative, neutral, positive]);
        expect(Math.sign(tone)).toBe(Math.sign(positive - negative));
        expect(scale).toBeGreaterThanOrEqual(0);
        // Neutral highest: P₀ ≥ P₊, P₀ ≥ P₋ and P₀ + P₊ ≤ 1, so |P₊ − P₋| ≤ max(P₊, P₋) ≤ ½.
        if (neutral >= Math.max(negative, positive)) expect(Math.abs(tone)).toBeLessThanOrEqual(0.5);
        else if (positive > negative) expect(tone).toBeGreaterThan(0);
        else if (negative > positive) expect(tone).toBeLessThan(0);
      }),
      { numRuns: 500, seed: 30 },
    );
  });
});

describe("scoreNewsSentence(tokens, scorer)", () => {
  const weights: Record<string, [number, number, number]> = {
    "w=groei": [-1, 0, 1],
    "w=daalt": [1.5, 0, -0.5],
    "p=niet_goed": [0.5, 0, -0.5],
    "w=export": [0, 0.2, 0],
    lex: [-0.6, 0, 0.6],
  };
  const scorer = handScorer(weights);
  it("scores P₊ − P₋ and splits it over the words and the constants' baseline, which sum to it (worked by hand)", () => {
    const tokens = tokensOf("De groei is niet goed, maar de export daalt.");
    const { score, contributions, baseline } = scoreNewsSentence(tokens, handScorer(weights, [0.2, 0.1, -0.1]));
    // TF-IDF: five known features, each counted once; idf 1 + ln 2 for all but lex (1, value 0.7 for "goed").
    const idf = 1 + Math.log(2);
    const length = Math.sqrt(4 * idf * idf + 0.7 * 0.7);
    const negative = 0.2 + (-1 + 1.5 + 0.5) * (idf / length) - 0.6 * (0.7 / length);
    const neutral = 0.1 + 0.2 * (idf / length);
    const positive = -0.1 + (1 - 0.5 - 0.5) * (idf / length) + 0.6 * (0.7 / length);
    const total = Math.exp(negative) + Math.exp(neutral) + Math.exp(positive);
    const tone = (Math.exp(positive) - Math.exp(negative)) / total;
    expect(score).toBeCloseTo(tone, 6);
    // Each part of z₊ − z₋ scaled by tone / (z₊ − z₋): the constants −0.3, groei 2, daalt −2, niet −½ and goed −½ of
    // the pair plus its lexicon part 1.2 × 0.7; export weighs only for neutral and is left out.
    const k = tone / (positive - negative);
    const at = (word: string) => contributions.find((c) => tokens.find((t) => t.start === c.start)!.value === word)?.value;
    expect(baseline).toBeCloseTo(-0.3 * k, 5);
    expect(at("groei")).toBeCloseTo((2 * idf * k) / length, 5);
    expect(at("daalt")).toBeCloseTo((-2 * idf * k) / length, 5);
    expect(at("niet")).toBeCloseTo((-0.5 * idf * k) / length, 5);
    expect(at("goed")).toBeCloseTo(((-0.5 * idf + 0.84) * k) / length, 5);
    expect(at("export")).toBeUndefined();
    expect(round6(explained({ contributions, baseline }))).toBe(score);
  });
  it("decides the class by the highest class score, constants included, and the score's sign follows", () => {
    const growth = scoreNewsSentence(tokensOf("Groei"), scorer);
    const fall = scoreNewsSentence(tokensOf("Daalt"), scorer);
    expect([growth.class, Math.sign(growth.score)]).toEqual([1, 1]);
    expect([fall.class, Math.sign(fall.score)]).toEqual([-1, -1]);
    // The export feature weighs only for neutral; the constants favour neutral too; z₊ = z₋, so the score is 0.
    expect(scoreNewsSentence(tokensOf("Export"), scorer)).toEqual({ score: 0, contributions: [], class: 0, baseline: 0 });
  });
  it("scores a sentence without known words by its constants alone: the baseline is the whole score", () => {
    expect(scoreNewsSentence(tokensOf("Rutte, Poetin."), scorer)).toEqual({ score: 0, contributions: [], class: 0, baseline: 0 });
    const leaning = scoreNewsSentence(tokensOf("Rutte."), handScorer({}, [0.3, 0, 0]));
    const tone = (1 - Math.exp(0.3)) / (Math.exp(0.3) + 2);
    expect(leaning).toEqual({ score: round6(tone), contributions: [], class: -1, baseline: round6(tone) });
  });
});

describe("Dutch news tone with the fitted model", () => {
  const sentencesOf = (record: ArticleRecord) => record.sentiment.sentences;
  it("keeps the words' contributions and the baseline summing to the sentence score, its sign the class's", () => {
    const record = analyzeText(
      "De economie groeit sterk, maar de werkloosheid stijgt en de export daalt. Beurs sluit lager na slechte cijfers. Kabinet presenteert plan. Banen verdwijnen bij bank. Economie groeit harder dan verwacht. Het kabinet zegt dat de plannen in het voorjaar naar de Tweede Kamer gaan.",
      "nl",
    );
    expect(record.sentiment.method.id).toBe("news-tone-model");
    expect(new Set(sentencesOf(record).map((s) => s.class))).toEqual(new Set([-1, 0, 1]));
    for (const s of sentencesOf(record)) {
      expect(s.contributions.length).toBeGreaterThan(0);
      expect(s.baseline).toBeDefined();
      expect(round6(explained(s))).toBe(s.score);
      // Class and score come from the same class scores: positive highest gives P₊ > P₋, negative highest P₋ > P₊.
      if (s.class !== 0) expect(Math.sign(s.score)).toBe(s.class);
      else expect(Math.abs(s.score)).toBeLessThanOrEqual(0.5);
    }
  });
  it("scores a sentence of only function words the model classes neutral within ±½, however long", () => {
    // The bound is the neutral class's (expectedTone's test): it holds at any length, where the summed score
    // grew with the sentence. Every word is a function word of @nlpjs/lang-nl's list.
    const stopwords = new StopwordsNl();
    for (const text of [
      "Het is er nog niet.",
      "Er is in de van het voor een op met die aan om ook als bij nog te dat en.",
      "En toen was het zo dat wij er niets meer aan doen, want het was al te veel voor ons en voor hem die er nog was.",
    ]) {
      expect(text.match(/\p{L}+/gu)!.filter((w) => !stopwords.isStopword(w.toLowerCase()))).toEqual([]);
      const [s] = sentencesOf(analyzeText(text, "nl"));
      expect(s!.class).toBe(0);
      expect(Math.abs(s!.score)).toBeLessThanOrEqual(0.5);
    }
  });
  it("reads headlines the way the coders did: job losses are negative, growth positive", () => {
    const lost = analyzeText("Banen verdwijnen bij bank", "nl").sentiment.sentences[0]!;
    const grown = analyzeText("Economie groeit harder dan verwacht", "nl").sentiment.sentences[0]!;
    expect([lost.class, Math.sign(lost.score)]).toEqual([-1, -1]);
    expect([grown.class, Math.sign(grown.score)]).toEqual([1, 1]);
  });
  it("scores a headline given on one line (a lone line is a paragraph, not a heading)", () => {
    const record = analyzeText("Werkloosheid stijgt flink", "nl");
    expect(record.blocks.map((b) => [b.kind, b.rule])).toEqual([["paragraph", "single-line"]]);
    expect(record.sentiment.score).not.toBeNull();
  });
});
