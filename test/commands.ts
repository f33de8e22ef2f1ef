// Running the project's commands as child processes, as a user runs them; this module loads no analysis
// code, so a global setup (test/cli/analyzed-fixtures.ts) and the slow tests that only run commands import
// it cheaply (test/helpers.ts loads wink's model: about 0.9 s of CPU in each test file that imports it).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";

export const FIXTURE_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "small-corpus");
export const FIXTURE_JSONL = join(PROJECT_ROOT, "test", "fixtures", "small-corpus.jsonl");
export const SEED_CORPUS = join(PROJECT_ROOT, "corpus", "articles");

/** Writes `files` (relative path → content) into a fresh temporary folder and returns its path. */
export function writeCorpus(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
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
 * Runs a TypeScript file of the project (a path relative to the project) as `node --import tsx` does, which
 * is what `tsx <file>` runs in a second Node process of its own: one Node start-up fewer, about 0.2 s of CPU
 * a command. `nodeFlags` go to Node before the file.
 */
export function runTsx(
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  options: { input?: string; nodeFlags?: readonly string[] } = {},
): Promise<CommandResult> {
  const nodeArgs = ["--import", "tsx", ...(options.nodeFlags ?? []), join(PROJECT_ROOT, file), ...args];
  return runCommand(process.execPath, nodeArgs, env, options.input);
}

/**
 * Runs the CLI with `args` as `npm run analyze` runs it (`node --import tsx --max-semi-space-size=64
 * scripts/analyze.ts`). The record cache is off unless `env` sets RECORD_CACHE, so every test run analyses
 * for real (and leaves the project's cache alone).
 */
export function runAnalyze(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CommandResult> {
  return runTsx(join("scripts", "analyze.ts"), args, { RECORD_CACHE: "off", ...env }, { nodeFlags: ["--max-semi-space-size=64"] });
}

/**
 * Runs the site's loader (src/data/corpus.zip.ts) on the fixture corpus with `env` added; resolves with the
 * archive's bytes and stderr when it succeeds, rejects with its stderr when it fails.
 */
export function runLoader(env: Readonly<Record<string, string>>): Promise<{ zip: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "src", "data", "corpus.zip.ts")], {
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
