// The learned attribution model's building blocks: scoring named features, explaining a decision, fitting a
// logistic regression reproducibly, and reading the weights file. Worked by hand on made-up features.
import { describe, expect, it } from "vitest";
import { linearScore, logistic, strongestFeatures } from "../../data-loaders/voices/linear-model.ts";
import { fitLogistic, type TrainingItem } from "../../data-loaders/voices/fit-logistic.ts";
import { compileAttributionModel } from "../../data-loaders/voices/attribution-model.ts";
import { mulberry32 } from "../../data-loaders/portable/seeded-random.ts";

const model = {
  bias: -1,
  weights: new Map([
    ["word=said", 3],
    ["tag=NOUN", -2],
    ["after-quote", 0.5],
  ]),
};

describe("linearScore(model, features) and logistic(score)", () => {
  it("adds the bias and the weight of every feature it knows, and ignores the rest", () => {
    expect(linearScore(model, ["word=said", "after-quote", "unknown"])).toBe(2.5);
    expect(linearScore(model, [])).toBe(-1);
  });
  it("maps a score to a probability: 0 to one half, symmetric around it", () => {
    expect(logistic(0)).toBe(0.5);
    expect(logistic(2) + logistic(-2)).toBeCloseTo(1, 15);
    expect(logistic(Math.log(3))).toBeCloseTo(0.75, 15);
  });
});

describe("strongestFeatures(model, features, count)", () => {
  it("names the features that weigh most by absolute weight, each once, without unweighted ones", () => {
    expect(strongestFeatures(model, ["after-quote", "tag=NOUN", "word=said", "word=said", "unknown"], 2)).toEqual([
      { feature: "word=said", weight: 3 },
      { feature: "tag=NOUN", weight: -2 },
    ]);
  });
});

describe("fitLogistic(items, settings)", () => {
  const settings = { epochs: 30, l2: 0, step: 0.5, minCount: 1, decimals: 4, seed: 7 };
  // A separable toy problem: "said" after a pronoun is a cue, "said" after "the" (an adjective: "the said
  // treaty") and any noun is not.
  const random = mulberry32(1);
  const items: TrainingItem[] = Array.from({ length: 200 }, () => {
    const r = random();
    if (r < 0.4) return { features: ["w=said", "t-1=PRON"], positive: true };
    if (r < 0.6) return { features: ["w=said", "t-1=DET"], positive: false };
    return { features: ["w=treaty", "t-1=DET"], positive: false };
  });
  it("learns weights that separate the classes, with the signs a reader expects", () => {
    const fitted = fitLogistic(items, settings);
    expect(fitted.weights.get("t-1=PRON")!).toBeGreaterThan(0);
    expect(fitted.weights.get("w=treaty")!).toBeLessThan(0);
    expect(logistic(linearScore(fitted, ["w=said", "t-1=PRON"]))).toBeGreaterThan(0.9);
    expect(logistic(linearScore(fitted, ["w=said", "t-1=DET"]))).toBeLessThan(0.1);
  });
  it("gives the same weights for the same items and seed, and rounds them", () => {
    const a = fitLogistic(items, settings);
    expect([...fitLogistic(items, settings).weights]).toEqual([...a.weights]);
    for (const w of a.weights.values()) expect(Math.round(w * 1e4) / 1e4).toBe(w);
  });
  it("sums the values given for a feature's name, and reads a feature without values as 1", () => {
    const valued = items.map((item) => ({ ...item, values: item.features.map(() => 1) }));
    expect([...fitLogistic(valued, settings).weights]).toEqual([...fitLogistic(items, settings).weights]);
    const halves = items.map((item) => ({
      features: [...item.features, ...item.features],
      values: [...item.features, ...item.features].map(() => 0.5),
      positive: item.positive,
    }));
    expect([...fitLogistic(halves, settings).weights]).toEqual([...fitLogistic(items, settings).weights]);
  });
  it("leaves out features seen in fewer items than minCount", () => {
    const rare = [...items, { features: ["w=once"], positive: true }];
    expect(fitLogistic(rare, { ...settings, minCount: 2 }).weights.has("w=once")).toBe(false);
    expect(fitLogistic(rare, { ...settings, minCount: 1 }).weights.has("w=once")).toBe(true);
  });
});

describe("compileAttributionModel(raw, bytes, file)", () => {
  const file = {
    id: "attribution-model",
    version: "1.0.0",
    licence: "weights only",
    source: "test",
    cite: "a paper",
    method: "logistic regression",
    fittedOn: { articles: 1, part: "development", settings: { "cue.epochs": 5 } },
    cue: { threshold: 0.6, bias: -1, weights: { "w=said": 2 } },
    speaker: { threshold: 0.5, bias: 0, weights: {} },
    speakerHeads: ["campaign"],
  };
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  it("reads the two models, their thresholds and the speaker heads, and stamps the file's SHA-256", () => {
    const { model: compiled, errors } = compileAttributionModel(file, bytes, "m.json");
    expect(errors).toEqual([]);
    expect(compiled!.cue!.weights.get("w=said")).toBe(2);
    expect(compiled!.cue!.threshold).toBe(0.6);
    expect(compiled!.speakerHeads.has("campaign")).toBe(true);
    expect(compiled!.stamp).toMatchObject({ id: "attribution-model", version: "1.0.0" });
    expect(compiled!.stamp.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
  it("reads the pair model with its floor and thresholds, and none when the file has none", () => {
    const pair = { cueFloor: 0.1, pairThreshold: 0.7, speakerThreshold: 0.5, bias: -1, weights: { "pattern=subject": 2 } };
    const { model: withPair } = compileAttributionModel({ ...file, pair }, bytes, "m.json");
    expect(withPair!.pair).toMatchObject({ cueFloor: 0.1, pairThreshold: 0.7, speakerThreshold: 0.5, bias: -1 });
    expect(withPair!.pair!.weights.get("pattern=subject")).toBe(2);
    expect(compileAttributionModel(file, bytes, "m.json").model!.pair).toBeNull();
  });
  it("names the file and field of every problem", () => {
    const { model: compiled, errors } = compileAttributionModel(
      { ...file, cue: { threshold: 2, bias: "x", weights: {} } },
      bytes,
      "m.json",
    );
    expect(compiled).toBeNull();
    expect(errors.map((e) => [e.file, e.field])).toEqual([
      ["m.json", "cue.threshold"],
      ["m.json", "cue.bias"],
    ]);
  });
});
