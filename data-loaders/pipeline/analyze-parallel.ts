import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { AnalysisResources } from "./analyze-article.ts";
import { readRunFingerprint } from "./analysis-stamp.ts";
import { recordCacheFolder, recordKey } from "./record-cache.ts";
import { readIndexedArticle } from "../reading/read-corpus.ts";
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

/**
 * Analyses indexed entries and yields each record's JSON, as UTF-8 bytes, in the entries' order (id order), whatever order
 * the workers finish in: byte for byte what one worker gives. With a record cache, this thread first looks
 * every entry up (reading the article to make its key) and only the ones not cached are analysed, so a
 * rebuild after editing one article analyses one article and starts no worker. `workers` is a ceiling: at
 * most one worker per ARTICLES_PER_WORKER articles to analyse is started, and one means this thread. With
 * more than one worker, a pool of worker threads (piscina) analyses up to four articles per worker ahead
 * of the one being written, so memory stays bounded by the window, not the corpus.
 */
export async function* analyzeInOrder(
  entries: readonly CorpusEntry[],
  paths: CorpusPaths,
  resources: AnalysisResources,
  options: ParallelOptions = {},
): AsyncGenerator<Buffer> {
  const cacheFolder = options.cacheFolder ?? null;
  // The fingerprint only keys the cache: without one, the data files are not read a second time.
  const settings: PoolSettings = { paths, cacheFolder, fingerprint: cacheFolder ? readRunFingerprint(paths) : "" };
  const context = recordContext(resources, cacheFolder, settings.fingerprint);
  // The cache key of each entry whose record is cached (null: to analyse).
  const cachedKeys = entries.map((entry) => {
    if (!cacheFolder) return null;
    const key = recordKey(settings.fingerprint, readIndexedArticle(entry));
    return context.cache.has(key) ? key : null;
  });
  const toAnalyse = entries.filter((_, i) => cachedKeys[i] === null);
  // A worker costs seconds to start (its own TypeScript loader, data files and wink model) and warms up over
  // its first few hundred articles: a few articles are faster in this thread.
  const workers = Math.max(
    1,
    Math.min(options.workers ?? defaultWorkers(), Math.floor(toAnalyse.length / (options.articlesPerWorker ?? ARTICLES_PER_WORKER))),
  );
  // A cached record, read as bytes (a site passes it on as it is), or (if it was removed since the look-up)
  // the record made here.
  const cached = (i: number) => context.cache.getBytes(cachedKeys[i]!) ?? Buffer.from(recordJson(entries[i]!, context));
  let done = 0;
  if (workers === 1) {
    for (let i = 0; i < entries.length; i++) {
      yield cachedKeys[i] !== null ? cached(i) : Buffer.from(recordJson(entries[i]!, context));
      options.onProgress?.(++done, entries.length);
    }
    return;
  }
  const pool = new Piscina<CorpusEntry, string>({
    filename: new URL("./analysis-worker.ts", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    workerData: settings,
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
  });
  const window = workers * 4;
  // Records being analysed, by entry index, at most `window` ahead of the one being written.
  const pending = new Map<number, Promise<string>>();
  let next = 0;
  const refill = (from: number) => {
    next = Math.max(next, from);
    while (next < entries.length && pending.size < window) {
      if (cachedKeys[next] === null) pending.set(next, pool.run(entries[next]!));
      next++;
    }
  };
  try {
    for (let i = 0; i < entries.length; i++) {
      refill(i);
      const json = cachedKeys[i] !== null ? cached(i) : Buffer.from(await pending.get(i)!);
      pending.delete(i);
      yield json;
      options.onProgress?.(++done, entries.length);
    }
  } finally {
    // A run that stops early (an error, a closed stdout) still ends its workers; results still in flight are dropped.
    for (const p of pending.values()) p.catch(() => {});
    await pool.destroy();
  }
}
