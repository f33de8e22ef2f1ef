// 32-bit integer arrays appended to a temporary file and read back by position: what the loader gathers
// per article for a corpus-wide list, kept on disk so that its memory does not grow with the corpus
// (docs/performance.md, issue 35).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Bytes gathered before they are written. */
const WRITE_BYTES = 1 << 20;

/**
 * Arrays of 32-bit integers, each appended (append returns where, in integers) and read back whole by
 * where and length; the file is made on the first write and deleted by dispose().
 * @example const file = new Int32File("keyness"); const at = file.append(Int32Array.of(4, 2)); file.read(at, 2) // Int32Array [4, 2]
 */
export class Int32File {
  private folder: string | null = null;
  private fd = -1;
  private written = 0;
  private readonly pending = new Int32Array(WRITE_BYTES / 4);
  private pendingLength = 0;

  /** `name`: what the temporary folder is named after. */
  constructor(private readonly name: string) {}

  /** Appends `values`; returns their position, in integers from the file's start. */
  append(values: Int32Array): number {
    const at = this.written + this.pendingLength;
    if (this.pendingLength + values.length > this.pending.length) this.flush();
    if (values.length > this.pending.length) this.write(values);
    else {
      this.pending.set(values, this.pendingLength);
      this.pendingLength += values.length;
    }
    return at;
  }

  /** The `length` integers at `at`, in `into` if it is long enough (else a new array). */
  read(at: number, length: number, into?: Int32Array): Int32Array {
    if (at + length > this.written) this.flush();
    const out = into && into.length >= length ? into.subarray(0, length) : new Int32Array(length);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, length * 4);
    let done = 0;
    while (done < bytes.length) done += readSync(this.fd, bytes, done, bytes.length - done, at * 4 + done);
    return out;
  }

  private flush(): void {
    if (!this.pendingLength) return;
    this.write(this.pending.subarray(0, this.pendingLength));
    this.pendingLength = 0;
  }

  private write(values: Int32Array): void {
    if (this.fd < 0) {
      this.folder = mkdtempSync(join(tmpdir(), `${this.name}-`));
      this.fd = openSync(join(this.folder, "values.bin"), "w+");
    }
    writeSync(this.fd, new Uint8Array(values.buffer, values.byteOffset, values.length * 4), 0, values.length * 4, this.written * 4);
    this.written += values.length;
  }

  /** Deletes the file. */
  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.fd = -1;
    this.folder = null;
    this.written = 0;
  }
}
