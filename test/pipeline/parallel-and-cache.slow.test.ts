// Worker threads and the record cache (issue 14, items 1 and 2), through the CLI as a user runs it: the
// output is byte-identical for any number of workers and with or without the cache; editing one article
// analyses one article again; changing a codebook analyses all; deleting the cache changes nothing.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { FIXTURE_CORPUS, runAnalyze as runCli, runLoader, runTsx, SEED_CORPUS, sharedResources } from "../helpers.ts";
import { sentencePools, writeSyntheticCorpus } from "../../scripts/synthetic-corpus.ts";

/** The CLI with a worker allowed per article, so even these small corpora run in the pool. */
const runAnalyze = (args: readonly string[], env: Readonly<Record<string, string>> = {}) =>
  runCli(args, { ARTICLES_PER_WORKER: "1", ...env });

/**
 * The fixture's records from one thread, which two tests compare with: the slow project's run of the CLI on
 * the fixture (test/cli/analyzed-fixtures.ts), one thread since three articles are fewer than the default
 * ARTICLES_PER_WORKER (500), as `--workers 1` would be.
 */
const inOneWorker = async () => inject("analyzed").markdown;

/** Every record file in a cache folder (two-character subfolders). */
function cachedRecords(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".json"))
      .sort();
  } catch {
    return [];
  }
}

describe("npm run analyze in parallel and with the record cache", () => {
  it("prints byte-identical records sorted by id with 1, 2 and 3 workers", async () => {
    const one = await runAnalyze([SEED_CORPUS, "--workers", "1"]);
    const two = await runAnalyze([SEED_CORPUS, "--workers", "2"]);
    const three = await runAnalyze([FIXTURE_CORPUS, "--workers", "3"]);
    const threeSingle = await inOneWorker();
    expect([one.status, two.status, three.status, threeSingle.status]).toEqual([0, 0, 0, 0]);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(threeSingle.stdout);
    const ids = one.stdout
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
  });

  // With the CLI's --workers 2, this thread analyses the first articles while the worker loads: on a corpus
  // this small it makes every record itself, so the workers' records are compared here directly.
  const inOrder = (corpus: string, workers: number, ...flags: string[]) =>
    runTsx(join("test", "pipeline", "records-in-order.script.ts"), [corpus, String(workers), ...flags]);

  it("gives this thread's records byte for byte from worker threads alone (one and two of them)", async () => {
    const one = await inOneWorker();
    for (const workers of [1, 2]) {
      const pooled = await inOrder(FIXTURE_CORPUS, workers, "--workers-only");
      expect(pooled.status, pooled.stderr).toBe(0);
      expect(pooled.stdout).toBe(one.stdout);
      expect(pooled.stderr).toBe(`in workers: ${one.stdout.trim().split("\n").length}\n`);
    }
  });

  it("publishes the same site files with the bootstrap tables in a thread of their own", async () => {
    const published = (workers: number) => runTsx(join("test", "publish", "published-files.script.ts"), [FIXTURE_CORPUS, String(workers)]);
    const [one, two] = [await published(1), await published(2)];
    expect([one.status, two.status], one.stderr + two.stderr).toEqual([0, 0]);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout).toMatch(/^tone\.json [0-9a-f]{64}$/m);
  });

  it("gives the same records when this thread and a worker share a larger corpus", async () => {
    const work = mkdtempSync(join(tmpdir(), "shared-run-"));
    try {
      const corpus = join(work, "corpus.jsonl");
      await writeSyntheticCorpus(corpus, await sentencePools(SEED_CORPUS, sharedResources()), 600, 7);
      const one = await runAnalyze([corpus, "--workers", "1"]);
      const shared = await inOrder(corpus, 2);
      expect(shared.status, shared.stderr).toBe(0);
      expect(shared.stdout).toBe(one.stdout);
      // How the 600 are split depends on the machine's load; every record is someone's.
      expect(shared.stderr).toMatch(/^in workers: \d+\n$/);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("answers a bad --workers with one line and the usage, exit 2", async () => {
    const { status, stderr, stdout } = await runAnalyze([SEED_CORPUS, "--workers", "zero"]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^analyze: --workers must be a whole number from 1 to 256, not "zero"\n/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("reanalyses only an edited article, all of them after a codebook change, and gives the same output from a deleted cache", async () => {
    const work = mkdtempSync(join(tmpdir(), "cache-test-"));
    const corpus = join(work, "corpus");
    const cache = join(work, "cache");
    cpSync(FIXTURE_CORPUS, corpus, { recursive: true });
    const env = { RECORD_CACHE: cache };
    const run = async (extra: Record<string, string> = {}) => {
      const result = await runAnalyze([corpus, "--workers", "2"], { ...env, ...extra });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout;
    };
    try {
      const cold = await run();
      const first = cachedRecords(cache);
      expect(first.length).toBe(cold.trim().split("\n").length);
      // Warm: the same bytes, no new cache entries.
      expect(await run()).toBe(cold);
      expect(cachedRecords(cache)).toEqual(first);
      // Edit one article: exactly one new record is analysed, and only its line changes.
      const file = readdirSync(corpus, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith(".md"))
        .sort()[0]!;
      writeFileSync(join(corpus, file), `${readFileSync(join(corpus, file), "utf8")}\n\nThe ministry said that the talks had failed.\n`);
      const edited = await run();
      expect(cachedRecords(cache).length).toBe(first.length + 1);
      const changed = edited.split("\n").filter((line, i) => line !== cold.split("\n")[i]);
      expect(changed).toHaveLength(1);
      // The same output with no cache at all, and after deleting the cache.
      expect(await run({ RECORD_CACHE: "off" })).toBe(edited);
      rmSync(cache, { recursive: true, force: true });
      expect(await run()).toBe(edited);
      // A codebook change reanalyses every article: a copy of the framing codebook with one more line.
      const codebook = join(work, "framing.yaml");
      writeFileSync(codebook, `${readFileSync(join(PROJECT_ROOT, "corpus", "codebooks", "framing.yaml"), "utf8")}\n# edited\n`);
      const before = cachedRecords(cache).length;
      await run({ FRAMING_CODEBOOK: codebook });
      expect(cachedRecords(cache).length).toBe(before * 2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("gives the same site archive from the loader in one thread and with workers (analysis and the tone tables in threads of their own)", async () => {
    const work = mkdtempSync(join(tmpdir(), "loader-test-"));
    const loader = async (env: Record<string, string>) => (await runLoader({ RECORD_CACHE: join(work, "cache"), ...env })).zip;
    try {
      // In one thread with no cache: made once for the run (test/cli/analyzed-fixtures.ts).
      const one = Buffer.from(inject("analyzed").loaderZip, "base64");
      const pooled = await loader({ WORKERS: "2", ARTICLES_PER_WORKER: "1" });
      // Again from the cache: records, views and group tables read back (the tone tables in this thread,
      // with no new article to resample for).
      const cached = await loader({ WORKERS: "2", ARTICLES_PER_WORKER: "1" });
      expect(one.length).toBeGreaterThan(1000);
      expect(pooled.equals(one)).toBe(true);
      expect(cached.equals(one)).toBe(true);
      expect(readdirSync(join(work, "cache", "groups")).length).toBeGreaterThan(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
