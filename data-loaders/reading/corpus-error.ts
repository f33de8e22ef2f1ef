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

/** What a zod error lists: a path to the field and a message. */
interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Turns the issues of a failed schema check of `file` into located errors, one per issue. The field is the
 * issue's dotted path (`fieldOf` may rename parts of it, for example an entry's index to its id), or
 * `whole` when the issue concerns the whole file.
 * @example schemaErrors([{ path: ["entries", 0, "label"], message: "is empty" }], "book.yaml")
 *   // [{ file: "book.yaml", field: "entries.0.label", message: "is empty" }]
 */
export function schemaErrors(
  issues: readonly SchemaIssue[],
  file: string,
  {
    whole = "file",
    fieldOf = (path: readonly PropertyKey[]) => path.map(String).join("."),
  }: { whole?: string; fieldOf?: (path: readonly PropertyKey[]) => string } = {},
): CorpusError[] {
  return issues.map((issue) => ({ file, field: fieldOf(issue.path) || whole, message: issue.message }));
}
