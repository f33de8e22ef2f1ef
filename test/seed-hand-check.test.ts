// The seed hand check: counts and judgements made by reading the five seed texts (corpus/checks/).
// If a change to a codebook or the matcher moves them, this fails until the texts are re-read and the file
// (and the figures in the README and the closing notes) are updated.
import { describe, expect, it } from "vitest";
import { compareHandCheck } from "../data-loaders/hand-check.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { readHandCheck } from "../data-loaders/read-corpus.ts";
import type { ArticleRecord } from "../data-loaders/types.ts";
import { runAnalyze } from "./helpers.ts";

const records: ArticleRecord[] = runAnalyze([]).stdout.trimEnd().split("\n").map((line) => JSON.parse(line));
const comparison = compareHandCheck(readHandCheck(corpusPaths({}).handCheck), records);

describe("the seed hand check", () => {
  it("covers articles that are all in the bundled corpus", () => {
    expect(comparison.missing).toEqual([]);
  });
  it("matches the hegemon, multipolar and vassal counts verified by reading", () => {
    expect(comparison.frames.filter((row) => row.found !== row.checked)).toEqual([]);
  });
  it("matches the personified and generic uses of Hegemon verified by reading", () => {
    expect(comparison.hegemonForms.filter((row) => row.found !== row.checked)).toEqual([]);
  });
  it("finds scare quotes with the precision and recall reported on the methods page (22 of 25 detected, 22 of 23 judged)", () => {
    expect([comparison.scareQuotes.truePositives, comparison.scareQuotes.detected, comparison.scareQuotes.judged]).toEqual([22, 25, 23]);
  });
});
