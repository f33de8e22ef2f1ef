// The article filter: the filter index the build publishes (filter/<k>.json) and the browser's reading of
// it keep exactly the articles a plain scan of every article keeps, whatever the shards' size; a list
// fetches only the index pages of the articles it shows; a filter that would download too much is refused.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FILTERED_FIELDS, filterIndex } from "../../data-loaders/publish/filter-index.ts";
import { indexFiles } from "../../data-loaders/publish/index-files.ts";
import { searchWords } from "../../data-loaders/publish/search-index.ts";
import type { ArticleSummary } from "../../data-loaders/schema/site-outputs.ts";
import type { ArticleQuery } from "../../src/components/article-filter.ts";

// The module fresh for every test: corpusFile keeps what it fetched for the page's life.
type FilterModule = typeof import("../../src/components/article-filter.ts");
let filterArticles: FilterModule["filterArticles"];
let keptRows: FilterModule["keptRows"];
let FILTER_BYTES: number;

const OUTLETS = ["Outlet A", "Outlet B", "Outlet Ç"];
const FRAMES = ["hegemon", "vassal", "multipolar"];

/** The fields no filter reads, the same for every article. */
const UNFILTERED = { devices: {}, tone: 0, ownVoiceTone: 0, inGroupTone: null, outGroupTone: null, toneGap: null } as const;

/** Article `i` of an invented corpus: three outlets, two languages, frames and dates in turn, some undated. */
function summary(i: number): ArticleSummary {
  return {
    id: `a-${String(i).padStart(4, "0")}`,
    title: `${i % 5 ? "Invented" : "Écrit"} article ${i} on the ${["multipolar world", "hegemon", "vassals of Washington"][i % 3]}`,
    titleSource: "front-matter",
    language: i % 2 ? "nl" : "en",
    languageSource: "declared",
    words: 700,
    sentences: 30,
    blocks: { heading: 1, paragraph: 8, boilerplate: 0, "source-line": 0 },
    provenanceKind: "not-stated",
    provenance: "not stated",
    outlet: OUTLETS[i % 3]!,
    sourceName: i % 7 === 6 ? null : OUTLETS[i % 3]!,
    sourceBasis: i % 7 === 6 ? "none" : "declared",
    author: i % 4 ? null : `Author ${i % 8}`,
    published: i % 6 === 5 ? null : `202${i % 3}-${String((i % 12) + 1).padStart(2, "0")}-1${i % 10}`,
    source: OUTLETS[i % 3]!,
    frames: Object.fromEntries(FRAMES.filter((_, k) => (i >> k) & 1).map((f) => [f, 1])),
    ...UNFILTERED,
  };
}

const corpus = Array.from({ length: 230 }, (_, i) => summary(i));

/** The plain rule, article by article: each typed word begins a word of a listed field; each facet holds. */
function scanKeeps(row: ArticleSummary, query: ArticleQuery): boolean {
  const words = FILTERED_FIELDS.flatMap((field) => searchWords(String(row[field] ?? "")));
  const date = row.published;
  return (
    searchWords(query.text ?? "").every((typed) => words.some((w) => w.startsWith(typed))) &&
    (!query.language || row.language === query.language) &&
    (!query.sources?.length ||
      query.sources.some(([name, basis]) => name === row.sourceName && (name === null || basis === row.sourceBasis))) &&
    (!query.frame || query.frame in row.frames) &&
    (!query.from || (!!date && date.slice(0, query.from.length) >= query.from)) &&
    (!query.to || (!!date && date.slice(0, query.to.length) <= query.to))
  );
}

/** Serves a built corpus's fetched files to corpusFile (the page's fetch), recording their names. */
function serveFiles(files: Map<string, unknown>): string[] {
  const asked: string[] = [];
  globalThis.fetch = (async (url: URL) => {
    const name = decodeURIComponent(String(url).split("/_file/data/corpus/")[1]!);
    asked.push(name);
    return files.has(name) ? new Response(JSON.stringify(files.get(name))) : new Response("", { status: 404 });
  }) as typeof fetch;
  return asked;
}

const realFetch = globalThis.fetch;
let asked: string[];
let manifest: Parameters<FilterModule["filterArticles"]>[0] & { pageSize: number };

beforeEach(async () => {
  vi.resetModules();
  ({ filterArticles, keptRows, FILTER_BYTES } = await import("../../src/components/article-filter.ts"));
  const index = indexFiles(corpus, 50);
  const filter = filterIndex(corpus, 600);
  const files = new Map<string, unknown>([
    ...index.pages.map((p) => [`index/${p.page}.json`, p] as const),
    ...filter.shards.map((s) => [`filter/${s.shard}.json`, s] as const),
  ]);
  asked = serveFiles(files);
  manifest = { count: corpus.length, pageSize: 50, filter: { firstKeys: filter.firstKeys, bytes: filter.bytes } };
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe("filterIndex(summary) and filterArticles(manifest, query)", () => {
  const queries: ArticleQuery[] = [
    { text: "outlet ç" },
    { text: "ecrit" },
    { text: "a-012" },
    { text: "vass wash" },
    { text: "2021-03" },
    { text: "author 4" },
    { text: "nothing-like-this" },
    { language: "nl", frame: "vassal" },
    { sources: [["Outlet B", "declared"]], from: "2021", to: "2021-06" },
    { sources: [[null, "none"]] },
    { text: "invented", language: "en", from: "2020-05" },
  ];
  for (const query of queries)
    it(`keeps what a scan of every article keeps: ${JSON.stringify(query)}`, async () => {
      const expected = corpus.flatMap((row, position) => (scanKeeps(row, query) ? [position] : []));
      const result = await filterArticles(manifest, query);
      expect(result.refused).toBeNull();
      expect(result.positions).toEqual(expected);
      expect(result.count).toBe(expected.length);
    });

  it("cuts the index into several shards here, and fetches only the shards of the words typed", async () => {
    expect(manifest.filter.firstKeys.length).toBeGreaterThan(10);
    await filterArticles(manifest, { text: "ecrit" });
    expect(asked.length).toBeLessThanOrEqual(2);
    expect(asked.every((name) => name.startsWith("filter/"))).toBe(true);
  });

  it("keeps every article, fetching nothing, when nothing is asked", async () => {
    expect(await filterArticles(manifest, { text: " " })).toEqual({ positions: null, count: corpus.length, refused: null });
    expect(asked).toEqual([]);
  });

  it("refuses, before fetching, a filter whose shards come to more than FILTER_BYTES", async () => {
    const heavy = { ...manifest, filter: { ...manifest.filter, bytes: manifest.filter.bytes.map(() => FILTER_BYTES + 1) } };
    const result = await filterArticles(heavy, { text: "a" });
    expect(result.positions).toBeNull();
    expect(result.refused).toMatch(/^This filter would download \d+\.\d MB .*"a" begins too many words/);
    expect(asked).toEqual([]);
  });
});

describe("keptRows(manifest, result, start, length)", () => {
  it("gives the kept articles' rows in order, fetching only the index pages that hold them", async () => {
    const rows = await keptRows(manifest, { positions: [12, 201], count: 2, refused: null }, 0, 60);
    expect(rows.map((r) => r.id)).toEqual(["a-0012", "a-0201"]);
    expect(asked.sort()).toEqual(["index/0.json", "index/4.json"]);
  });

  it("pages through every article when nothing is filtered", async () => {
    const rows = await keptRows(manifest, { positions: null, count: corpus.length, refused: null }, 220, 60);
    expect(rows.map((r) => r.id)).toEqual(corpus.slice(220).map((r) => r.id));
    expect(asked).toEqual(["index/4.json"]);
  });
});
