// Reading the coding files students export and teachers collect: every error named by file, line and field.
import { describe, expect, it } from "vitest";
import type { CodingTask } from "../../data-loaders/portable/coding.ts";
import { readCodingFile } from "../../data-loaders/portable/coding-file.ts";

describe("readCodingFile(file, columns, rows, tasks, sentences)", () => {
  const tasks = new Map<string, CodingTask>([
    ["frame:hegemon", { id: "frame:hegemon", kind: "frame", category: "hegemon", label: "The Hegemon" }],
    ["tone", { id: "tone", kind: "tone", category: null, label: "Sentence tone" }],
  ]);
  const sentences = new Map([["a1", new Set([0, 1, 2, 5])]]);
  const columns = ["task", "article", "sentence", "coder", "code", "text"];
  const row = (line: number, fields: Record<string, string>) => ({
    line,
    fields: { task: "frame:hegemon", article: "a1", sentence: "1", coder: "ann", code: "1", ...fields },
  });
  it("reads valid rows, and a repeated identical code once", () => {
    const result = readCodingFile(
      "ann.csv",
      columns,
      [row(2, {}), row(3, { sentence: "5", code: "absent" }), row(4, {})],
      tasks,
      sentences,
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      { task: "frame:hegemon", article: "a1", sentence: 1, coder: "ann", code: 1 },
      { task: "frame:hegemon", article: "a1", sentence: 5, coder: "ann", code: 0 },
    ]);
  });
  it("lists every error with file, line and field, and keeps no row of a file with errors", () => {
    const result = readCodingFile(
      "ann.csv",
      columns,
      [
        row(2, { task: "frame:nope" }),
        row(3, { article: "zz" }),
        row(4, { sentence: "3" }),
        row(5, { sentence: "x" }),
        row(6, { coder: " " }),
        row(7, { code: "yes" }),
        row(8, { task: "tone", code: "1" }),
        row(9, { task: "tone", code: "-1" }),
      ],
      tasks,
      sentences,
    );
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([
      'ann.csv line 2, task: "frame:nope" is not a task of this site',
      'ann.csv line 3, article: "zz" is not an article of this corpus',
      "ann.csv line 4, sentence: 3 is not a heading or paragraph sentence of a1",
      'ann.csv line 5, sentence: "x" is not a sentence number',
      "ann.csv line 6, coder: is empty",
      'ann.csv line 7, code: "yes" is not a code of this task (1 present, 0 absent)',
      "ann.csv line 9, code: ann coded this sentence twice, as 1 and as -1",
    ]);
  });
  it("names the missing columns", () => {
    expect(readCodingFile("b.csv", ["task", "article"], [], tasks, sentences).errors).toEqual([
      "b.csv: missing columns sentence, coder, code (a coding file has task,article,sentence,coder,code,text)",
    ]);
  });
});
