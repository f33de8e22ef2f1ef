// Tables a keyboard can sort (issue 32 item 3). Inputs.table sorts when a header cell is clicked, which a
// keyboard cannot reach and a screen reader is not told about.
import * as Inputs from "@observablehq/inputs";

/**
 * Inputs.table(data, options) whose column headers are buttons (Enter or Space sorts, as a click does; a
 * second press reverses) and whose header cells say how the table is sorted (`aria-sort`).
 * @example sortableTable(rows, {header: {count: "Count"}, select: false})
 */
export function sortableTable(data: unknown, options: Record<string, unknown> = {}): HTMLFormElement {
  return sortableHeaders(Inputs.table(data, options));
}

/**
 * `form` (an Inputs.table) with each column header's content moved into a button. Inputs.table keeps the
 * sort arrow in each header's first child and sorts on a click on the header cell, where the button's click
 * arrives; the arrow is hidden from assistive technology, which reads `aria-sort` instead.
 */
export function sortableHeaders<T extends HTMLElement>(form: T): T {
  const row = form.querySelector("thead tr");
  if (!row) return form;
  const headers = [...row.children].slice(1) as HTMLTableCellElement[];
  for (const th of headers) {
    const [arrow, ...content] = [...th.childNodes];
    if (!arrow) continue;
    if (arrow instanceof Element) arrow.setAttribute("aria-hidden", "true");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.append(...content);
    // A header shown empty (a concordance's contexts) is named by its column all the same.
    if (!button.textContent?.trim()) button.setAttribute("aria-label", th.title);
    th.append(button);
  }
  const describe = () => {
    for (const th of headers) {
      const arrow = th.firstChild?.textContent;
      if (arrow === "▴") th.setAttribute("aria-sort", "ascending");
      else if (arrow === "▾") th.setAttribute("aria-sort", "descending");
      else th.removeAttribute("aria-sort");
    }
  };
  // The header cell sorts first (the click bubbles from the button to it), then the row hears it.
  row.addEventListener("click", describe);
  describe();
  return form;
}
