// The course pages' browser side: the sentences of a coding sample with their context, the codes a student
// saves in this browser, coding files (CSV) written and read, and the units an agreement is computed on.
// The statistics, the sampling and the checks of a coding file are the analysis library's own
// (data-loaders/portable, linked here as ./portable): the pages compute exactly what the tests check.
import { csvFormatRows, csvParseRows } from "d3";
import type { ArticleRows, CodingFrameFile, CodingIndex } from "../../data-loaders/schema/site-outputs.ts";
import type { Code, CodedUnit } from "./portable/agreement.js";
import { decodeFrame, frameCode, unitPlace, type CodingTask, type SamplingFrame } from "./portable/coding.js";
import { CODING_COLUMNS, readCodingFile, type CodingRow, type RawCodingRow } from "./portable/coding-file.js";
import { spreadsheetSafe } from "./portable/spreadsheet-safe.js";
import { corpusFile, publicArticlesAt, type ArticleIds } from "./site-data.js";

/** A sentence to code: where it is, its text and the sentences around it. */
export interface CodingUnit {
  /** Its number across the corpus (coding.json). */
  readonly unit: number;
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
  readonly before: string | null;
  readonly after: string | null;
}

type ArticleText = { readonly id: string; readonly sentences: ReadonlyArray<readonly [number, string]> };

/** An article's heading and paragraph sentences (text/<id>.json), fetched once. */
export function articleText(id: string): Promise<ArticleText> {
  return corpusFile<ArticleText>(`text/${id}.json`);
}

/** An article's sentences as a coding file is read against them: [sentence index, its text or null]. */
type CodedSentences = ReadonlyArray<readonly [number, string | null]>;

/** In a public build, those of articles `named` whose text it does not publish (closed); none in a full build. */
async function closedArticles(build: CodingIndex["build"], ids: ArticleIds, named: Iterable<string>): Promise<Set<string>> {
  if (!build.public) return new Set();
  const positions = await ids.positions(named);
  const published = await publicArticlesAt(build, ids, positions.values());
  return new Set([...(published?.values() ?? [])].filter((article) => !article.open).map((article) => article.id));
}

/**
 * An article's heading and paragraph sentences, for reading coding files: its text file, or, for a closed
 * article of a public build (no text file), its sentence numbers 0 to n − 1 (rows/<id>.json) without text.
 */
async function codedSentences(id: string, closed: ReadonlySet<string>): Promise<CodedSentences> {
  if (!closed.has(id)) return (await articleText(id)).sentences;
  const { summary } = await corpusFile<ArticleRows>(`rows/${id}.json`);
  return Array.from({ length: summary.sentences }, (_, index) => [index, null] as const);
}

/** A task's sampling frame (coding/<task>.json), decoded. */
export async function samplingFrame(task: CodingIndex["tasks"][number]): Promise<SamplingFrame> {
  return decodeFrame(await corpusFile<CodingFrameFile>(task.file));
}

/** The sentences of units `units` (numbers from a sample), with their context, in the order given. */
export async function codingUnits(units: readonly number[], coding: CodingIndex, ids: ArticleIds): Promise<CodingUnit[]> {
  return Promise.all(
    units.map(async (unit) => {
      const { article, position } = unitPlace(coding.firstUnits, unit);
      const id = await ids.at(article);
      const { sentences } = await articleText(id);
      const [sentence, text] = sentences[position]!;
      return {
        unit,
        article: id,
        sentence,
        text,
        before: sentences[position - 1]?.[1] ?? null,
        after: sentences[position + 1]?.[1] ?? null,
      };
    }),
  );
}

/** Where a sample's codes are kept in this browser: one entry per corpus, task, sample and coder. */
export function storageKey(corpus: string, task: string, sample: string, coder: string): string {
  return `framing-notebooks:coding:${corpus}:${task}:${sample}:${coder}`;
}

/**
 * The codes saved under `key` (unit number to code), or an empty set when there are none or the browser
 * keeps no storage (a private window): `saved` then says so, and the codes live only as long as the page.
 */
export function savedCodes(key: string): { codes: Map<number, Code>; saved: boolean } {
  try {
    const text = localStorage.getItem(key);
    const entries = text ? (JSON.parse(text) as Array<[number, Code]>) : [];
    return { codes: new Map(entries), saved: true };
  } catch {
    return { codes: new Map(), saved: false };
  }
}

/** Saves codes under `key`; false when the browser keeps no storage. */
export function saveCodes(key: string, codes: ReadonlyMap<number, Code>): boolean {
  try {
    localStorage.setItem(key, JSON.stringify([...codes].sort((a, b) => a[0] - b[0])));
    return true;
  } catch {
    return false;
  }
}

/**
 * A coding file: `#` lines naming the sample, the corpus and the build, then one row per coded sentence
 * (columns task, article, sentence, coder, code, text). Text that a spreadsheet would run as a formula is
 * quoted with ' (and read back without it: only the code column is read, and codes never start with ').
 */
export function codingCsv(
  rows: ReadonlyArray<{ readonly unit: CodingUnit; readonly code: Code }>,
  {
    task,
    sample,
    coder,
    corpus,
    build,
  }: { task: CodingTask; sample: string; coder: string; corpus: CodingIndex["corpus"]; build: CodingIndex["build"] },
): string {
  const comments = [
    `framing-notebooks coding file: ${task.label} (${task.id})`,
    `sample: ${sample}`,
    `coder: ${coder}`,
    `corpus: ${corpus.articles} article${corpus.articles === 1 ? "" : "s"}, sha256 ${corpus.sha256}`,
    `build: framing-notebooks ${build.analysis.version}, analysis code sha256 ${build.analysis.code}`,
  ].map((line) => `# ${line.replace(/[\r\n]+/g, " ")}`);
  const body = csvFormatRows([
    [...CODING_COLUMNS],
    ...rows.map(({ unit, code }) => [task.id, unit.article, String(unit.sentence), coder, String(code), unit.text].map(spreadsheetSafe)),
  ]);
  return `${comments.join("\n")}\n${body}\n`;
}

/** The corpus a coding file says it was coded on (its `# corpus:` line), or null. */
export function codingFileCorpus(text: string): string | null {
  return /^# corpus: .*sha256 ([0-9a-f]{64})\s*$/m.exec(text)?.[1] ?? null;
}

/**
 * A coding file's CSV text as its header and rows, each with its line in the file (comment lines and a
 * field's own line breaks counted), for readCodingFile. A leading byte-order mark is ignored.
 */
export function parseCodingCsv(text: string): { columns: string[]; rows: RawCodingRow[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let skipped = 0;
  while (skipped < lines.length && (lines[skipped]!.startsWith("#") || lines[skipped]!.trim() === "")) skipped++;
  const parsed = csvParseRows(lines.slice(skipped).join("\n"));
  const columns = (parsed[0] ?? []).map((c) => c.trim());
  const rows: RawCodingRow[] = [];
  let line = skipped + 1 + 1 + (parsed[0] ?? []).reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
  for (const fields of parsed.slice(1)) {
    if (!(fields.length === 1 && fields[0] === "")) rows.push({ line, fields: Object.fromEntries(columns.map((c, i) => [c, fields[i]])) });
    line += 1 + fields.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
  }
  return { columns, rows };
}

/**
 * Reads coding files (name and text) against this site: every problem of every file, and the codes of the
 * files without problems. A file coded on another corpus is an error (its sentences would not be these).
 */
export async function readCodingFiles(
  files: ReadonlyArray<{ readonly name: string; readonly text: string }>,
  coding: CodingIndex,
  ids: ArticleIds,
): Promise<{ rows: CodingRow[]; errors: string[] }> {
  const tasks = new Map(coding.tasks.map((t) => [t.id, t]));
  const parsed = files.map((file) => ({ ...file, ...parseCodingCsv(file.text) }));
  const mentioned = new Set(parsed.flatMap((f) => f.rows.map((r) => (r.fields.article ?? "").trim())));
  const known = await ids.positions(mentioned);
  const named = [...mentioned].filter((id) => known.has(id)).sort();
  const closed = await closedArticles(coding.build, ids, named);
  const sentences = new Map(
    await Promise.all(named.map(async (id) => [id, new Set((await codedSentences(id, closed)).map(([index]) => index))] as const)),
  );
  const rows: CodingRow[] = [];
  const errors: string[] = [];
  for (const file of parsed) {
    const corpus = codingFileCorpus(file.text);
    if (corpus && corpus !== coding.corpus.sha256) {
      errors.push(
        `${file.name}: was coded on another corpus (sha256 ${corpus.slice(0, 12)}…, this site's is ${coding.corpus.sha256.slice(0, 12)}…)`,
      );
      continue;
    }
    const result = readCodingFile(file.name, file.columns, file.rows, tasks, sentences);
    const reserved = file.rows.filter((r) => (r.fields.coder ?? "").trim() === PIPELINE_CODER);
    if (reserved.length) {
      errors.push(
        `${file.name} line ${reserved[0]!.line}, coder: "${PIPELINE_CODER}" is the pipeline's name here; give the coder another name`,
      );
      continue;
    }
    rows.push(...result.rows);
    errors.push(...result.errors);
  }
  return { rows, errors };
}

/** The coder the pipeline's codes are shown as. */
export const PIPELINE_CODER = "pipeline";

/** One unit of an agreement: the sentence and each coder's code. */
export interface AgreementUnit {
  readonly article: string;
  readonly sentence: number;
  /** The sentence's text; null in a closed article of a public build, which does not publish it. */
  readonly text: string | null;
  readonly codes: CodedUnit;
}

/**
 * The units of one task as the coders coded them, sentences in corpus order, coders in the order given
 * (the pipeline last when `withPipeline`): every sentence some file coded, with each coder's code or null.
 * A public build publishes neither the text nor the pipeline's codes of a closed article (its coding frames
 * hold open texts only): such a unit has no text, and the pipeline's code of it is null (not coded).
 */
export async function agreementUnits(
  rows: readonly CodingRow[],
  task: CodingIndex["tasks"][number],
  coders: readonly string[],
  { coding, ids, withPipeline }: { coding: CodingIndex; ids: ArticleIds; withPipeline: boolean },
): Promise<{ coders: string[]; units: AgreementUnit[] }> {
  const order = await ids.positions(rows.filter((r) => r.task === task.id).map((r) => r.article));
  const byUnit = new Map<string, { article: string; sentence: number; codes: Map<string, Code> }>();
  for (const row of rows.filter((r) => r.task === task.id)) {
    const key = JSON.stringify([row.article, row.sentence]);
    const unit = byUnit.get(key) ?? { article: row.article, sentence: row.sentence, codes: new Map<string, Code>() };
    unit.codes.set(row.coder, row.code);
    byUnit.set(key, unit);
  }
  const sorted = [...byUnit.values()].sort((a, b) => order.get(a.article)! - order.get(b.article)! || a.sentence - b.sentence);
  const frame = withPipeline ? await samplingFrame(task) : null;
  const all = withPipeline ? [...coders, PIPELINE_CODER] : [...coders];
  const closed = await closedArticles(
    coding.build,
    ids,
    sorted.map((unit) => unit.article),
  );
  const units = await Promise.all(
    sorted.map(async ({ article, sentence, codes }) => {
      const sentences = await codedSentences(article, closed);
      const position = sentences.findIndex(([index]) => index === sentence);
      const coded = frame && !closed.has(article);
      const pipeline = coded ? frameCode(frame, coding.firstUnits[order.get(article)!]! + position, task.kind) : null;
      return {
        article,
        sentence,
        text: sentences[position]![1],
        codes: all.map((coder) => (coder === PIPELINE_CODER && frame ? pipeline : (codes.get(coder) ?? null))),
      };
    }),
  );
  return { coders: all, units };
}
