import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-paths.ts";
import type { Article } from "../schema/record.ts";
import { articleHash } from "../reading/read-corpus.ts";

/**
 * A content-addressed store of published records: one file per record, named by the SHA-256 of the run
 * fingerprint (analysis-stamp.ts readRunFingerprint) and the article as read (id, language, metadata, body).
 * A record is only ever found under the key of the exact inputs that made it, so the cache cannot serve a
 * stale record and can be deleted at any time (`rm -rf .cache/records`) without changing any output.
 */
export interface RecordCache {
  /** The record JSON stored under `key`, or null. */
  get(key: string): string | null;
  /** The same as UTF-8 bytes, read without decoding them. */
  getBytes(key: string): Buffer | null;
  /** Whether a record is stored under `key`. */
  has(key: string): boolean;
  /**
   * Stores a record's JSON (text or UTF-8 bytes) under `key`, written to a temporary file and renamed, so
   * readers never see half a file.
   */
  put(key: string, json: string | Uint8Array): void;
}

/** The key of an article's record under a run fingerprint. */
export function recordKey(fingerprint: string, article: Article): string {
  return recordKeyOfHash(fingerprint, articleHash(article));
}

/** The same from the article's articleHash (a corpus index holds it: CorpusEntry.readHash). */
export function recordKeyOfHash(fingerprint: string, hash: string): string {
  return createHash("sha256").update(fingerprint).update("\n").update(hash).digest("hex");
}

/** The default cache folder, inside the project and ignored by git. */
export const DEFAULT_RECORD_CACHE = join(PROJECT_ROOT, ".cache", "records");

/**
 * Where records are cached: `RECORD_CACHE` (a folder, or "off" for no cache), else the default folder.
 * @example recordCacheFolder({ RECORD_CACHE: "off" }) // null
 */
export function recordCacheFolder(env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const value = env.RECORD_CACHE;
  if (value === "off") return null;
  return value ? value : DEFAULT_RECORD_CACHE;
}

/** Generations of one cache kept side by side: the one in use and the one before it (see openRecordCache). */
export const KEPT_GENERATIONS = 2;

/** A generation's folder name: g- and 16 hex digits of the SHA-256 of what makes it. */
const GENERATION = /^g-[0-9a-f]{16}$/;

/** Where the run opening a cache last used it, inside a generation's folder. */
const USED = ".used";

/**
 * Deletes the generations of the cache in `folder` beyond KEPT_GENERATIONS, counting `current` and then the
 * most recently used others (by their USED file's time). Only folders named like a generation are touched,
 * and a generation another run is deleting at the same time is skipped: entries are found only under the
 * key that made them, so deleting one can never change an output.
 */
function pruneGenerations(folder: string, current: string): void {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => GENERATION.test(name) && name !== current);
  } catch {
    return;
  }
  const used = (name: string) => {
    try {
      return statSync(join(folder, name, USED)).mtimeMs;
    } catch {
      return 0;
    }
  };
  const byUse = names.map((name) => ({ name, used: used(name) })).sort((a, b) => b.used - a.used || (a.name < b.name ? -1 : 1));
  for (const { name } of byUse.slice(KEPT_GENERATIONS - 1)) {
    try {
      rmSync(join(folder, name), { recursive: true, force: true });
    } catch {
      // Being deleted by another run, or not ours to delete: left as it is.
    }
  }
}

/**
 * A record cache in `folder` (two-character subfolders by key), or one that stores nothing when `folder` is
 * null. With a `generation` (what, beside each entry's own input, the entries depend on: the run's
 * fingerprint, a view's code), entries live in that generation's own subfolder, and a run that opens it with
 * `prune` marks it used and deletes the generations beyond KEPT_GENERATIONS: a cache no longer grows by a
 * corpus's worth of records and views with every upgrade or codebook edit, yet going back one version still
 * finds its entries. Worker threads open the same generation without `prune`.
 */
export function openRecordCache(folder: string | null, generation?: string, options: { readonly prune?: boolean } = {}): RecordCache {
  if (!folder) return { get: () => null, getBytes: () => null, has: () => false, put: () => {} };
  const name = generation === undefined ? null : `g-${createHash("sha256").update(generation).digest("hex").slice(0, 16)}`;
  const root = name === null ? folder : join(folder, name);
  if (name !== null && options.prune) {
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, USED), "");
    pruneGenerations(folder, name);
  }
  const path = (key: string) => join(root, key.slice(0, 2), `${key}.json`);
  return {
    get(key) {
      try {
        return readFileSync(path(key), "utf8");
      } catch {
        return null;
      }
    },
    getBytes(key) {
      try {
        return readFileSync(path(key));
      } catch {
        return null;
      }
    },
    has(key) {
      return existsSync(path(key));
    },
    put(key, json) {
      const file = path(key);
      mkdirSync(join(root, key.slice(0, 2)), { recursive: true });
      // Unique per process and thread, so two writers of one key never share a temporary file.
      const partial = `${file}.${process.pid}-${threadId}.partial`;
      writeFileSync(partial, json);
      renameSync(partial, file);
    },
  };
}
