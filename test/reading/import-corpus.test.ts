import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { SkippedArticle } from "../../data-loaders/reading/import-languages.ts";
import { writeCorpus } from "../helpers.ts";
import { DE, EN, EN2, errorsOf, FIXTURES, read } from "./import-fixtures.ts";

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
