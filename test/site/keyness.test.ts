// Keyness statistics against worked values computed independently (Python's math module: the four-cell
// G² = 2 Σ O ln(O/E), p = erfc(√(G²/2)), Log Ratio = log2 of the ratio of relative frequencies), and the
// selection of keywords by frequency, range and significance.
import { describe, expect, it } from "vitest";
import { keyness, logLikelihood, logRatio, pValue, restOf } from "../../src/components/keyness.ts";
import type { FrequencyList } from "../../data-loaders/schema/site-outputs.ts";

// [a, b, c, d] = occurrences in target and reference, then their sizes in tokens; expected G², p, Log Ratio.
const WORKED: Array<[[number, number, number, number], number, number, number]> = [
  // Rayson's textbook case: 100 vs 50 per million (his two-cell LL gives 16.99 too).
  [[100, 50, 1_000_000, 1_000_000], 16.991153773296887, 3.755438371228976e-5, 1],
  [[20, 10, 1000, 1000], 3.448742375226546, 0.06329991685134365, 1],
  [[0, 12, 5000, 20_000], -5.356885750149724, 0.020640601242041527, -2.584962500721156],
  [[7, 0, 800, 120_000], 70.30294150996482, 5.086179814080197e-17, 11.036173612553485],
  [[39, 3, 1221, 3916], 93.00109901411213, 5.226530930498341e-22, 5.381757282757384],
];

describe("logLikelihood, pValue and logRatio", () => {
  it.each(WORKED)("match the worked values for %j", ([a, b, c, d], g2, p, lr) => {
    expect(logLikelihood(a, b, c, d)).toBeCloseTo(g2, 9);
    expect(pValue(logLikelihood(a, b, c, d)) / p).toBeCloseTo(1, 5);
    expect(logRatio(a, b, c, d)).toBeCloseTo(lr, 12);
  });

  it("gives G² 0 and p 1 when the relative frequencies are equal", () => {
    expect(logLikelihood(5, 10, 1000, 2000)).toBeCloseTo(0, 12);
    expect(pValue(0)).toBeCloseTo(1, 6);
  });
});

const list = (tokens: number, articles: number, features: Array<[string, number, number]>): FrequencyList => ({
  language: "en",
  articles,
  tokens,
  features,
});

describe("keyness(target, reference, options)", () => {
  const corpus = list(3000, 6, [
    ["hegemon", 40, 4],
    ["the", 300, 6],
    ["the hegemon", 30, 3],
    ["vassal", 12, 2],
    ["rare", 3, 1],
  ]);
  const target = list(1000, 2, [
    ["hegemon", 38, 2],
    ["the", 100, 2],
    ["the hegemon", 29, 2],
    ["rare", 3, 1],
  ]);
  const options = { minFrequency: 5, minArticles: 2, alpha: 0.01, bonferroni: false, features: "words" } as const;

  it("measures the target against the rest of the corpus", () => {
    const rest = restOf(corpus, target);
    expect(rest.tokens).toBe(2000);
    expect(rest.features).toContainEqual(["hegemon", 2, 2]);
    const { over, under, tested } = keyness(target, rest, options);
    expect(tested).toBe(4);
    expect(over.map((r) => r.feature)).toEqual(["hegemon"]);
    expect(over[0]!.g2).toBeCloseTo(logLikelihood(38, 2, 1000, 2000), 12);
    // "vassal" is never used by the target: key by its absence, judged on the reference's 12 in 2 articles.
    expect(under.map((r) => r.feature)).toEqual(["vassal"]);
    // "rare" (3 in one article) is below the least frequency and range.
    expect([...over, ...under].some((r) => r.feature === "rare")).toBe(false);
  });

  it("lists phrases only when asked, and tightens the level with Bonferroni", () => {
    const rest = restOf(corpus, target);
    expect(keyness(target, rest, { ...options, features: "phrases" }).over.map((r) => r.feature)).toEqual(["the hegemon"]);
    expect(keyness(target, rest, { ...options, features: "both" }).over.map((r) => r.feature)).toEqual(["hegemon", "the hegemon"]);
    const strict = keyness(target, rest, { ...options, alpha: 1e-12, bonferroni: true });
    expect(strict.over.every((r) => r.p < 1e-12 / strict.tested)).toBe(true);
  });
});
