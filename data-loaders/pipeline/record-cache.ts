import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { threadId } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-paths.ts";
import { removeStalePartials } from "../common/stale-partials.ts";
import type { Article } from "../schema/record.ts";
import { articleHash } from "../reading/read-corpus.ts";

/**
 * A content-addressed store of published records: one file per record, named by the SHA-256 of the run
 * fingerprint (analysis-stamp.ts readRunFingerprint) and the article as read (id, language, metadata, body).
 * A record is only ever found under the key of the exact inputs that made it, so the cache cannot serve a
 * stale record and can be deleted at any time (`rm -rf .cache/records`) without changing any output.
 *
 * Nothing on disk is trusted: each entry starts with a seal: a line naming its key, its length and the SHA-256
 * of its content (see sealLine), checked on every read. An entry that is empty, truncated, edited, or
 * another key's copied in is reported in one line on stderr, deleted and reads as missing, so the caller
 * computes it again and the run's output is what a cold run gives. Entries are written durably: to a
 * temporary file, synced, renamed into place, and the folder synced.
 */
export interface RecordCache {
  /** The record JSON stored under `key`, or null (none, or a damaged entry: reported and deleted). */
  get(key: string): string | null;
  /** The same as UTF-8 bytes, read without decoding them. */
  getBytes(key: string): Buffer | null;
  /** Whether a file is stored under `key` (its content is checked when read). */
  has(key: string): boolean;
  /**
   * Stores a record's JSON (text or UTF-8 bytes) under `key`, after its seal, written to a temporary file,
   * synced and renamed, so readers never see half a file, even after a power loss.
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

/** A temporary file of put(), named by its process and thread: `<key>.json.<pid>-<thread>.partial`. */
const PARTIAL = /^[^.]+\.json\.(\d+)-\d+\.partial$/;

/**
 * Removes the temporary files of runs that were killed mid-write (SIGKILL, a power cut) from a generation's
 * subfolders; a live process's are left alone. They are never read (entries are found by their own names),
 * only space is at stake.
 */
function removeStaleEntries(root: string): void {
  let folders: string[];
  try {
    folders = readdirSync(root).filter((name) => /^[0-9a-f]{2}$/.test(name));
  } catch {
    return;
  }
  for (const folder of folders) removeStalePartials(join(root, folder), PARTIAL);
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
    removeStaleEntries(root);
  }
  const path = (key: string) => join(root, key.slice(0, 2), `${key}.json`);
  const getBytes = (key: string): Buffer | null => {
    const file = path(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return null;
    }
    const checked = checkEntry(bytes, key);
    if (typeof checked !== "string") return checked;
    reportDamage(file, checked);
    rmSync(file, { force: true });
    return null;
  };
  return {
    get(key) {
      return getBytes(key)?.toString("utf8") ?? null;
    },
    getBytes,
    has(key) {
      return existsSync(path(key));
    },
    put(key, json) {
      const file = path(key);
      mkdirSync(join(root, key.slice(0, 2)), { recursive: true });
      const body = typeof json === "string" ? Buffer.from(json) : json;
      // Unique per process and thread, so two writers of one key never share a temporary file.
      writeDurably(file, `${file}.${process.pid}-${threadId}.partial`, [Buffer.from(sealLine(key, body)), body]);
    },
  };
}

/**
 * A seal: the first line of every entry (or a file of its own beside one, see sealLine), a tag and version, the
 * entry's key, the byte length and the SHA-256 of the content.
 */
const SEAL = /^framing-cache 1 ([^ \n]+) (\d+) ([0-9a-f]{64})$/;

/** The seal of `body` stored under `key`, ending in a line break. */
export function sealLine(key: string, body: Uint8Array): string {
  return `framing-cache 1 ${key} ${body.length} ${createHash("sha256").update(body).digest("hex")}\n`;
}

/**
 * What is wrong with `body` read under `key` and sealed by `line` (without its line break), or null.
 * @example checkSeal(sealLine("k", Buffer.from("x")).trim(), "k", Buffer.from("y")) // "its content does not match its SHA-256"
 */
export function checkSeal(line: string, key: string, body: Uint8Array): string | null {
  const seal = SEAL.exec(line);
  if (!seal) return "it has no valid seal line";
  if (seal[1] !== key) return "it holds the entry of another key";
  if (body.length !== Number(seal[2])) return `it holds ${body.length} bytes where its seal says ${seal[2]}`;
  if (createHash("sha256").update(body).digest("hex") !== seal[3]) return "its content does not match its SHA-256";
  return null;
}

/**
 * The content of an entry read under `key` (its bytes after the seal line), or what is wrong with it.
 * @example checkEntry(Buffer.from(""), "ab") // "it is empty"
 */
export function checkEntry(bytes: Buffer, key: string): Buffer | string {
  if (bytes.length === 0) return "it is empty";
  // A seal line is short: a long first line is no seal (and is not decoded).
  const end = bytes.subarray(0, 512).indexOf(0x0a);
  const body = bytes.subarray(end + 1);
  return (end < 0 ? "it has no valid seal line" : checkSeal(bytes.subarray(0, end).toString("latin1"), key, body)) ?? body;
}

/** One line on stderr for a damaged entry (the run goes on, computing it again). */
function reportDamage(file: string, problem: string): void {
  process.stderr.write(`cache: ${file} is damaged (${problem}); deleted, and computed again\n`);
}

/**
 * Writes `parts` to `file` atomically and durably: into `partial`, synced to disk, renamed over `file`, and
 * the folder synced, so that after a crash or power loss `file` is either absent, the old entry or the new
 * one, never a part of one. A failure leaves no partial file behind.
 */
export function writeDurably(file: string, partial: string, parts: readonly Uint8Array[]): void {
  try {
    const fd = openSync(partial, "w");
    try {
      for (const part of parts) writeAll(fd, part);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  syncFolder(dirname(file));
}

/** Writes all of `bytes` to `fd` (writeSync may write fewer). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Syncs a folder's entries to disk (where the platform can: not on Windows). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened or synced on some platforms: the renamed file is synced already.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
