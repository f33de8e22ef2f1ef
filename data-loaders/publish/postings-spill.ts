// The search index's postings, kept in memory up to a bound and spilled to sorted runs on disk past it, so
// that the index's memory does not grow with the corpus (docs/performance.md, issue 35).
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import { removeSpillFolder, spillFolder } from "../common/byte-file.ts";

/**
 * How many postings numbers are held in memory before they are spilled to a run on disk: about 8 bytes each
 * in a JS array, so about 32 MB (4 bytes each on disk). At about 1,600 numbers an article, a run every
 * 2,500 articles.
 */
export const SPILL_NUMBERS = 4_000_000;

/** Bytes of a run file's read and write buffer. */
const IO_BYTES = 1 << 20;

/**
 * Each word's postings (numbers appended in article order), held in memory until `limit` numbers are, then
 * written to a run file, the words in the order `order()` gives: a run is the held postings of each word,
 * [word, length, numbers…] as 32-bit integers. Read back in that order (inOrder), each run is read once,
 * from start to end, whatever the number of words. Every number must fit in 32 bits (articles, counts,
 * sentence indices and positions do).
 */
export class SpilledPostings {
  private readonly held: number[][] = [];
  private heldNumbers = 0;
  private folder: string | null = null;
  private readonly runs: string[] = [];

  /** `order(ids)`: the word ids given, sorted as they will be read back (the index's word order). */
  constructor(
    private readonly order: (ids: number[]) => number[],
    private readonly limit = SPILL_NUMBERS,
  ) {}

  /** Word `id`'s held postings, to append to (then call added). */
  list(id: number): number[] {
    return (this.held[id] ??= []);
  }

  /** Says that `count` numbers were appended; spills every held list to a run once `limit` are held. */
  added(count: number): void {
    this.heldNumbers += count;
    if (this.heldNumbers >= this.limit) this.spill();
  }

  /** How many runs were written to disk. */
  spilled(): number {
    return this.runs.length;
  }

  private spill(): void {
    this.folder ??= spillFolder("search-postings");
    const path = join(this.folder, `${this.runs.length}.bin`);
    const fd = openSync(path, "w");
    const out = new RunWriter(fd);
    const ids = this.order(this.held.flatMap((list, id) => (list?.length ? [id] : [])));
    for (const id of ids) {
      const list = this.held[id]!;
      out.write(id);
      out.write(list.length);
      for (const n of list) out.write(n);
      list.length = 0;
    }
    out.close();
    closeSync(fd);
    this.runs.push(path);
    this.heldNumbers = 0;
  }

  /**
   * Each of `ids` (sorted as `order` sorts) with its whole postings: its spilled runs' numbers in run order,
   * then those held. Every word of the runs must be among `ids`.
   */
  *inOrder(ids: readonly number[]): Generator<[number, number[]]> {
    const readers = this.runs.map((path) => new RunReader(path));
    try {
      for (const id of ids) {
        const postings: number[] = [];
        for (const reader of readers) if (reader.next === id) reader.readList(postings);
        for (const n of this.held[id] ?? []) postings.push(n);
        yield [id, postings];
      }
    } finally {
      for (const reader of readers) reader.close();
    }
  }

  /** Deletes the runs on disk. */
  dispose(): void {
    if (this.folder) removeSpillFolder(this.folder);
    this.folder = null;
    this.runs.length = 0;
  }
}

/** 32-bit integers written to a file through a buffer. */
class RunWriter {
  private readonly buffer = new Int32Array(IO_BYTES / 4);
  private at = 0;
  constructor(private readonly fd: number) {}

  write(n: number): void {
    if (this.at === this.buffer.length) this.flush();
    this.buffer[this.at++] = n;
  }

  private flush(): void {
    writeSync(this.fd, new Uint8Array(this.buffer.buffer, 0, this.at * 4));
    this.at = 0;
  }

  close(): void {
    this.flush();
  }
}

/** A run file read from start to end: `next` is the id of its next word's list, or −1 at the end. */
class RunReader {
  private readonly fd: number;
  private readonly bytes = new Uint8Array(IO_BYTES);
  private readonly ints = new Int32Array(this.bytes.buffer);
  private length = 0;
  private at = 0;
  next = -1;

  constructor(path: string) {
    this.fd = openSync(path, "r");
    this.next = this.take();
  }

  /** The next 32-bit integer, or −1 at the end of the file. */
  private take(): number {
    if (this.at === this.length) {
      const read = readSync(this.fd, this.bytes, 0, IO_BYTES, null);
      // Every write is whole integers and reads fill the buffer unless at the end, so `read` is a multiple of 4.
      this.length = read / 4;
      this.at = 0;
      if (read === 0) return -1;
    }
    return this.ints[this.at++]!;
  }

  /** Appends the next word's list to `out` and moves on to the word after it. */
  readList(out: number[]): void {
    const count = this.take();
    for (let k = 0; k < count; k++) out.push(this.take());
    this.next = this.take();
  }

  close(): void {
    closeSync(this.fd);
  }
}
