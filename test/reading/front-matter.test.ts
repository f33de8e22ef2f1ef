// Front matter that used to be misread without a word (issue 29): values JSON cannot keep as written were
// dropped or changed. Each must be kept verbatim or rejected with its file, field and line.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFrontMatter, splitFrontMatter } from "../../data-loaders/reading/front-matter.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { analyzeText, corpusErrors, writeCorpus } from "../helpers.ts";

const BODY = "The government announced new measures on Tuesday. Critics said the plan came too late.\n";
const withFrontMatter = (lines: string) => `---\nid: a\nlanguage: en\n${lines}\n---\n${BODY}`;
const errorsOfMarkdown = (lines: string) => corpusErrors(writeCorpus({ "a.md": withFrontMatter(lines) }));
const errorsOfJsonl = (line: string) => corpusErrors(join(writeCorpus({ "c.jsonl": `${line}\n` }), "c.jsonl"));

describe("parseFrontMatter(yaml, file): values a record would not keep as written", () => {
  it("rejects a __proto__ field, at the top and nested, instead of dropping it", async () => {
    expect(await errorsOfMarkdown("__proto__: x\ncustom:\n  __proto__: {b: 1}")).toEqual([
      {
        file: "a.md",
        field: "__proto__",
        message: "is a field name JavaScript reserves (an object would drop it); rename the field (line 4)",
      },
      {
        file: "a.md",
        field: "custom.__proto__",
        message: "is a field name JavaScript reserves (an object would drop it); rename the field (line 6)",
      },
    ]);
  });

  // Without these checks JSON would write a set as {}, an ordered mapping as {}, binary data as a list of
  // bytes, NaN and infinity as null, and round a long integer.
  it.each([
    ["tags: !!set {a, b}", "tags", "is a set (!!set)"],
    ["ordered: !!omap [{x: 1}]", "ordered", "is an ordered mapping (!!omap)"],
    ["logo: !!binary aGVsbG8=", "logo", "is binary data (!!binary)"],
    ["score: .nan", "score", "is .nan"],
    ["limits: [1, -.inf]", "limits.1", "is -.inf"],
    ["serial: 12345678901234567890", "serial", "is 12345678901234567890"],
  ])("rejects %j, naming the field and its line", async (line, field, reason) => {
    const [error, ...more] = await errorsOfMarkdown(line);
    expect(more).toEqual([]);
    expect([error!.field, error!.message.split(",")[0], error!.message.match(/\(line \d+\)$/)?.[0]]).toEqual([field, reason, "(line 4)"]);
  });

  it("rejects two keys an object would merge, 1 and '1', naming both lines", async () => {
    expect(await errorsOfMarkdown("1: one\n'1': uno")).toEqual([
      { file: "a.md", field: "1", message: "appears twice (lines 4 and 5); keep one" },
    ]);
  });

  it("keeps !!pairs (a list of one-key mappings), quoted big numbers and unknown tags' text verbatim", async () => {
    const dir = writeCorpus({
      "a.md": withFrontMatter("pairs: !!pairs [{x: 1}, {x: 2}]\nserial: '12345678901234567890'\nnote: !local kept"),
    });
    const read = [];
    for await (const article of readCorpus(dir)) read.push(article);
    expect(read[0]!.meta.extra).toEqual({ note: "kept", pairs: [{ x: 1 }, { x: 2 }], serial: "12345678901234567890" });
  });

  it("reports every problem of a file at once, in the order they stand", () => {
    const { value, errors } = parseFrontMatter("a: 1\nb: !!set {x}\na: 2\n__proto__: 3\n", "x.md");
    expect(value).toBeNull();
    expect(errors.map((e) => e.field)).toEqual(["b", "a", "__proto__"]);
  });
});

describe("parseJsonlArticle: values a record would not keep as written", () => {
  it("rejects a __proto__ key instead of dropping it", async () => {
    expect(await errorsOfJsonl(`{"id": "a", "language": "en", "custom": {"__proto__": {"b": 1}}, "text": "Some text here."}`)).toEqual([
      {
        file: "c.jsonl:1",
        field: "custom.__proto__",
        message: "is a field name JavaScript reserves (an object would drop it); rename the field",
      },
    ]);
  });

  it("rejects an integer past 2^53, which JSON.parse would round", async () => {
    expect(await errorsOfJsonl(`{"id": "a", "language": "en", "serial": [1, 12345678901234567890], "text": "Some text here."}`)).toEqual([
      {
        file: "c.jsonl:1",
        field: "serial.1",
        message: "is 12345678901234567890, more digits than a number keeps exactly; quote it to keep it as text",
      },
    ]);
  });
});

describe("parseJsonlArticle: lone-CR line ends", () => {
  it("says that a JSON Lines file's lines end in a lone CR, rather than only that its JSON is invalid", async () => {
    const line = (id: string) => `{"id": "${id}", "language": "en", "text": "Some text here."}`;
    expect(await corpusErrors(join(writeCorpus({ "c.jsonl": `${line("a")}\r${line("b")}\r` }), "c.jsonl"))).toEqual([
      {
        file: "c.jsonl:1",
        field: "line",
        message:
          "invalid JSON: this line holds several lines ending in a lone CR (old Mac line ends); save the file with LF or CR LF line ends",
      },
    ]);
  });
});

describe("splitFrontMatter(source, file): line endings", () => {
  const article = (eol: string) =>
    [
      "---",
      "id: old-mac",
      "language: en",
      "title: Measures",
      "---",
      "# Measures",
      "",
      BODY.trim(),
      "",
      "The Hegemon said nothing.",
      "",
    ].join(eol);

  it("reads front matter in a file whose lines end in a lone CR (old Mac), instead of taking it for body text", async () => {
    const dir = writeCorpus({ "a.md": article("\r") });
    const read = [];
    for await (const a of readCorpus(dir)) read.push(a);
    expect(read.map((a) => [a.id, a.language, a.meta.title])).toEqual([["old-mac", "en", "Measures"]]);
    // The body is published as written, its CRs kept: offsets index the file's text after the front matter.
    expect(read[0]!.text).toBe(["# Measures", "", BODY.trim(), "", "The Hegemon said nothing.", ""].join("\r"));
  });

  it("gives a CR, a CR LF and an LF file the same offsets, since a break is the same place in each", async () => {
    const records = [];
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = await bodyOf(writeCorpus({ "a.md": article(eol) }));
      records.push({ text, record: analyzeText(text) });
    }
    const places = (r: ArticleRecord) => [r.blocks.map((b) => [b.kind, b.start]), r.sentences.length, r.markers.map((m) => m.term)];
    // LF and CR have the same length, so every offset agrees; CR LF only shifts them.
    expect(places(records[2]!.record)).toEqual(places(records[0]!.record));
    expect(records[2]!.record.sentences.map((s) => [s.start, s.end])).toEqual(records[0]!.record.sentences.map((s) => [s.start, s.end]));
    expect(records[1]!.record.markers.map((m) => m.term)).toEqual(["Hegemon"]);
    for (const { text, record } of records) for (const m of record.markers) expect(text.slice(m.start, m.end)).toBe(m.term);
  });

  // Reads each CR LF one way only: when a CR alone also counted as a break, 40 blank lines before the
  // text meant 2^40 ways to try, and this test never finished.
  it("reads a body that starts with many CR LF and CR blank lines as body", () => {
    for (const eol of ["\r\n", "\r", " \r\n\t"]) {
      const source = `${eol.repeat(40)}Text.`;
      expect(splitFrontMatter(source, "a.md")).toEqual({ yaml: null, body: source, errors: [] });
    }
  });

  it("reports a CR-only file whose front matter is never closed, instead of reading it as body", async () => {
    expect(await corpusErrors(writeCorpus({ "a.md": "---\rid: a\rlanguage: en\r" + BODY }))).toEqual([
      { file: "a.md", field: "front matter", message: "opened with --- on line 1 but never closed with a --- line" },
    ]);
  });
});

async function bodyOf(dir: string): Promise<string> {
  for await (const article of readCorpus(dir)) return article.text;
  throw new Error("no article");
}
