// The concordance's keyword-in-context lines as the loader gathers them: each line's fields in memory, its
// JSON on disk, so that neither the lines' context nor the article views they came from stay in memory
// (docs/performance.md, issue 35).
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ViewLine } from "./article-view.ts";

/** Bytes of line JSON gathered before they are appended to the file. */
const WRITE_BYTES = 1 << 20;

/** A line whose JSON is in a SpilledLines file: read back (and not kept) whenever `json` is asked for. */
class SpilledLine implements ViewLine {
  constructor(
    private readonly file: SpilledLines,
    readonly article: string,
    readonly kind: ViewLine["kind"],
    readonly category: string,
    readonly term: string,
    readonly codebookTerm: string | null,
    readonly form: string | null,
    readonly start: number,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  get json(): Buffer {
    return this.file.read(this.offset, this.length);
  }
}

/**
 * Keyword-in-context lines with their JSON appended to a temporary file as they are added, and their
 * fields' strings kept once each (a term repeats across thousands of lines). Lines keep the order added;
 * call dispose() when done.
 */
export class SpilledLines {
  readonly lines: ViewLine[] = [];
  private readonly strings = new Map<string, string>();
  private folder: string | null = null;
  private fd = -1;
  private written = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  /** Adds a line: its fields are kept, its JSON written to disk. */
  add(line: ViewLine): void {
    const json = line.json;
    const offset = this.written + this.pendingBytes;
    // A copy: `json` may be a view of a whole cached article view, which it would keep in memory.
    this.pending.push(Buffer.from(json));
    this.pendingBytes += json.length;
    if (this.pendingBytes >= WRITE_BYTES) this.flush();
    const kept = (s: string | null) => (s === null ? null : this.kept(s));
    this.lines.push(
      new SpilledLine(
        this,
        line.article,
        line.kind,
        this.kept(line.category),
        this.kept(line.term),
        kept(line.codebookTerm),
        kept(line.form),
        line.start,
        offset,
        json.length,
      ),
    );
  }

  private kept(s: string): string {
    const found = this.strings.get(s);
    if (found !== undefined) return found;
    this.strings.set(s, s);
    return s;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    if (this.fd < 0) {
      this.folder = mkdtempSync(join(tmpdir(), "concordance-lines-"));
      this.fd = openSync(join(this.folder, "lines.json"), "w+");
    }
    writeSync(this.fd, Buffer.concat(this.pending, this.pendingBytes), 0, this.pendingBytes, this.written);
    this.written += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** The `length` bytes of line JSON at `offset`. */
  read(offset: number, length: number): Buffer {
    if (offset >= this.written) this.flush();
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    while (at < length) at += readSync(this.fd, out, at, length - at, offset + at);
    return out;
  }

  /** Deletes the file. */
  dispose(): void {
    if (this.fd >= 0) closeSync(this.fd);
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
    this.fd = -1;
    this.folder = null;
  }
}
