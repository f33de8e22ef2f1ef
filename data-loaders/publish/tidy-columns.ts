/**
 * The parts tidy tables are made of (tidy-tables.ts): a column is its name, type and meaning together with
 * the function that computes its cell, so that the data dictionary (export-dictionary.ts) is written from
 * the very list that makes the rows and cannot drift from them.
 */
import type { ExportArticle } from "./export-article.ts";

/** A cell: text, a number, or null for a missing value (an empty CSV field, a Parquet null). */
export type Cell = string | number | null;

/** A column as the data dictionary documents it. */
export interface Column {
  readonly name: string;
  readonly type: "string" | "integer" | "double";
  readonly description: string;
}

/** A table as the data dictionary documents it: one row per observation, one column per variable. */
export interface TableDescription {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly Column[];
}

/** A tidy table made article by article: its description and one article's rows, cells in column order. */
export interface TidyTable extends TableDescription {
  rows(article: ExportArticle): Cell[][];
}

/** A column with the function computing its cell from one item (a sentence, a marker …) of an article. */
export interface ColumnOf<T> extends Column {
  readonly value: (item: T, article: ExportArticle) => Cell;
}

type Value<T> = ColumnOf<T>["value"];
/** A text column. */
export const text = <T>(name: string, description: string, value: Value<T>): ColumnOf<T> => ({ name, type: "string", description, value });
/** A whole-number column. */
export const integer = <T>(name: string, description: string, value: Value<T>): ColumnOf<T> => ({
  name,
  type: "integer",
  description,
  value,
});
/** A column of real numbers. */
export const real = <T>(name: string, description: string, value: Value<T>): ColumnOf<T> => ({ name, type: "double", description, value });

/** A span of the article's text, [start, end) in UTF-16 code units. */
type Span = { readonly start: number; readonly end: number } | null | undefined;

/**
 * The code-point twins of a span's UTF-16 offset columns: `<prefix>start_codepoint` and `<prefix>end_codepoint`
 * (code-points.ts), for Python's and R's string indexing.
 */
export function codePointColumns<T>(prefix: string, span: (item: T) => Span, what: string): Array<ColumnOf<T>> {
  return [
    integer(`${prefix}start_codepoint`, `${prefix}start in Unicode code points (Python str, R substr): ${what}`, (item, a) =>
      a.codePoint(span(item)?.start),
    ),
    integer(`${prefix}end_codepoint`, `${prefix}end in Unicode code points`, (item, a) => a.codePoint(span(item)?.end)),
  ];
}

/** A table from its name, description, the items of an article it has a row for, and its columns. */
export function tidyTable<T>(
  name: string,
  description: string,
  items: (article: ExportArticle) => readonly T[],
  columns: ReadonlyArray<ColumnOf<NoInfer<T>>>,
): TidyTable {
  return {
    name,
    description,
    columns: columns.map(({ name, type, description }) => ({ name, type, description })),
    rows: (article) => items(article).map((item) => columns.map((c) => c.value(item, article))),
  };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or leading/trailing space; null is empty. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
