/**
 * How much faster this machine analyses with two threads than with one when nothing but the analysis is
 * shared: the ceiling the worker pool's speed-up is to be read against (npm run bench).
 *
 * Method: worker threads of the analysis pool (analysis-worker.ts, the CLI's workers) are started and warmed
 * on WARM articles each before anything is timed; then one thread analyses the same `timed` articles alone,
 * every thread analyses them at once (each its own copy of the work), twice, and one thread alone again. The
 * ceiling is the threads' combined throughput over one thread's, from the means of the two runs of each (in
 * the order alone, together, together, alone, so a machine that speeds up or slows down over the minute
 * biases neither side). Start-up, warm-up and the command thread's share of the work are left out on
 * purpose: what remains is what the cores give the same analysis when they run it side by side (memory,
 * caches, the collector's helpers).
 */
import { Piscina } from "piscina";
import { WORKER_YOUNG_GENERATION_MB, type PoolSettings } from "../data-loaders/pipeline/analyze-parallel.ts";
import type { CorpusPaths } from "../data-loaders/project-paths.ts";
import type { CorpusEntry } from "../data-loaders/reading/read-corpus.ts";

/** Articles each thread analyses before timing starts (the JIT's warm-up). */
const WARM = 300;
/** The fewest articles worth timing: with fewer, no ceiling is measured. */
const MIN_TIMED = 50;
/** The fewest articles a corpus needs for the ceiling to be measured (warm-up and timed). */
export const CEILING_ARTICLES = WARM + MIN_TIMED;

export interface ThreadCeiling {
  readonly threads: number;
  /** Articles each thread analysed in each timed run. */
  readonly articles: number;
  /** One thread alone, before and after the parallel run, in s. */
  readonly aloneSeconds: readonly [number, number];
  /** Every thread at once, each analysing the same articles, twice, in s. */
  readonly togetherSeconds: readonly [number, number];
  /** Combined throughput of the threads together over one thread's alone: at most `threads`. */
  readonly speedUp: number;
}

/** Runs `entries` through one worker of `pool`, `copies` times over at once (one copy per worker). */
async function runCopies(pool: Piscina<CorpusEntry, string>, entries: readonly CorpusEntry[], copies: number): Promise<number> {
  const started = process.hrtime.bigint();
  // One task per worker at a time: each copy is a chain, so the copies run side by side, one per thread.
  await Promise.all(
    Array.from({ length: copies }, async () => {
      for (const entry of entries) await pool.run(entry);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Measures the ceiling with `threads` worker threads on the first articles of `entries` (WARM to warm each
 * thread, then up to `timed`). Returns null when the corpus is too small to time anything.
 */
export async function measureThreadCeiling(
  entries: readonly CorpusEntry[],
  paths: CorpusPaths,
  threads: number,
  timed = 600,
): Promise<ThreadCeiling | null> {
  const warm = entries.slice(0, WARM);
  const work = entries.slice(WARM, WARM + timed);
  if (threads < 2 || work.length < MIN_TIMED) return null;
  const settings: PoolSettings = { paths, cacheFolder: null, fingerprint: "" };
  const pool = new Piscina<CorpusEntry, string>({
    filename: new URL("../data-loaders/pipeline/analysis-worker.ts", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: settings,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  try {
    // Warm every thread: `threads` chains of one task at a time keep every worker busy with its own copy.
    await runCopies(pool, warm, threads);
    const before = await runCopies(pool, work, 1);
    const together = [await runCopies(pool, work, threads), await runCopies(pool, work, threads)] as const;
    const after = await runCopies(pool, work, 1);
    const seconds = (s: number) => Number(s.toFixed(2));
    return {
      threads,
      articles: work.length,
      aloneSeconds: [seconds(before), seconds(after)],
      togetherSeconds: [seconds(together[0]), seconds(together[1])],
      speedUp: Number(((threads * (before + after)) / (together[0] + together[1])).toFixed(2)),
    };
  } finally {
    await pool.destroy();
  }
}
