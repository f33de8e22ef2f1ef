// 32-bit integer arrays kept on disk (ByteFile), read back by position (docs/performance.md, issue 35).
import { ByteFile } from "./byte-file.ts";

/**
 * Arrays of 32-bit integers, each appended (append returns where, in integers) and read back whole by
 * where and length; the file is made on the first write and deleted by dispose().
 * @example const file = new Int32File("keyness"); const at = file.append(Int32Array.of(4, 2)); file.read(at, 2) // Int32Array [4, 2]
 */
export class Int32File {
  private readonly file: ByteFile;

  /** `name`: what the temporary folder is named after. */
  constructor(name: string) {
    this.file = new ByteFile(name);
  }

  /** Appends `values`; returns their position, in integers from the file's start. */
  append(values: Int32Array): number {
    return this.file.append(new Uint8Array(values.buffer, values.byteOffset, values.byteLength)) / 4;
  }

  /** The `length` integers at `at`, in `into` if it is long enough (else a new array). */
  read(at: number, length: number, into?: Int32Array): Int32Array {
    const out = into && into.length >= length ? into.subarray(0, length) : new Int32Array(length);
    this.file.read(at * 4, length * 4, new Uint8Array(out.buffer, out.byteOffset, length * 4));
    return out;
  }

  /** Deletes the file. */
  dispose(): void {
    this.file.dispose();
  }
}
