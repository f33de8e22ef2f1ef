// Scoring attribution as citron scores PARC 3.0: worked by hand on small made-up spans.
import { describe, expect, it } from "vitest";
import { attributionFigures, bootstrapOverItems, scoreAttributions } from "../../data-loaders/voices/evaluate-attribution.ts";

const span = (start: number, end: number) => ({ start, end });

describe("scoreAttributions(gold, predicted)", () => {
  const gold = [
    { cue: [span(10, 14)], source: [span(0, 9)], content: [span(15, 29)] }, // found, right speaker, content overlaps
    { cue: [span(40, 44), span(50, 52)], source: [span(30, 39)], content: [span(53, 60)] }, // discontinuous cue, wrong speaker and content
    { cue: [span(70, 75)], source: null, content: [span(76, 80)] }, // no source annotated; content missed
    { cue: null, source: [span(90, 95)], content: null }, // no cue annotated: its source can never be matched
  ];
  const predicted = [
    { cue: span(11, 13), source: span(2, 5), content: span(20, 24) },
    { cue: span(50, 51), source: span(20, 25), content: span(61, 65) },
    { cue: span(100, 104), source: span(96, 99), content: span(105, 110) }, // a cue the annotators did not mark
    { cue: null, source: span(0, 3), content: span(20, 24) }, // no cue: not counted
  ];
  const counts = scoreAttributions(gold, predicted);
  it("counts cue precision and recall by overlap", () => {
    expect([counts.correctPredictedCues, counts.predictedCues]).toEqual([2, 3]);
    expect([counts.foundGoldCues, counts.goldCues]).toEqual([2, 3]);
  });
  it("counts a source only when its cue matches and its speaker overlaps the gold source", () => {
    expect([counts.correctPredictedSources, counts.predictedSources]).toEqual([1, 3]);
    expect([counts.foundGoldSources, counts.goldSources]).toEqual([1, 3]);
  });
  it("counts a content only when its cue matches and it overlaps that attribution's content", () => {
    expect([counts.correctPredictedContents, counts.predictedContents]).toEqual([1, 3]);
    expect([counts.foundGoldContents, counts.goldContents]).toEqual([1, 3]);
  });
  it("adds counts over articles before dividing (micro-averaging)", () => {
    const { cue, source } = attributionFigures([counts, counts]);
    expect(cue.precision).toBeCloseTo(2 / 3, 12);
    expect(cue.f1).toBeCloseTo(2 / 3, 12);
    expect(source.precision).toBeCloseTo(1 / 3, 12);
    expect(source.recall).toBeCloseTo(1 / 3, 12);
  });
});

describe("bootstrapOverItems(items, statistic)", () => {
  it("brackets the point estimate and repeats exactly with the same seed", () => {
    const items = Array.from({ length: 50 }, (_, i) => i % 3);
    const mean = (sample: readonly number[]) => ({ mean: sample.reduce((a, b) => a + b, 0) / sample.length });
    const first = bootstrapOverItems(items, mean, { resamples: 500, seed: 3 });
    expect(first.mean.low).toBeLessThanOrEqual(first.mean.value);
    expect(first.mean.high).toBeGreaterThanOrEqual(first.mean.value);
    expect(bootstrapOverItems(items, mean, { resamples: 500, seed: 3 })).toEqual(first);
  });
});
