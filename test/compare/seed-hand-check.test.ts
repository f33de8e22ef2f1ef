// The seed hand check: counts and judgements made by reading the five seed texts (corpus/checks/).
// If a change to a codebook or the matcher moves them, this fails until the texts are re-read and the file
// (and the figures in the README and the closing notes) are updated.
import { describe, expect, it } from "vitest";
import { compareHandCheck } from "../../data-loaders/compare/hand-check.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { readHandCheck } from "../../data-loaders/pipeline/read-data-files.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { analyzeInOrder } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { indexCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { sharedResources } from "../helpers.ts";

// The bundled corpus analysed in this process, exactly as the CLI analyses it (the CLI's own tests check the
// two agree byte for byte); the records are the JSON the CLI prints.
const records: ArticleRecord[] = [];
const paths = corpusPaths({});
for await (const json of analyzeInOrder(await indexCorpus(paths.articles), paths, sharedResources(), { workers: 1 }))
  records.push(JSON.parse(json.toString()) as ArticleRecord);
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
  it("anchors every hand-coded attribution at the text it quotes", () => {
    const handCheck = readHandCheck(corpusPaths({}).handCheck);
    const misplaced = handCheck.attributions.filter(
      (a) => records.find((r) => r.id === a.article)?.text.slice(a.at, a.at + a.text.length) !== a.text,
    );
    expect(misplaced).toEqual([]);
  });
  it("attributes quotations with the precision and recall reported on the methods page", () => {
    const a = comparison.attributions;
    // 48 coded (speech cues 3.0.0 adds three thoughts and two reports to the coding); 40 found (recall 0.83);
    // 49 found by the pipeline, 40 of them coded (precision 0.82); 28 of the 46 coded speakers named
    // correctly, and 28 of the 34 speakers the pipeline named are correct (0.82, model 1.1.0; model 1.0.0:
    // 29 of 36, 0.81, the pair model of 1.1.0 naming fewer). Model 1.2.0 (its ranker and pair model refitted
    // with the relative-pronoun rules) finds "The Washington Post published" again: 41 found of 48, 41 of
    // its 50 coded, 29 of 35 speakers right, 36 kinds agreeing. The rules alone (0.19.1) found 41 of 47 and
    // named 32 of 36 right; the learned model misses "claimed", "termed" and "kept saying" here and adds
    // "looks", "talking" and "citing".
    expect([
      a.coded,
      a.found,
      a.detected,
      a.matched,
      a.codedSpeakers,
      a.correctSpeakers,
      a.namedSpeakers,
      a.namedCorrect,
      a.kindAgreement,
    ]).toEqual([48, 41, 50, 41, 46, 29, 35, 29, 36]);
  });
});
