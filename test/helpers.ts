import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeArticle, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { sharedNlp } from "../data-loaders/reading/nlp.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import type { Token } from "../data-loaders/reading/token.ts";
import { RULES_ONLY } from "../data-loaders/voices/attribution-model.ts";
import { CorpusValidationError, type CorpusError } from "../data-loaders/reading/corpus-error.ts";
import { indexCorpus, type IndexOptions } from "../data-loaders/reading/read-corpus.ts";
import type { ArticleRecord, Language } from "../data-loaders/schema/record.ts";

/** Writes `files` (relative path → content) into a fresh temporary folder and returns its path. */
export function writeCorpus(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** What a finished child process left: its exit code (null if a signal ended it) and both streams. */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command as an asynchronous child process and resolves when it exits; `input`, when given, is its stdin. Asynchronous on purpose:
 * a synchronous spawn blocks vitest's worker, which then misses its own heartbeats on a busy machine.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  input?: string,
): Promise<CommandResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (input !== undefined) child.stdin!.end(input);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (status) =>
      resolvePromise({ status, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") }),
    );
  });
}

/**
 * Runs the CLI (`tsx scripts/analyze.ts`, what `npm run analyze` runs) with `args`. The record cache is off
 * unless `env` sets RECORD_CACHE, so every test run analyses for real (and leaves the project's cache alone).
 */
export function runAnalyze(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CommandResult> {
  return runCommand(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts", "analyze.ts"), ...args], {
    RECORD_CACHE: "off",
    ...env,
  });
}

/**
 * Runs the site's loader (src/data/corpus.zip.ts) on the fixture corpus with `env` added; resolves with the
 * archive's bytes and stderr when it succeeds, rejects with its stderr when it fails.
 */
export function runLoader(env: Readonly<Record<string, string>>): Promise<{ zip: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "src", "data", "corpus.zip.ts")], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CORPUS: FIXTURE_CORPUS, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve({ zip: Buffer.concat(out), stderr }) : reject(new Error(stderr))));
  });
}

/** The record's fields in their documented order (README's record table): what the CLI prints and the schema requires. */
export const RECORD_FIELDS = [
  "schema",
  "analysis",
  "codebooks",
  "id",
  "language",
  "languageSource",
  "title",
  "titleSource",
  "words",
  "sentences",
  "blocks",
  "markup",
  "quotations",
  "markers",
  "devices",
  "sentiment",
  "actors",
  "outlets",
  "attributions",
  "provenanceCheck",
  "meta",
  "text",
];

/**
 * Indexes `input` and returns the located errors it is rejected with; fails the test if it is accepted or
 * throws anything else.
 */
export async function corpusErrors(input: string, options: IndexOptions = {}): Promise<CorpusError[]> {
  try {
    await indexCorpus(input, options);
  } catch (error) {
    if (error instanceof CorpusValidationError) return [...error.errors];
    throw error;
  }
  throw new Error("expected the corpus to be rejected");
}

export const FIXTURE_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "small-corpus");
export const FIXTURE_JSONL = join(PROJECT_ROOT, "test", "fixtures", "small-corpus.jsonl");
export const SEED_CORPUS = join(PROJECT_ROOT, "corpus", "articles");

let resources: AnalysisResources | null = null;

/** The bundled data files and wink-nlp, loaded once per test file. */
export function sharedResources(): AnalysisResources {
  resources ??= loadResources(corpusPaths({}));
  return resources;
}

/**
 * Analyses `text` with the speech-cue lists, the verb reading and the speaker sieves alone (no learned
 * model), as the named rules' own tests need.
 */
export function analyzeTextWithRules(text: string, language: Language = "en"): ArticleRecord {
  return analyzeArticle(bareArticle("t", text, language, "t.md"), { ...sharedResources(), attributionModel: RULES_ONLY });
}

/** Analyses `text` as an article with the bundled codebooks. */
export function analyzeText(text: string, language: Language = "en"): ArticleRecord {
  return analyzeArticle(bareArticle("t", text, language, "t.md"), sharedResources());
}

/** The tokens of a text read as one paragraph, as the pipeline reads it. */
export function tokensOf(text: string): Token[] {
  return splitSentences(sharedNlp(), text, [{ index: 0, kind: "paragraph", start: 0, end: text.length, rule: null }]).tokens;
}
