import { describe, expect, it } from "vitest";
import { collocateScores, postingsFrequency, windowCounts } from "../../data-loaders/portable/collocates.ts";

describe("collocateScores(counts)", () => {
  // Worked by hand. O = 2, f(n) = 4, f(c) = 5, N = 100, S = 2 (one word either side):
  //   window slots R1 = f(n)·S = 8; E = 8 · 5 / 100 = 0.4
  //   MI = log2(2 / 0.4) = log2 5 = 2.32193
  //   t = (2 − 0.4) / √2 = 1.6 / 1.41421 = 1.13137
  //   G²: cells (O, E) = (2, 0.4), (8 − 2 = 6, 8·95/100 = 7.6), (5 − 2 = 3, 92·5/100 = 4.6),
  //       (100 − 8 − 5 + 2 = 89, 92·95/100 = 87.4)
  //       2·[2 ln 5 + 6 ln(6/7.6) + 3 ln(3/4.6) + 89 ln(89/87.4)]
  //     = 2·[3.21888 − 1.41834 − 1.28233 + 1.61456] = 2·2.13277 = 4.2655
  it("matches a hand-worked table with every cell filled", () => {
    const s = collocateScores({ observed: 2, nodeFrequency: 4, collocateFrequency: 5, corpusSize: 100, span: 2 });
    expect(s.expected).toBeCloseTo(0.4, 10);
    expect(s.mutualInformation).toBeCloseTo(2.32193, 5);
    expect(s.tScore).toBeCloseTo(1.13137, 5);
    expect(s.logLikelihood).toBeCloseTo(4.2655, 3);
  });
  // Worked by hand. O = 1, f(n) = 1, f(c) = 1, N = 10, S = 2: R1 = 2; E = 2 · 1 / 10 = 0.2
  //   MI = log2(1 / 0.2) = 2.32193; t = (1 − 0.2) / √1 = 0.8
  //   G²: cells (1, 0.2), (1, 1.8), (0, 0.8) adds 0, (8, 7.2)
  //       2·[ln 5 + ln(1/1.8) + 8 ln(8/7.2)] = 2·[1.60944 − 0.58779 + 0.84288] = 2·1.86453 = 3.72907
  it("matches a hand-worked table with an empty cell (0 ln 0 = 0)", () => {
    const s = collocateScores({ observed: 1, nodeFrequency: 1, collocateFrequency: 1, corpusSize: 10, span: 2 });
    expect(s.expected).toBeCloseTo(0.2, 10);
    expect(s.mutualInformation).toBeCloseTo(2.32193, 5);
    expect(s.tScore).toBeCloseTo(0.8, 10);
    expect(s.logLikelihood).toBeCloseTo(3.72907, 4);
  });
  // Published: collogetr's MI_compute example ("tindak pidana": 702 together, 1,183 and 1,251 alone, a
  // corpus of 5,763,049 words, adjacent words, so S = 1) gives MI 11.41663.
  it("reproduces a published MI for adjacent words", () => {
    const s = collocateScores({ observed: 702, nodeFrequency: 1183, collocateFrequency: 1251, corpusSize: 5763049, span: 1 });
    expect(s.mutualInformation).toBeCloseTo(11.41663, 5);
  });
  // Published with the span: English-Corpora.org's worked MI (M. Davies, "Mutual Information"): purple 1,246
  // times, color 112, 22 together within 3L–3R (span 6), BNC of 96,263,399 words: MI = 11.30.
  it("reproduces English-Corpora.org's worked MI, whose expected frequency counts the span", () => {
    const s = collocateScores({ observed: 22, nodeFrequency: 1246, collocateFrequency: 112, corpusSize: 96263399, span: 6 });
    expect(s.expected).toBeCloseTo((1246 * 112 * 6) / 96263399, 12);
    expect(Number(s.mutualInformation.toFixed(2))).toBe(11.3);
  });
  it("gives a negative t-score and MI when a word keeps away from the node", () => {
    const s = collocateScores({ observed: 1, nodeFrequency: 10, collocateFrequency: 50, corpusSize: 100, span: 1 });
    expect(s.tScore).toBeLessThan(0);
    expect(s.mutualInformation).toBeLessThan(0);
    expect(s.logLikelihood).toBeGreaterThan(0);
  });
  it("throws on counts that cannot belong to one corpus", () => {
    expect(() => collocateScores({ observed: 3, nodeFrequency: 1, collocateFrequency: 2, corpusSize: 10, span: 2 })).toThrow(/exceeds/);
    expect(() => collocateScores({ observed: 1, nodeFrequency: 1, collocateFrequency: 2, corpusSize: 0, span: 2 })).toThrow(/positive/);
  });
});

describe("windowCounts(hits, window)", () => {
  const words = ["the", "hegemon", "and", "the", "vassal", "of", "the", "hegemon"];
  it("counts words left and right within the window, not the node itself", () => {
    const counts = windowCounts(
      [
        { words, position: 1, length: 1 },
        { words, position: 7, length: 1 },
      ],
      { left: 2, right: 2 },
    );
    expect(counts).toEqual([
      { word: "the", frequency: 3, left: 2, right: 1 },
      { word: "and", frequency: 1, left: 0, right: 1 },
      { word: "of", frequency: 1, left: 1, right: 0 },
    ]);
  });
  it("stops at the sentence's edge and skips a phrase's own words", () => {
    const counts = windowCounts([{ words, position: 3, length: 2 }], { left: 5, right: 1 });
    expect(counts.map((c) => [c.word, c.left, c.right])).toEqual([
      ["and", 1, 0],
      ["hegemon", 1, 0],
      ["of", 0, 1],
      ["the", 1, 0],
    ]);
  });
});

describe("postingsFrequency(postings)", () => {
  it("adds the counts of each article's postings", () => {
    // article 0: 2 occurrences (sentence 1 word 3, sentence 4 word 0); article 3: 1 occurrence
    expect(postingsFrequency([0, 2, 1, 3, 4, 0, 3, 1, 7, 2])).toBe(3);
  });
});
