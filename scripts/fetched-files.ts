/**
 * What `npm run build` unpacks from data/corpus.zip itself (scripts/build.ts), instead of Framework
 * extracting each file it needs by reading the whole archive again:
 * - the files pages load with FileAttachment go into Framework's cache (`.observablehq/cache/data/corpus/`),
 *   dated to a fixed time so the pages Framework renders from them are the same bytes every build;
 * - the files pages fetch by name (an article's record and rows, concordance and voice-list pages: see
 *   src/components/site-data.ts) go into the built site at the path `npm run dev` serves them from,
 *   `_file/data/corpus/<entry>`: no page declares them, so `observable build` would not copy them.
 */
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { unzipSync } from "fflate";
import { FETCHED_FOLDERS } from "../data-loaders/publish/publish-corpus.ts";

/** Whether a zip entry is one that pages fetch by name. */
export function isFetched(name: string): boolean {
  return FETCHED_FOLDERS.includes(name.split("/")[0]!) && name.includes("/");
}

/**
 * Writes every entry of `zipPath` that `destination` names a path for (null: skip it), creating folders
 * as needed and dating each file to `mtime` when given; returns how many files were written. The archive
 * is read whole and only the chosen entries are unpacked, found through its central directory (streaming
 * it entry by entry was ten times slower): memory is the archive plus one folder's files at a time.
 */
export function extractEntries(zipPath: string, destination: (name: string) => string | null, mtime?: Date): number {
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
