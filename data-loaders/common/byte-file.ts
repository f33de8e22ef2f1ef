// Bytes appended to a temporary file and read back by position: what the loader gathers per article for
// the corpus-wide files, kept on disk so that its memory does not grow with the corpus (docs/performance.md,
// issue 35).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Bytes gathered before they are written. */
const WRITE_BYTES = 1 << 20;

/** The spill folders not yet deleted: deleted when the process exits, if a build stops before it disposes of them. */
const liveFolders = new Set<string>();
process.on("exit", () => {
  for (const folder of liveFolders) rmSync(folder, { recursive: true, force: true });
});

/** A new temporary folder for spilled data, named after `name`, deleted at exit unless removeSpillFolder was called first. */
export function spillFolder(name: string): string {
  const folder = mkdtempSync(join(tmpdir(), `${name}-`));
  liveFolders.add(folder);
  return folder;
}

/** Deletes a folder made by spillFolder. */
export function removeSpillFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  liveFolders.delete(folder);
}

/**
 * Byte strings, each appended (append returns its offset) and read back whole by offset and length; the
 * file is made on the first write and deleted by dispose().
 * @example const file = new ByteFile("lines"); const at = file.append(Buffer.from("ab")); file.read(at, 2).toString() // "ab"
 */
export class ByteFile {
  private folder: string | null = null;
  private fd = -1;
  private written = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  /** `name`: what the temporary folder is named after. */
  constructor(private readonly name: string) {}

  /** Appends a copy of `bytes` (never a view of a larger buffer); returns its offset from the file's start. */
  append(bytes: Uint8Array): number {
    const at = this.written + this.pendingBytes;
    this.pending.push(Uint8Array.prototype.slice.call(bytes));
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= WRITE_BYTES) this.flush();
    return at;
  }

  /** The `length` bytes at `offset`, in `into` if it is long enough (else a new Buffer). */
  read(offset: number, length: number, into?: Uint8Array): Buffer {
    if (offset + length > this.written) this.flush();
    const out = into && into.length >= length ? Buffer.from(into.buffer, into.byteOffset, length) : Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) done += readSync(this.fd, out, done, length - done, offset + done);
    return out;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    if (this.fd < 0) {
      this.folder = spillFolder(this.name);
      this.fd = openSync(join(this.folder, "spilled.bin"), "w+");
    }
    writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes), 0, this.pendingBytes, this.written);
    this.written += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Deletes the file. */
  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    if (this.folder) removeSpillFolder(this.folder);
    this.fd = -1;
    this.folder = null;
    this.written = 0;
    this.pending = [];
    this.pendingBytes = 0;
  }
}
