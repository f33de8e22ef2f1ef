import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as yaml from "yaml";
import { compareIds } from "../../data-loaders/common/compare-ids.ts";
import { articleHash, indexCorpus, readCorpus, readIndexedArticle } from "../../data-loaders/reading/read-corpus.ts";
import { corpusErrors, FIXTURE_CORPUS, FIXTURE_JSONL, writeCorpus } from "../helpers.ts";

// Every YAML parse goes through this spy, so a test can count how often front matter is parsed.
vi.mock("yaml", async (importOriginal) => {
  const original = await importOriginal<typeof import("yaml")>();
  return { ...original, parseDocument: vi.fn(original.parseDocument) };
});

const EN_BODY = "The government announced new measures on Tuesday. Critics said the plan came too late.\n";

const errorsOf = (input: string) => corpusErrors(input);

describe("indexCorpus(folder) rejects bad input, naming file and field", () => {
  it("reports invalid YAML with its line", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\ntitle: [unclosed\n---\n${EN_BODY}` });
    const [error, ...rest] = await errorsOf(dir);
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ file: "a.md", field: "front matter" });
    expect(error!.message).toMatch(/invalid YAML on line \d+/);
  });

  it("reports front matter that is opened but never closed", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\n${EN_BODY}` });
    expect(await errorsOf(dir)).toEqual([
      { file: "a.md", field: "front matter", message: "opened with --- on line 1 but never closed with a --- line" },
    ]);
  });

  it("reports an empty id", async () => {
    const dir = writeCorpus({ "a.md": `---\nid: ""\nlanguage: en\n---\n${EN_BODY}` });
    expect(await errorsOf(dir)).toEqual([{ file: "a.md", field: "id", message: "is empty" }]);
  });

  it("reports an id that cannot be a file name or URL", async () => {
    const dir = writeCorpus({ "a.md": `---\nid: "../etc/passwd"\nlanguage: en\n---\n${EN_BODY}` });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "a.md", field: "id" });
    expect(error!.message).toMatch(/is not a valid id/);
  });

  it("reports a duplicate id with both files", async () => {
    const dir = writeCorpus({ "a.md": `---\nid: same\nlanguage: en\n---\n${EN_BODY}`, "b/same.md": `---\nlanguage: en\n---\n${EN_BODY}` });
    expect(await errorsOf(dir)).toEqual([{ file: "b/same.md", field: "id", message: 'duplicate id "same", already used by a.md' }]);
  });

  it("says a language code that names no language is unknown", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: xx-nonsense\n---\n${EN_BODY}` });
    expect(await errorsOf(dir)).toEqual([
      { file: "a.md", field: "language", message: 'unknown language "xx-nonsense": use "en" or "nl", or leave it out to detect it' },
    ]);
  });
  it("names a declared language the pipeline does not analyse, and says what to do", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: fr\n---\n${EN_BODY}` });
    expect(await errorsOf(dir)).toEqual([
      {
        file: "a.md",
        field: "language",
        message: '"fr" (French) is not analysed: only English ("en") and Dutch ("nl") are; take the article out of the corpus',
      },
    ]);
  });

  it("reports an empty body", async () => {
    const dir = writeCorpus({ "a.md": "---\nlanguage: en\n---\n\n   \n" });
    expect(await errorsOf(dir)).toEqual([{ file: "a.md", field: "body", message: "is empty: an article needs text" }]);
  });

  it("reports an invalid date", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\npublished: 2023-02-30\n---\n${EN_BODY}` });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "a.md", field: "published" });
    expect(error!.message).toContain('"2023-02-30" is not a valid ISO date');
  });

  it("keeps a date of reduced precision (a year or a month) as given, and rejects a month that is not one", async () => {
    const dir = writeCorpus({
      "a.md": `---\nlanguage: en\npublished: 2022\n---\n${EN_BODY}`,
      "b.md": `---\nlanguage: en\npublished: "2022-02"\n---\n${EN_BODY}`,
      "c.md": `---\nlanguage: en\npublished: 2022-13\n---\n${EN_BODY}`,
    });
    const errors = await errorsOf(dir);
    expect(errors).toEqual([
      expect.objectContaining({ file: "c.md", field: "published", message: expect.stringContaining('"2022-13" is not a valid ISO date') }),
    ]);
    const fine = writeCorpus({
      "a.md": `---\nlanguage: en\npublished: 2022\n---\n${EN_BODY}`,
      "b.md": `---\nlanguage: en\npublished: "2022-02"\n---\n${EN_BODY}`,
    });
    const dates: Array<string | null> = [];
    for await (const article of readCorpus(fine)) dates.push(article.meta.published);
    expect(dates).toEqual(["2022", "2022-02"]);
  });

  it("reports non-UTF-8 bytes with their offset", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("---\nlanguage: nl\n---\nDe minister zei: "),
      Buffer.from([0xe9]),
      Buffer.from("n verklaring.\n"),
    ]);
    const dir = writeCorpus({ "a.md": latin1 });
    expect(await errorsOf(dir)).toEqual([
      { file: "a.md", field: "encoding", message: "not valid UTF-8: byte 0xe9 at byte offset 38; save the file as UTF-8" },
    ]);
  });

  it("reports a text whose language is neither declared nor English or Dutch", async () => {
    const dir = writeCorpus({ "de.md": "Die Bundesregierung hat heute beschlossen, dass die Steuern im nächsten Jahr erhöht werden.\n" });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "de.md", field: "language" });
    expect(error!.message).toMatch(/German \(deu\)/);
  });

  it("reports files that are not Markdown articles instead of skipping them", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\n---\n${EN_BODY}`, "notes.pdf": "stray file" });
    expect(await errorsOf(dir)).toEqual([
      {
        file: "notes.pdf",
        field: "file",
        message: "is not an article (.md, .txt, .html, .docx or .rtf); move it out of the corpus folder, or import it (npm run import)",
      },
    ]);
  });

  it("lists every error of every file at once, not only the first", async () => {
    const dir = writeCorpus({
      "a.md": `---\nlanguage: fr\npublished: yesterday\n---\n${EN_BODY}`,
      "b.md": "---\nlanguage: en\n---\n",
      "c.md": `---\nid: a\nlanguage: en\n---\n${EN_BODY}`,
    });
    const errors = await errorsOf(dir);
    expect(errors.map((e) => `${e.file} ${e.field}`)).toEqual(["a.md language", "a.md published", "b.md body"]);
    // a.md was invalid, so c.md's id "a" is not a duplicate of anything that was accepted.
  });

  it("throws one error whose message lists every problem on its own line", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: fr\n---\n${EN_BODY}`, "b.md": "---\nlanguage: en\n---\n" });
    await expect(indexCorpus(dir)).rejects.toThrow(/corpus: 2 errors:\n {2}a\.md: language: .*\n {2}b\.md: body: /);
  });

  it("reports a missing input", async () => {
    expect(await errorsOf("/nonexistent/corpus")).toEqual([
      { file: "/nonexistent/corpus", field: "input", message: "no such file or folder" },
    ]);
  });
});

describe("indexCorpus(file.jsonl)", () => {
  it("reports a missing id and a missing text with the line number", async () => {
    const dir = writeCorpus({ "c.jsonl": `{"text": "${EN_BODY.trim()}", "language": "en"}\n{"id": "b"}\n` });
    expect(await errorsOf(`${dir}/c.jsonl`)).toEqual([
      { file: "c.jsonl:1", field: "id", message: "is missing" },
      { file: "c.jsonl:2", field: "text", message: "is missing" },
    ]);
  });

  it("reports a line that is not JSON", async () => {
    const dir = writeCorpus({ "c.jsonl": `{"id": "a", "text": "x"\n` });
    const [error] = await errorsOf(`${dir}/c.jsonl`);
    expect(error).toMatchObject({ file: "c.jsonl:1", field: "line" });
    expect(error!.message).toMatch(/^invalid JSON/);
  });

  it("reports non-UTF-8 bytes on a line", async () => {
    const dir = writeCorpus({
      "c.jsonl": Buffer.concat([Buffer.from('{"id":"a","language":"en","text":"caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]),
    });
    expect(await errorsOf(`${dir}/c.jsonl`)).toEqual([
      { file: "c.jsonl:1", field: "encoding", message: "not valid UTF-8: byte 0xe9 at byte offset 37 of the line; save the file as UTF-8" },
    ]);
  });
});

describe("readCorpus(input)", () => {
  it("reads a folder recursively, in id order, with ids from file names unless declared", async () => {
    const articles = [];
    for await (const article of readCorpus(FIXTURE_CORPUS)) articles.push(article);
    expect(articles.map((a) => [a.id, a.meta.source])).toEqual([
      ["alpha", "alpha.md"],
      ["beta", "nested/beta.md"],
      ["gamma-custom-id", "gamma.md"],
    ]);
  });

  it("detects an undeclared language and says so", async () => {
    const beta = (await indexCorpus(FIXTURE_CORPUS)).find((entry) => entry.id === "beta");
    expect(beta).toMatchObject({ language: "nl", languageSource: "detected" });
  });

  it("keeps unknown fields in meta.extra and declared fields in meta", async () => {
    const articles = [];
    for await (const article of readCorpus(FIXTURE_CORPUS)) articles.push(article);
    const alpha = articles[0]!;
    expect(alpha.meta).toMatchObject({
      title: "Alpha test article",
      outlet: "Example Weekly",
      published: "2024-05-17",
      author: "A. Writer",
      extra: { section: "opinion" },
    });
    expect(alpha.meta.provenance.creditedAuthor).toBe("A. Writer");
  });

  it("keeps the body verbatim, byte for byte after the front matter", async () => {
    const articles = [];
    for await (const article of readCorpus(FIXTURE_CORPUS)) articles.push(article);
    expect(articles[2]!.text).toBe("Een korte samenvatting van wat de Voorbeeldkrant schreef. Het artikel was\nkort.\n");
  });

  it("reads the same articles from JSONL, sorted by id whatever the line order", async () => {
    const fromJsonl = [];
    for await (const article of readCorpus(FIXTURE_JSONL)) fromJsonl.push(article);
    const fromFolder = [];
    for await (const article of readCorpus(FIXTURE_CORPUS)) fromFolder.push(article);
    expect(fromJsonl.map((a) => a.id)).toEqual(["alpha", "beta", "gamma-custom-id"]);
    expect(fromJsonl.map(({ meta: { source: _source, ...meta }, ...a }) => ({ ...a, meta }))).toEqual(
      fromFolder.map(({ meta: { source: _source, ...meta }, ...a }) => ({ ...a, meta })),
    );
    expect(fromJsonl[0]!.meta.source).toBe("small-corpus.jsonl:2");
  });
});

describe("CorpusEntry.readHash", () => {
  it("is the hash of the article as read again, from a folder and from JSONL, and differs per article", async () => {
    for (const input of [FIXTURE_CORPUS, FIXTURE_JSONL]) {
      const entries = await indexCorpus(input);
      expect(entries.map((e) => e.readHash)).toEqual(entries.map((e) => articleHash(readIndexedArticle(e))));
      expect(new Set(entries.map((e) => e.readHash)).size).toBe(entries.length);
    }
  });

  it("changes with any part of the article: body, metadata, language", async () => {
    const dir = writeCorpus({ "a.md": "---\nid: a\nlanguage: en\n---\nRussia said the talks failed.\n" });
    const [first] = await indexCorpus(dir);
    for (const changed of [
      "---\nid: a\nlanguage: en\n---\nRussia said the talks failed!\n",
      "---\nid: a\nlanguage: en\ntitle: T\n---\nRussia said the talks failed.\n",
      "---\nid: a\nlanguage: nl\n---\nRussia said the talks failed.\n",
    ]) {
      const [entry] = await indexCorpus(writeCorpus({ "a.md": changed }));
      expect(entry!.readHash).not.toBe(first!.readHash);
    }
  });
});

describe("readIndexedArticle(entry)", () => {
  const parses = vi.mocked(yaml.parseDocument);
  beforeEach(() => {
    parses.mockClear();
  });

  it("parses each file's front matter once: indexing parses it, reading the article again does not", async () => {
    const dir = writeCorpus({
      "a.md": `---\nid: a\nlanguage: en\n---\n${EN_BODY}`,
      "b.md": `---\nid: b\nlanguage: en\ntitle: B\n---\n${EN_BODY}`,
      "c.md": EN_BODY,
    });
    const read = [];
    for await (const article of readCorpus(dir)) read.push(article);
    expect(read.map((a) => [a.id, a.meta.title])).toEqual([
      ["a", null],
      ["b", "B"],
      ["c", null],
    ]);
    expect(parses).toHaveBeenCalledTimes(2);
  });

  it("parses front matter again when it changed after indexing, and reads a changed body as it is now", async () => {
    const dir = writeCorpus({ "a.md": `---\nid: a\nlanguage: en\n---\n${EN_BODY}` });
    const [entry] = await indexCorpus(dir);
    writeFileSync(join(dir, "a.md"), `---\nid: a\nlanguage: en\ntitle: New\n---\nChanged. ${EN_BODY}`);
    const article = readIndexedArticle(entry!);
    expect([article.meta.title, article.text]).toEqual(["New", `Changed. ${EN_BODY}`]);
    expect(parses).toHaveBeenCalledTimes(2);
    writeFileSync(join(dir, "a.md"), `---\nid: b\nlanguage: en\n---\n${EN_BODY}`);
    expect(() => readIndexedArticle(entry!)).toThrow(/a\.md: id: changed while the corpus was being read/);
  });
});

describe("compareIds(a, b)", () => {
  it("orders by code units, independent of locale", () => {
    expect(["b", "B", "a", "ä", "A10", "A9"].sort(compareIds)).toEqual(["A10", "A9", "B", "a", "b", "ä"]);
  });
});
