import { closeSync, openSync, readSync } from "node:fs";

/**
 * Reads `length` bytes of a file from byte `start`: one JSON line or one CSV row of a corpus file, read again
 * without reading the rest.
 */
export function readByteRange(path: string, start: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, bytes, 0, length, start);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
