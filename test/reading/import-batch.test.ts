import { strToU8, zipSync } from "fflate";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexCorpus, readIndexedArticle, type IndexOptions } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { corpusErrors, writeCorpus } from "../helpers.ts";
import { docx, factivaHtml, factivaRtf, nexisParagraphs, rtf, type NexisFixtureArticle } from "./office-fixtures.ts";

const EN = "The harbour council met on Monday and agreed a plan for the new ferry to the island, which will sail twice a day.";
const NL = "Het waterschap begint in mei met de aanleg van een nieuwe dijk langs de rivier, die het dorp tegen hoog water moet beschermen.";
const FERRY: NexisFixtureArticle = {
  title: "Island gets a new ferry",
  outlet: "The Example Gazette",
  date: "March 5, 2024 Tuesday",
  byline: "Ann Example",
  body: [EN, "The old boat will be sold to a museum in the north."],
};
const DIJK: NexisFixtureArticle = {
  title: "Nieuwe dijk bij het dorp",
  outlet: "Voorbeeldkrant",
  date: "6 maart 2024 woensdag",
  body: [NL],
  language: "DUTCH",
};

async function read(input: string, options: IndexOptions = {}): Promise<{ articles: Article[]; report: string[] }> {
  const report: string[] = [];
  const entries = await indexCorpus(input, { report: (line) => report.push(line), ...options });
  return { articles: entries.map(readIndexedArticle), report };
}
const fields = (a: Article) => [a.meta.title, a.meta.published, a.meta.outlet, a.meta.author, a.language];

describe("indexCorpus(folder of .docx articles)", () => {
  it("reads title from dc:title or the first paragraph, author from dc:creator, keeps the file dates in extra; metadata.csv wins", async () => {
    const dir = writeCorpus({
      "ferry.docx": docx(["Island gets a new ferry", EN], { creator: "Ann Example", created: "2024-03-09T08:00:00Z" }),
      "dijk.docx": docx([NL, "Het werk duurt twee jaar en kost veel geld, zegt de voorzitter van het waterschap."], {
        title: "Nieuwe dijk",
      }),
      "metadata.csv": "file,published,outlet\ndijk.docx,2024-03-06,Voorbeeldkrant\n",
    });
    const { articles, report } = await read(dir);
    expect(articles.map((a) => [a.id, ...fields(a)])).toEqual([
      ["dijk", "Nieuwe dijk", "2024-03-06", "Voorbeeldkrant", null, "nl"],
      ["ferry", "Island gets a new ferry", null, null, "Ann Example", "en"],
    ]);
    // The first paragraph read as the title is not text; a first paragraph under a dc:title is.
    expect(articles[1]!.text).toBe(EN);
    expect(articles[0]!.text.startsWith(NL)).toBe(true);
    expect(articles[1]!.meta.extra).toEqual({ docx_created: "2024-03-09T08:00:00Z" });
    expect(report).toContainEqual(expect.stringMatching(/^2 Word documents: .*; from the document: title in 2, author in 1; metadata: /));
  });
});

describe("indexCorpus(Nexis Uni export in .docx or .rtf)", () => {
  it("splits the export into its articles, with ids from their text and metadata, and counts them in the report", async () => {
    const dir = writeCorpus({ "nexis.docx": docx(nexisParagraphs([FERRY, DIJK])), "nexis.rtf": rtf(nexisParagraphs([FERRY, DIJK])) });
    const fromDocx = await read(join(dir, "nexis.docx"));
    expect(fromDocx.articles.map((a) => [a.meta.source, ...fields(a)])).toEqual(
      expect.arrayContaining([
        ["nexis.docx#1", "Island gets a new ferry", "2024-03-05", "The Example Gazette", "Ann Example", "en"],
        ["nexis.docx#2", "Nieuwe dijk bij het dorp", "2024-03-06", "Voorbeeldkrant", null, "nl"],
      ]),
    );
    expect(fromDocx.articles.every((a) => /^[0-9a-f]{16}$/.test(a.id))).toBe(true);
    expect(fromDocx.articles.find((a) => a.language === "en")!.meta.extra).toMatchObject({
      declared_language: "ENGLISH",
      load_date: "March 5, 2024 Tuesday",
    });
    expect(fromDocx.report).toEqual([
      'nexis.docx: Nexis Uni export, 2 articles ("End of Document" 2 times); title ← "first line" in 2, outlet ← "second line" in 2, published ← "date line" in 2, author ← "Byline:" in 1, language ← "Language:" in 2; id from the text and metadata (SHA-256); kept in extra: header, language, length, load_date, publication_type',
    ]);
    // The same export as RTF gives the same articles.
    const fromRtf = await read(join(dir, "nexis.rtf"));
    const strip = (a: Article) => ({ ...a, meta: { ...a.meta, source: "" } });
    expect(fromRtf.articles.map(strip)).toEqual(fromDocx.articles.map(strip));
  });

  it("reads a folder holding exports beside single articles", async () => {
    const dir = writeCorpus({ "nexis.docx": docx(nexisParagraphs([FERRY])), "note.txt": `${EN}\n` });
    const { articles } = await read(dir);
    expect(articles.map((a) => a.meta.source).sort()).toEqual(["nexis.docx#1", "note.txt"]);
  });
  it("refuses a side-table row naming an export, whose articles carry their own metadata", async () => {
    const dir = writeCorpus({ "nexis.docx": docx(nexisParagraphs([FERRY])), "metadata.csv": "file,outlet\nnexis.docx,Other\n" });
    expect(await corpusErrors(dir)).toEqual([
      {
        file: "metadata.csv:2",
        field: "file",
        message: `"nexis.docx" is a news database's export: its articles carry their own metadata, and one row cannot describe them all; remove the row`,
      },
    ]);
  });
});

describe("indexCorpus(Factiva HTML export, or one saved page)", () => {
  it("reads a Factiva export's article blocks, with the accession number as the id", async () => {
    const article = {
      HD: "Island gets a new ferry",
      BY: "Ann Example",
      PD: "5 March 2024",
      SN: "The Example Gazette",
      LA: "English",
      LP: [EN],
      TD: ["The old boat will be sold."],
      AN: "Document EXGAZ00020240305e0350000b",
    };
    const dir = writeCorpus({
      "factiva.html": factivaHtml([
        article,
        { ...article, HD: "Dijk", LA: "Dutch", LP: [NL], TD: [], AN: "Document VBK0000020240306e0360000c" },
      ]),
    });
    const { articles, report } = await read(join(dir, "factiva.html"));
    expect(articles.map((a) => [a.id, ...fields(a)])).toEqual([
      ["EXGAZ00020240305e0350000b", "Island gets a new ferry", "2024-03-05", "The Example Gazette", "Ann Example", "en"],
      ["VBK0000020240306e0360000c", "Dijk", "2024-03-05", "The Example Gazette", "Ann Example", "nl"],
    ]);
    expect(report[0]).toMatch(/^factiva\.html: Factiva export, 2 articles \(2 article blocks\); id ← "AN" in 2, title ← "HD" in 2/);
  });

  it("reads the same export saved as RTF into the same articles", async () => {
    const article = {
      HD: "Island gets a new ferry",
      PD: "5 March 2024",
      SN: "The Example Gazette",
      LP: [EN],
      TD: ["The old boat will be sold."],
      AN: "Document EXGAZ1",
    };
    const dir = writeCorpus({ "factiva.html": factivaHtml([article]), "factiva.rtf": factivaRtf([article]) });
    const [html, rtfRead] = [await read(join(dir, "factiva.html")), await read(join(dir, "factiva.rtf"))];
    const strip = (a: Article) => ({ ...a, meta: { ...a.meta, source: "" } });
    expect(rtfRead.articles.map(strip)).toEqual(html.articles.map(strip));
    expect(rtfRead.report[0]).toMatch(/^factiva\.rtf: Factiva export, 1 article \("AN" 1 time\); id ← "AN" in 1/);
  });

  it("reads a single saved page given as the input", async () => {
    const dir = writeCorpus({
      "page.html": `<!doctype html><html lang="en"><head><title>Ferry</title></head><body><article><p>${EN}</p></article></body></html>`,
    });
    const { articles } = await read(join(dir, "page.html"));
    expect(articles.map((a) => [a.id, a.meta.title, a.meta.source, a.text])).toEqual([["page", "Ferry", "page.html", EN]]);
  });
});

describe("indexCorpus(malformed Word, RTF and export files)", () => {
  it("reports every problem at once, one line each naming the file: corrupt zip, no word/document.xml, no End of Document, no article blocks, empty articles", async () => {
    const empty = { ...FERRY, body: [] };
    const dir = writeCorpus({
      "corrupt.docx": strToU8("PK\u0003\u0004 this is not really a zip"),
      "nodocument.docx": zipSync({ "docProps/core.xml": strToU8("<x/>") }),
      "blank.docx": docx(["", "  "]),
      "cut.rtf": rtf(nexisParagraphs([FERRY], { withEnds: false })),
      "loose.html": factivaHtml([{ HD: "Title", TD: [EN] }], { blocks: false }),
      "nexis.docx": docx(nexisParagraphs([FERRY, empty])),
    });
    const errors = await corpusErrors(dir);
    expect(errors.map((e) => `${e.file}: ${e.field}`).sort()).toEqual([
      "blank.docx: text",
      "corrupt.docx: file",
      "cut.rtf: End of Document",
      "loose.html: article",
      "nexis.docx#2: text",
      "nodocument.docx: word/document.xml",
    ]);
    for (const error of errors) expect(error.message).not.toContain("\n");
    expect(errors.find((e) => e.file === "nexis.docx#2")!.message).toBe("is empty: an article needs text");
  });
});
