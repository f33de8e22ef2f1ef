// The coding files students export and teachers collect (CSV, one code a row), checked against the site's
// tasks and the corpus's sentences. Pure and dependency-free, like coding.ts: the Coding and Agreement pages
// run it in the browser (src/components/portable links to this folder), the tests in Node.
import type { Code } from "./agreement.js";
import { readCode, type CodingTask } from "./coding.js";

/** The columns of a coding file, in order. */
export const CODING_COLUMNS = ["task", "article", "sentence", "coder", "code", "text"] as const;

/** One code in a coding file. */
export interface CodingRow {
  readonly task: string;
  readonly article: string;
  readonly sentence: number;
  readonly coder: string;
  readonly code: Code;
}

/** A coding file's rows as parsed from CSV (field name to text), with the file line each came from. */
export interface RawCodingRow {
  readonly line: number;
  readonly fields: Readonly<Record<string, string | undefined>>;
}

/**
 * The codes of one coding file, or every error in it: the file, the line and the field, and what is wrong.
 * A file needs the columns task, article, sentence, coder and code (text is for reading and ignored); tasks
 * must be `tasks`; articles must be in the corpus, and sentences must be headings or paragraph sentences of
 * their article (`sentences` gives each article's, for the articles the rows name); a coder may code a unit
 * once (coding it again with the same code is not an error).
 */
export function readCodingFile(
  file: string,
  columns: readonly string[],
  rows: readonly RawCodingRow[],
  tasks: ReadonlyMap<string, CodingTask>,
  sentences: ReadonlyMap<string, ReadonlySet<number>>,
): { rows: CodingRow[]; errors: string[] } {
  const missing = CODING_COLUMNS.filter((c) => c !== "text" && !columns.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: [
        `${file}: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (a coding file has ${CODING_COLUMNS.join(",")})`,
      ],
    };
  const errors: string[] = [];
  const read: CodingRow[] = [];
  const seen = new Map<string, Code>();
  for (const { line, fields } of rows) {
    const at = (field: string, message: string) => errors.push(`${file} line ${line}, ${field}: ${message}`);
    const taskId = (fields.task ?? "").trim();
    const task = tasks.get(taskId);
    if (!task) at("task", taskId ? `"${taskId}" is not a task of this site` : "is empty");
    const article = (fields.article ?? "").trim();
    const known = sentences.get(article);
    if (!known) at("article", article ? `"${article}" is not an article of this corpus` : "is empty");
    const sentenceText = (fields.sentence ?? "").trim();
    const sentence = /^\d+$/.test(sentenceText) ? Number(sentenceText) : Number.NaN;
    if (Number.isNaN(sentence)) at("sentence", `"${sentenceText}" is not a sentence number`);
    else if (known && !known.has(sentence)) at("sentence", `${sentence} is not a heading or paragraph sentence of ${article}`);
    const coder = (fields.coder ?? "").trim();
    if (!coder) at("coder", "is empty");
    const code = task ? readCode(task.kind, fields.code ?? "") : null;
    if (code && "error" in code) at("code", code.error);
    if (!task || !known || Number.isNaN(sentence) || !coder || !code || "error" in code) continue;
    const key = JSON.stringify([taskId, article, sentence, coder]);
    const before = seen.get(key);
    if (before !== undefined && before !== code.code) {
      at("code", `${coder} coded this sentence twice, as ${before} and as ${code.code}`);
      continue;
    }
    if (before !== undefined) continue;
    seen.set(key, code.code);
    read.push({ task: taskId, article, sentence, coder, code: code.code });
  }
  return { rows: errors.length ? [] : read, errors };
}
