/**
 * The library's only I/O module: reads corpora (a folder of Markdown articles, or a JSONL file) and the
 * YAML data files that drive the analysers. Everything else in data-loaders/ is pure.
 */
import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { compileBoilerplatePatterns, type BoilerplatePatterns } from "./boilerplate-patterns.ts";
import { compileCodebook, type Codebook } from "../terms/codebook.ts";
import { compileSpeechCues, type SpeechCues } from "../voices/speech-cues.ts";
import { parseHandCheck, type HandCheck } from "../compare/hand-check.ts";
import { compileGazetteer, type Gazetteer } from "../terms/gazetteer.ts";
import { compileOutlets, type OutletGazetteer } from "../voices/outlets.ts";
import { compileSentimentRules, type SentimentLexicon, type SentimentRules } from "../tone/score-sentiment.ts";
import { dutchLexicon, englishLexicon } from "../tone/sentiment-lexicons.ts";
import { CorpusValidationError, type CorpusError } from "./corpus-error.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { detectLanguage } from "./detect-language.ts";
import { findMarkup, maskRanges } from "./find-markup.ts";
import { decodeUtf8, parseJsonlArticle, parseMarkdownArticle, type ParseResult } from "./parse-article.ts";
import type { Article, Language } from "../schema/types.ts";

const MARKDOWN_EXTENSIONS = new Set([".md", ".markdown"]);

/** Where to find one article again after indexing. */
type Locator =
  | { readonly kind: "markdown"; readonly path: string; readonly defaultId: string }
  | { readonly kind: "jsonl"; readonly path: string; readonly byteStart: number; readonly byteLength: number };

/** One validated article in a corpus index: enough to find, order and label it without holding its text. */
export interface CorpusEntry {
  readonly id: string;
  readonly source: string;
  readonly language: Language;
  readonly languageSource: "declared" | "detected";
  readonly locator: Locator;
}

/**
 * Compares strings by UTF-16 code units: the one ordering used for ids everywhere, independent of locale.
 * @example ["b", "B", "a"].sort(compareIds) // ["B", "a", "b"]
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads and validates a whole corpus and returns its entries sorted by id. Every problem in every article
 * (bad YAML, missing or duplicate id, unknown language, empty body, invalid date, non-UTF-8 bytes, a file
 * that is not an article) is collected; if there are any, throws one {@link CorpusValidationError} listing
 * them all. Nothing is skipped silently. Article texts are not kept, so memory grows only with the count.
 * @param input a folder (read recursively), a `.md` file or a `.jsonl` file
 */
export async function indexCorpus(input: string): Promise<CorpusEntry[]> {
  const entries: CorpusEntry[] = [];
  const errors: CorpusError[] = [];
  const accept = (result: ParseResult, locator: Locator) => {
    errors.push(...result.errors);
    const article = result.article;
    if (!article) return;
    let language = article.language;
    let languageSource: CorpusEntry["languageSource"] = "declared";
    if (!language) {
      const detection = detectLanguage(maskRanges(article.text, findMarkup(article.text)));
      if (!detection.language) {
        errors.push({ file: article.source, field: "language", message: `not declared, and ${detection.reason}; add language: en or nl` });
        return;
      }
      language = detection.language;
      languageSource = "detected";
    }
    entries.push({ id: article.id, source: article.source, language, languageSource, locator });
  };

  const stat = statOrNull(input);
  if (!stat) throw new CorpusValidationError([{ file: input, field: "input", message: "no such file or folder" }]);
  if (stat.isDirectory()) {
    for (const path of listFiles(input)) {
      const file = relative(input, path).split(sep).join("/");
      if (!MARKDOWN_EXTENSIONS.has(extname(path).toLowerCase())) {
        errors.push({ file, field: "file", message: "is not a Markdown article (.md); move it out of the corpus folder or convert it" });
        continue;
      }
      const defaultId = basename(path, extname(path));
      accept(readMarkdown(path, file, defaultId), { kind: "markdown", path, defaultId });
    }
  } else if (extname(input).toLowerCase() === ".jsonl") {
    for await (const line of readLines(input)) {
      const file = `${basename(input)}:${line.number}`;
      if (line.bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue; // blank line
      const decoded = decodeUtf8(line.bytes, file, " of the line");
      const result = decoded.text === null ? { article: null, errors: decoded.errors } : parseJsonlArticle(decoded.text, file);
      accept(result, { kind: "jsonl", path: input, byteStart: line.byteStart, byteLength: line.bytes.length });
    }
  } else if (MARKDOWN_EXTENSIONS.has(extname(input).toLowerCase())) {
    const defaultId = basename(input, extname(input));
    accept(readMarkdown(input, basename(input), defaultId), { kind: "markdown", path: input, defaultId });
  } else {
    errors.push({ file: input, field: "input", message: "must be a folder of .md articles, a .md file or a .jsonl file" });
  }

  const byId = new Map<string, CorpusEntry>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (first) errors.push({ file: entry.source, field: "id", message: `duplicate id "${entry.id}", already used by ${first.source}` });
    else byId.set(entry.id, entry);
  }
  if (errors.length) throw new CorpusValidationError(errors);
  if (!entries.length) throw new CorpusValidationError([{ file: input, field: "input", message: "contains no articles" }]);
  return entries.sort((a, b) => compareIds(a.id, b.id));
}

/** Reads one indexed article again, in full. */
export function readIndexedArticle(entry: CorpusEntry): Article {
  const locator = entry.locator;
  let result: ParseResult;
  if (locator.kind === "markdown") {
    result = readMarkdown(locator.path, entry.source, locator.defaultId);
  } else {
    const bytes = Buffer.alloc(locator.byteLength);
    const fd = openSync(locator.path, "r");
    try {
      readSync(fd, bytes, 0, locator.byteLength, locator.byteStart);
    } finally {
      closeSync(fd);
    }
    const decoded = decodeUtf8(bytes, entry.source, " of the line");
    result = decoded.text === null ? { article: null, errors: decoded.errors } : parseJsonlArticle(decoded.text, entry.source);
  }
  const article = result.article;
  // The file changed between indexing and reading: refuse rather than publish a mismatched record.
  if (!article || article.id !== entry.id) {
    throw new CorpusValidationError(result.errors.length ? result.errors : [{ file: entry.source, field: "id", message: "changed while the corpus was being read" }]);
  }
  return {
    id: article.id,
    language: entry.language,
    languageSource: entry.languageSource,
    text: article.text,
    meta: { ...article.meta, source: entry.source },
  };
}

/** Indexes a corpus, then yields its articles one at a time in id order. */
export async function* readCorpus(input: string): AsyncGenerator<Article> {
  for (const entry of await indexCorpus(input)) yield readIndexedArticle(entry);
}

/** Reads, validates and compiles a boilerplate pattern file; throws with every problem found. */
export function readBoilerplatePatterns(file: string): BoilerplatePatterns {
  const { patterns, errors } = compileBoilerplatePatterns(readYaml(file), file);
  if (!patterns) throw new CorpusValidationError(errors);
  return patterns;
}

/**
 * Reads a codebook (framing or devices) and compiles it; throws with every problem found, each naming the
 * file, the entry id and the reason.
 */
export function readCodebook(file: string, options: { requireTerms: boolean }): Codebook {
  const { value, bytes } = readYamlWithBytes(file);
  const { codebook, errors } = compileCodebook(value, bytes, file, options);
  if (!codebook) throw new CorpusValidationError(errors);
  return codebook;
}

/** Reads and compiles the speech-cue list; throws with every problem found. */
export function readSpeechCues(file: string): SpeechCues {
  const { value, bytes } = readYamlWithBytes(file);
  const { speechCues, errors } = compileSpeechCues(value, bytes, file);
  if (!speechCues) throw new CorpusValidationError(errors);
  return speechCues;
}

/** Word lexicons and combination rules for sentiment, per language. */
export interface SentimentResources {
  readonly rules: Readonly<Record<Language, SentimentRules>>;
  readonly lexicons: Readonly<Record<Language, SentimentLexicon>>;
  /** Where each lexicon came from (package and version), for records and the methods page. */
  readonly sources: Readonly<Record<Language, string>>;
}

/**
 * Reads the sentiment rules file and the two published lexicons installed from the npm registry:
 * VADER's vader_lexicon.txt (vader-sentiment) and Pattern's Dutch lexicon (@nlpjs/lang-nl).
 */
export function readSentimentResources(rulesFile: string): SentimentResources {
  const { rules, errors } = compileSentimentRules(readYaml(rulesFile), rulesFile);
  if (!rules) throw new CorpusValidationError(errors);
  // Resolve the lexicon packages from the project's own node_modules.
  const require = createRequire(join(PROJECT_ROOT, "package.json"));
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const version = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
  const vader = readFileSync(join(packageDir("vader-sentiment"), "vader_lexicon.txt"), "utf8");
  const pattern = JSON.parse(readFileSync(join(packageDir("@nlpjs/lang-nl"), "src", "sentiment", "pattern_nl.json"), "utf8")) as Record<string, number>;
  return {
    rules,
    lexicons: { en: englishLexicon(vader), nl: dutchLexicon(pattern, rules.nl.overrides) },
    sources: { en: `VADER lexicon (vader-sentiment ${version("vader-sentiment")})`, nl: `CLiPS Pattern Dutch lexicon (@nlpjs/lang-nl ${version("@nlpjs/lang-nl")})` },
  };
}

/** Reads the seed hand check (corpus/checks/seed-hand-check.yaml); throws with every problem found. */
export function readHandCheck(file: string): HandCheck {
  const { handCheck, errors } = parseHandCheck(readYaml(file), file);
  if (!handCheck) throw new CorpusValidationError(errors);
  return handCheck;
}

/** Reads and compiles the actor gazetteer; throws with every problem found. */
export function readGazetteer(file: string): Gazetteer {
  const { value, bytes } = readYamlWithBytes(file);
  const { gazetteer, errors } = compileGazetteer(value, bytes, file);
  if (!gazetteer) throw new CorpusValidationError(errors);
  return gazetteer;
}

/** Reads and compiles the outlet gazetteer; throws with every problem found. */
export function readOutlets(file: string): OutletGazetteer {
  const { value, bytes } = readYamlWithBytes(file);
  const { gazetteer, errors } = compileOutlets(value, bytes, file);
  if (!gazetteer) throw new CorpusValidationError(errors);
  return gazetteer;
}

/** Reads the published sentiment validation figures (written by `npm run validate -- --write`). */
export function readSentimentValidation(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CorpusValidationError([{ file, field: "file", message: `cannot be read as JSON: ${(error as Error).message}` }]);
  }
}

/** Reads a YAML data file; a syntax error is reported with the file and line. */
export function readYaml(file: string): unknown {
  return readYamlWithBytes(file).value;
}

function readYamlWithBytes(file: string): { value: unknown; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CorpusValidationError([{ file, field: "file", message: "cannot be read (no such file?)" }]);
  }
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === null) throw new CorpusValidationError(decoded.errors);
  try {
    return { value: parseYaml(decoded.text, { uniqueKeys: true }), bytes };
  } catch (error) {
    throw new CorpusValidationError([{ file, field: "file", message: `invalid YAML: ${(error as Error).message.split("\n")[0]}` }]);
  }
}

function readMarkdown(path: string, file: string, defaultId: string): ParseResult {
  const decoded = decodeUtf8(readFileSync(path), file);
  if (decoded.text === null) return { article: null, errors: decoded.errors };
  return parseMarkdownArticle(decoded.text, file, defaultId);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Lists regular files below `folder`, depth first, in code-unit order; dot-files and dot-folders are skipped. */
function listFiles(folder: string): string[] {
  const out: string[] = [];
  const names = readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareIds(a.name, b.name));
  for (const entry of names) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Streams a file's lines as raw bytes with their 1-based number and byte offset (no decoding yet). */
async function* readLines(path: string): AsyncGenerator<{ number: number; byteStart: number; bytes: Buffer }> {
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let offset = 0;
  let number = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, i));
      const bytes = Buffer.concat(pending);
      yield { number: ++number, byteStart: pendingStart, bytes };
      pending = [];
      from = i + 1;
      pendingStart = offset + from;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    offset += chunk.length;
  }
  if (pending.length) yield { number: ++number, byteStart: pendingStart, bytes: Buffer.concat(pending) };
}
