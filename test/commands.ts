// Running the project's commands as child processes, as a user runs them; this module loads no analysis
// code, so a global setup can import it cheaply (test/cli/analyzed-fixtures.ts).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";

export const FIXTURE_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "small-corpus");
export const FIXTURE_JSONL = join(PROJECT_ROOT, "test", "fixtures", "small-corpus.jsonl");
export const SEED_CORPUS = join(PROJECT_ROOT, "corpus", "articles");

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
