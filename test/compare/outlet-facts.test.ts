import { describe, expect, it } from "vitest";
import { analyzeText } from "../helpers.ts";
import { articleFacts } from "../../data-loaders/compare/outlet-facts.ts";

describe("articleFacts(record, negativeWeight)", () => {
  const record = analyzeText(
    'The Hegemon is failing badly.\n\n"The Hegemon will fall," said Li Haidong, a professor at the China Foreign Affairs University.\n\nThe so-called "rules-based order" serves the Hegemon.',
  );
  const facts = articleFacts(record, 2);

  it("says where each occurrence stands and who speaks when it stands in an attribution", () => {
    const hegemon = facts.categories.find((c) => c.kind === "frame" && c.category === "hegemon")!;
    expect(hegemon.occurrences).toEqual([
      [0, "own", null],
      [1, "direct", "Li Haidong"],
      [2, "own", null],
    ]);
    expect(facts.categories.find((c) => c.category === "rules-based-order")!.occurrences).toEqual([[2, "scare", null]]);
  });

  it("weighs a negative sentence as article tone does: −0.75063 counts twice, so the sum is −1.50126 over weights 2 + 1 + 1", () => {
    // The scorer's sentence scores are the input; only the weighting is checked here.
    expect(record.sentiment.sentences.map((s) => [s.score, s.quote])).toEqual([
      [-0.75063, null],
      [0, null],
      [0, null],
    ]);
    expect(facts.tone.own).toEqual([3, -1.50126, 4]);
    expect(facts.tone.quoted).toEqual([0, 0, 0]);
  });

  it("lists categories once each, by kind then id, with the tone of the sentences carrying them", () => {
    expect(facts.categories.map((c) => [c.kind, c.category, c.tone])).toEqual([
      ["device", "scare-quotes", [1, 0, 1]],
      ["frame", "hegemon", [3, -1.50126, 4]],
      ["frame", "rules-based-order", [1, 0, 1]],
    ]);
  });
});
