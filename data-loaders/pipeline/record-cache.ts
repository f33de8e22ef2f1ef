import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
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

/** A record cache in `folder` (two-character subfolders by key), or one that stores nothing when `folder` is null. */
export function openRecordCache(folder: string | null): RecordCache {
  if (!folder) return { get: () => null, getBytes: () => null, has: () => false, put: () => {} };
  const path = (key: string) => join(folder, key.slice(0, 2), `${key}.json`);
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
      mkdirSync(join(folder, key.slice(0, 2)), { recursive: true });
      // Unique per process and thread, so two writers of one key never share a temporary file.
      const partial = `${file}.${process.pid}-${threadId}.partial`;
      writeFileSync(partial, json);
      renameSync(partial, file);
    },
  };
}
