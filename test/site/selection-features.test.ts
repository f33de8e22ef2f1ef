// A selection's frequency list counted in the browser equals the list the build counts for the same
// articles as a group: same features, counts, article counts and tokens.
import { describe, expect, it } from "vitest";
import { articleFeatures, keynessLists } from "../../data-loaders/compare/keyness-lists.ts";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { searchableSentences, searchWords } from "../../data-loaders/publish/search-index.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { selectionList, textFeatures } from "../../src/components/selection-features.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";

describe("selectionList(corpus, articles)", async () => {
  const articles: Array<{ language: "en" | "nl"; sentences: Array<[number, string]> }> = [];
  for await (const article of readCorpus(SEED_CORPUS)) {
    const record = analyzeArticle(article, sharedResources());
    articles.push({ language: record.language, sentences: searchableSentences(record) });
  }

  it("counts an article's features as the build does", () => {
    for (const a of articles) expect(textFeatures(a.sentences).counts).toEqual(articleFeatures(a.sentences));
  });

  it("gives a selection the list the build gives the same articles as a group", () => {
    const selected = new Set([0, 1, 3]);
    const { corpus, groups } = keynessLists(
      articles.map((a, i) => ({
        language: a.language,
        words: a.sentences.map(([, text]) => searchWords(text)),
        groups: { pick: selected.has(i) ? "in" : "out" },
      })),
      ["pick"],
    );
    const nl = corpus.find((l) => l.language === "nl")!;
    const built = groups.find((g) => g.group === "in")!.lists.find((l) => l.language === "nl")!;
    const inBrowser = selectionList(
      nl,
      articles.filter((a, i) => selected.has(i) && a.language === "nl").map((a) => a.sentences),
    );
    expect(inBrowser).toEqual(built);
    expect(built.features.length).toBeGreaterThan(50);
  });
});
