import { describe, expect, it } from "vitest";
import { filterIndex } from "../../data-loaders/publish/filter-index.ts";
import { indexFiles } from "../../data-loaders/publish/index-files.ts";
import { filterShardSchema, indexManifestSchema, indexPageSchema, type ArticleSummary } from "../../data-loaders/schema/site-outputs.ts";

const OUTLETS = ["Outlet A", "Outlet B", "Outlet C"];

/** Article `i` of an invented corpus: three outlets in turn, two languages, every third undated. */
function summary(i: number): ArticleSummary {
  return {
    id: `a-${String(i).padStart(6, "0")}`,
    title: `Invented article number ${i + 1} about the multipolar world`,
    titleSource: "front-matter",
    language: i % 2 ? "nl" : "en",
    languageSource: "declared",
    words: 700 + (i % 50),
    sentences: 30 + (i % 7),
    blocks: { heading: 1, paragraph: 8, boilerplate: 0, "source-line": 0 },
    provenanceKind: "not-stated",
    provenance: "not stated",
    outlet: OUTLETS[i % 3]!,
    sourceName: OUTLETS[i % 3]!,
    sourceBasis: "declared",
    author: null,
    published: i % 3 === 2 ? null : `2022-${String((i % 12) + 1).padStart(2, "0")}-0${(i % 9) + 1}`,
    source: OUTLETS[i % 3]!,
    frames: i % 4 ? { hegemon: 1 } : {},
    devices: {},
    tone: 0,
    ownVoiceTone: 0,
    inGroupTone: null,
    outGroupTone: null,
    toneGap: null,
  };
}

const corpus = (n: number) => Array.from({ length: n }, (_, i) => summary(i));
const bytes = (value: object) => Buffer.byteLength(JSON.stringify(value));
const CORPUS = { articles: 0, sha256: "0".repeat(64) };

describe("indexFiles(summary, pageSize)", () => {
  it("cuts the index into pages in id order, each page's first id in the manifest", () => {
    const { manifest, pages } = indexFiles(corpus(250), 100);
    expect(pages.map((p) => [p.page, p.first, p.count])).toEqual([
      [0, 0, 100],
      [1, 100, 100],
      [2, 200, 50],
    ]);
    expect(manifest.firstIds).toEqual(["a-000000", "a-000100", "a-000200"]);
    expect(pages[2]!.columns.id.at(-1)).toBe("a-000249");
    expect(pages[1]!.columns.language).toEqual({ values: ["en", "nl"], codes: Array.from({ length: 100 }, (_, i) => i % 2) });
  });

  it("counts languages, sources and dates over every article, not one page", () => {
    const { manifest } = indexFiles(corpus(250), 100);
    // 125 even (English) and 125 odd (Dutch) articles; words 700 + i % 50 summed by hand per parity.
    const words = (parity: number) => corpus(250).reduce((sum, s, i) => (i % 2 === parity ? sum + s.words : sum), 0);
    expect(manifest.languages).toEqual([
      { language: "en", articles: 125, words: words(0) },
      { language: "nl", articles: 125, words: words(1) },
    ]);
    expect(manifest.sources.map((s) => [s.sourceName, s.articles])).toEqual([
      ["Outlet A", 84],
      ["Outlet B", 83],
      ["Outlet C", 83],
    ]);
    // Every third article (i % 3 == 2: 83 of 250) has no date; the rest are dated to the day.
    expect(manifest.dated).toEqual({ year: 167, month: 167 });
    expect(manifest.count).toBe(250);
  });

  it("publishes a manifest, pages and filter shards that match their schemas", () => {
    const { manifest, pages } = indexFiles(corpus(30), 20);
    const { shards, firstKeys, bytes } = filterIndex(corpus(30), 1024);
    // The build stamp is the same schema as every file's, tested with them (test/schema/site-outputs.test.ts).
    const manifestSchema = indexManifestSchema.omit({ build: true });
    const filter = { firstKeys, bytes };
    expect(manifestSchema.safeParse({ corpus: CORPUS, ...manifest, filter }).error?.issues ?? []).toEqual([]);
    for (const page of pages) expect(indexPageSchema.omit({ build: true }).safeParse(page).error?.issues ?? []).toEqual([]);
    expect(shards.length).toBeGreaterThan(1);
    for (const shard of shards) expect(filterShardSchema.omit({ build: true }).safeParse(shard).error?.issues ?? []).toEqual([]);
  });

  it("gives a page the same bytes at 20, 200 and 2,000 articles: what a page loads does not grow with the corpus", () => {
    const sizes = [20, 200, 2000].map((n) => {
      const { manifest, pages } = indexFiles(corpus(n), 20);
      return { manifest: bytes(manifest), firstPage: JSON.stringify(pages[0]), largestPage: Math.max(...pages.map(bytes)) };
    });
    // The first page is the same file whatever follows it.
    expect(new Set(sizes.map((s) => s.firstPage)).size).toBe(1);
    // Every page of 20 articles stays within 4 KB at any corpus size.
    for (const s of sizes) expect(s.largestPage).toBeLessThan(4096);
    // The manifest grows by one id a page ('"a-000200",': 11 bytes), 90 more pages from 200 to 2,000 articles,
    // and by the digits of its counts (at most 64 bytes here): not by the articles' titles and fields.
    const grown = sizes[2]!.manifest - sizes[1]!.manifest;
    expect(grown).toBeGreaterThanOrEqual(90 * 11);
    expect(grown).toBeLessThanOrEqual(90 * 11 + 64);
  });
});
