import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { AnalysisResources } from "./analyze-article.ts";
import { readRunFingerprint } from "./analysis-stamp.ts";
import { recordCacheFolder, recordKeyOfHash } from "./record-cache.ts";
import { recordContext, recordJson, type RecordContext } from "./record-json.ts";
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
  const toAnalyse = entries.filter((_, i) => cachedKeys[i] === null).length;
  // A worker costs seconds to start (its own TypeScript loader, data files and wink model) and warms up over
  // its first few hundred articles: a few articles are faster in this thread.
  const threads = Math.max(
    1,
    Math.min(options.workers ?? defaultWorkers(), Math.floor(toAnalyse / (options.articlesPerWorker ?? ARTICLES_PER_WORKER))),
  );
  const thisThread = options.thisThread ?? true;
  const run = new OrderedRun(entries, cachedKeys, context);
  if (threads === 1 && thisThread) {
    for (let i = 0; i < entries.length; i++) {
      yield run.cachedOrHere(i);
      options.onProgress?.(i + 1, entries.length);
    }
    return { inWorkers: 0 };
  }
  run.startPool(thisThread ? threads - 1 : threads, settings, thisThread);
  try {
    for (let i = 0; i < entries.length; i++) {
      yield await run.recordAt(i);
      options.onProgress?.(i + 1, entries.length);
    }
    return { inWorkers: run.inWorkers };
  } finally {
    await run.close();
  }
}

/**
 * The state of one analyzeInOrder run: the entries, which are cached, and (with workers) the pool, the
 * records in its hands and the records this thread made ahead.
 */
class OrderedRun {
  /** How many records the workers made. */
  inWorkers = 0;
  private pool: Piscina<CorpusEntry, string> | null = null;
  private poolThreads = 0;
  private thisThread = true;
  /** Until the workers have loaded, this thread analyses in order on its own (when it analyses at all). */
  private ready = false;
  /** The `ready` tasks of the workers: awaited before the pool is destroyed, or an answer arriving after it is an error. */
  private warmUp: Promise<unknown> | null = null;
  /** A worker that cannot load is a bug, not a reason to go on in this thread alone. */
  private failure: { error: unknown } | null = null;
  /** Records being made by a worker, and records made ahead by this thread, by entry index. */
  private readonly inPool = new Map<number, { result: Promise<string>; settled: boolean }>();
  private readonly ahead = new Map<number, Buffer>();
  private aheadBytes = 0;
  /** The first entry not yet given to a thread. */
  private next = 0;

  constructor(
    private readonly entries: readonly CorpusEntry[],
    private readonly cachedKeys: ReadonlyArray<string | null>,
    private readonly context: RecordContext,
  ) {}

  /** An entry's record made in this thread. */
  private here(i: number): Buffer {
    return Buffer.from(recordJson(this.entries[i]!, this.context));
  }

  /**
   * A cached entry's record, read as bytes (a site passes it on as it is), or (if it was removed or found
   * damaged since the look-up) the record made here; an entry to analyse, made here.
   */
  cachedOrHere(i: number): Buffer {
    const key = this.cachedKeys[i];
    return key !== null ? (this.context.cache.getBytes(key!) ?? this.here(i)) : this.here(i);
  }

  /** Starts `threads` workers (piscina); `thisThread`: this thread analyses too. */
  startPool(threads: number, settings: PoolSettings, thisThread: boolean): void {
    this.poolThreads = threads;
    this.thisThread = thisThread;
    this.ready = !thisThread;
    this.pool = new Piscina<CorpusEntry, string>({
      filename: new URL("./analysis-worker.ts", import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: TASKS_PER_THREAD,
      workerData: settings,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.warmUp = Promise.all(Array.from({ length: threads }, () => this.pool!.run(null as never, { name: "ready" }))).then(
      () => (this.ready = true),
      (error: unknown) => (this.failure = { error }),
    );
  }

  /** Entry i's record, from the cache, from this thread's records made ahead, or from its worker, waiting as needed. */
  async recordAt(i: number): Promise<Buffer> {
    if (this.cachedKeys[i] !== null) {
      this.next = Math.max(this.next, i + 1);
      return this.cachedOrHere(i);
    }
    for (;;) {
      this.toPool();
      const made = this.ahead.get(i);
      if (made) {
        this.ahead.delete(i);
        this.aheadBytes -= made.length;
        return made;
      }
      const task = this.inPool.get(i);
      if (task && (task.settled || !this.analyseNextHere())) {
        // Its worker has finished it, or this thread has nothing else to do: wait for it.
        this.inPool.delete(i);
        const json = Buffer.from(await task.result);
        this.inWorkers++;
        return json;
      }
      // Analysed here (it, or one after it while its worker works): let the workers' results in.
      if (!task && !this.ahead.has(i)) this.analyseNextHere();
      await turn();
    }
  }

  /** Gives the workers the next entries to analyse while they have fewer than TASKS_PER_THREAD each. */
  private toPool(): void {
    if (this.failure) throw this.failure.error;
    while (this.ready && this.next < this.entries.length && this.inPool.size < this.poolThreads * TASKS_PER_THREAD) {
      if (this.cachedKeys[this.next] === null) {
        const task = { result: this.pool!.run(this.entries[this.next]!), settled: false };
        task.result.then(
          () => (task.settled = true),
          () => (task.settled = true),
        );
        this.inPool.set(this.next, task);
      }
      this.next++;
    }
  }

  /** This thread analyses the next entry itself, if there is one to analyse and room to keep its record. */
  private analyseNextHere(): boolean {
    while (this.next < this.entries.length && this.cachedKeys[this.next] !== null) this.next++;
    if (!this.thisThread || this.next >= this.entries.length || this.ahead.size >= AHEAD_RECORDS || this.aheadBytes >= AHEAD_BYTES)
      return false;
    const json = this.here(this.next);
    this.ahead.set(this.next++, json);
    this.aheadBytes += json.length;
    return true;
  }

  /** Ends the workers; results still in flight are dropped (a run that stops early: an error, a closed stdout). */
  async close(): Promise<void> {
    for (const task of this.inPool.values()) task.result.catch(noop);
    // A worker's `ready` answer arriving after destroy() is piscina's "Unexpected message from Worker" (seen
    // with --workers-only on two articles, when the records were made before the second worker had loaded).
    await this.warmUp;
    await this.pool?.destroy();
  }
}

/** One turn of the event loop, for the workers' finished tasks to arrive. */
function turn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

function noop(): void {}
