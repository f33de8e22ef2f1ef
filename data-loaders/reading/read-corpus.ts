/**
 * Reads corpora: a folder of Markdown articles, or a JSONL file; and, through import-corpus.ts, CSV, TSV and
 * JSON files, .txt, .html and .docx articles, and Nexis Uni and Factiva exports. With pipeline/read-data-files.ts (the codebooks, lexicons and gazetteers) and
 * pipeline/analysis-stamp.ts, one of the library's only I/O modules (with the import-*.ts readers it calls);
 * everything else in data-loaders/ is pure.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, relative, sep } from "node:path";
import { CorpusValidationError, type CorpusError } from "./corpus-error.ts";
import { detectLanguage } from "./detect-language.ts";
import { findMarkup, maskRanges } from "./find-markup.ts";
import {
  decodeUtf8,
  parseMarkdownArticle,
  type KnownFrontMatter,
  type MarkdownParseResult,
  type ParsedArticle,
  type ParseResult,
} from "./parse-article.ts";
import * as imports from "./import-corpus.ts";
import { readByteRange } from "./read-byte-range.ts";
import { attempt, listFiles, readLines, statOrNull } from "./corpus-files.ts";
import type { Article, Language } from "../schema/record.ts";
import { compareIds } from "../common/compare-ids.ts";
import { DEFAULT_MAX_ARTICLE_BYTES } from "../project-paths.ts";

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);

/**
 * Where to find one article again after indexing. A Markdown article's locator keeps its front matter as
 * parsed, so reading the article again parses only a front matter that changed in between.
 */
type Locator =
  | { readonly kind: "markdown"; readonly path: string; readonly defaultId: string; readonly frontMatter: KnownFrontMatter | null }
  | { readonly kind: "jsonl"; readonly path: string; readonly byteStart: number; readonly byteLength: number; readonly fieldMap: string }
  | imports.ImportLocator;

/** One validated article in a corpus index: enough to find, order and label it without holding its text. */
export interface CorpusEntry {
  readonly id: string;
  readonly source: string;
  readonly language: Language;
  readonly languageSource: "declared" | "detected";
  /** Size of the body in UTF-8 bytes (for progress lines and the size limit). */
  readonly bytes: number;
  readonly locator: Locator;
  /**
   * articleHash of the article as indexed (what readIndexedArticle returns while the file is unchanged): the
   * record cache is looked up by it without reading the article again.
   */
  readonly readHash: string;
}

/** The SHA-256 of an article as read (id, language, metadata, body): what its record is cached under. */
export function articleHash(article: Article): string {
  return createHash("sha256").update(JSON.stringify(article)).digest("hex");
}

/** An article as the pipeline reads it: parsed, with its entry's language and source. */
function asRead(article: ParsedArticle, entry: Pick<CorpusEntry, "language" | "languageSource" | "source">): Article {
  return {
    id: article.id,
    language: entry.language,
    languageSource: entry.languageSource,
    text: article.text,
    meta: { ...article.meta, source: entry.source },
  };
}

/** Room for front matter or JSON fields around a body, when a file is refused by its size before reading. */
const METADATA_ALLOWANCE = 1024 * 1024;

/** "16 MB", "1.5 MB": a size as a reader says it (1 MB = 2^20 bytes). */
export function formatBytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
}

/** How indexCorpus reads (the mapping, unsupported languages and the report: see import-corpus.ts). */
export interface IndexOptions extends imports.ImportOptions {
  /** An article whose body is larger is rejected with an error (never truncated). */
  readonly maxArticleBytes?: number;
}

/**
 * Reads and validates a whole corpus and returns its entries sorted by id. Every problem in every article
 * (bad YAML, missing or duplicate id, unknown language, empty body, invalid date, non-UTF-8 bytes, a file
 * that is not an article) is collected; if there are any, throws one {@link CorpusValidationError} listing
 * them all. Nothing is skipped silently. Article texts are not kept, so memory grows only with the count and the
 * metadata (a Markdown article's front matter is kept as parsed, so that reading it again does not parse it again).
 * @param input a folder (read recursively), a `.md`, `.jsonl`, `.csv`, `.tsv` or `.json` file
 */
export async function indexCorpus(input: string, options: IndexOptions = {}): Promise<CorpusEntry[]> {
  const stat = statOrNull(input);
  if (!stat) throw new CorpusValidationError([{ file: input, field: "input", message: "no such file or folder" }]);
  if (stat instanceof Error) throw new CorpusValidationError([{ file: input, field: "input", message: `cannot be read: ${stat.message}` }]);
  const index = new CorpusIndexer(options);
  const extension = extname(input).toLowerCase();
  if (stat.isDirectory()) index.readFolder(input);
  else if (extension === ".jsonl") await index.readJsonLines(input);
  else if (MARKDOWN_EXTENSIONS.has(extension)) index.readMarkdownFile(input, basename(input));
  else if (imports.isTableFile(input))
    for (const item of imports.readTableCorpus(input, index.run, index.errors)) index.accept(item.result, item.locator);
  else if (imports.isTextCorpusFile(input, dirname(input)) && extension !== ".txt") index.readSingleFile(input);
  else {
    const kinds =
      "a folder of .md, .txt, .html, .docx or .rtf articles and exports, a .md, .jsonl, .csv, .tsv, .json, .html, .docx or .rtf file";
    index.errors.push({ file: input, field: "input", message: `must be ${kinds}` });
  }
  return index.finish(input);
}

/** The state of indexCorpus: the entries and errors so far, the import settings, the size limit. */
class CorpusIndexer {
  readonly entries: CorpusEntry[] = [];
  readonly errors: CorpusError[] = [];
  readonly run: ReturnType<typeof imports.startImport>;
  private readonly maxBytes: number;

  constructor(options: IndexOptions) {
    this.maxBytes = options.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
    this.run = imports.startImport(options, this.errors);
  }

  private tooLarge(file: string, bytes: number, what: string): void {
    this.errors.push({
      file,
      field: "body",
      message: `${what} ${formatBytes(bytes)}, over the limit of ${formatBytes(this.maxBytes)} per article; split it, or raise the limit (--max-article-bytes or MAX_ARTICLE_BYTES)`,
    });
  }

  /** Whether a file is far over the limit (reported): such a file is refused before it is read into memory. */
  private fileTooLarge(path: string, file: string): boolean {
    const stat = attempt(() => statSync(path), file, this.errors);
    if (!stat) return true; // reported: it cannot be read
    if (stat.size <= this.maxBytes + METADATA_ALLOWANCE) return false;
    this.tooLarge(file, stat.size, "the file is");
    return true;
  }

  /** Takes a parsed article into the index (its language declared or detected), or its errors. */
  accept(result: ParseResult, locator: Locator): void {
    this.errors.push(...result.errors);
    const article = result.article;
    if (!article) return;
    if (!imports.isImportLocator(locator)) this.run.noteLookalikes(article);
    const bytes = Buffer.byteLength(article.text, "utf8");
    if (bytes > this.maxBytes) return void this.tooLarge(article.source, bytes, "the body is");
    let language = article.language;
    let languageSource: CorpusEntry["languageSource"] = "declared";
    if (!language) {
      const detection = detectLanguage(maskRanges(article.text, findMarkup(article.text)));
      if (!detection.language && detection.code !== "und")
        return void this.run.languages.add(article.source, article.id, detection.code, "detected");
      if (!detection.language) {
        this.errors.push({
          file: article.source,
          field: "language",
          message: `not declared, and ${detection.reason}; add language: en or nl`,
        });
        return;
      }
      language = detection.language;
      languageSource = "detected";
    }
    const entry = { id: article.id, source: article.source, language, languageSource, bytes, locator };
    this.entries.push({ ...entry, readHash: articleHash(asRead(article, entry)) });
  }

  /** A Markdown article, unless its file is far over the limit. */
  readMarkdownFile(path: string, file: string): void {
    if (this.fileTooLarge(path, file)) return;
    const defaultId = basename(path, extname(path));
    const result = readMarkdown(path, file, defaultId);
    this.accept(result, { kind: "markdown", path, defaultId, frontMatter: result.frontMatter });
  }

  /** One saved page, Word document or news database's export (.html, .htm, .docx, .rtf), named by its file name. */
  readSingleFile(input: string): void {
    const file = basename(input);
    for (const item of imports.readTextCorpus(dirname(input), [input], () => file, this.run, this.errors))
      this.accept(item.result, item.locator);
  }

  /** A folder, read recursively: Markdown articles, and .txt files with their side table; any other file is an error. */
  readFolder(input: string): void {
    const label = (path: string) => relative(input, path).split(sep).join("/");
    const texts: string[] = [];
    for (const path of listFiles(input, input, this.errors)) {
      const file = label(path);
      if (imports.isTextCorpusFile(path, input)) texts.push(path);
      else if (MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase())) this.readMarkdownFile(path, file);
      else {
        const message =
          "is not an article (.md, .txt, .html, .docx or .rtf); move it out of the corpus folder, or import it (npm run import)";
        this.errors.push({ file, field: "file", message });
      }
    }
    for (const item of imports.readTextCorpus(input, texts, label, this.run, this.errors)) this.accept(item.result, item.locator);
  }

  /** A JSON Lines file, line by line (blank lines skipped), each line located by its bytes for reading again. */
  async readJsonLines(input: string): Promise<void> {
    const fieldMap = imports.mapSetting(this.run);
    for await (const line of readLines(input, basename(input), this.errors)) {
      const file = `${basename(input)}:${line.number}`;
      if (line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue; // blank line
      if (line.bytes.length > this.maxBytes + METADATA_ALLOWANCE) {
        this.tooLarge(file, line.bytes.length, "the line is");
        continue;
      }
      const decoded = decodeUtf8(line.bytes, file, " of the line");
      const result = decoded.text === null ? { article: null, errors: decoded.errors } : this.run.parseJsonLine(decoded.text, file);
      this.accept(result, { kind: "jsonl", path: input, byteStart: line.byteStart, byteLength: line.bytes.length, fieldMap });
    }
  }

  /**
   * The entries sorted by id, or every error at once. Ids name published files (articles/<id>.json): two
   * ids that differ only in case would overwrite each other on a case-insensitive disk (macOS, Windows), so
   * they count as duplicates.
   */
  finish(input: string): CorpusEntry[] {
    const byId = new Map<string, CorpusEntry>();
    for (const entry of this.entries) {
      const first = byId.get(entry.id.toLowerCase());
      if (!first) byId.set(entry.id.toLowerCase(), entry);
      else if (first.id === entry.id)
        this.errors.push({ file: entry.source, field: "id", message: `duplicate id "${entry.id}", already used by ${first.source}` });
      else {
        this.errors.push({
          file: entry.source,
          field: "id",
          message: `id "${entry.id}" differs only in case from "${first.id}" (${first.source}); their published files would clash on a case-insensitive disk`,
        });
      }
    }
    this.errors.push(...this.run.finish(input));
    if (this.errors.length) throw new CorpusValidationError(this.errors);
    if (!this.entries.length) throw new CorpusValidationError([{ file: input, field: "input", message: "contains no articles" }]);
    return this.entries.sort((a, b) => compareIds(a.id, b.id));
  }
}

/** Reads one indexed article again, in full. */
export function readIndexedArticle(entry: CorpusEntry): Article {
  const locator = entry.locator;
  let result: ParseResult;
  if (locator.kind === "markdown") {
    result = readMarkdown(locator.path, entry.source, locator.defaultId, locator.frontMatter);
  } else if (imports.isImportLocator(locator)) {
    result = imports.readImportedArticle(locator, entry.source);
  } else {
    const errors: CorpusError[] = [];
    const bytes = attempt(() => readByteRange(locator.path, locator.byteStart, locator.byteLength), entry.source, errors);
    const decoded = bytes ? decodeUtf8(bytes, entry.source, " of the line") : { text: null, errors };
    const map = imports.mapFromSetting(locator.fieldMap);
    result =
      decoded.text === null ? { article: null, errors: decoded.errors } : imports.parseMappedJsonLine(decoded.text, entry.source, map);
  }
  const article = result.article;
  // The file changed between indexing and reading: refuse rather than publish a mismatched record.
  if (!article || article.id !== entry.id) {
    throw new CorpusValidationError(
      result.errors.length ? result.errors : [{ file: entry.source, field: "id", message: "changed while the corpus was being read" }],
    );
  }
  return asRead(article, entry);
}

/** Indexes a corpus, then yields its articles one at a time in id order. */
export async function* readCorpus(input: string): AsyncGenerator<Article> {
  for (const entry of await indexCorpus(input)) yield readIndexedArticle(entry);
}

function readMarkdown(path: string, file: string, defaultId: string, known: KnownFrontMatter | null = null): MarkdownParseResult {
  const errors: CorpusError[] = [];
  const bytes = attempt(() => readFileSync(path), file, errors);
  const decoded = bytes ? decodeUtf8(bytes, file) : { text: null, errors };
  if (decoded.text === null) return { article: null, errors: decoded.errors, frontMatter: null };
  return parseMarkdownArticle(decoded.text, file, defaultId, known);
}
