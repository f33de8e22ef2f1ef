// Input that used to be lost or misread without a word (issue 11): linked files, misplaced front matter,
// duplicate JSON keys, deep JSON, UTF-16, YAML alias bombs and timestamps, ids that clash as file names
// (issue 29: and ids Windows reserves for devices).
// Each case must be read, or rejected with a located error: never dropped, never silently changed.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusValidationError, type CorpusError } from "../../data-loaders/reading/corpus-error.ts";
import { indexCorpus, readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { findJsonShapeProblem } from "../../data-loaders/reading/strict-json.ts";
import { corpusErrors, writeCorpus } from "../helpers.ts";

const BODY = "The government announced new measures on Tuesday. Critics said the plan came too late.\n";
const article = (id: string) => `---\nid: ${id}\nlanguage: en\n---\n${BODY}`;

const errorsOf = (input: string) => corpusErrors(input);

async function ids(input: string): Promise<string[]> {
  const out: string[] = [];
  for await (const a of readCorpus(input)) out.push(a.id);
  return out;
}

describe("indexCorpus(folder) with symbolic links", () => {
  it("reads a linked article and a linked folder of articles like any other", async () => {
    const elsewhere = writeCorpus({ "b.md": article("b"), "more/c.md": article("c"), "more/d.md": article("d") });
    const dir = writeCorpus({ "a.md": article("a") });
    symlinkSync(join(elsewhere, "b.md"), join(dir, "b.md"));
    symlinkSync(join(elsewhere, "more"), join(dir, "more"));
    expect(await ids(dir)).toEqual(["a", "b", "c", "d"]);
  });

  it("reports a link to nothing", async () => {
    const dir = writeCorpus({ "a.md": article("a") });
    symlinkSync(join(dir, "gone.md"), join(dir, "dangling.md"));
    expect(await errorsOf(dir)).toEqual([
      { file: "dangling.md", field: "file", message: "is a symbolic link to nothing (its target is missing)" },
    ]);
  });

  it("reports a link that loops back to a folder containing it", async () => {
    const dir = writeCorpus({ "sub/a.md": article("a") });
    symlinkSync(dir, join(dir, "sub", "loop"));
    expect(await errorsOf(dir)).toEqual([
      { file: "sub/loop", field: "file", message: "is a link back to a folder that contains it; remove the loop" },
    ]);
  });
});

describe("parseMarkdownArticle: front matter that does not open the file", () => {
  it("rejects front matter after a leading blank line instead of reading it as body text", async () => {
    const dir = writeCorpus({ "a.md": `\n${article("x")}` });
    expect(await errorsOf(dir)).toEqual([
      {
        file: "a.md",
        field: "front matter",
        message: "the opening --- stands on line 2, after blank lines; front matter must start at the very beginning of the file",
      },
    ]);
  });

  it("rejects an indented opening ---", async () => {
    const dir = writeCorpus({ "a.md": `  ---\nid: x\nlanguage: en\n---\n${BODY}` });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "a.md", field: "front matter" });
    expect(error!.message).toMatch(/^the opening --- is indented \(line 1\)/);
  });

  it("reports a YAML error on the line where it stands in the file", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\ntitle: ok\nauthor: [unclosed\n---\n${BODY}` });
    const [error] = await errorsOf(dir);
    expect(error!.message).toMatch(/^invalid YAML on line [45]: /);
    expect(error!.message).not.toMatch(/line 1\b/);
  });

  it("rejects a YAML alias bomb with the file named, not a bare ReferenceError", async () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g"].entries()) {
      const previous = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\nbomb:\n  ${levels.join("\n  ")}\n---\n${BODY}` });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "a.md", field: "front matter" });
    expect(error!.message).toMatch(/^cannot be read: .*alias/i);
  });

  it("keeps a !!timestamp date as written instead of moving it to the UTC day", async () => {
    const dir = writeCorpus({ "a.md": `---\nlanguage: en\npublished: !!timestamp 2024-02-03T23:30:00+05:00\n---\n${BODY}` });
    const read = [];
    for await (const a of readCorpus(dir)) read.push(a);
    expect(read[0]!.meta.published).toBe("2024-02-03T23:30:00+05:00");
  });
});

describe("parseJsonlArticle: JSON that JSON.parse would quietly accept", () => {
  it("rejects a line with a duplicate key, naming the key", async () => {
    const dir = writeCorpus({ "c.jsonl": `{"id": "a", "language": "en", "title": "One", "title": "Two", "text": "Some text here."}\n` });
    expect(await errorsOf(join(dir, "c.jsonl"))).toEqual([
      { file: "c.jsonl:1", field: "title", message: "appears twice in the same object; keep one" },
    ]);
  });

  it("rejects a duplicate key inside a nested object, with its path", async () => {
    const line = `{"id": "a", "language": "en", "provenance": {"origin": ["x"], "origin": ["y"]}, "text": "Some text here."}`;
    const dir = writeCorpus({ "c.jsonl": `${line}\n` });
    expect(await errorsOf(join(dir, "c.jsonl"))).toEqual([
      { file: "c.jsonl:1", field: "provenance.origin", message: "appears twice in the same object; keep one" },
    ]);
  });

  it("rejects a 100,000-deep field with a located error instead of overflowing the stack", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const dir = writeCorpus({
      "c.jsonl": `{"id": "a", "language": "en", "text": "Text.", "extra": ${deep}}\n{"id": "b", "language": "en", "text": "Fine."}\n`,
    });
    const errors = await errorsOf(join(dir, "c.jsonl"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "c.jsonl:1", message: "nests objects or arrays deeper than 64 levels" });
    expect(errors[0]!.field).toMatch(/^extra(\.0)+$/);
  });

  it("findJsonShapeProblem ignores braces, quotes and equal keys inside strings", () => {
    expect(findJsonShapeProblem(String.raw`{"a": "{\"a\": 1, \"a\": 2}", "b": ["a", "a"], "c": {"a": 1}}`)).toBeNull();
    expect(findJsonShapeProblem(`{"a": [{"k": 1}, {"k": 2}]}`)).toBeNull();
    expect(findJsonShapeProblem(`{"a": [{"k": 1, "k": 2}]}`)).toEqual({ kind: "duplicate-key", path: "a.0", key: "k" });
  });
});

describe("decodeUtf8: files in another encoding", () => {
  it("names UTF-16 with a byte-order mark", async () => {
    const dir = writeCorpus({ "a.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article("a"), "utf16le")]) });
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ file: "a.md", field: "encoding" });
    expect(error!.message).toBe("is UTF-16 (little-endian byte-order mark), not UTF-8; save the file as UTF-8");
  });

  it("names UTF-16 without a byte-order mark", async () => {
    const dir = writeCorpus({ "a.md": Buffer.from(article("a"), "utf16le") });
    const [error] = await errorsOf(dir);
    expect(error!.message).toMatch(/^is UTF-16 \(a zero byte after every character/);
  });
});

describe("article ids that would break the published site", () => {
  it("rejects an id ending in a file extension such as .html", async () => {
    const dir = writeCorpus({ "a.md": article("report.html") });
    expect(await errorsOf(dir)).toEqual([
      {
        file: "a.md",
        field: "id",
        message: '"report.html" is not a valid id: it may not end in "." or a file extension such as ".html" or ".json"',
      },
    ]);
  });

  it.each(["CON", "nul", "Aux", "prn", "com1", "LPT9", "COM0", "nul.draft"])(
    "rejects %j, a name Windows reserves for a device (any case, with or without an extension)",
    async (id) => {
      const dir = writeCorpus({ "a.md": article(id) });
      const name = id.split(".")[0];
      expect(await errorsOf(dir)).toEqual([
        {
          file: "a.md",
          field: "id",
          message: `"${id}" is not a valid id: Windows reserves the name "${name}" for a device, so its published file (articles/${id}.json) could not be written or opened there; rename it`,
        },
      ]);
    },
  );

  it("rejects a file named after a device when its id comes from the name, and accepts ids that only begin like one", async () => {
    const dir = writeCorpus({ "aux.md": BODY, "b.md": article("console"), "c.md": article("com10"), "d.md": article("con-2024") });
    expect((await errorsOf(dir)).map((e) => [e.file, e.field, e.message.split(":")[0]])).toEqual([
      ["aux.md", "id", '"aux" is not a valid id'],
    ]);
  });

  it("rejects ids that differ only in case, since their files clash on a case-insensitive disk", async () => {
    const dir = writeCorpus({ "a.md": article("Report"), "b.md": article("report") });
    expect(await errorsOf(dir)).toEqual([
      {
        file: "b.md",
        field: "id",
        message: 'id "report" differs only in case from "Report" (a.md); their published files would clash on a case-insensitive disk',
      },
    ]);
  });
});

describe("nothing is lost", () => {
  it("reads every article of a mixed folder exactly once", async () => {
    const dir = writeCorpus({ "a.md": article("a"), "nested/deeper/b.md": article("b") });
    mkdirSync(join(dir, "empty"));
    writeFileSync(join(dir, ".hidden.md"), article("hidden"));
    expect(await ids(dir)).toEqual(["a", "b"]);
  });
});

describe("indexCorpus(input, { maxArticleBytes })", () => {
  it("rejects an article over the limit with its size, and reads the rest; nothing is truncated", async () => {
    const big = `---\nid: big\nlanguage: en\n---\n${"Word after word in a long text. ".repeat(100)}\n`;
    const dir = writeCorpus({ "big.md": big, "small.md": article("small") });
    let errors: CorpusError[] = [];
    try {
      await indexCorpus(dir, { maxArticleBytes: 1000 });
    } catch (error) {
      errors = [...(error as CorpusValidationError).errors];
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: "big.md", field: "body" });
    expect(errors[0]!.message).toMatch(/^the body is 0 MB, over the limit of 0 MB per article; split it, or raise the limit/);
    const entries = await indexCorpus(dir, { maxArticleBytes: 10_000 });
    expect(entries.map((e) => [e.id, e.bytes])).toEqual([
      ["big", Buffer.byteLength(big.split("---\n")[2]!)],
      ["small", Buffer.byteLength(BODY)],
    ]);
  });

  it("refuses a file far over the limit without reading it, and a JSONL line the same way", async () => {
    const dir = writeCorpus({
      "huge.md": `---\nlanguage: en\n---\n${"x ".repeat(600_000)}\n`,
      "c.jsonl": `{"id":"a","language":"en","text":"${"y ".repeat(600_000)}"}\n`,
    });
    expect((await indexCorpus(join(dir, "huge.md"))).map((e) => e.id)).toEqual(["huge"]); // within the default limit
    let errors: CorpusError[] = [];
    try {
      await indexCorpus(join(dir, "huge.md"), { maxArticleBytes: 100 });
    } catch (error) {
      errors = [...(error as CorpusValidationError).errors];
    }
    expect(errors.map((e) => [e.file, e.field, e.message.split(",")[0]])).toEqual([["huge.md", "body", "the file is 1.1 MB"]]);
    try {
      await indexCorpus(join(dir, "c.jsonl"), { maxArticleBytes: 100 });
    } catch (error) {
      errors = [...(error as CorpusValidationError).errors];
    }
    expect(errors.map((e) => [e.file, e.field, e.message.split(",")[0]])).toEqual([["c.jsonl:1", "body", "the line is 1.1 MB"]]);
  });
});
