/**
 * One problem found in the corpus or a data file: which file, which field, what is wrong.
 * @example formatCorpusError({ file: "corpus/a.md", field: "published", message: "…" })
 *   // "corpus/a.md: published: …"
 */
export interface CorpusError {
  readonly file: string;
  /** Dotted path of the field ("language", "provenance.origin.0"), or a part of the file ("front matter", "body"). */
  readonly field: string;
  readonly message: string;
}

/** Formats an error as one line: `file: field: message`. */
export function formatCorpusError(error: CorpusError): string {
  return `${error.file}: ${error.field}: ${error.message}`;
}

/** Thrown when a corpus or data file has errors; carries all of them, not only the first. */
export class CorpusValidationError extends Error {
  readonly errors: readonly CorpusError[];
  constructor(errors: readonly CorpusError[]) {
    const n = errors.length;
    super(`corpus: ${n} error${n === 1 ? "" : "s"}:\n${errors.map((e) => `  ${formatCorpusError(e)}`).join("\n")}`);
    this.name = "CorpusValidationError";
    this.errors = errors;
  }
}
