// The linear-chain sequence model (data-loaders/voices/sequence-model.ts): Viterbi and forward–backward
// checked against brute force (every tag sequence of a short sentence enumerated), the BIO constraint,
// and the explanation of a token's tag.
import { describe, expect, it } from "vitest";
import {
  bioAllowed,
  emissionScores,
  forwardBackward,
  tagMarginals,
  tagSentence,
  tokenContributions,
  viterbi,
  type SequenceModel,
} from "../../data-loaders/voices/sequence-model.ts";
import { mulberry32 } from "../../data-loaders/portable/seeded-random.ts";

const TAGS = ["O", "B-CUE", "I-CUE"];
const allowed = bioAllowed(TAGS);

/** Every tag sequence of length n over K tags that `allowed` permits, with its score. */
function enumerate(scores: Float64Array, transitions: Float64Array, K: number, n: number) {
  const out: Array<{ path: number[]; score: number }> = [];
  const walk = (path: number[], score: number) => {
    if (path.length === n) return void out.push({ path, score });
    const previous = path.length ? path[path.length - 1]! : K;
    for (let k = 0; k < K; k++)
      if (allowed(previous, k)) walk([...path, k], score + transitions[previous * K + k]! + scores[path.length * K + k]!);
  };
  walk([], 0);
  return out;
}

/** Random emission scores and transitions for n tokens, seeded. */
function randomProblem(seed: number, n: number) {
  const random = mulberry32(seed);
  const K = TAGS.length;
  return {
    scores: Float64Array.from({ length: n * K }, () => random() * 4 - 2),
    transitions: Float64Array.from({ length: (K + 1) * K }, () => random() * 4 - 2),
  };
}

describe("viterbi(scores, transitions, K, allowed)", () => {
  it("finds the best-scoring allowed tag sequence, as enumerating every sequence does", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const n = 1 + (seed % 6);
      const { scores, transitions } = randomProblem(seed, n);
      const all = enumerate(scores, transitions, TAGS.length, n);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      expect(viterbi(scores, transitions, TAGS.length, allowed)).toEqual(best.path);
    }
  });
  it("returns no tags for no tokens", () => {
    expect(viterbi(new Float64Array(0), new Float64Array(12), 3, allowed)).toEqual([]);
  });
});

describe("forwardBackward(...) and tagMarginals(model, tokens)", () => {
  it("gives the log of the summed exp-scores of every sequence, as enumeration does", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const n = 1 + (seed % 5);
      const { scores, transitions } = randomProblem(seed, n);
      const all = enumerate(scores, transitions, TAGS.length, n);
      const expected = Math.log(all.reduce((sum, s) => sum + Math.exp(s.score), 0));
      expect(forwardBackward(scores, transitions, TAGS.length, allowed).logPartition).toBeCloseTo(expected, 10);
    }
  });
  it("gives each token's tag probabilities, which sum to 1 and match enumeration", () => {
    const model: SequenceModel = {
      tags: TAGS,
      emissions: new Map([["w=said", Float64Array.from([0, 2, 0])]]),
      transitions: new Float64Array(12),
      allowed,
    };
    const tokens = [["w=he"], ["w=said"], ["w=so"]];
    const marginals = tagMarginals(model, tokens);
    const all = enumerate(emissionScores(model, tokens), model.transitions, 3, 3);
    const total = all.reduce((sum, s) => sum + Math.exp(s.score), 0);
    const cueAtSaid = all.filter((s) => s.path[1] === 1).reduce((sum, s) => sum + Math.exp(s.score), 0) / total;
    expect(marginals[1 * 3 + 1]).toBeCloseTo(cueAtSaid, 12);
    for (let t = 0; t < 3; t++) expect(marginals[t * 3]! + marginals[t * 3 + 1]! + marginals[t * 3 + 2]!).toBeCloseTo(1, 12);
  });
});

describe("bioAllowed(tags)", () => {
  it("lets an inside tag follow only its own kind's begin or inside tag, and never open a sentence", () => {
    const both = bioAllowed(["O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE"]);
    expect(both(1, 2)).toBe(true);
    expect(both(2, 2)).toBe(true);
    expect(both(0, 2)).toBe(false);
    expect(both(3, 2)).toBe(false);
    expect(both(5, 2)).toBe(false);
    expect(both(5, 1)).toBe(true);
  });
});

describe("tagSentence(model, tokens) and tokenContributions(...)", () => {
  const model: SequenceModel = {
    tags: TAGS,
    emissions: new Map([
      ["w=said", Float64Array.from([0, 3, 0])],
      ["w=out", Float64Array.from([0, 0, 1])],
      ["t=VERB", Float64Array.from([0, 0.5, 0])],
    ]),
    transitions: new Float64Array(12),
    allowed,
  };
  it("tags a cue and its continuation", () => {
    expect(tagSentence(model, [["w=he"], ["w=said", "t=VERB"], ["w=out"]])).toEqual(["O", "B-CUE", "I-CUE"]);
  });
  it("names the features and the transition that gave a token its tag, strongest first, summing to its share", () => {
    const tokens = [["w=he"], ["w=said", "t=VERB", "w=unknown"]];
    const reasons = tokenContributions(model, tokens, ["O", "B-CUE"], 1, 5);
    expect(reasons).toEqual([
      { feature: "w=said", weight: 3 },
      { feature: "t=VERB", weight: 0.5 },
      { feature: "transition:O→B-CUE", weight: 0 },
    ]);
    expect(reasons.reduce((sum, r) => sum + r.weight, 0)).toBe(emissionScores(model, tokens)[1 * 3 + 1]);
  });
});
