// The Search page's collocates and dispersion helpers (src/components/collocates.ts) on texts written here.
import { describe, expect, it } from "vitest";
import { collocates, dispersionRows, hitsWithCollocate } from "../../src/components/collocates.ts";
import type { SearchShard } from "../../data-loaders/schema/site-outputs.ts";

// Two articles; "b" has no text (a closed article of a public build).
const texts = new Map([
  [
    "a",
    new Map([
      [0, "The Hegemon and the vassal. "],
      [1, "A vassal of the Hegemon"],
    ]),
  ],
]);
const hits = [
  { id: "a", article: 0, sentence: 0, position: 1, length: 1 },
  { id: "a", article: 0, sentence: 1, position: 4, length: 1 },
  { id: "b", article: 1, sentence: 3, position: 0, length: 1 },
];
// Corpus counts as the index publishes them: "the" 10 times, "vassal" 4 times (postings: gap, n, pairs).
// Four shards, each word its own, as search.json lists them by first word.
const shards: Record<string, SearchShard> = {
  "0": { words: [["and", [0, 1, 0, 0]]] },
  "1": { words: [["of", [0, 1, 0, 0]]] },
  "2": { words: [["the", [0, 10, ...Array(20).fill(0)]]] },
  "3": { words: [["vassal", [0, 4, 0, 0, 0, 0, 0, 0, 0, 0]]] },
} as unknown as Record<string, SearchShard>;
const shardList = { shards: ["0", "1", "2", "3"], firstWords: ["and", "of", "the", "vassal"] };

describe("collocates(hits, texts, options)", () => {
  it("counts windows only where the text is published and scores with the index's counts", async () => {
    const fetched: string[] = [];
    const result = await collocates(hits, texts, {
      left: 2,
      right: 2,
      minFrequency: 2,
      limit: 10,
      corpusSize: 100,
      shardList,
      fetchShard: async (name) => (fetched.push(name), shards[name]!),
    });
    expect(result.windows).toBe(2);
    // Windows: [the | and the], [of the | —]: "the" 3 times (2 left, 1 right); "and" and "of" once, below 2.
    expect(result.rows.map((r) => [r.word, r.frequency, r.left, r.right, r.total])).toEqual([["the", 3, 2, 1, 10]]);
    // E = f(n) · f(c) · S / N = 2 · 10 · 4 / 100 = 0.8; MI = log2(3 / 0.8) = 1.90689
    expect(result.rows[0]!.expected).toBeCloseTo(0.8, 10);
    expect(result.rows[0]!.mutualInformation).toBeCloseTo(1.90689, 5);
    expect(fetched).toEqual(["2"]);
  });
});

describe("hitsWithCollocate(word, hits, texts, window)", () => {
  it("gives the lines whose window holds the word", () => {
    expect(hitsWithCollocate("vassal", hits, texts, { left: 2, right: 3 }).map((l) => l.hit.sentence)).toEqual([0]);
    expect(hitsWithCollocate("vassal", hits, texts, { left: 4, right: 0 }).map((l) => l.hit.sentence)).toEqual([1]);
  });
});

describe("dispersionRows(hits, sentenceCount, label)", () => {
  it("groups hits by article with sentence ÷ sentence count", () => {
    const rows = dispersionRows(
      hits,
      (article) => [4, 10][article]!,
      (id) => `article ${id}`,
    );
    expect(rows).toEqual([
      {
        id: "a",
        label: "article a",
        sentences: 4,
        hits: [
          { sentence: 0, at: 0 },
          { sentence: 1, at: 0.25 },
        ],
      },
      { id: "b", label: "article b", sentences: 10, hits: [{ sentence: 3, at: 0.3 }] },
    ]);
  });
});
