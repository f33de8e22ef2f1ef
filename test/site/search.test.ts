// Full-text search: the browser's tokenizer is the index's, and a query finds exactly the sentences a
// plain scan of every sentence finds (words, phrases, wildcards; case and diacritics ignored).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SearchIndexBuilder,
  foldSentences,
  foldWord as indexFold,
  searchableSentences,
  searchWords,
  shardName as indexShard,
} from "../../data-loaders/publish/search-index.ts";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { SearchShard } from "../../data-loaders/schema/site-outputs.ts";
import {
  closedCounts,
  closedLine,
  contextLine,
  parseQuery,
  searchIndex,
  shardName,
  wordSpans,
  type SearchHit,
} from "../../src/components/search.ts";
import { postingsFrequency } from "../../data-loaders/portable/collocates.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";

describe("the browser's tokenizer and the index's", () => {
  it("give the same words and shards for any text", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "É", "ë", "ß", "1", " ", "-", "’", "\u0301", "İ", "Ж", "中", "*", "\n"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (t) => {
        const words = wordSpans(t).map((w) => w.word);
        expect(words).toEqual(searchWords(t));
        for (const w of words) expect(shardName(w)).toBe(indexShard(w));
      }),
      { numRuns: 500, seed: 7 },
    );
    expect(indexFold("Eurazië")).toBe("eurazie");
  });
});

describe("searchIndex(query, shards, fetchShard) on the seeds", async () => {
  const resources = sharedResources();
  const articles: Array<Array<[number, string]>> = [];
  for await (const article of readCorpus(SEED_CORPUS)) articles.push(searchableSentences(analyzeArticle(article, resources)));
  const builder = new SearchIndexBuilder();
  articles.forEach((sentences, i) => builder.add(i, foldSentences(sentences)));
  // The shards as the site publishes them, through JSON.
  const shards = new Map(builder.shards().map(({ name, shard }) => [name, JSON.parse(JSON.stringify(shard)) as SearchShard]));
  const fetched: string[] = [];
  const run = async (q: string) => {
    const parsed = parseQuery(q);
    if ("error" in parsed) throw new Error(parsed.error);
    return searchIndex(parsed, [...shards.keys()], async (name) => (fetched.push(name), shards.get(name)!));
  };
  // The oracle: scan every sentence's words for the query's words in a row.
  const scan = (test: (words: string[], at: number) => number): SearchHit[] =>
    articles.flatMap((sentences, article) =>
      sentences.flatMap(([sentence, text]) => {
        const words = searchWords(text);
        return words.flatMap((_, at) => {
          const length = test(words, at);
          return length ? [{ article, sentence, position: at, length }] : [];
        });
      }),
    );

  it("finds every occurrence of a word whatever its case, and only there", async () => {
    const hits = await run("POETIN");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(scan((w, at) => (w[at] === "poetin" ? 1 : 0)));
    expect(fetched).toEqual(["po"]);
  });

  it("finds a phrase only with its words next to each other in one sentence", async () => {
    const hits = await run("de Hegemon");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(scan((w, at) => (w[at] === "de" && w[at + 1] === "hegemon" ? 2 : 0)));
  });

  it("expands a wildcard over every indexed word it matches, diacritics folded", async () => {
    const hits = await run("hegemon*");
    expect(hits).toEqual(scan((w, at) => (w[at]!.startsWith("hegemon") ? 1 : 0)));
    expect(new Set(hits.map((h) => h.article)).size).toBeGreaterThan(1);
    const folded = await run("eurazi*");
    expect(folded).toEqual(scan((w, at) => (w[at]!.startsWith("eurazi") ? 1 : 0)));
  });

  it("marks the matched words in their sentence", async () => {
    const [hit] = await run("de Hegemon");
    const text = new Map(articles[hit!.article]!).get(hit!.sentence)!;
    expect(contextLine(text, hit!).match.toLowerCase()).toBe("de hegemon");
  });

  it("answers nothing, not an error, for a word no article has", async () => {
    expect(await run("zzyzx")).toEqual([]);
  });
});

describe("parseQuery(query)", () => {
  it("says what is wrong with a query it cannot run", () => {
    expect(parseQuery("*ism")).toEqual({ error: '"*ism": a wildcard needs at least 2 letters before the *' });
    expect(parseQuery(" - ")).toHaveProperty("error");
    expect(parseQuery("Pro-Kremlin")).toEqual({
      words: [
        { text: "pro", pattern: null },
        { text: "kremlin", pattern: null },
      ],
    });
  });
});

describe("closedLine(query)", () => {
  it("shows a closed article's hit as the query's words, with no context and no position", () => {
    const parsed = parseQuery("Poetin hegemon*");
    if ("error" in parsed) throw new Error(parsed.error);
    expect(closedLine(parsed)).toEqual({ left: "", match: "poetin hegemon*", right: "", position: null });
  });
});

describe("a closed article in the index (public build): counts only", () => {
  // Article 0 is open, article 1 closed: the index keeps how often article 1 has each word, nothing more.
  // Postings: article 0 (gap 0), once, at sentence 0 position 1; article 1 (gap 1), twice, no places.
  const builder = new SearchIndexBuilder();
  builder.add(0, foldSentences([[0, "The hegemon spoke."]]));
  builder.add(
    1,
    foldSentences([
      [0, "A hegemon, a vassal."],
      [3, "The hegemon again."],
    ]),
    true,
  );
  const shards = new Map(builder.shards().map(({ name, shard }) => [name, JSON.parse(JSON.stringify(shard)) as SearchShard]));
  const fetch = async (name: string) => shards.get(name)!;
  const query = (q: string) => {
    const parsed = parseQuery(q);
    if ("error" in parsed) throw new Error(parsed.error);
    return parsed;
  };

  it("publishes the closed article's header alone, its count negated", () => {
    expect(shards.get("he")!.words).toEqual([["hegemon", [0, 1, 0, 1, 1, -2]]]);
    expect(postingsFrequency(shards.get("he")!.words[0]![1])).toBe(3);
  });

  it("finds placed hits in open texts only, and how often each closed article has a one-word query", async () => {
    expect(await searchIndex(query("hegemon"), [...shards.keys()], fetch)).toEqual([{ article: 0, sentence: 0, position: 1, length: 1 }]);
    expect(await closedCounts(query("hegemon"), [...shards.keys()], fetch)).toEqual([{ article: 1, occurrences: 2 }]);
    expect(await closedCounts(query("a vassal"), [...shards.keys()], fetch)).toEqual([]);
    expect(await searchIndex(query("a vassal"), [...shards.keys()], fetch)).toEqual([]);
  });
});
