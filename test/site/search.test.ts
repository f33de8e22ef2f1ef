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
} from "../../data-loaders/publish/search-index.ts";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { SearchChunk, SearchShard } from "../../data-loaders/schema/site-outputs.ts";
import { closedLine, contextLine, parseQuery, shardsBetween, wordSpans } from "../../src/components/search.ts";
import { closedCounts, searchIndex, SearchResults, type SearchFiles, type SearchHit } from "../../src/components/search-results.ts";
import { postingsFrequency } from "../../data-loaders/portable/collocates.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";

/** The files a build publishes from `published` (through JSON), as a page reads them, counting what is fetched. */
function publishedFiles(published: ReturnType<SearchIndexBuilder["shards"]>) {
  const shards = new Map(published.map(({ name, shard }) => [name, JSON.parse(JSON.stringify(shard)) as SearchShard]));
  const chunks = new Map(
    published.flatMap((s) => s.chunks).map(({ name, chunk }) => [name, JSON.parse(JSON.stringify(chunk)) as SearchChunk]),
  );
  const read: string[] = [];
  const files: SearchFiles = {
    list: { shards: published.map((s) => s.name), firstWords: published.map((s) => s.first) },
    shard: async (name) => (read.push(name), shards.get(name)!),
    chunk: async (name) => {
      read.push(name);
      const chunk = chunks.get(name);
      if (!chunk) throw new Error(`no chunk ${name}`);
      return chunk;
    },
  };
  return { files, shards, chunks, read };
}

describe("the browser's tokenizer and the index's", () => {
  it("give the same words for any text", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "É", "ë", "ß", "1", " ", "-", "’", "\u0301", "İ", "Ж", "中", "*", "\n"),
      maxLength: 40,
    });
    fc.assert(
      fc.property(text, (t) => {
        const words = wordSpans(t).map((w) => w.word);
        expect(words).toEqual(searchWords(t));
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
  // Small shards (4 KB), so that queries must find the right ones among many.
  const published = builder.shards(4096, Infinity);
  const { files, shards } = publishedFiles(published);
  const fetched: string[] = [];
  const run = async (q: string) => {
    const parsed = parseQuery(q);
    if ("error" in parsed) throw new Error(parsed.error);
    return searchIndex(parsed, { ...files, shard: async (name) => (fetched.push(name), files.shard(name)) });
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
    // Exactly one shard: the one whose words run over "poetin".
    const [only] = fetched;
    expect(fetched).toHaveLength(1);
    expect(shards.get(only!)!.words.some(([w]) => w === "poetin")).toBe(true);
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

describe("SearchIndexBuilder.shards(budget)", () => {
  it("cuts the words in code-unit order by their postings' bytes, a word larger than the budget on its own", () => {
    const builder = new SearchIndexBuilder();
    // "big" occurs 300 times in each of two articles; the others once.
    const big = { vocabulary: ["big", "a", "c", "d"], sentences: [[0, [1, ...Array(300).fill(0), 2, 3]] as [number, number[]]] };
    builder.add(0, big);
    builder.add(1, big);
    const cut = builder.shards(400, Infinity);
    expect(cut.map((s) => s.shard.words.map(([w]) => w))).toEqual([["a"], ["big"], ["c", "d"]]);
    expect(cut.map((s) => s.first)).toEqual(["a", "big", "c"]);
    // Every shard but a single word's own is within the budget, as published.
    for (const s of cut) if (s.shard.words.length > 1) expect(JSON.stringify(s.shard.words).length).toBeLessThanOrEqual(400);
  });
});

describe("shardsBetween(list, low, high)", () => {
  const list = { shards: ["0", "1", "2"], firstWords: ["a", "hegemon", "hz"] };
  it("finds the shard a word is in, and every shard a prefix runs over", () => {
    expect(shardsBetween(list, "aardvark", "aardvark")).toEqual(["0"]);
    expect(shardsBetween(list, "hegemony", "hegemony")).toEqual(["1"]);
    expect(shardsBetween(list, "h", "h\uffff")).toEqual(["0", "1", "2"]);
    expect(shardsBetween(list, "zz", "zz")).toEqual(["2"]);
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
  // Shards of about 16 bytes: a word or two each, so that the closed article's postings are found by the
  // shards' first words like any other.
  const published = builder.shards(16);
  const { files, shards } = publishedFiles(published);
  const query = (q: string) => {
    const parsed = parseQuery(q);
    if ("error" in parsed) throw new Error(parsed.error);
    return parsed;
  };
  const entry = (word: string) => [...shards.values()].flatMap((shard) => shard.words).find(([w]) => w === word);

  it("publishes the closed article's header alone, its count negated", () => {
    expect(published.length).toBeGreaterThan(1);
    expect(entry("hegemon")).toEqual(["hegemon", [0, 1, 0, 1, 1, -2]]);
    expect(postingsFrequency(entry("hegemon")![1] as number[])).toBe(3);
    // The vassal only the closed article has: its header, no places.
    expect(entry("vassal")).toEqual(["vassal", [1, -1]]);
  });

  it("finds placed hits in open texts only, and how often each closed article has a one-word query", async () => {
    expect(await searchIndex(query("hegemon"), files)).toEqual([{ article: 0, sentence: 0, position: 1, length: 1 }]);
    expect(await closedCounts(query("hegemon"), files)).toEqual([{ article: 1, occurrences: 2 }]);
    expect(await closedCounts(query("heg*"), files)).toEqual([{ article: 1, occurrences: 2 }]);
    expect(await closedCounts(query("a vassal"), files)).toEqual([]);
    expect(await searchIndex(query("a vassal"), files)).toEqual([]);
  });

  it("counts a closed article's negative count at its printed size when cutting shards", () => {
    // "x" and "y" in nine closed articles: 18 negative counts each side, a byte more each than "1".
    const closed = new SearchIndexBuilder();
    for (let article = 0; article < 9; article++) closed.add(article, foldSentences([[0, "x y"]]), true);
    const both = JSON.stringify(closed.shards(1_000_000)[0]!.shard.words).length;
    // The two entries with their commas are one byte fewer than the list (its brackets, less the last comma).
    const cut = closed.shards(both - 2, Infinity);
    expect(cut.map((s) => s.shard.words.map(([w]) => w))).toEqual([["x"], ["y"]]);
  });
});

describe("a word's postings split into chunks by article (SearchResults)", async () => {
  const resources = sharedResources();
  const articles: Array<Array<[number, string]>> = [];
  for await (const article of readCorpus(SEED_CORPUS)) articles.push(searchableSentences(analyzeArticle(article, resources)));
  // Every third article closed, as in a public build: its count only.
  const builder = new SearchIndexBuilder();
  articles.forEach((sentences, i) => builder.add(i, foldSentences(sentences), i % 3 === 2));
  // The same index unsplit, and split: chunks of about 200 bytes, so a common word spans many.
  const whole = publishedFiles(builder.shards(4096, Infinity));
  const split = publishedFiles(builder.shards(4096, 200));
  const open = (files: SearchFiles, q: string, keep: ReadonlySet<number> | null = null, atOnce = 0) => {
    const parsed = parseQuery(q);
    if ("error" in parsed) throw new Error(parsed.error);
    return SearchResults.open(parsed, files, { keep, atOnce });
  };
  const counts = new Map<string, number>();
  for (const sentences of articles)
    for (const [, text] of sentences) for (const w of searchWords(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const queries = [
    ...common.slice(0, 12),
    "de hegemon",
    `${common[0]} ${common[1]}`,
    "the united states",
    "de*",
    "th*",
    "hegemon*",
    "zzyzx",
  ];
  const keeps: Array<ReadonlySet<number> | null> = [null, new Set(articles.map((_, i) => i).filter((i) => i % 2 === 0))];

  it("splits the common words into several chunks, each holding whole articles", () => {
    const heads = [...split.shards.values()].flatMap((s) => s.words).filter(([, p]) => !Array.isArray(p));
    expect(heads.length).toBeGreaterThan(5);
    expect(split.chunks.size).toBeGreaterThan(heads.length);
    // Read back in order and rebased, a word's chunks are its unsplit postings.
    const [word, head] = heads[0]! as unknown as [string, { id: number; chunks: unknown[] }];
    const unsplit = [...whole.shards.values()].flatMap((s) => s.words).find(([w]) => w === word)![1] as number[];
    const joined: number[] = [];
    let previous = 0;
    head.chunks.forEach((_, k) => {
      const postings = [...split.chunks.get(`c/${head.id}_${k}`)!.postings];
      let article = 0;
      for (let i = 0; i < postings.length;) {
        article += postings[i]!;
        const n = postings[i + 1]!;
        joined.push(article - previous, ...postings.slice(i + 1, i + 2 + 2 * Math.max(n, 0)));
        previous = article;
        i += 2 + 2 * Math.max(n, 0);
      }
    });
    expect(joined).toEqual(unsplit);
  });

  it("gives exactly the unsplit index's lines, page by page, with exact counts, filtered or not", async () => {
    for (const q of queries)
      for (const keep of keeps) {
        const expected = await (await open(whole.files, q, keep, Infinity)).all();
        const results = await open(split.files, q, keep);
        // Every page of 7 lines, and every run of 5 articles, read on demand, in order.
        for (let from = 0; from < expected.length + 7; from += 7)
          expect(await results.lines(from, from + 7)).toEqual(expected.slice(from, from + 7));
        const openArticles = [...new Set(expected.filter((l) => l.sentence !== null).map((l) => l.article))];
        for (let from = 0; from < openArticles.length; from += 5) {
          const wanted = new Set(openArticles.slice(from, from + 5));
          expect(await results.openArticles(from, from + 5)).toEqual(expected.filter((l) => l.sentence !== null && wanted.has(l.article)));
        }
        const totals = results.totals();
        expect(totals.exact).toBe(true);
        expect(totals.lines).toBe(expected.length);
        expect(totals.articles).toBe(new Set(expected.map((l) => l.article)).size);
        expect(totals.open).toBe(openArticles.length);
        expect(await results.all()).toEqual(expected);
      }
  });

  it("counts a common word exactly from its header and fetches only the chunk of the lines asked for", async () => {
    // The most common word a closed article has too.
    let word = "";
    let expected: Awaited<ReturnType<SearchResults["all"]>> = [];
    for (const w of common) {
      expected = await (await open(whole.files, w, null, Infinity)).all();
      word = w;
      if (expected.some((l) => l.sentence === null)) break;
    }
    split.read.length = 0;
    const results = await open(split.files, word);
    const totals = results.totals();
    expect(totals).toMatchObject({ exact: true, lines: expected.length, articles: new Set(expected.map((l) => l.article)).size });
    // Closed articles' occurrences, from the header: the word's occurrences less its placed ones.
    const closedOccurrences = expected.reduce((sum, l) => sum + (l.sentence === null ? (l as { occurrences: number }).occurrences : 0), 0);
    expect(totals.closedOccurrences).toBe(closedOccurrences);
    expect(closedOccurrences).toBeGreaterThan(0);
    // Only the shard so far; then a page far down fetches the chunks that hold it, not those before.
    expect(split.read.filter((n) => n.startsWith("c/"))).toEqual([]);
    const middle = Math.floor(expected.length / 2);
    expect(await results.lines(middle, middle + 3)).toEqual(expected.slice(middle, middle + 3));
    const chunksRead = split.read.filter((n) => n.startsWith("c/"));
    expect(chunksRead.length).toBeGreaterThan(0);
    expect(chunksRead.length).toBeLessThanOrEqual(2);
  });

  it("reads a phrase or a filtered word part by part, counting at least what it has read, exact once all is read", async () => {
    const q = `${common[0]} ${common[1]}`;
    const expected = await (await open(whole.files, q, null, Infinity)).all();
    const results = await open(split.files, q);
    expect(results.totals()).toMatchObject({ exact: false, lines: 0, searchedTo: 0 });
    const first = await results.lines(0, 3, 1);
    // With a byte budget it stops after the first part that holds any chunk; what it has counted is a true lower bound.
    expect(first).toEqual(expected.slice(0, first.length));
    const partial = results.totals();
    expect(partial.lines).toBeLessThanOrEqual(expected.length);
    expect(partial.lines).toBe(expected.filter((l) => l.article < partial.searchedTo).length);
    await results.more(Infinity);
    expect(results.totals()).toMatchObject({ exact: true, lines: expected.length });
  });
});

describe("SearchIndexBuilder.frequencies(budget)", async () => {
  const resources = sharedResources();
  const builder = new SearchIndexBuilder();
  let i = 0;
  for await (const article of readCorpus(SEED_CORPUS))
    builder.add(i, foldSentences(searchableSentences(analyzeArticle(article, resources))), i++ % 3 === 2);

  it("gives every word's occurrences, open and closed, in word order, in shards found by their first words", () => {
    const shards = builder.frequencies(512);
    expect(shards.length).toBeGreaterThan(10);
    const unsplit = builder.shards(1e9, Infinity)[0]!.shard.words;
    const counted = shards.flatMap((s) => s.words);
    expect(counted).toEqual(unsplit.map(([word, postings]) => [word, postingsFrequency(postings as number[])]));
    const list = { shards: shards.map((_, k) => String(k)), firstWords: shards.map((s) => s.first) };
    for (const [word] of counted.filter((_, k) => k % 37 === 0)) {
      const [name] = shardsBetween(list, word, word);
      expect(shards[Number(name)]!.words.some(([w]) => w === word)).toBe(true);
    }
    for (const s of shards) if (s.words.length > 1) expect(JSON.stringify(s.words).length).toBeLessThanOrEqual(512 + 1);
  });
});
