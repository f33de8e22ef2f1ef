// Fitting the sequence model (data-loaders/voices/fit-perceptron.ts, fit-crf.ts) on sentences made up for
// the test: both fitters learn a pattern they can then apply to words they never saw together, and give
// the same weights when run twice.
import { describe, expect, it } from "vitest";
import { fitPerceptron, type TaggedSentence } from "../../data-loaders/voices/fit-perceptron.ts";
import { fitCrf } from "../../data-loaders/voices/fit-crf.ts";
import { bioAllowed, tagSentence, type SequenceModel } from "../../data-loaders/voices/sequence-model.ts";

const TAGS = ["O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE"];
const allowed = bioAllowed(TAGS);
const token = (word: string, shape: string) => [`w=${word}`, `shape=${shape}`, "bias"];

/** "<Name> <Name> said it" and "it rained": a capitalised pair before "said" is its source. */
const SENTENCES: TaggedSentence[] = [
  ...["Anna Brook", "Mark Stone", "Xi Jinping", "Sergey Lavrov"].map((name) => {
    const [first, last] = name.split(" ") as [string, string];
    return {
      tokens: [token(first, "Xx"), token(last, "Xx"), token("said", "x"), token("it", "x")],
      tags: ["B-SOURCE", "I-SOURCE", "B-CUE", "O"],
    };
  }),
  { tokens: [token("it", "x"), token("rained", "x")], tags: ["O", "O"] },
  { tokens: [token("prices", "x"), token("rose", "x"), token("again", "x")], tags: ["O", "O", "O"] },
];
const UNSEEN = [token("Vladimir", "Xx"), token("Putin", "Xx"), token("said", "x"), token("it", "x")];
const weightsOf = (model: SequenceModel) => JSON.stringify([[...model.emissions].map(([f, w]) => [f, [...w]]), [...model.transitions]]);

describe("fitPerceptron(sentences, tags, allowed, settings)", () => {
  const settings = { epochs: 10, minCount: 1, decimals: 3, seed: 1 };
  it("learns that a capitalised pair before 'said' is its source, for a name it never saw", () => {
    const model = fitPerceptron(SENTENCES, TAGS, allowed, settings);
    expect(tagSentence(model, UNSEEN)).toEqual(["B-SOURCE", "I-SOURCE", "B-CUE", "O"]);
  });
  it("gives the same weights when run twice", () => {
    expect(weightsOf(fitPerceptron(SENTENCES, TAGS, allowed, settings))).toBe(weightsOf(fitPerceptron(SENTENCES, TAGS, allowed, settings)));
  });
  it("refuses a tag the model does not have, by name", () => {
    expect(() => fitPerceptron([{ tokens: [["w=x"]], tags: ["B-CONTENT"] }], TAGS, allowed, settings)).toThrow(
      'fitPerceptron: unknown tag "B-CONTENT"',
    );
  });
});

describe("fitCrf(sentences, tags, allowed, settings)", () => {
  const settings = { epochs: 30, l2: 1e-4, step: 0.5, minCount: 1, decimals: 3, seed: 1 };
  it("learns that a capitalised pair before 'said' is its source, for a name it never saw", () => {
    const model = fitCrf(SENTENCES, TAGS, allowed, settings);
    expect(tagSentence(model, UNSEEN)).toEqual(["B-SOURCE", "I-SOURCE", "B-CUE", "O"]);
  });
  it("gives the same weights when run twice", () => {
    expect(weightsOf(fitCrf(SENTENCES, TAGS, allowed, settings))).toBe(weightsOf(fitCrf(SENTENCES, TAGS, allowed, settings)));
  });
});
