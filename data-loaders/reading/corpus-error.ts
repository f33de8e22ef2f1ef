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

/** What a zod error lists: a path to the field and a message (and, for a failed union, each branch's issues). */
interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly errors?: readonly (readonly SchemaIssue[])[];
}

/**
 * A failed union ("a term or an object with term, form and caseSensitive") says only "Invalid input". The
 * branch that got furthest into the value (its issues have the longest paths) is what the writer meant, so
 * its issues are reported instead, below the union's own path.
 */
function explainUnion(issue: SchemaIssue): SchemaIssue[] {
  if (issue.code !== "invalid_union" || !issue.errors?.length) return [issue];
  const depth = (issues: readonly SchemaIssue[]) => Math.max(...issues.map((i) => i.path.length));
  const best = [...issue.errors].filter((branch) => branch.length).sort((a, b) => depth(b) - depth(a))[0];
  if (!best || depth(best) === 0) return [issue];
  return best.flatMap((inner) => explainUnion({ ...inner, path: [...issue.path, ...inner.path] }));
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
  return issues.flatMap(explainUnion).map((issue) => ({ file, field: fieldOf(issue.path) || whole, message: issue.message }));
}
