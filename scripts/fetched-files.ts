/**
 * What `npm run build` unpacks from data/corpus.zip itself (scripts/build.ts), instead of Framework
 * extracting each file it needs by reading the whole archive again:
 * - the files pages load with FileAttachment go into Framework's cache (`.observablehq/cache/data/corpus/`),
 *   dated to a fixed time so the pages Framework renders from them are the same bytes every build;
 * - the files pages fetch by name (an article's record and rows, concordance and voice-list pages: see
 *   src/components/site-data.ts) go into the built site at the path `npm run dev` serves them from,
 *   `_file/data/corpus/<entry>`: no page declares them, so `observable build` would not copy them.
 */
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative } from "node:path";
import { unzipSync } from "fflate";
import { FETCHED_FOLDERS } from "../data-loaders/publish/publish-corpus.ts";

/** Whether a zip entry is one that pages fetch by name. */
export function isFetched(name: string): boolean {
  return FETCHED_FOLDERS.includes(name.split("/")[0]!) && name.includes("/");
}

/**
 * Writes every entry of `zipPath` that `destination` names a path for (null: skip it), creating folders
 * as needed and dating each file to `mtime` when given; returns how many files were written. With
 * `consume`, the chosen entries are handed to it instead of written. The archive
 * is read whole and only the chosen entries are unpacked, found through its central directory (streaming
 * it entry by entry was ten times slower): memory is the archive plus one folder's files at a time.
 */
export function extractEntries(
  zipPath: string,
  destination: (name: string) => string | null,
  mtime?: Date,
  consume?: (name: string, data: Uint8Array) => void,
): number {
  const archive = readFileSync(zipPath);
  // Entry names come from our own loader, but a path that climbs out of the destination is never written.
  const wanted = (name: string) =>
    !name.endsWith("/") && !name.split("/").some((part) => part === ".." || part === "") && destination(name) !== null;
  const folders = new Set<string>();
  let written = 0;
  // One top-level folder at a time, so that only that folder's files are unpacked in memory at once.
  const groups = new Set<string>();
  unzipSync(archive, {
    filter: (file) => {
      if (wanted(file.name)) groups.add(file.name.split("/")[0]!);
      return false;
    },
  });
  for (const group of [...groups].sort()) {
    const files = unzipSync(archive, { filter: (file) => file.name.split("/")[0] === group && wanted(file.name) });
    for (const [name, data] of Object.entries(files)) {
      if (consume) {
        consume(name, Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
        written++;
        continue;
      }
      const file = destination(name)!;
      if (!folders.has(dirname(file))) {
        mkdirSync(dirname(file), { recursive: true });
        folders.add(dirname(file));
      }
      writeFileSync(file, data);
      if (mtime) utimesSync(file, mtime, mtime);
      written++;
    }
  }
  return written;
}

/**
 * What the store held after the last build, kept beside it (`<store>.manifest.json`): per entry, the
 * SHA-256 of its bytes and the stored file's size and modification time. A stored file is taken as
 * unchanged only if all three still hold, so a file edited in the store or through a site's hard link
 * (which changes its time) is written again.
 */
type StoreManifest = Record<string, { readonly sha256: string; readonly size: number; readonly mtimeMs: number }>;

/** The manifest of `store`, or an empty one when there is none or it cannot be read. */
function readManifest(store: string): StoreManifest {
  try {
    return JSON.parse(readFileSync(`${store}.manifest.json`, "utf8")) as StoreManifest;
  } catch {
    return {};
  }
}

/**
 * Puts the fetched files of `zipPath` into the site folder `output` through `store`, a folder kept between
 * builds: an entry is written to the store only when it differs from the stored file (by the SHA-256 of
 * its bytes, against the store's manifest: a rebuild after one edit rewrites the few files that changed,
 * and reads none of the 30,000 of a 10,000-article site back), then hard-linked into the site (copied where
 * the two are on different file systems). Stored files that are no longer entries are removed. Returns how
 * many files the site received, and how many were written.
 */
export function publishFetchedFiles(zipPath: string, output: string, store: string): { files: number; written: number } {
  const before = readManifest(store);
  const after: StoreManifest = {};
  let written = 0;
  const folders = new Set<string>();
  const ensureFolder = (file: string) => {
    if (folders.has(dirname(file))) return;
    mkdirSync(dirname(file), { recursive: true });
    folders.add(dirname(file));
  };
  extractEntries(
    zipPath,
    (name) => (isFetched(name) ? name : null),
    undefined,
    (name, data) => {
      const stored = join(store, name);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const known = before[name];
      const stat = known && known.sha256 === sha256 ? statSync(stored, { throwIfNoEntry: false }) : undefined;
      if (stat && stat.size === known!.size && stat.mtimeMs === known!.mtimeMs) after[name] = known!;
      else {
        // A new file, not the old one rewritten: a site linked to the old file keeps its bytes.
        ensureFolder(stored);
        writeFileSync(`${stored}.partial`, data);
        renameSync(`${stored}.partial`, stored);
        after[name] = { sha256, size: data.length, mtimeMs: statSync(stored).mtimeMs };
        written++;
      }
      const target = join(output, "_file", "data", "corpus", name);
      ensureFolder(target);
      linkInto(stored, target);
    },
  );
  for (const file of filesBelow(store)) if (!Object.hasOwn(after, relative(store, file).split("\\").join("/"))) unlinkSync(file);
  writeFileSync(`${store}.manifest.json.partial`, JSON.stringify(after));
  renameSync(`${store}.manifest.json.partial`, `${store}.manifest.json`);
  return { files: Object.keys(after).length, written };
}

/** Hard-links `stored` at `target`, replacing a file there; copies it where a link cannot be made (another file system). */
function linkInto(stored: string, target: string): void {
  try {
    linkSync(stored, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return copyFileSync(stored, target);
    unlinkSync(target);
    linkInto(stored, target);
  }
}

/** Every file below `folder` (none when it does not exist). */
export function filesBelow(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(folder, e.name)) : [join(folder, e.name)],
  );
}
