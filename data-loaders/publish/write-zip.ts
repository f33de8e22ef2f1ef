import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";
import type { Writable } from "node:stream";

/** Zip entry time: fixed, so the same files always give the same archive bytes (DOS time starts in 1980). */
const FIXED_MTIME = new Date(Date.UTC(1980, 0, 1));

/**
 * A streaming, deterministic zip writer: entries are deflated and written as they are added, so an archive
 * of many articles never sits whole in memory; entry order is the order of `add` calls. Content is text
 * (written as UTF-8) or bytes (written as they are). `level` is the
 * deflate level (default 6; 0 stores the entry as it is, at no cost).
 */
export function createZipWriter(out: Writable): {
  add(name: string, content: string | Uint8Array, level?: number): void;
  finish(): Promise<void>;
} {
  let failure: Error | null = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else out.write(chunk);
    if (final || error) resolveDone();
  });
  return {
    add(name, content, level = 6) {
      const entry = level === 0 ? new ZipPassThrough(name) : new ZipDeflate(name, { level: level as 6 });
      entry.mtime = FIXED_MTIME; // without it fflate stamps the current time
      zip.add(entry);
      entry.push(typeof content === "string" ? strToU8(content) : content, true);
    },
    async finish() {
      zip.end();
      await done;
      if (failure) throw failure;
    },
  };
}
