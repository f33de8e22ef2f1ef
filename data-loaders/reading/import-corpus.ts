/**
 * The corpus inputs beside Markdown and JSON Lines, as read-corpus.ts reads them: CSV, TSV and JSON tables
 * (import-table.ts), `.txt` files and saved `.html` pages in a folder (import-text.ts, import-html.ts), the field mapping (`--map`, `CORPUS_MAP`),
 * "did you mean" warnings for fields that look like a known one, and articles in languages the pipeline
 * does not analyse (import-languages.ts).
 */
import type { CorpusError } from "./corpus-error.ts";
import {
  fieldKey,
  formatFieldMap,
  MAPPABLE_FIELDS,
  lookalikeWarnings,
  parseFieldMap,
  type FieldMap,
  type MappableField,
} from "./import-fields.ts";
import { UnsupportedLanguages, type SkippedArticle } from "./import-languages.ts";
import type { RowArticle } from "./import-row.ts";
import { readCsvTable, readJsonItem, readJsonTable, readTableRow, type TableLocator, type TableReport } from "./import-table.ts";
import { readTextArticle, readTextFiles, type TextLocator, type TextRow } from "./import-text.ts";
import { isHtmlFile } from "./import-html.ts";
import { isDocxFile } from "./import-docx.ts";
import { mayBeExport, readExportArticle, readExportFile, readExportRows, type BatchLocator } from "./import-batch.ts";
import { PAGE_FIELDS } from "./html-metadata.ts";
import { parseJsonlArticle, type ParsedArticle, type ParseResult } from "./parse-article.ts";
import { findJsonShapeProblem } from "./strict-json.ts";
import { basename, extname } from "node:path";

export { isTableFile } from "./import-table.ts";
export { isTextCorpusFile } from "./import-text.ts";

/** Where an imported article is: a table's row or object, a text file, or an article of an export. */
export type ImportLocator = TableLocator | TextLocator | BatchLocator;

/** How a corpus is read besides its size limit: the mapping, what to do with unsupported languages, where to say what. */
export interface ImportOptions {
  /** Field mappings, `field=column` separated by commas (`--map`, `CORPUS_MAP`); "" or absent: none. */
  readonly fieldMap?: string;
  /** Leave out (and list) articles in languages the pipeline does not analyse, instead of failing. */
  readonly skipUnsupported?: boolean;
  /** Where the import's report and warnings go, a line at a time (default: stderr). */
  readonly report?: (line: string) => void;
  /** Given the skipped articles when `skipUnsupported` left some out (default: they are listed on `report`). */
  readonly onSkipped?: (skipped: readonly SkippedArticle[]) => void;
}

/** What an indexing run of read-corpus.ts shares with the import readers. */
export interface ImportRun {
  readonly map: FieldMap;
  readonly languages: UnsupportedLanguages;
  readonly report: (line: string) => void;
  /** Parses one JSON line through the mapping ({@link parseMappedJsonLine}), counting the lines that hold each mapped field. */
  readonly parseJsonLine: (line: string, file: string) => ParseResult;
  /** Notes the look-alike fields of a Markdown or JSON Lines article ("date" without "published"). */
  readonly noteLookalikes: (article: ParsedArticle) => void;
  /** Reports the look-alikes, then returns the language errors, or hands the skipped list on: call once, at the end. */
  readonly finish: (input: string) => CorpusError[];
}

/** "1 line", "2 lines". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

const toStderr = (line: string) => void process.stderr.write(`${line}\n`);

/** Starts an indexing run: parses the mapping (its errors go to `errors`) and collects warnings. */
export function startImport(options: ImportOptions, errors: CorpusError[]): ImportRun {
  const parsed = parseFieldMap([options.fieldMap ?? ""], "--map");
  errors.push(...parsed.errors);
  const report = options.report ?? toStderr;
  const languages = new UnsupportedLanguages(options.skipUnsupported ?? false);
  const lookalikes = new Map<string, { field: MappableField; files: string[] }>();
  const jsonLines = { lines: 0, holding: new Map<MappableField, number>() };
  return {
    map: parsed.map,
    languages,
    report,
    parseJsonLine: (line, file) => {
      jsonLines.lines++;
      const seen = (field: MappableField) => jsonLines.holding.set(field, (jsonLines.holding.get(field) ?? 0) + 1);
      return parseMappedJsonLine(line, file, parsed.map, seen);
    },
    noteLookalikes: (article) => {
      const set = { ...article.meta, id: article.id, language: article.language, text: article.text };
      for (const { name, field } of lookalikeWarnings(article.meta.extra, set)) {
        const entry = lookalikes.get(name) ?? { field, files: [] };
        entry.files.push(article.source);
        lookalikes.set(name, entry);
      }
    },
    finish: (input) => {
      if (jsonLines.lines && parsed.map.size) {
        const mapped = [...parsed.map].map(
          ([field, column]) => `${field} ← "${column}" (${count(jsonLines.holding.get(field) ?? 0, "line")})`,
        );
        report(`${basename(input)}: ${count(jsonLines.lines, "line")}; ${mapped.join("; ")}`);
      }
      for (const [name, { field, files }] of [...lookalikes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const where = `${count(files.length, "article")} (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`;
        const rename = fieldKey(name) === field ? `write it ${field}` : `rename it ${field}`;
        report(
          `warning: ${name}: did you mean \`${field}\`? ${where} have "${name}" and no ${field}; it is kept in meta.extra.${name}. ` +
            `To read it as ${field}, ${rename}, or map it: --map ${field}=${name} (CORPUS_MAP for the site)`,
        );
      }
      if (languages.skip && languages.found.length) (options.onSkipped ?? listSkipped(report))(languages.found);
      return languages.errors(input);
    },
  };
}

/** The default for skipped articles: one line each on `report`. */
function listSkipped(report: (line: string) => void) {
  return (skipped: readonly SkippedArticle[]) => {
    report(`skipped ${count(skipped.length, "article")} in languages the pipeline does not analyse:`);
    for (const s of skipped) report(`  ${s.file}: ${s.name} (${s.language}, ${s.basis})`);
  };
}

/** An imported article ready for read-corpus.ts to accept, with its locator. */
export interface ImportedArticle {
  readonly result: ParseResult;
  readonly locator: ImportLocator;
}

/**
 * Hands on the valid rows with a supported (or undeclared) language, and notes the others in `run`.
 * Rows with errors are handed on for their errors.
 */
function* supported(rows: readonly (RowArticle & { readonly locator: ImportLocator })[], run: ImportRun): Generator<ImportedArticle> {
  for (const row of rows) {
    const article = row.result.article;
    if (article && row.unsupported) run.languages.add(article.source, article.id, row.unsupported, "declared");
    else yield { result: row.result, locator: row.locator };
  }
}

/** Reports how a table's columns were read: one line per file, the look-alikes as warnings, empty cells counted. */
function describeTable(file: string, table: TableReport, run: ImportRun): void {
  if (!table.plan) return;
  const n = table.rows.length;
  run.report(`${file}: ${count(n, "row")}; ${[...table.plan.notes, ...emptyCells(table)].join("; ")}`);
  for (const warning of table.plan.warnings) run.report(`warning: ${file}: ${warning}`);
}

/** "published empty in 2 of 12 rows (null)": the mapped fields some valid rows leave empty. */
function emptyCells(table: TableReport): string[] {
  const articles = table.rows.flatMap((row) => (row.result.article ? [row.result.article] : []));
  const empty = (field: MappableField, article: ParsedArticle) =>
    field === "language" ? article.language === null : field !== "id" && field !== "text" && article.meta[field] === null;
  return MAPPABLE_FIELDS.filter((field) => table.plan!.columns[field] !== undefined).flatMap((field) => {
    const count = articles.filter((article) => empty(field, article)).length;
    const what = field === "language" ? "detected" : "null";
    return count ? [`${field} empty in ${count} of ${articles.length} rows (${what})`] : [];
  });
}

/**
 * Reads a CSV, TSV or JSON corpus file: its articles (through `run`'s mapping), its errors (into `errors`),
 * and a line saying how its columns were read.
 */
export function* readTableCorpus(path: string, run: ImportRun, errors: CorpusError[]): Generator<ImportedArticle> {
  const file = basename(path);
  const table = extname(path).toLowerCase() === ".json" ? readJsonTable(path, file, run.map) : readCsvTable(path, file, run.map);
  errors.push(...table.errors);
  describeTable(file, table, run);
  yield* supported(table.rows, run);
}

/**
 * Reads the `.txt`, `.html`, `.docx` and `.rtf` files (and side table) of a corpus folder: news databases'
 * exports (import-batch.ts) article by article, every other file as one article.
 */
export function* readTextCorpus(
  folder: string,
  paths: readonly string[],
  label: (path: string) => string,
  run: ImportRun,
  errors: CorpusError[],
): Generator<ImportedArticle> {
  const singles: string[] = [];
  const exports: ImportedArticle[] = [];
  const exportNames = new Set<string>();
  for (const path of paths) {
    const exported = mayBeExport(path) ? readExportFile(path, label(path)) : null;
    if (!exported) {
      singles.push(path);
      continue;
    }
    exportNames.add(label(path));
    const read = readExportRows(path, label(path), exported);
    errors.push(...read.errors);
    for (const line of read.report) run.report(line);
    exports.push(...supported(read.rows, run));
  }
  yield* readSingleFiles(folder, singles, label, run, errors, exportNames);
  yield* exports;
}

/** Reads the files of a folder that hold one article each, with the side table. */
function* readSingleFiles(
  folder: string,
  paths: readonly string[],
  label: (path: string) => string,
  run: ImportRun,
  errors: CorpusError[],
  exportNames: ReadonlySet<string>,
): Generator<ImportedArticle> {
  if (!paths.length) return;
  const read = readTextFiles(folder, paths, run.map, label, exportNames);
  errors.push(...read.errors);
  const pages = read.rows.filter((row) => isHtmlFile(row.locator.path));
  const documents = read.rows.filter((row) => isDocxFile(row.locator.path));
  const texts = read.rows.length - pages.length - documents.length;
  const side = read.plan ? `; metadata: ${read.plan.notes.join("; ")}` : "";
  if (texts)
    run.report(
      `${count(texts, "text file")}: id from the file name, title from the first line (when a blank line follows) or the file name${side}`,
    );
  if (pages.length) run.report(describePages(pages, texts ? "" : side));
  if (documents.length) run.report(describeDocuments(documents, texts || pages.length ? "" : side));
  for (const line of [...read.notes, ...(read.plan?.warnings ?? [])]) run.report(`warning: ${line}`);
  for (const row of read.rows) for (const warning of row.warnings) run.report(`warning: ${label(row.locator.path)}: ${warning}`);
  yield* supported(read.rows, run);
}

/** "2 Word documents: …; from the document: title in 2, author in 1": what the documents gave. */
function describeDocuments(documents: readonly TextRow[], side: string): string {
  const given = ["title", "author"].map((field) => `${field} in ${documents.filter((d) => d.fromPage.includes(field)).length}`);
  const what =
    "id from the file name; title from dc:title or the first paragraph, author from dc:creator; dcterms:created and modified kept in extra as docx_created, docx_modified (not read as the date)";
  return `${count(documents.length, "Word document")}: ${what}; from the document: ${given.join(", ")}${side}`;
}

/** "3 saved pages: main text extracted …; published from the page in 2 of 3": what the pages gave. */
function describePages(pages: readonly TextRow[], side: string): string {
  const given = PAGE_FIELDS.map((field) => {
    const n = pages.filter((page) => page.fromPage.includes(field)).length;
    return `${field} in ${n}`;
  });
  const what = "main text extracted, navigation and page furniture left out; id from the file name";
  return `${count(pages.length, "saved page")}: ${what}; from the page's metadata: ${given.join(", ")}${side}`;
}

/** Reads an imported article again from its locator (`source` is its file label, `file:line`). */
export function readImportedArticle(locator: ImportLocator, source: string): ParseResult {
  const file = source.replace(/(?::\d+|#\d+)$/, "");
  const row =
    locator.kind === "table"
      ? readTableRow(locator, source)
      : locator.kind === "json"
        ? readJsonItem(locator, file, source)
        : locator.kind === "batch"
          ? readExportArticle(locator, file, source)
          : readTextArticle(locator, source);
  return row.result;
}

/** Whether a locator is an imported article's (not a Markdown file's or a JSON line's). */
export function isImportLocator(locator: { readonly kind: string }): locator is ImportLocator {
  return locator.kind === "table" || locator.kind === "json" || locator.kind === "text" || locator.kind === "batch";
}

/**
 * Parses one JSON Lines article, first renaming mapped fields (`--map published=date` reads "date" as
 * `published`). Without a mapping, exactly parseJsonlArticle. A mapped field beside a field of the target's
 * name is an error. `seen` is told each mapped field whose column the line holds (for the report).
 * @example parseMappedJsonLine('{"id":"a","body":"Hi."}', "c.jsonl:1", new Map([["text", "body"]])).article?.text // "Hi."
 */
export function parseMappedJsonLine(line: string, file: string, map: FieldMap, seen?: (field: MappableField) => void): ParseResult {
  if (map.size === 0 || findJsonShapeProblem(line)) return parseJsonlArticle(line, file);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return parseJsonlArticle(line, file); // reports the JSON error
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return parseJsonlArticle(line, file);
  const object = { ...(value as Record<string, unknown>) };
  for (const [field, column] of map) {
    if (!Object.hasOwn(object, column)) continue;
    seen?.(field);
    if (column === field) continue;
    if (Object.hasOwn(object, field))
      return { article: null, errors: [{ file, field, message: `is given, and "${column}" is mapped to it; keep one` }] };
    object[field] = object[column];
    delete object[column];
  }
  return parseJsonlArticle(JSON.stringify(object), file);
}

/** The mapping as read-corpus.ts stores it in a JSON Lines locator (text, so that any thread can parse it again). */
export function mapSetting(run: ImportRun): string {
  return formatFieldMap(run.map);
}

/** Parses a stored mapping again (one that parsed once, so without errors). */
export function mapFromSetting(setting: string): FieldMap {
  return parseFieldMap([setting], "--map").map;
}
