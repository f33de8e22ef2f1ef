// The coding sample (seeded, stratified), the numbering of units and the codes (coding files: coding-file.test.ts).
import { describe, expect, it } from "vitest";
import {
  allocate,
  decodeFrame,
  drawSample,
  frameCode,
  normalizeSpeaker,
  readCode,
  unitPlace,
  type SamplingFrame,
} from "../../data-loaders/portable/coding.ts";

const frame: SamplingFrame = { units: 1000, coded: [[1, [3, 17, 40, 41, 500, 998]]] };

describe("drawSample(frame, options)", () => {
  it("gives the same sample for the same seed, and another for another seed", () => {
    const a = drawSample(frame, { size: 20, seed: 7, design: "stratified" });
    expect(drawSample(frame, { size: 20, seed: 7, design: "stratified" })).toEqual(a);
    expect(drawSample(frame, { size: 20, seed: 8, design: "stratified" })).not.toEqual(a);
  });
  it("draws distinct units in range", () => {
    for (const design of ["random", "stratified"] as const) {
      const sample = drawSample(frame, { size: 50, seed: 3, design });
      expect(new Set(sample).size).toBe(50);
      expect(sample.every((u) => Number.isInteger(u) && u >= 0 && u < 1000)).toBe(true);
    }
  });
  it("stratified: takes every coded unit when the stratum is smaller than its share, and fills up with the rest", () => {
    const sample = drawSample(frame, { size: 20, seed: 1, design: "stratified" });
    expect(sample).toHaveLength(20);
    expect(sample.filter((u) => frameCode(frame, u, "frame") === 1).sort((a, b) => a - b)).toEqual([3, 17, 40, 41, 500, 998]);
  });
  it("stratified by code: equal shares of each code and the rest", () => {
    const tone: SamplingFrame = {
      units: 300,
      coded: [
        [-1, Array.from({ length: 100 }, (_, i) => i)],
        [1, Array.from({ length: 100 }, (_, i) => 100 + i)],
      ],
    };
    const sample = drawSample(tone, { size: 30, seed: 2, design: "stratified", byCode: true });
    const codes = sample.map((u) => frameCode(tone, u, "tone"));
    expect([-1, 0, 1].map((c) => codes.filter((x) => x === c).length)).toEqual([10, 10, 10]);
  });
  it("never draws more units than there are", () => {
    expect(drawSample({ units: 5, coded: [] }, { size: 20, seed: 1, design: "random" }).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(drawSample({ units: 0, coded: [] }, { size: 20, seed: 1, design: "stratified" })).toEqual([]);
  });
  it("random: each unit is about equally likely over many seeds", () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2000; seed++)
      for (const u of drawSample({ units: 10, coded: [] }, { size: 3, seed, design: "random" })) counts[u]!++;
    // 6000 draws over 10 units: 600 each expected; binomial sd about 22.
    for (const c of counts) expect(Math.abs(c - 600)).toBeLessThan(110);
  });
});

describe("allocate(sizes, total)", () => {
  it("shares as equally as the strata allow", () => {
    expect(allocate([100, 100], 20)).toEqual([10, 10]);
    expect(allocate([3, 100], 20)).toEqual([3, 17]);
    expect(allocate([100, 100, 100], 20)).toEqual([7, 7, 6]);
    expect(allocate([2, 1], 20)).toEqual([2, 1]);
  });
});

describe("unitPlace(firstUnits, unit) and decodeFrame(file)", () => {
  it("finds the article and the sentence's place in it, skipping articles without units", () => {
    expect(unitPlace([0, 3, 3, 7], 0)).toEqual({ article: 0, position: 0 });
    expect(unitPlace([0, 3, 3, 7], 5)).toEqual({ article: 2, position: 2 });
    expect(unitPlace([0, 3, 3, 7], 9)).toEqual({ article: 3, position: 2 });
  });
  it("decodes first-then-differences lists", () => {
    expect(decodeFrame({ units: 50, coded: [[1, [3, 14, 23]]] }).coded).toEqual([[1, [3, 17, 40]]]);
  });
});

describe("readCode(kind, text) and normalizeSpeaker(name)", () => {
  it("reads numbers and labels, and says what the codes are", () => {
    expect(readCode("frame", "present")).toEqual({ code: 1 });
    expect(readCode("frame", " 0 ")).toEqual({ code: 0 });
    expect(readCode("tone", "-1")).toEqual({ code: -1 });
    expect(readCode("tone", "Negative")).toEqual({ code: -1 });
    expect(readCode("tone", "2")).toEqual({ error: expect.stringContaining("-1 negative, 0 neutral, 1 positive") });
    expect(readCode("speaker", " Sergéj  Lavrov")).toEqual({ code: "sergej lavrov" });
    expect(readCode("speaker", "")).toEqual({ error: expect.stringContaining("none") });
    expect(readCode("speaker", "'=Evil")).toEqual({ code: "=evil" });
    expect(readCode("speaker", "'＝Evil")).toEqual({ code: "＝evil" });
    expect(readCode("speaker", "'O'Brien")).toEqual({ code: "'o'brien" });
  });
  it("compares names without case, diacritics or extra spaces", () => {
    expect(normalizeSpeaker("  Emmanuel  MACRON ")).toBe(normalizeSpeaker("emmanuel macron"));
    expect(normalizeSpeaker("Zelenskyj")).not.toBe(normalizeSpeaker("Zelensky"));
  });
});
