// The span-pair design (issue 28): the features of a (cue, candidate speaker) pair
// (data-loaders/voices/pair-features.ts) and the decision that keeps or drops a cue with its speaker
// (data-loaders/voices/pair-model.ts), on sentences written for the test.
import { describe, expect, it } from "vitest";
import { attributionInput, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { attributeQuotes } from "../../data-loaders/voices/attribute-quotes.ts";
import type { DetectedCue } from "../../data-loaders/voices/detect-cues.ts";
import { detectOutlets } from "../../data-loaders/voices/outlets.ts";
import { cueTenth, pairFeatures } from "../../data-loaders/voices/pair-features.ts";
import type { PairDecision } from "../../data-loaders/voices/pair-model.ts";
import { sharedResources } from "../helpers.ts";

/** The text's input to attribution with one learned cue, the first occurrence of `cue`, at `probability`. */
function inputWithCue(text: string, cue: string, probability: number) {
  const resources = sharedResources();
  const read = readText(text, "en", resources);
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, "en");
  const start = text.indexOf(cue);
  const detected: DetectedCue = { start, end: start + cue.length, probability, reasons: [] };
  return attributionInput(read, "en", outlets, resources, [detected]);
}

/** The pair features of the cue with the candidate written `written`. */
function featuresOf(text: string, cue: string, written: string, probability = 0.45): string[] {
  const found: string[][] = [];
  attributeQuotes({
    ...inputWithCue(text, cue, probability),
    observeSpeakers: (c, candidates, ctx) => {
      for (const k of candidates) if (text.slice(k.mention.start, k.mention.end) === written) found.push(pairFeatures(ctx, c, k));
    },
  });
  expect(found, `pair "${cue}" + "${written}"`).toHaveLength(1);
  return found[0]!;
}

describe("pairFeatures(ctx, cue, candidate)", () => {
  it("names the cue's probability in tenths and keeps the ranker's features", () => {
    const f = featuresOf("Sergey Lavrov said the talks had failed.", "said", "Sergey Lavrov");
    expect(f).toEqual(expect.arrayContaining(["cue-p=0.4", "cue-stem=said", "kind=person", "side=before"]));
  });
  it("reads 'X said' as the subject pattern, with nothing between", () => {
    const f = featuresOf("Sergey Lavrov said the talks had failed.", "said", "Sergey Lavrov");
    expect(f).toEqual(
      expect.arrayContaining(["pattern=subject", "cue-p|pattern=0.4|subject", "cue|pattern=said|subject", "nothing-between"]),
    );
  });
  it("reads '”, said X' as a quotation's inverted speaker", () => {
    const f = featuresOf("“We will not give in,” said Sergey Lavrov.", "said", "Sergey Lavrov");
    expect(f).toContain("pattern=quote-inverted");
  });
  it("reads 'according to X' as a source preposition's pattern", () => {
    expect(featuresOf("The talks failed, according to Sergey Lavrov.", "according to", "Sergey Lavrov")).toContain("pattern=according-to");
  });
  it("reads 'X, who …, said' as a relative clause, with a comma and a verb between", () => {
    const f = featuresOf("Sergey Lavrov, who met Wang Yi in Beijing, said the talks had failed.", "said", "Sergey Lavrov");
    expect(f).toEqual(expect.arrayContaining(["pattern=relative-clause", "between-comma", "between-verb", "between-mention"]));
  });
  it("reads 'X told Y' as the subject of an object cue", () => {
    expect(featuresOf("Sergey Lavrov told Reuters that the talks had failed.", "told", "Sergey Lavrov")).toContain("pattern=subject-told");
  });
});

describe("cueTenth(probability)", () => {
  it("names the tenth a probability falls in, 1 in the last", () => {
    expect([0, 0.09, 0.1, 0.37, 0.99, 1].map(cueTenth)).toEqual(["0.0", "0.0", "0.1", "0.3", "0.9", "0.9"]);
  });
});

describe("choosePair(ctx, cue, earlier, decision, heads)", () => {
  const text = "Sergey Lavrov said the talks had failed.";
  // A model that likes only the subject pattern: a pair in it scores logistic(3) ≈ 0.95, any other logistic(-3).
  const decision = (accept: number): PairDecision => ({
    model: { bias: -3, weights: new Map([["pattern=subject", 6]]) },
    accept,
    pairThreshold: 0.7,
    speakerThreshold: 0.5,
    ranker: null,
  });
  const decide = (probability: number, accept: number, sentence = text, cue = "said") => {
    const input = inputWithCue(sentence, cue, probability);
    return attributeQuotes({ ...input, pairDecision: decision(accept) });
  };
  it("keeps a cue below the cue threshold when its best pair reaches the pair threshold, with that pair's speaker", () => {
    const [a] = decide(0.3, 0.6);
    expect(a?.speaker).toBe("Sergey Lavrov");
    expect(a?.cueRule).toBe("cue-model");
  });
  it("drops a cue below the cue threshold whose pairs all stay below the pair threshold", () => {
    expect(decide(0.3, 0.6, "The talks had failed, said one report in passing.", "said")).toEqual([]);
  });
  it("keeps a sure cue without a good pair, with no speaker", () => {
    const made = decide(0.9, 0.6, "The talks had failed, said one report in passing.", "said");
    expect(made).toHaveLength(1);
    expect(made[0]!.speaker).toBeNull();
  });
});
