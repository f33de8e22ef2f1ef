/**
 * A concordance page's lines in either of its published forms. The full build publishes each line as an
 * object (`lines`); a public build publishes them as rows of values (`rows`), in the order `fields` names,
 * with the page's `kind` and `category` said once: most of its lines are a closed article's, whose context
 * is empty, so the repeated names were most of their bytes (on 10,000 synthetic articles, about 210 of a
 * closed line's 240 bytes were keys, kind, category and empty context).
 */

/** The columns of a public build's concordance row, in order (a line's fields but `kind` and `category`). */
export const CONCORDANCE_ROW_FIELDS = [
  "article",
  "term",
  "codebookTerm",
  "form",
  "quote",
  "sentence",
  "start",
  "left",
  "match",
  "right",
] as const;

/** One value of a row: a line's field. */
type RowValue = string | number | null;

/** A concordance page as the pages read it: full (`lines`) or packed (`kind`, `fields`, `rows`). */
export interface ConcordancePageLines {
  readonly category: string;
  readonly lines?: ReadonlyArray<Readonly<Record<string, RowValue>>>;
  readonly kind?: string;
  readonly fields?: readonly string[];
  readonly rows?: ReadonlyArray<readonly RowValue[]>;
}

/**
 * A line (an object with at least CONCORDANCE_ROW_FIELDS) as a public build's row: its values in that order.
 * @example concordanceRow({article: "a", kind: "frame", category: "hegemon", term: "hegemon", codebookTerm: "hegemon", form: null, quote: null, sentence: 0, start: 4, left: "", match: "hegemon", right: ""})
 *   // ["a", "hegemon", "hegemon", null, null, 0, 4, "", "hegemon", ""]
 */
export function concordanceRow(line: Readonly<Record<string, unknown>>): RowValue[] {
  return CONCORDANCE_ROW_FIELDS.map((field) => line[field] as RowValue);
}

/**
 * The lines of a concordance page, as objects with every field (kind and category included), whichever form
 * it was published in; a packed page's rows are read by the `fields` it names.
 * @example concordancePageLines({category: "hegemon", kind: "frame", fields: ["article", "start"], rows: [["a", 4]]})
 *   // [{kind: "frame", category: "hegemon", article: "a", start: 4}]
 */
export function concordancePageLines(page: ConcordancePageLines): Array<Record<string, RowValue>> {
  if (page.lines) return page.lines.map((line) => ({ ...line }));
  const fields = page.fields ?? [];
  return (page.rows ?? []).map((row) => {
    const line: Record<string, RowValue> = { kind: page.kind ?? null, category: page.category };
    fields.forEach((field, i) => (line[field] = row[i] ?? null));
    return line;
  });
}
