// Malformed tables (data-loaders/reading/import-table.ts, through indexCorpus): every problem at once, each
// naming its file, line and field.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../helpers.ts";
import { EN, EN2, errorsOf } from "./import-fixtures.ts";

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
