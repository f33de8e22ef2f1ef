// The frequency lists keyness is computed from: the corpus's hold every feature at the threshold, a
// group's every one of those it uses however rarely, and a grouping's groups add up to the corpus.
import { describe, expect, it } from "vitest";
import { KEYNESS_MIN_FREQUENCY, articleFeatures, keynessLists, type KeynessArticle } from "../../data-loaders/compare/keyness-lists.ts";
import { searchWords } from "../../data-loaders/publish/search-index.ts";

const article = (language: "en" | "nl", outlet: string, ...sentences: string[]): KeynessArticle => ({
  language,
  groups: { outlet },
  words: sentences.map((text) => searchWords(text)),
});

describe("articleFeatures(sentences)", () => {
  it("counts folded words and the two-word phrases inside each sentence, not across sentences", () => {
    const features = articleFeatures([
      [0, "The Hegemon, the hegemon."],
      [1, "Vassals."],
    ]);
    expect(Object.fromEntries(features)).toEqual({ the: 2, hegemon: 2, "the hegemon": 2, "hegemon the": 1, vassals: 1 });
  });
});

describe("keynessLists(articles, groupings)", () => {
  const articles = [
    article("en", "A", "the hegemon and the vassals", "the hegemon again"),
    article("en", "A", "the hegemon speaks"),
    article("en", "B", "the multipolar world and the vassals"),
    article("nl", "B", "de hegemon en de vazallen"),
  ];
  const { corpus, groups } = keynessLists(articles, ["outlet"]);

  it("keeps in the corpus list only features used at least the threshold times in that language", () => {
    const en = corpus.find((l) => l.language === "en")!;
    expect(en.features.every(([, n]) => n >= KEYNESS_MIN_FREQUENCY)).toBe(true);
    expect(en.features.map(([f]) => f)).toEqual(["hegemon", "the", "the hegemon"]);
    expect(en.tokens).toBe(5 + 3 + 3 + 6);
    expect(corpus.find((l) => l.language === "nl")!.features).toEqual([]);
  });

  it("gives each group every corpus feature it uses, and the groups add up to the corpus", () => {
    const en = corpus.find((l) => l.language === "en")!;
    const lists = groups.flatMap((g) => g.lists.filter((l) => l.language === "en"));
    for (const [feature, n, docs] of en.features) {
      const inGroups = lists.map((l) => l.features.find(([f]) => f === feature) ?? ([feature, 0, 0] as const));
      expect(inGroups.reduce((sum, [, m]) => sum + m, 0)).toBe(n);
      expect(inGroups.reduce((sum, [, , d]) => sum + d, 0)).toBe(docs);
    }
    expect(lists.reduce((sum, l) => sum + l.tokens, 0)).toBe(en.tokens);
    // B uses "the hegemon" never and "the" twice: its list has "the" although B alone is below the threshold.
    const b = groups.find((g) => g.group === "B")!.lists.find((l) => l.language === "en")!;
    expect(b.features).toEqual([["the", 2, 1]]);
    expect(groups.map((g) => [g.group, g.articles])).toEqual([
      ["A", 2],
      ["B", 2],
    ]);
  });
});

describe("keynessLists on thousands of features", () => {
  // 60 articles over 3 outlets and 2 languages, each with words drawn from a 3,000-word vocabulary by a
  // fixed recurrence: far more features than the counters start with, so they must grow.
  const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
  const articles: KeynessArticle[] = Array.from({ length: 60 }, (_, a) => ({
    language: a % 2 ? "nl" : "en",
    groups: { outlet: `O${a % 3}` },
    words: Array.from({ length: 8 }, (_, s) =>
      Array.from({ length: 40 }, (_, w) => vocabulary[(a * 7919 + s * 104729 + w * w * 31) % 3000]!),
    ),
  }));

  /** The lists as the definition says, counted with plain maps over feature texts. */
  const expected = (of: readonly KeynessArticle[], listed: ReadonlySet<string> | null) => {
    const counts = new Map<string, [number, number]>();
    for (const a of of)
      for (const [feature, n] of articleFeatures(a.words.map((w, i) => [i, w.join(" ")] as const))) {
        const entry = counts.get(feature) ?? [0, 0];
        counts.set(feature, [entry[0] + n, entry[1] + 1]);
      }
    return [...counts]
      .filter(([f, [n]]) => (listed ? listed.has(f) : n >= KEYNESS_MIN_FREQUENCY))
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([f, [n, d]]) => [f, n, d]);
  };

  it("counts every feature as a plain count by text does, for the corpus and every group", () => {
    const { corpus, groups } = keynessLists(articles, ["outlet"]);
    for (const language of ["en", "nl"] as const) {
      const own = articles.filter((a) => a.language === language);
      const list = corpus.find((l) => l.language === language)!;
      expect(list.features.length).toBeGreaterThan(1024);
      expect(list.features).toEqual(expected(own, null));
      const listed = new Set(list.features.map(([f]) => f));
      for (const g of groups) {
        const members = own.filter((a) => a.groups.outlet === g.group);
        expect(g.lists.find((l) => l.language === language)!.features).toEqual(expected(members, listed));
      }
    }
  });
});
