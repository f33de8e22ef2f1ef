// Where kept rows and sums are stored (kept-sums.ts): under a SHA-256 key of what they depend on, a
// group's resamples' sums as typed arrays packed into bytes.
import { createHash } from "node:crypto";
import type { BootstrapOptions } from "./bootstrap.ts";

/** Groups of at least this many articles keep their resamples' sums (BootstrapOptions.keptSumsFrom). */
const KEPT_SUMS_FROM = 1000;

/** The SHA-256 of a salt and parts (strings and typed arrays), each part prefixed by its length. */
export function keyOf(salt: string, parts: ReadonlyArray<string | ArrayBufferView>): string {
  const hash = createHash("sha256").update(salt);
  for (const part of parts) {
    if (typeof part === "string") hash.update(`\u0000${part.length}\u0000${part}`);
    else hash.update(`\u0000${part.byteLength}\u0000`).update(new Uint8Array(part.buffer, part.byteOffset, part.byteLength));
  }
  return hash.digest("hex");
}

/**
 * Where a group of `n` articles keeps its resamples' sums (see BootstrapOptions.keptSumsFrom): read and
 * written as typed arrays under a key of the table, its settings and n; null when the group does not.
 */
export function sumsStore(
  options: BootstrapOptions,
  table: "rate sums" | "mean sums",
  settings: string,
  n: number,
): {
  read(kinds: ReadonlyArray<"f64" | "i32">): Array<Float64Array | Int32Array> | null;
  write(arrays: ReadonlyArray<Float64Array | Int32Array>): void;
} | null {
  const kept = options.kept;
  if (!kept || n < (options.keptSumsFrom ?? KEPT_SUMS_FROM)) return null;
  const key = keyOf(kept.salt, [table, settings, String(n)]);
  return {
    read: (kinds) => unpackArrays(kept.store.getBytes(key), kinds),
    write: (arrays) => kept.store.put(key, packArrays(arrays)),
  };
}

/** Typed arrays as bytes: a header of their lengths (Float64, one per array), then each array's bytes. */
function packArrays(arrays: ReadonlyArray<Float64Array | Int32Array>): Uint8Array {
  const header = Float64Array.from(arrays, (a) => a.length);
  // Each array starts at a multiple of 8 bytes, so it can be read in place of a copy of its file.
  const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;
  const out = new Uint8Array(8 + header.byteLength + arrays.reduce((sum, a) => sum + padded(a.byteLength), 0));
  new Float64Array(out.buffer, 0, 1)[0] = arrays.length;
  out.set(new Uint8Array(header.buffer), 8);
  let at = 8 + header.byteLength;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += padded(a.byteLength);
  }
  return out;
}

/** The arrays packed by packArrays, of the kinds given, or null for no bytes or bytes not of that form. */
function unpackArrays(stored: Uint8Array | null, kinds: ReadonlyArray<"f64" | "i32">): Array<Float64Array | Int32Array> | null {
  if (!stored || stored.byteLength < 8) return null;
  // A copy, aligned and owned: the arrays are updated in place.
  const bytes = new Uint8Array(stored);
  const count = new Float64Array(bytes.buffer, 0, 1)[0];
  if (count !== kinds.length || bytes.byteLength < 8 + 8 * count) return null;
  const lengths = new Float64Array(bytes.buffer, 8, count);
  const arrays: Array<Float64Array | Int32Array> = [];
  let at = 8 + 8 * count;
  for (let i = 0; i < count; i++) {
    const length = lengths[i]!;
    const size = kinds[i] === "f64" ? 8 : 4;
    if (!Number.isInteger(length) || length < 0 || at + length * size > bytes.byteLength) return null;
    arrays.push(kinds[i] === "f64" ? new Float64Array(bytes.buffer, at, length) : new Int32Array(bytes.buffer, at, length));
    at += Math.ceil((length * size) / 8) * 8;
  }
  return at === bytes.byteLength ? arrays : null;
}
