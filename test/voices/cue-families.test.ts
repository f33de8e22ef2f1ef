// The cue detector's optional candidate families (data-loaders/voices/cue-families.ts): which tokens each
// family adds to the candidates, and the features only those tokens have, on sentences written for the test.
import { describe, expect, it } from "vitest";
import { cueReading, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { CUE_FAMILIES, type CueFamily } from "../../data-loaders/voices/cue-families.ts";
import { cueCandidates } from "../../data-loaders/voices/cue-features.ts";
import { detectCues } from "../../data-loaders/voices/detect-cues.ts";
import { sharedResources } from "../helpers.ts";

const reading = (text: string) => cueReading(readText(text, "en", sharedResources()), sharedResources());

/** The candidates of a text under the given families, as written, with their features. */
function candidates(text: string, families: readonly CueFamily[]) {
  return cueCandidates(reading(text), new Set(families)).map((c) => ({ word: text.slice(c.start, c.end), features: c.features }));
}

describe("cueCandidates(reading, families): the optional families", () => {
  const text = "His criticism of the plan was harsh, and aides were critical of it.";
  it("without families scores verbs and listed words only, as models before 1.2.0 do", () => {
    const words = candidates(text, []).map((c) => c.word);
    expect(words).not.toContain("criticism");
    expect(words).not.toContain("critical");
  });
  it("'noun' adds every noun, with its family, a possessive before it and the preposition after it", () => {
    const criticism = candidates(text, ["noun"]).find((c) => c.word === "criticism")!;
    expect(criticism.features).toEqual(expect.arrayContaining(["family=noun", "after-possessive", "noun-complement=of", "t=NOUN"]));
    const plan = candidates(text, ["noun"]).find((c) => c.word === "plan")!;
    expect(plan.features).toContain("noun-complement=none");
    expect(plan.features).not.toContain("after-possessive");
  });
  it("'adjective' adds an adjective only before a preposition or a complement", () => {
    const words = candidates(text, ["adjective"]).map((c) => c.word);
    expect(words).toContain("critical");
    expect(words).not.toContain("harsh");
    expect(candidates("She is sure that it works.", ["adjective"]).map((c) => c.word)).toContain("sure");
  });
  it("'colon' adds a colon in running text, but not one inside quotation marks", () => {
    const colon = candidates("The senator had one answer: “No deal.”", ["colon"]).filter((c) => c.word === ":");
    expect(colon).toHaveLength(1);
    expect(colon[0]!.features).toEqual(expect.arrayContaining(["family=colon", "before-quote"]));
    expect(candidates("He said “one thing: no” twice.", ["colon"]).map((c) => c.word)).not.toContain(":");
  });
  it("a verb or listed word keeps its own features, with no family feature", () => {
    const said = candidates("Aides said so.", [...CUE_FAMILIES]).find((c) => c.word === "said")!;
    expect(said.features.some((f) => f.startsWith("family="))).toBe(false);
  });
});

describe("detectCues(reading, model) with a model's families", () => {
  const nouns = { threshold: 0.5, bias: -5, weights: new Map([["family=noun", 10]]) };
  it("scores the families the model names, and none it does not", () => {
    const text = "His criticism was sharp.";
    expect(detectCues(reading(text), { ...nouns, candidates: ["noun"] }).map((c) => text.slice(c.start, c.end))).toEqual(["criticism"]);
    expect(detectCues(reading(text), nouns)).toEqual([]);
  });
});
