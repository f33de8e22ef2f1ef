// A chart's data as a table on the page (issue 32 item 2, WCAG 1.1.1 and 1.3.1): collapsed under a
// disclosure by default, so a screen reader or a keyboard can read the numbers a chart shows by colour and
// length, row by row. Cells are text nodes (article titles are untrusted); the first column heads its row.
import { element } from "./dom.js";

/** One column of a chart's table: its header, a cell's text, and optionally a link for the cell. */
export interface ChartColumn<T> {
  readonly header: string;
  readonly value: (row: T) => string | number;
  /** A link for the cell (the first column's article to the reader, for instance). */
  readonly href?: (row: T) => string;
  /** Numbers are right-aligned, so their digits line up. */
  readonly numeric?: boolean;
}

/**
 * `<details>` (closed) whose `<summary>` says `summary` and holds a table of `rows` with `caption` and
 * `columns`; the first column's cells are row headers (`<th scope="row">`). A number is written with
 * English digit grouping.
 * @example chartTable([{id: "a", n: 3}], [{header: "Article", value: (r) => r.id}, {header: "Count", value: (r) => r.n, numeric: true}], {summary: "Table of the chart", caption: "Counts by article"})
 */
export function chartTable<T>(
  rows: readonly T[],
  columns: ReadonlyArray<ChartColumn<T>>,
  { summary, caption }: { summary: string; caption: string },
): HTMLDetailsElement {
  const head = element(
    "tr",
    {},
    ...columns.map((c) => {
      const th = element("th", { scope: "col" }, c.header);
      if (c.numeric) th.className = "numeric";
      return th;
    }),
  );
  const body = rows.map((row) =>
    element(
      "tr",
      {},
      ...columns.map((c, k) => {
        const value = c.value(row);
        const text = typeof value === "number" ? value.toLocaleString("en") : value;
        const cell = k === 0 ? element("th", { scope: "row" }) : element("td");
        if (c.numeric) cell.className = "numeric";
        cell.append(c.href ? element("a", { href: c.href(row) }, text) : text);
        return cell;
      }),
    ),
  );
  const table = element(
    "table",
    { className: "chart-table" },
    element("caption", {}, caption),
    element("thead", {}, head),
    element("tbody", {}, ...body),
  );
  return element("details", { className: "chart-table-box" }, element("summary", {}, summary), table);
}
