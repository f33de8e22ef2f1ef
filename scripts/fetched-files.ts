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
  rmSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { unzipSync } from "fflate";
import { FETCHED_FOLDERS } from "../data-loaders/publish/publish-corpus.ts";
import { sealOf } from "./archive-seal.ts";
import { openStore, readManifest, writeManifest, type StoreList, type StoreManifest } from "../data-loaders/publish/fetched-store.ts";

/**
 * Where `npm run build` keeps, beside its cached archive, the list of the files its loader put into the
 * store of fetched files instead (entry → SHA-256). An archive with such a list lacks those files, so
 * `npm run dev` (whose preview server reads them from the archive) drops both and has the loader run again.
 */
export function storeListOf(zipPath: string): string {
  return `${zipPath}.store.json`;
}

/**
 * For `npm run dev`: drops a cached archive that lacks its articles' files (see storeListOf), and its list,
 * so that the preview server has the loader make it again, in full. Returns whether it did.
 */
export function dropArchiveWithoutArticles(zipPath: string): boolean {
  if (!existsSync(storeListOf(zipPath))) return false;
  rmSync(zipPath, { force: true });
  rmSync(storeListOf(zipPath), { force: true });
  rmSync(sealOf(zipPath), { force: true });
  return true;
}

/** The list at `path` (see storeListOf). */
export function readStoreList(path: string): StoreList {
  return JSON.parse(readFileSync(path, "utf8")) as StoreList;
}

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
 * Puts the fetched files into the site folder `output` through `store` (data-loaders/publish/fetched-store.ts),
 * a folder kept between builds: the ones in `zipPath` are written to the store only when they differ from
 * the stored file (by the SHA-256 of their bytes, against the store's manifest: a rebuild after one edit
 * rewrites the few files that changed, and reads none of the 30,000 of a 10,000-article site back); the
 * ones its loader put into the store itself (`listed`, checked by the build with storeHolds) are there
 * already. Every one is then hard-linked into the site (copied where the two are on different file
 * systems). Stored files that are neither are removed. Returns how many files the site received, and how
 * many were written to the store (here and by the loader).
 */
export function publishFetchedFiles(
  zipPath: string,
  output: string,
  store: string,
  listed: StoreList = { files: {}, written: 0 },
): { files: number; written: number } {
  const before = readManifest(store);
  const stored = openStore(store);
  const after: StoreManifest = {};
  const folders = new Set<string>();
  const link = (name: string) => {
    const target = join(output, "_file", "data", "corpus", name);
    if (!folders.has(dirname(target))) {
      mkdirSync(dirname(target), { recursive: true });
      folders.add(dirname(target));
    }
    linkInto(join(store, name), target);
  };
  for (const name of Object.keys(listed.files).sort()) {
    if (before[name]?.sha256 !== listed.files[name]) throw new Error(`the fetched-file store has lost ${name} since its loader ran`);
    after[name] = before[name]!;
    link(name);
  }
  extractEntries(
    zipPath,
    (name) => (isFetched(name) ? name : null),
    undefined,
    (name, data) => {
      stored.put(name, data);
      after[name] = stored.manifest()[name]!;
      link(name);
    },
  );
  for (const file of filesBelow(store)) if (!Object.hasOwn(after, relative(store, file).split("\\").join("/"))) unlinkSync(file);
  writeManifest(store, after);
  return { files: Object.keys(after).length, written: listed.written + stored.written() };
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
