// Search results read a part at a time (src/components/search-results.ts): a word's postings split into
// chunks by article give exactly the unsplit index's lines and counts, fetching only the chunks needed.
import { describe, expect, it } from "vitest";
import { SearchIndexBuilder, foldSentences, searchableSentences, searchWords } from "../../data-loaders/publish/search-index.ts";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { parseQuery } from "../../src/components/search.ts";
import { SearchResults, type SearchFiles } from "../../src/components/search-results.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";
import { publishedFiles } from "./search-files.ts";

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
