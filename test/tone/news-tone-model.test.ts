import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { EVERY_WORD, inverseDocumentFrequency, newsToneReader } from "../../data-loaders/tone/news-tone-features.ts";
import { compileNewsToneModel, scoreNewsSentence, type NewsToneScorer } from "../../data-loaders/tone/news-tone-model.ts";
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
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["version", "features.w=groei.1", "licence", "alpha", "bias"]));
  });
});

/** A scorer over a hand-made model: every feature in one headline of three, so each idf is 1 + ln 2. */
function handScorer(weights: Record<string, [number, number, number]>, bias: [number, number, number] = [0, 0.1, 0]): NewsToneScorer {
  const idf = new Map(Object.keys(weights).map((f) => [f, inverseDocumentFrequency(f, 1, 3)]));
  return {
    read: newsToneReader(design, lexicon, new Set(["niet"])),
    counts: "sublinear",
    idf,
    weights: new Map(Object.entries(weights)),
    bias,
    alpha: 0.9375,
  };
}

describe("scoreNewsSentence(tokens, scorer)", () => {
  const scorer = handScorer({
    "w=groei": [-1, 0, 1],
    "w=daalt": [1.5, 0, -0.5],
    "p=niet_goed": [0.5, 0, -0.5],
    "w=export": [0, 0.2, 0],
    lex: [-0.6, 0, 0.6],
  });
  it("makes each word's contribution the sum of its features' parts, and the contributions sum to the score", () => {
    const tokens = tokensOf("De groei is niet goed, maar de export daalt.");
    const { score, contributions } = scoreNewsSentence(tokens, scorer);
    expect(contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(score, 10);
    // TF-IDF worked out by hand: five known features, each counted once; idf 1 + ln 2 for all but lex (1, value 0.7).
    const idf = 1 + Math.log(2);
    const length = Math.sqrt(4 * idf * idf + 0.7 * 0.7);
    // z₊ − z₋ per feature: groei 2, daalt −2, niet_goed −1, export 0, lex 1.2.
    const raw = ((2 - 2 - 1) * idf + 1.2 * 0.7) / length;
    expect(score).toBeCloseTo(raw / Math.sqrt(raw * raw + 0.9375), 5);
    // "goed" holds half of "niet goed" and its lexicon part; "niet" the other half.
    const at = (word: string) => contributions.find((c) => tokens.find((t) => t.start === c.start)!.value === word)!.value;
    expect(at("goed") / at("niet")).toBeCloseTo((-0.5 * idf + 0.84) / (-0.5 * idf), 4);
  });
  it("decides the class by the highest class score, constants included", () => {
    expect(scoreNewsSentence(tokensOf("Groei"), scorer).class).toBe(1);
    expect(scoreNewsSentence(tokensOf("Daalt"), scorer).class).toBe(-1);
    // The export feature weighs only for neutral; the constants favour neutral too.
    expect(scoreNewsSentence(tokensOf("Export"), scorer)).toEqual({ score: 0, contributions: [], class: 0 });
  });
  it("scores a sentence without known words 0, with no contributions, in the class its constants favour", () => {
    expect(scoreNewsSentence(tokensOf("Rutte, Poetin."), scorer)).toEqual({ score: 0, contributions: [], class: 0 });
    expect(scoreNewsSentence(tokensOf("Rutte."), handScorer({}, [0.3, 0, 0])).class).toBe(-1);
  });
});

describe("Dutch news tone with the fitted model", () => {
  it("keeps every word's contribution summing to the sentence score, sentence by sentence", () => {
    const record = analyzeText(
      "De economie groeit sterk, maar de werkloosheid stijgt en de export daalt. Beurs sluit lager na slechte cijfers. Kabinet presenteert plan.",
      "nl",
    );
    expect(record.sentiment.method.id).toBe("news-tone-model");
    for (const s of record.sentiment.sentences) {
      expect(s.contributions.length).toBeGreaterThan(0);
      expect(s.contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(s.score, 5);
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
