/**
 * The fetched-file store: a folder kept between builds that holds the files pages fetch by name (records,
 * rows, text, concordance and voice-list pages…), from which `npm run build` hard-links them into the site
 * (scripts/fetched-files.ts). A file is written only when its bytes changed, so a rebuild after one edit
 * writes a few files, not 30,000. When the build runs the site's loader, the loader puts each article's
 * files here itself instead of into data/corpus.zip (FETCHED_STORE), and lists them with their SHA-256
 * (FETCHED_LIST): a 10,000-article archive is then a third of the size, and nobody reads those files back.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { writeDurably } from "../pipeline/record-cache.ts";

/**
 * What the store held after the last write, kept beside it (`<store>.manifest.json`): per entry, the
 * SHA-256 of its bytes and the stored file's size and modification time. A stored file is taken as
 * unchanged only if all three still hold, so a file edited in the store or through a site's hard link
 * (which changes its time) is written again, or (for a listed file, see `storeHolds`) analysed again.
 */
export type StoreManifest = Record<string, { readonly sha256: string; readonly size: number; readonly mtimeMs: number }>;

/** A loader's list of the files it put into the store (entry name → SHA-256 of its bytes), and how many it wrote. */
export interface StoreList {
  readonly files: Readonly<Record<string, string>>;
  readonly written: number;
}

/** The manifest of `store`, or an empty one when there is none or it cannot be read. */
export function readManifest(store: string): StoreManifest {
  try {
    return JSON.parse(readFileSync(`${store}.manifest.json`, "utf8")) as StoreManifest;
  } catch {
    return {};
  }
}

/**
 * Writes the manifest of `store` durably (a synced temporary file renamed into place, see writeDurably): a
 * failed write or a crash leaves the old one. A stored file is written without a sync of its own (three per
 * article would cost more than the analysis); one cut short by a crash has another size or time than the
 * manifest records, so it is written again.
 */
export function writeManifest(store: string, manifest: StoreManifest): void {
  mkdirSync(dirname(store), { recursive: true });
  writeDurably(`${store}.manifest.json`, `${store}.manifest.json.${process.pid}.partial`, [Buffer.from(JSON.stringify(manifest))]);
}

/** Whether the stored file of `name` is still exactly what `manifest` says (same size and time as recorded). */
function storedAsRecorded(store: string, name: string, manifest: StoreManifest): boolean {
  const known = manifest[name];
  const stat = known ? statSync(join(store, name), { throwIfNoEntry: false }) : undefined;
  return !!stat && stat.size === known!.size && stat.mtimeMs === known!.mtimeMs;
}

/**
 * Opens `store` for writing entries: `put` writes an entry's bytes unless the stored file has them already
 * and returns their SHA-256 (computed here, or passed by a caller that computed it from the same bytes);
 * `manifest` is the manifest as it stands (the entries before, with the ones put since). Writing a new
 * file rather than rewriting the old one means a site hard-linked to the old file keeps its bytes.
 */
export function openStore(store: string): {
  put(name: string, bytes: Uint8Array, sha256?: string): string;
  manifest(): StoreManifest;
  written(): number;
} {
  const manifest: Record<string, StoreManifest[string]> = readManifest(store);
  const folders = new Set<string>();
  let written = 0;
  return {
    put(name, bytes, sha256 = createHash("sha256").update(bytes).digest("hex")) {
      if (manifest[name]?.sha256 === sha256 && storedAsRecorded(store, name, manifest)) return sha256;
      const stored = join(store, name);
      if (!folders.has(dirname(stored))) {
        mkdirSync(dirname(stored), { recursive: true });
        folders.add(dirname(stored));
      }
      writeFileSync(`${stored}.partial`, bytes);
      renameSync(`${stored}.partial`, stored);
      manifest[name] = { sha256, size: bytes.length, mtimeMs: statSync(stored).mtimeMs };
      written++;
      return sha256;
    },
    manifest: () => manifest,
    written: () => written,
  };
}

/**
 * Whether `store` still holds every listed file with the bytes its loader put there: the manifest has the
 * same SHA-256 and the file the recorded size and time. False when a file was edited (through a site's
 * hard link), removed, or replaced by another build's since: the build then runs the loader again.
 */
export function storeHolds(store: string, list: StoreList): boolean {
  const manifest = readManifest(store);
  return Object.entries(list.files).every(([name, sha256]) => manifest[name]?.sha256 === sha256 && storedAsRecorded(store, name, manifest));
}
