import { crc32 } from "node:zlib";
import { Zip, ZipDeflate, strToU8, type ZipInputFile } from "fflate";
import type { Writable } from "node:stream";

/**
 * Zip entry time: fixed, so the same files always give the same archive bytes. fflate writes it as DOS
 * time, in local time: noon on 1 January 1980, local time, is the same DOS time in every time zone (midnight
 * UTC would be 1979 west of Greenwich, before DOS time begins, and fail there).
 */
const fixedMtime = () => new Date(1980, 0, 1, 12);

/** Output is passed on in pieces of at least this many bytes (an entry is three small pieces otherwise). */
const WRITE_BYTES = 1 << 20;

/**
 * A streaming, deterministic zip writer: entries are deflated and written as they are added, so an archive
 * of many articles never sits whole in memory; entry order is the order of `add` calls. Content is text
 * (written as UTF-8) or bytes (written as they are). `level` is the deflate level (default 6; 0 stores the
 * entry as it is, its CRC computed by Node's zlib).
 */
export function createZipWriter(out: Writable): {
  add(name: string, content: string | Uint8Array, level?: number): void;
  finish(): Promise<void>;
} {
  let failure: Error | null = null;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes) out.write(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  const mtime = fixedMtime();
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes >= WRITE_BYTES || final) flush();
    }
    if (final || error) resolveDone();
  });
  return {
    add(name, content, level = 6) {
      const bytes = typeof content === "string" ? strToU8(content) : content;
      if (level === 0) {
        // A stored entry as fflate's ZipPassThrough makes it (the same archive bytes), with a native CRC.
        const entry: ZipInputFile = { filename: name, size: bytes.length, crc: crc32(bytes), compression: 0, mtime };
        zip.add(entry);
        // fflate's type asks for an ArrayBuffer-backed array; it only copies the bytes out.
        entry.ondata!(null, bytes as Uint8Array<ArrayBuffer>, true);
        return;
      }
      const entry = new ZipDeflate(name, { level: level as 6 });
      entry.mtime = mtime; // without it fflate stamps the current time
      zip.add(entry);
      entry.push(bytes, true);
    },
    async finish() {
      zip.end();
      await done;
      if (failure) throw failure;
    },
  };
}
