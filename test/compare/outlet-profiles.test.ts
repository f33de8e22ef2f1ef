import { describe, expect, it } from "vitest";
import { categoryAcrossOutlets, outletProfiles, toneMean, type ProfileArticle } from "../../data-loaders/compare/outlet-profiles.ts";
import type { ArticleFacts } from "../../data-loaders/compare/outlet-facts.ts";

const noFacts: ArticleFacts = { tone: { own: [0, 0, 0], quoted: [0, 0, 0] }, categories: [] };

/** An article of the fixture: its source, words, date, frame counts, facts and voices. */
function article(
  id: string,
  source: string | null,
  overrides: Partial<ProfileArticle["summary"]>,
  facts = noFacts,
  voices: ProfileArticle["voices"] = [],
): ProfileArticle {
  return {
    summary: {
      id,
      words: 1000,
      sentences: 40,
      published: null,
      sourceName: source,
      sourceBasis: source ? "declared" : "none",
      frames: {},
      devices: {},
      ...overrides,
    },
    facts,
    voices,
  };
}

// Outlet "A": two articles. a1 has 2 own-voice sentences (scores −0.3 and 0.1, the negative one weighted 2:
// weighted sum 2 × −0.3 + 0.1 = −0.5 over weights 3) and 1 quoted (0.2); a2 has 1 own-voice sentence (0.3).
const a1: ArticleFacts = {
  tone: { own: [2, -0.5, 3], quoted: [1, 0.2, 1] },
  categories: [
    {
      kind: "frame",
      category: "hegemon",
      occurrences: [
        [4, "own", null],
        [7, "direct", "Li Haidong"],
      ],
      tone: [2, -0.4, 3],
    },
  ],
};
const a2: ArticleFacts = {
  tone: { own: [1, 0.3, 1], quoted: [0, 0, 0] },
  categories: [{ kind: "frame", category: "hegemon", occurrences: [[0, "scare", null]], tone: [1, 0.3, 1] }],
};
const corpus = [
  article("a2", "A", { published: "2024-02-10", frames: { hegemon: 1 } }, a2, [
    { speaker: "Li Haidong", type: "other-media", sentence: 3 },
  ]),
  article("a1", "A", { published: "2024-01", words: 500, frames: { hegemon: 2 } }, a1, [
    { speaker: "Li Haidong", type: "other-media", sentence: 7 },
    { speaker: null, type: "unresolved", sentence: 9 },
  ]),
  article("b1", "B", { published: "2024" }),
  article("n1", null, {}),
];

describe("toneMean(sum)", () => {
  it("pools weighted scores over weights, rounded to millionths, and is null over no sentences", () => {
    expect(toneMean([3, -0.4, 4])).toEqual({ sentences: 3, mean: -0.1, low: null, high: null });
    expect(toneMean([0, 0, 0])).toEqual({ sentences: 0, mean: null, low: null, high: null });
    expect(toneMean([3, -0.4, 4], { low: -0.3, high: 0.1 })).toEqual({ sentences: 3, mean: -0.1, low: -0.3, high: 0.1 });
  });
});

describe("outletProfiles(articles)", () => {
  const profiles = outletProfiles(corpus);
  const a = profiles.find((p) => p.source === "A")!;

  it("groups by source as the outlet grouping does, outlets in code-unit order, articles in id order", () => {
    expect(profiles.map((p) => [p.source, p.articles, p.words])).toEqual([
      ["A", ["a1", "a2"], 1500],
      ["B", ["b1"], 1000],
      ["no source stated", ["n1"], 1000],
    ]);
  });

  it("pools the tone of own-voice and quoted sentences over the outlet's articles", () => {
    // own: (−0.5 + 0.3) / (3 + 1) = −0.05 over 3 sentences; quoted: 0.2 / 1 over 1.
    expect(a.tone).toMatchObject({ own: { sentences: 3, mean: -0.05 }, quoted: { sentences: 1, mean: 0.2 } });
  });

  it("bootstraps the outlet's tone over its articles: an interval needs sentences from two of them", () => {
    // Own voice: a1 −0.5 over weights 3 (−0.1667), a2 0.3 over 1; a resample is all a1, all a2 or one of
    // each, so the interval runs from a1's mean to a2's. Quoted sentences are in a1 only: no interval.
    expect(a.tone.own).toMatchObject({ low: -0.166667, high: 0.3 });
    expect(a.tone.quoted).toMatchObject({ low: null, high: null });
  });

  it("splits a frame's occurrences by voice, names its speakers, and sets its sentences' tone against the others'", () => {
    const [hegemon] = a.categories;
    expect(hegemon).toMatchObject({ kind: "frame", category: "hegemon", count: 3, own: 1, direct: 1, scare: 1 });
    expect(hegemon!.speakers).toEqual([{ speaker: "Li Haidong", count: 1 }]);
    // Carrying: (−0.4 + 0.3) / (3 + 1) = −0.025 over 3 sentences. All sentences: (−0.5 + 0.2 + 0.3) / 5 = 0
    // over 4, so the other sentence: (0 − (−0.1)) / (5 − 4) = 0.1 over 1.
    expect(hegemon!.carrying).toEqual({ sentences: 3, mean: -0.025, low: -0.133333, high: 0.3 });
    // The other sentence is a1's quoted one alone: one article, no interval.
    expect(hegemon!.other).toEqual({ sentences: 1, mean: 0.1, low: null, high: null });
    expect(hegemon!.sentences).toEqual([
      ["a1", 4, "own"],
      ["a1", 7, "direct"],
      ["a2", 0, "scare"],
    ]);
  });

  it("counts voices by type and lists named speakers with where each is first quoted", () => {
    expect(a.voiceTypes).toEqual([
      { type: "other-media", count: 2 },
      { type: "unresolved", count: 1 },
    ]);
    expect(a.speakers).toEqual([{ speaker: "Li Haidong", type: "other-media", count: 2, articles: 2, first: ["a1", 7] }]);
  });

  it("places an article in a month only when it is dated at least to the month", () => {
    expect(a.months).toEqual([
      { month: "2024-01", articles: 1, words: 500, frames: { hegemon: 2 }, devices: {} },
      { month: "2024-02", articles: 1, words: 1000, frames: { hegemon: 1 }, devices: {} },
    ]);
    expect(profiles.find((p) => p.source === "B")!.months).toEqual([]);
  });
});

describe("categoryAcrossOutlets(profiles, kind, category, listed)", () => {
  it("lists only the outlets that use it, their sentences cut to `listed` with the rest counted", () => {
    const rows = categoryAcrossOutlets(outletProfiles(corpus), "frame", "hegemon", 2);
    expect(rows.map((r) => [r.source, r.count, r.sentences.length, r.moreSentences])).toEqual([["A", 3, 2, 1]]);
    expect(rows[0]!.months).toEqual([
      ["2024-01", 1, 500, 2],
      ["2024-02", 1, 1000, 1],
    ]);
    expect(categoryAcrossOutlets(outletProfiles(corpus), "device", "hedges")).toEqual([]);
  });
});
