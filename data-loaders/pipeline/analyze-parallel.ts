import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { AnalysisResources } from "./analyze-article.ts";
import { readRunFingerprint } from "./analysis-stamp.ts";
import { recordCacheFolder, recordKeyOfHash } from "./record-cache.ts";
import { recordContext, recordJson } from "./record-json.ts";
import type { CorpusPaths } from "../project-paths.ts";
import type { CorpusEntry } from "../reading/read-corpus.ts";

/** What every worker of a run is given: where the data files are, the cache folder and the run's fingerprint. */
export interface PoolSettings {
  readonly paths: CorpusPaths;
  readonly cacheFolder: string | null;
  readonly fingerprint: string;
}

/** How a run analyses: how many worker threads (1: in this thread), the record cache folder (null: none). */
export interface ParallelOptions {
  readonly workers?: number;
  readonly cacheFolder?: string | null;
  /** At most one worker per this many articles (default ARTICLES_PER_WORKER; `$ARTICLES_PER_WORKER` in the CLI and loader). */
  readonly articlesPerWorker?: number;
  /** Called after each record with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The young generation of each worker's heap, in MB (three times the semi-space, as V8 counts it). The
 * analysis allocates many short-lived objects; V8's default (16 MB semi-spaces) collects them so often that
 * a larger one is a quarter faster on the same articles (measured: 1,500 articles on one thread 9.6 s →
 * 6.6 s). The commands that analyse in their own thread start Node with the same semi-space
 * (`--max-semi-space-size=64`: package.json, NODE_HEAP_FLAGS in scripts/framework-env.ts).
 */
export const WORKER_YOUNG_GENERATION_MB = 192;

/** At most one worker per this many articles (a smaller share does not pay for the worker's start-up). */
export const ARTICLES_PER_WORKER = 500;

/** One worker per core by default (Node's availableParallelism: the cores this process may use). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** `$ARTICLES_PER_WORKER` as a number, when it is a whole number of at least 1 (else the default applies). */
function articlesPerWorker(env: Readonly<Record<string, string | undefined>> = process.env): number | undefined {
  const n = Number(env.ARTICLES_PER_WORKER);
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/**
 * Reads a worker count ("4"); unset means one per core. Anything but a whole number from 1 to 256 is an error
 * message (returned, for the caller to print), never a thrown stack.
 */
export function parseWorkers(value: string | undefined): { workers: number } | { error: string } {
  if (value === undefined || value === "") return { workers: defaultWorkers() };
  const n = Number(value);
  return /^\d+$/.test(value.trim()) && n >= 1 && n <= 256
    ? { workers: n }
    : { error: `must be a whole number from 1 to 256, not ${JSON.stringify(value)}` };
}

/**
 * The run options of the CLI, the export and the site's loader, from the environment (`WORKERS`,
 * `ARTICLES_PER_WORKER`, `RECORD_CACHE`) and the command line (`--workers`, `--no-cache`), which win; or the
 * error message for a bad worker count.
 */
export function runOptions(
  env: Readonly<Record<string, string | undefined>>,
  flags: { readonly workers?: string; readonly noCache?: boolean } = {},
): { options: ParallelOptions } | { error: string } {
  const workers = parseWorkers(flags.workers ?? env.WORKERS);
  if ("error" in workers) return workers;
  return {
    options: {
      workers: workers.workers,
      articlesPerWorker: articlesPerWorker(env),
      cacheFolder: flags.noCache ? null : recordCacheFolder(env),
    },
  };
}

/** Tasks handed to each worker thread at once, so it goes on working while this thread analyses an article of its own. */
const TASKS_PER_THREAD = 4;

/** At most this many records, or bytes of them, made ahead by this thread while it waits for a worker's. */
const AHEAD_RECORDS = 64;
const AHEAD_BYTES = 32 * 1024 * 1024;

/**
 * Analyses indexed entries and yields each record's JSON, as UTF-8 bytes, in the entries' order (id order), whatever order
 * the threads finish in: byte for byte what one thread gives. With a record cache, this thread first looks
 * every entry up (reading the article to make its key) and only the ones not cached are analysed, so a
 * rebuild after editing one article analyses one article and starts no worker. `workers` is a ceiling on
 * the threads analysing: at most one per ARTICLES_PER_WORKER articles to analyse, and one means this thread
 * alone. With N > 1, this thread and N − 1 worker threads (piscina) share the articles: this thread analyses
 * the next article itself whenever the workers have TASKS_PER_THREAD each in hand (and alone until they have
 * loaded), and while it waits for a worker's record it analyses the ones after it (at most AHEAD_RECORDS),
 * so memory stays bounded by those windows, not the corpus. `thisThread: false` leaves every article to the
 * workers (tests use it to compare their records with this thread's). Returns how many records the workers made.
 */
export async function* analyzeInOrder(
  entries: readonly CorpusEntry[],
  paths: CorpusPaths,
  resources: AnalysisResources,
  options: ParallelOptions & { readonly thisThread?: boolean } = {},
): AsyncGenerator<Buffer, { readonly inWorkers: number }> {
  const cacheFolder = options.cacheFolder ?? null;
  // The fingerprint only keys the cache: without one, the data files are not read a second time.
  const settings: PoolSettings = { paths, cacheFolder, fingerprint: cacheFolder ? readRunFingerprint(paths) : "" };
  const context = recordContext(resources, cacheFolder, settings.fingerprint, { prune: true });
  // The cache key of each entry whose record is cached (null: to analyse), from the hash of the article as
  // indexed: a cached article is not read again.
  const cachedKeys = entries.map((entry) => {
    if (!cacheFolder) return null;
    const key = recordKeyOfHash(settings.fingerprint, entry.readHash);
    return context.cache.has(key) ? key : null;
  });
  const toAnalyse = entries.filter((_, i) => cachedKeys[i] === null);
  // A worker costs seconds to start (its own TypeScript loader, data files and wink model) and warms up over
  // its first few hundred articles: a few articles are faster in this thread.
  const threads = Math.max(
    1,
    Math.min(options.workers ?? defaultWorkers(), Math.floor(toAnalyse.length / (options.articlesPerWorker ?? ARTICLES_PER_WORKER))),
  );
  const here = (i: number) => Buffer.from(recordJson(entries[i]!, context));
  // A cached record, read as bytes (a site passes it on as it is), or (if it was removed since the look-up)
  // the record made here.
  const cached = (i: number) => context.cache.getBytes(cachedKeys[i]!) ?? here(i);
  let done = 0;
  const thisThread = options.thisThread ?? true;
  if (threads === 1 && thisThread) {
    for (let i = 0; i < entries.length; i++) {
      yield cachedKeys[i] !== null ? cached(i) : here(i);
      options.onProgress?.(++done, entries.length);
    }
    return { inWorkers: 0 };
  }
  const poolThreads = thisThread ? threads - 1 : threads;
  const pool = new Piscina<CorpusEntry, string>({
    filename: new URL("./analysis-worker.ts", import.meta.url).href,
    minThreads: poolThreads,
    maxThreads: poolThreads,
    concurrentTasksPerWorker: TASKS_PER_THREAD,
    workerData: settings,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  // Until the workers have loaded, this thread analyses in order on its own (when it analyses at all).
  let ready = !thisThread;
  // A worker that cannot load is a bug, not a reason to go on in this thread alone.
  let failure: { error: unknown } | null = null;
  void Promise.all(Array.from({ length: poolThreads }, () => pool.run(null as never, { name: "ready" }))).then(
    () => (ready = true),
    (error: unknown) => (failure = { error }),
  );
  // Records being made by a worker, and records made ahead by this thread, by entry index.
  const inPool = new Map<number, { result: Promise<string>; settled: boolean }>();
  const ahead = new Map<number, Buffer>();
  let aheadBytes = 0;
  // The first entry not yet given to a thread; how many records the workers made.
  let next = 0;
  let inWorkers = 0;
  const toPool = () => {
    if (failure) throw failure.error;
    while (ready && next < entries.length && inPool.size < poolThreads * TASKS_PER_THREAD) {
      if (cachedKeys[next] === null) {
        const task = { result: pool.run(entries[next]!), settled: false };
        task.result.then(
          () => (task.settled = true),
          () => (task.settled = true),
        );
        inPool.set(next, task);
      }
      next++;
    }
  };
  // This thread analyses the next entry itself, if there is one to analyse and room to keep its record.
  const analyseNextHere = (): boolean => {
    while (next < entries.length && cachedKeys[next] !== null) next++;
    if (!thisThread || next >= entries.length || ahead.size >= AHEAD_RECORDS || aheadBytes >= AHEAD_BYTES) return false;
    const json = here(next);
    ahead.set(next++, json);
    aheadBytes += json.length;
    return true;
  };
  // One turn of the event loop, for the workers' finished tasks to arrive.
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  try {
    for (let i = 0; i < entries.length; i++) {
      let json: Buffer | undefined;
      if (cachedKeys[i] !== null) {
        json = cached(i);
        next = Math.max(next, i + 1);
      }
      while (!json) {
        toPool();
        json = ahead.get(i);
        if (json) {
          ahead.delete(i);
          aheadBytes -= json.length;
          break;
        }
        const task = inPool.get(i);
        if (task && (task.settled || !analyseNextHere())) {
          // Its worker has finished it, or this thread has nothing else to do: wait for it.
          inPool.delete(i);
          json = Buffer.from(await task.result);
          inWorkers++;
        } else {
          // Analysed here (it, or one after it while its worker works): let the workers' results in.
          if (!task && !ahead.has(i)) analyseNextHere();
          await turn();
        }
      }
      yield json;
      options.onProgress?.(++done, entries.length);
    }
    return { inWorkers };
  } finally {
    // A run that stops early (an error, a closed stdout) still ends its workers; results still in flight are dropped.
    for (const task of inPool.values()) task.result.catch(noop);
    await pool.destroy();
  }
}

function noop(): void {}
