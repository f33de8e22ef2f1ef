// Global setup of the slow project: `npm run analyze` on the Markdown fixture, the same articles as JSON
// Lines, and the bundled corpus, and the site's loader on the fixture, once each for the whole run. Tests
// that read these outputs (records' fields, the snapshot, the schema, a cold run to compare with) share them
// through `inject("analyzed")` instead of running the same command again; tests about the command itself
// (flags, errors, --out, determinism) still run it their own way.
import type { TestProject } from "vitest/node";
import { FIXTURE_CORPUS, FIXTURE_JSONL, runAnalyze, runLoader, type CommandResult } from "../commands.ts";

/** The CLI's output for each shared input: `npm run analyze -- <input>`, the record cache off. */
export interface AnalyzedFixtures {
  /** test/fixtures/small-corpus (three Markdown articles). */
  readonly markdown: CommandResult;
  /** test/fixtures/small-corpus.jsonl (the same articles). */
  readonly jsonl: CommandResult;
  /** No input: the bundled corpus (corpus/articles). */
  readonly bundled: CommandResult;
  /** The site's loader (src/data/corpus.zip.ts) on the Markdown fixture in one thread, cache off: its archive in base64. */
  readonly loaderZip: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    analyzed: AnalyzedFixtures;
  }
}

export default async function analyzedFixtures(project: TestProject): Promise<void> {
  const [markdown, jsonl, bundled, loader] = await Promise.all([
    runAnalyze([FIXTURE_CORPUS]),
    runAnalyze([FIXTURE_JSONL]),
    runAnalyze([]),
    runLoader({ WORKERS: "1", RECORD_CACHE: "off" }),
  ]);
  project.provide("analyzed", { markdown, jsonl, bundled, loaderZip: loader.zip.toString("base64") });
}
