import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import type { CorpusError } from "../../data-loaders/reading/corpus-error.ts";
import type { SkippedArticle } from "../../data-loaders/reading/import-languages.ts";
import { indexCorpus, readIndexedArticle, type IndexOptions } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { corpusErrors, writeCorpus } from "../helpers.ts";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "import");
const EN = "The council met on Monday and agreed a plan for the new bridge over the river.";
const EN2 = "The school opened a new library for its pupils and parents came to see it on Friday.";
const DE = "Die Regierung hat heute beschlossen, dass die Steuern im nächsten Jahr steigen werden, sagte der Minister.";

/** Reads a corpus with the import's report collected; returns the articles in id order and the report. */
async function read(input: string, options: IndexOptions = {}): Promise<{ articles: Article[]; report: string[] }> {
  const report: string[] = [];
  const entries = await indexCorpus(input, { report: (line) => report.push(line), ...options });
  return { articles: entries.map(readIndexedArticle), report };
}

/** The errors a corpus is rejected with, its report collected (not printed). */
async function errorsOf(input: string, options: IndexOptions = {}): Promise<CorpusError[]> {
  return corpusErrors(input, { report: () => {}, ...options });
}

describe("indexCorpus(file.csv) and other tables", () => {
  it("reads Media Cloud's story CSV unmapped: id, date-time with a space, outlet, other columns in extra", async () => {
    const { articles, report } = await read(join(FIXTURES, "media-cloud.csv"));
    expect(articles.map((a) => [a.id, a.language, a.languageSource, a.meta.published, a.meta.outlet])).toEqual([
      ["1001", "en", "declared", "2024-03-05T09:15:00", "Example Gazette"],
      ["1002", "nl", "declared", "2024-03-06", "Voorbeeldkrant"],
      ["1003", "en", "detected", "2024-03", "Example Gazette"],
    ]);
    expect(articles[0]!.text).toBe(
      'The harbour council voted on Tuesday to buy a new ferry for the island route.\n\n"We have waited long enough," the chair said, adding that the old boat would be sold.',
    );
    expect(articles[0]!.meta.extra).toEqual({ ap_syndicated: "false" });
    expect(articles[0]!.meta.source).toBe("media-cloud.csv:2");
    expect(articles[1]!.meta.source).toBe("media-cloud.csv:5"); // the first row spans lines 2 to 4
    expect(report).toEqual([
      'media-cloud.csv: 3 rows; id ← "stories_id"; text ← "text"; title ← "title"; published ← "publish_date"; outlet ← "media_name"; url ← "url"; language ← "language"; kept in extra: "ap_syndicated"; url empty in 1 of 3 rows (null); language empty in 1 of 3 rows (detected)',
    ]);
  });

  it("reads Excel's 'CSV UTF-8' (a byte-order mark, CRLF rows) and keeps a stray quote inside a cell as written", async () => {
    const dir = writeCorpus({ "a.csv": `\ufeffid,text\r\na1,${EN} He said 12" of rain fell.\r\n` });
    const { articles } = await read(join(dir, "a.csv"));
    expect(articles.map((a) => [a.id, a.text])).toEqual([["a1", `${EN} He said 12" of rain fell.`]]);
  });

  it("reads a TSV file by the default column names (headline, date, source, lang, body)", async () => {
    const { articles } = await read(join(FIXTURES, "articles.tsv"));
    expect(articles.map((a) => [a.id, a.meta.title, a.meta.published, a.meta.outlet, a.language])).toEqual([
      ["t1", "Cyclists ride along the old canal", "2024-04-01", "Example Gazette", "en"],
      ["t2", "Boeren oogsten vroeg dit jaar", "2024-04-02", "Voorbeeldkrant", "nl"],
    ]);
  });

  it("reads a JSON array, a numeric id through --map as text, nested values kept in extra", async () => {
    const { articles, report } = await read(join(FIXTURES, "scraper.json"), { fieldMap: "id=story_id" });
    expect(articles.map((a) => [a.id, a.meta.title, a.meta.extra])).toEqual([
      ["501", "Museum extends its opening hours", { tags: ["culture"] }],
      ["502", "Nieuwe fietsbrug over de rivier", { tags: [] }],
    ]);
    expect(articles[0]!.meta.source).toBe("scraper.json#1");
    expect(report[0]).toMatch(/^scraper\.json: 2 rows; id ← "story_id"; text ← "content"/);
  });

  it("warns 'did you mean `id`?' for an unread id-like column, and gives each article a content id instead", async () => {
    const { articles, report } = await read(join(FIXTURES, "scraper.json"));
    expect(articles.map((a) => a.id)).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/), expect.stringMatching(/^[0-9a-f]{16}$/)]);
    expect(report).toContain(
      'warning: scraper.json: did you mean `id`? column "story_id" is kept in meta.extra; read it with --map id=story_id',
    );
  });

  it("reads JSON Lines with other field names through --map, and reports how many lines held each", async () => {
    const { articles, report } = await read(join(FIXTURES, "scraper.jsonl"), {
      fieldMap: "text=body,title=headline,published=date,language=lang,author=writer",
    });
    expect(report).toEqual([
      'scraper.jsonl: 2 lines; text ← "body" (2 lines); title ← "headline" (2 lines); published ← "date" (2 lines); language ← "lang" (2 lines); author ← "writer" (0 lines)',
    ]);
    expect(articles.map((a) => [a.id, a.language, a.meta.title, a.meta.published, a.meta.extra])).toEqual([
      ["s1", "en", "Museum extends its opening hours", "2024-05-10", {}],
      ["s2", "nl", "Nieuwe fietsbrug over de rivier", "2024-05-11", {}],
    ]);
  });
});

describe("content ids", () => {
  const csv = (rows: readonly string[]) => ["title,text", ...rows].join("\n");
  const ids = async (files: Record<string, string>, name: string): Promise<[string | null, string][]> =>
    (await read(join(writeCorpus(files), name))).articles.map((a) => [a.meta.title, a.id]);

  it("are the same in another run, another row order and under another file name", async () => {
    const a = await ids({ "a.csv": csv([`One,${EN}`, `Two,${EN2}`]) }, "a.csv");
    const b = await ids({ "renamed.csv": csv([`Two,${EN2}`, `One,${EN}`]) }, "renamed.csv");
    expect(new Map(b)).toEqual(new Map(a));
    expect(await ids({ "a.csv": csv([`One,${EN}`, `Two,${EN2}`]) }, "a.csv")).toEqual(a);
  });

  it("change when the text changes", async () => {
    const [before] = await ids({ "a.csv": csv([`One,${EN}`]) }, "a.csv");
    const [after] = await ids({ "a.csv": csv([`One,${EN} Edited.`]) }, "a.csv");
    expect(after![1]).not.toBe(before![1]);
  });

  it("of two identical rows are reported as a duplicate id, naming both lines", async () => {
    const errors = await errorsOf(join(writeCorpus({ "a.csv": csv([`One,${EN}`, `One,${EN}`]) }), "a.csv"));
    expect(errors).toEqual([
      { file: "a.csv:3", field: "id", message: expect.stringMatching(/^duplicate id "[0-9a-f]{16}", already used by a\.csv:2$/) },
    ]);
  });
});

describe("indexCorpus(file.csv) rejects malformed tables, every problem at once, naming file, line and field", () => {
  it("a bad date, an empty text, a duplicate id, a row with too few and one with too many cells", async () => {
    const dir = writeCorpus({
      "a.csv": [
        "id,title,date,text",
        `a1,One,2024-01-01,${EN}`,
        `a2,Two,01/02/2024,${EN}`,
        "a3,Three,2024-01-03,",
        `a1,Four,2024-01-04,${EN2}`,
        "a5,Five,2024-01-05",
        `a6,Six,2024-01-06,${EN2},extra`,
      ].join("\r\n"),
    });
    expect(await errorsOf(join(dir, "a.csv"))).toEqual([
      { file: "a.csv:6", field: "row", message: "has 3 cells, the header 4; check the quoting and the separator (comma)" },
      { file: "a.csv:7", field: "row", message: "has 5 cells, the header 4; check the quoting and the separator (comma)" },
      {
        file: "a.csv:3",
        field: 'published (column "date")',
        message: '"01/02/2024" is not a valid ISO date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])',
      },
      { file: "a.csv:4", field: "text", message: "is empty: an article needs text" },
      { file: "a.csv:5", field: "id", message: 'duplicate id "a1", already used by a.csv:2' },
    ]);
  });

  it("a row of empty cells: its id and its text", async () => {
    const dir = writeCorpus({ "a.csv": `id,title,text\na1,One,${EN}\n,,\n` });
    expect(await errorsOf(join(dir, "a.csv"))).toEqual([
      { file: "a.csv:3", field: "id", message: "is empty" },
      { file: "a.csv:3", field: "text", message: "is empty: an article needs text" },
    ]);
  });

  it("a missing text column", async () => {
    const dir = writeCorpus({ "a.csv": `id,headline\na1,One\n` });
    expect(await errorsOf(join(dir, "a.csv"))).toEqual([
      {
        file: "a.csv",
        field: "text",
        message:
          'no text column: the header has "id", "headline"; name a column text, body, content, or map one: --map text=<column> (CORPUS_MAP for the site)',
      },
    ]);
  });

  it("a quote never closed, with the line of the row it opened in", async () => {
    const dir = writeCorpus({ "a.csv": `id,text\na1,${EN}\na2,"${EN}\na3,${EN2}\n` });
    expect(await errorsOf(join(dir, "a.csv"))).toEqual([
      {
        file: "a.csv:3",
        field: "row",
        message: 'a quote opened in this row is never closed: the rest of the file would be one cell; close it or double it ("")',
      },
    ]);
  });

  it("bytes that are not UTF-8 (a spreadsheet's Windows-1252 export), with byte offset and line", async () => {
    const latin1 = Buffer.concat([Buffer.from(`id,text\na1,${EN}\na2,Caf`), Buffer.from([0xe9]), Buffer.from(" au lait.\n")]);
    const [error] = await errorsOf(join(writeCorpus({ "a.csv": latin1 }), "a.csv"));
    expect(error).toEqual({
      file: "a.csv",
      field: "encoding",
      message: `not valid UTF-8: byte 0xe9 at byte offset ${latin1.indexOf(0xe9)}; save the file as UTF-8 (line 3); a spreadsheet's plain "CSV" export is often Windows-1252: export as "CSV UTF-8" instead`,
    });
  });

  it("a UTF-16 file", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`id,text\na1,${EN}\n`, "utf16le")]);
    expect(await errorsOf(join(writeCorpus({ "a.csv": utf16 }), "a.csv"))).toEqual([
      { file: "a.csv", field: "encoding", message: "is UTF-16 (little-endian byte-order mark), not UTF-8; save the file as UTF-8" },
    ]);
  });

  it("an empty file, a repeated column name, and a bad mapping", async () => {
    const dir = writeCorpus({ "empty.csv": "", "twice.tsv": `text\ttext\n${EN}\t${EN2}\n` });
    expect(await errorsOf(join(dir, "empty.csv"))).toEqual([
      { file: "empty.csv", field: "header", message: "the file is empty: a table needs a header row" },
    ]);
    expect(await errorsOf(join(dir, "twice.tsv"), { fieldMap: "titel=x" })).toEqual([
      {
        file: "--map",
        field: "mapping",
        message: '"titel" is not a field that can be mapped; use one of id, text, title, published, outlet, url, language, author',
      },
      { file: "twice.tsv:1", field: "header", message: 'column "text" appears twice; rename one' },
    ]);
  });

  it("a JSON file that is not an array, and an item that is not an object", async () => {
    const dir = writeCorpus({ "o.json": `{"text": "${EN}"}`, "a.json": `[{"text": "${EN}"}, 3]` });
    expect(await errorsOf(join(dir, "o.json"))).toEqual([
      {
        file: "o.json",
        field: "file",
        message: "must be a JSON array of article objects ([{…}, {…}]); for one object per line, use .jsonl",
      },
    ]);
    expect(await errorsOf(join(dir, "a.json"))).toEqual([{ file: "a.json#2", field: "item", message: "must be a JSON object" }]);
  });
});

describe("indexCorpus(folder of .txt files)", () => {
  it("takes the id from the file name, the title from the first line or the file name, metadata from metadata.csv", async () => {
    const { articles, report } = await read(join(FIXTURES, "texts"));
    expect(articles.map((a) => [a.id, a.meta.title, a.meta.published, a.meta.outlet, a.meta.url, a.language])).toEqual([
      ["bakker-kopie", "bakker (kopie)", "2024-06-02", "Voorbeeldkrant", null, "nl"],
      [
        "lighthouse",
        "Lighthouse keeper retires after forty years",
        "2024-06-01",
        "Example Gazette",
        "https://example.org/lighthouse",
        "en",
      ],
    ]);
    // The text is kept whole, its first line included.
    expect(articles[1]!.text.startsWith("Lighthouse keeper retires after forty years\n\n")).toBe(true);
    expect(report[0]).toMatch(/^2 text files: id from the file name.*; metadata: published ← "published"; outlet ← "outlet"; url ← "url"/);
  });

  it("takes an id from the side table, and the file name's where its cell is empty", async () => {
    const dir = writeCorpus({ "a.txt": EN, "b.txt": EN2, "metadata.csv": "file,id\na.txt,first\nb.txt,\n" });
    expect((await read(dir)).articles.map((a) => [a.id, a.meta.source])).toEqual([
      ["b", "b.txt"],
      ["first", "a.txt"],
    ]);
  });

  it("reports side-table rows naming no file, a file named twice and a text column; lists text files without a row", async () => {
    const dir = writeCorpus({
      "a.txt": EN,
      "b.txt": EN2,
      "metadata.csv": "file,body,title\na.txt,x,A\nmissing.txt,y,M\na,z,Again\n",
    });
    const report: string[] = [];
    expect(await errorsOf(dir, { report: (line) => report.push(line) })).toEqual([
      { file: "metadata.csv", field: "text", message: 'column "body" would be the text, which is in the .txt files; remove or rename it' },
      { file: "metadata.csv:3", field: "file", message: '"missing.txt" names no .txt, .html or .docx file in the folder' },
      { file: "metadata.csv:4", field: "file", message: '"a" is named again (first on metadata.csv:2)' },
    ]);
    expect(report).toContain("warning: 1 text file has no row in metadata.csv: b.txt");
  });
});

describe("'did you mean' warnings in every format", () => {
  it("for Markdown front matter: `date` without `published`, kept in extra, with the fix", async () => {
    const dir = writeCorpus({
      "a.md": `---\nlanguage: en\ndate: 2024-01-02\n---\n${EN}`,
      "b.md": `---\nlanguage: en\ndate: 2024-01-03\n---\n${EN2}`,
    });
    const { articles, report } = await read(dir);
    expect(articles[0]!.meta.extra).toEqual({ date: "2024-01-02" });
    expect(report).toEqual([
      'warning: date: did you mean `published`? 2 articles (a.md, b.md) have "date" and no published; it is kept in meta.extra.date. To read it as published, rename it published, or map it: --map published=date (CORPUS_MAP for the site)',
    ]);
  });

  it("for JSON Lines (`source`, `lang`), and none once they are mapped", async () => {
    const dir = writeCorpus({ "c.jsonl": `${JSON.stringify({ id: "a", text: EN, source: "Example Gazette", lang: "en" })}\n` });
    const unmapped = await read(join(dir, "c.jsonl"));
    expect(unmapped.report.map((line) => line.split("? ")[0])).toEqual([
      "warning: lang: did you mean `language`",
      "warning: source: did you mean `outlet`",
    ]);
    const mapped = await read(join(dir, "c.jsonl"), { fieldMap: "outlet=source,language=lang" });
    expect(mapped.report).toEqual(['c.jsonl: 1 line; outlet ← "source" (1 line); language ← "lang" (1 line)']);
    expect([mapped.articles[0]!.meta.outlet, mapped.articles[0]!.languageSource]).toEqual(["Example Gazette", "declared"]);
  });

  it("a JSON line with both a field and the column mapped to it is an error", async () => {
    const dir = writeCorpus({ "c.jsonl": `${JSON.stringify({ id: "a", text: EN, published: "2024-01-01", date: "2024-01-02" })}\n` });
    expect(await errorsOf(join(dir, "c.jsonl"), { fieldMap: "published=date" })).toEqual([
      { file: "c.jsonl:1", field: "published", message: 'is given, and "date" is mapped to it; keep one' },
    ]);
  });

  it("not for a look-alike whose field is set", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\npublished: 2024-01-01\ndate: 2024-01-02\n---\n${EN}` });
    expect((await read(dir)).report).toEqual([]);
  });
});

describe("articles in languages the pipeline does not analyse", () => {
  const corpus = () => writeCorpus({ "en.txt": EN, "sub/de.txt": DE, "metadata.csv": "file,language\nen.txt,en\n" });

  it("are listed with file and language, and the last error says how to proceed", async () => {
    const dir = corpus();
    expect(await errorsOf(dir)).toEqual([
      { file: "sub/de.txt", field: "language", message: "detected German (deu); the pipeline analyses only English and Dutch" },
      {
        file: dir,
        field: "language",
        message:
          "1 article is in a language the pipeline does not analyse. To analyse the rest, run again with --skip-unsupported (SKIP_UNSUPPORTED=1 for the site), which lists what it skips; or remove it; or, where the language was misread, declare language: en or nl",
      },
    ]);
  });

  it("are left out and listed with skipUnsupported", async () => {
    let skipped: readonly SkippedArticle[] = [];
    const { articles } = await read(corpus(), { skipUnsupported: true, onSkipped: (list) => (skipped = list) });
    expect(articles.map((a) => a.id)).toEqual(["en"]);
    expect(skipped).toEqual([{ file: "sub/de.txt", id: "de", language: "deu", name: "German", basis: "detected" }]);
  });

  it("are listed on the report by default when skipped", async () => {
    const { report } = await read(corpus(), { skipUnsupported: true });
    expect(report.slice(-2)).toEqual([
      "skipped 1 article in languages the pipeline does not analyse:",
      "  sub/de.txt: German (deu, detected)",
    ]);
  });

  it("include a language a table declares ('de'), whatever its text; 'EN' and 'nl-BE' are English and Dutch", async () => {
    const dir = writeCorpus({ "a.csv": `id,language,text\na,EN,${EN}\nb,de,${EN2}\nc,nl-BE,${EN}\n` });
    let skipped: readonly SkippedArticle[] = [];
    const { articles } = await read(join(dir, "a.csv"), { skipUnsupported: true, onSkipped: (list) => (skipped = list) });
    expect(articles.map((a) => [a.id, a.language])).toEqual([
      ["a", "en"],
      ["c", "nl"],
    ]);
    expect(skipped).toEqual([{ file: "a.csv:3", id: "b", language: "de", name: "German", basis: "declared" }]);
  });
});
