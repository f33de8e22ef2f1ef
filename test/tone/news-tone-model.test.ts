import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { sharedNlp } from "../../data-loaders/reading/nlp.ts";
import { splitSentences } from "../../data-loaders/reading/split-sentences.ts";
import {
  compileNewsToneModel,
  featureNorm,
  scoreNewsSentence,
  toneFeatureReader,
  weightMap,
} from "../../data-loaders/tone/news-tone-model.ts";
import { analyzeText, sharedResources } from "../helpers.ts";

const tokensOf = (text: string) =>
  splitSentences(sharedNlp(), text, [{ index: 0, kind: "paragraph", start: 0, end: text.length, rule: null }]).tokens;
const read = toneFeatureReader((word) => ({ goed: 0.7, slecht: -0.7 })[word], new Set(["niet", "maar"]));

describe("compileNewsToneModel(raw)", () => {
  it("accepts the bundled model, fitted on development items only", () => {
    const { model, errors } = compileNewsToneModel(JSON.parse(readFileSync(corpusPaths({}).toneWeights, "utf8")), "m.json");
    expect(errors).toEqual([]);
    expect(model!.fittedOn.part).toBe("development");
    expect(model!.thresholds.negative).toBeLessThan(model!.thresholds.positive);
  });
  it("names what is wrong", () => {
    const { errors } = compileNewsToneModel({ id: "m", version: "one", weights: { "s=groei": "much" } }, "m.json");
    expect(errors.map((e) => e.field)).toEqual(expect.arrayContaining(["version", "weights.s=groei", "licence", "alpha"]));
  });
});

describe("toneFeatureReader(lexicon)", () => {
  it("gives each word its stem, half of each word pair it is in, and its lexicon score", () => {
    const { words, features } = read(tokensOf("Groei banen niet goed"));
    expect(words).toEqual([0, 1, 2, 3]);
    expect(features.map((own) => own.map((f) => `${f.feature}:${f.value}`))).toEqual([
      ["s=groei:1", "p=groei_ban:0.5"],
      ["s=ban:1", "p=groei_ban:0.5", "p=ban_niet:0.5"],
      ["s=niet:1", "p=ban_niet:0.5", "p=niet_goed:0.5"],
      ["s=goed:1", "p=niet_goed:0.5", "lex:0.7"],
    ]);
  });
  it("gives an opening capitalised word features only when its stem is a common word's, and none when it is in capitals", () => {
    const reader = toneFeatureReader(
      () => undefined,
      new Set(),
      (stem) => stem !== "rusland",
    );
    expect(reader(tokensOf("Werkloos blijven velen")).words).toEqual([0, 1, 2]);
    expect(reader(tokensOf("Rusland dreigt")).words).toEqual([1]);
    expect(reader(tokensOf("VS dreigt")).words).toEqual([1]);
    expect(reader(tokensOf("Rusland dreigt")).features[0]!.map((f) => f.feature)).toEqual(["s=dreigt"]);
  });
  it("gives function words no features unless the sentiment rules name them, and pairs the words around them", () => {
    const { words, features } = read(tokensOf("De groei is niet goed"));
    expect(words).toEqual([1, 3, 4]);
    expect(features[0]!.map((f) => f.feature)).toEqual(["s=groei", "p=groei_niet"]);
  });
  it("gives a capitalised word inside a sentence (a name) no features, and no pairs across it", () => {
    const { words, features } = read(tokensOf("Export Rusland daalt"));
    expect(words).toEqual([0, 2]);
    expect(features.flat().filter((f) => f.feature.startsWith("p=") || f.feature.includes("rusland"))).toEqual([]);
  });
});

describe("scoreNewsSentence(tokens, model, read)", () => {
  const model = { weights: weightMap({ weights: { "s=groei": 2, "s=daalt": -1.5, "p=niet_goed": -1, lex: 1.2 } }), alpha: 0.9375 };
  it("makes each word's contribution the sum of its features' weights, and the contributions sum to the score", () => {
    const tokens = tokensOf("De groei is niet goed, maar de export daalt.");
    const { score, contributions } = scoreNewsSentence(tokens, model, read);
    expect(contributions.reduce((sum, c) => sum + c.value, 0)).toBeCloseTo(score, 10);
    const { features } = read(tokens);
    const norm = featureNorm(features);
    // groei 2, the pair "niet goed" −1 (−0.5 on each word), goed's lexicon score 0.7 × 1.2, daalt −1.5.
    const raw = (2 - 1 + 0.7 * 1.2 - 1.5) / norm;
    expect(score).toBeCloseTo(raw / Math.sqrt(raw * raw + 0.9375), 5);
    // "goed" holds half of "niet goed" and its lexicon feature; "niet" the other half.
    const at = (word: string) => contributions.find((c) => tokens.find((t) => t.start === c.start)!.value === word)!.value;
    expect(at("goed") / at("niet")).toBeCloseTo((-0.5 + 0.84) / -0.5, 4);
    expect(contributions.map((c) => tokens.find((t) => t.start === c.start)!.value)).not.toContain("de");
  });
  it("scores a sentence without known words 0, with no contributions", () => {
    expect(scoreNewsSentence(tokensOf("Rutte, Poetin."), model, read)).toEqual({ score: 0, contributions: [] });
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
    const bounds = sharedResources().sentiment.newsThresholds!;
    expect(analyzeText("Banen verdwijnen bij bank", "nl").sentiment.score!).toBeLessThan(bounds.negative);
    expect(analyzeText("Economie groeit harder dan verwacht", "nl").sentiment.score!).toBeGreaterThan(bounds.positive);
  });
  it("scores a headline given on one line (a lone line is a paragraph, not a heading)", () => {
    const record = analyzeText("Werkloosheid stijgt flink", "nl");
    expect(record.blocks.map((b) => [b.kind, b.rule])).toEqual([["paragraph", "single-line"]]);
    expect(record.sentiment.score).not.toBeNull();
  });
});
