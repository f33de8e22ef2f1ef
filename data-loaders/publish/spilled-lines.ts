// The concordance's keyword-in-context lines as the loader gathers them: each line's fields in memory, its
// JSON on disk, so that neither the lines' context nor the article views they came from stay in memory
// (docs/performance.md, issue 35).
import { ByteFile } from "../common/byte-file.ts";
import type { ViewLine } from "./article-view.ts";

/** A line whose JSON is in a SpilledLines file: read back (and not kept) whenever `json` is asked for. */
class SpilledLine implements ViewLine {
  constructor(
    private readonly file: ByteFile,
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
 * Keyword-in-context lines with their JSON appended to a temporary file as they are added (a copy: a line's
 * JSON may be a view of a whole cached article view, which it would keep in memory), and their fields'
 * strings kept once each (a term repeats across thousands of lines). Lines keep the order added; call
 * dispose() when done.
 */
export class SpilledLines {
  readonly lines: ViewLine[] = [];
  private readonly strings = new Map<string, string>();
  private readonly file = new ByteFile("concordance-lines");

  /** Adds a line: its fields are kept, its JSON written to disk. */
  add(line: ViewLine): void {
    const json = line.json;
    const offset = this.file.append(json);
    const kept = (s: string | null) => (s === null ? null : this.kept(s));
    const { article, kind, category, term, codebookTerm, form, start } = line;
    this.lines.push(
      new SpilledLine(
        this.file,
        article,
        kind,
        this.kept(category),
        this.kept(term),
        kept(codebookTerm),
        kept(form),
        start,
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

  /** Deletes the file. */
  dispose(): void {
    this.file.dispose();
  }
}
