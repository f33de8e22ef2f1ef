// The search index's postings spilled to runs on disk publish the same shards as postings held in memory.
import { describe, expect, it } from "vitest";
import { SearchIndexBuilder, foldSentences, searchableSentences } from "../../data-loaders/publish/search-index.ts";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";

describe("SearchIndexBuilder(spillNumbers) with its postings spilled to disk", async () => {
  const resources = sharedResources();
  const articles: Array<Array<[number, string]>> = [];
  for await (const article of readCorpus(SEED_CORPUS)) articles.push(searchableSentences(analyzeArticle(article, resources)));
  // Every third article closed (its counts only), as in a public build; the same articles to both builders.
  const build = (spillNumbers?: number) => {
    const builder = new SearchIndexBuilder(spillNumbers);
    articles.forEach((sentences, i) => builder.add(i, foldSentences(sentences), i % 3 === 2));
    return builder;
  };
  it("publishes the same shards, chunks and frequencies as one holding every posting in memory", () => {
    const held = build();
    // One number held at most: each article's postings are a run of their own.
    const spilled = build(1);
    expect(held.runsSpilled()).toBe(0);
    expect(spilled.runsSpilled()).toBe(articles.length);
    expect(JSON.stringify(spilled.shards(4096, 200))).toBe(JSON.stringify(held.shards(4096, 200)));
    expect(spilled.frequencies(512)).toEqual(held.frequencies(512));
    expect(spilled.totals()).toEqual(held.totals());
    spilled.dispose();
  });
});
