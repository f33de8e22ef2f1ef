// The coding sheet of the Coding page: one card per sentence of the sample, with its context and the task's
// choices. Sentence text is untrusted and set as text, never as markup.
import type { Code } from "./portable/agreement.js";
import { NO_SPEAKER, UNNAMED_SPEAKER, normalizeSpeaker, taskOptions, type CodingTask } from "./portable/coding.js";
import type { CodingUnit } from "./coding.js";
import { element } from "./dom.js";

/**
 * The sheet: a card per unit, in sample order, with the sentence before and after it, and radio buttons (for
 * "who is quoted", also a name, with `speakers` offered as you type). `codes` holds the codes so far;
 * `onCode(unit, code)` is called on every change (code null when a name is cleared). Each card is
 * labelled "Sentence k of n" for screen readers.
 */
export function codingSheet(
  units: readonly CodingUnit[],
  task: CodingTask,
  codes: ReadonlyMap<number, Code>,
  onCode: (unit: number, code: Code | null) => void,
  label: (article: string) => string,
  speakers: readonly string[] = [],
): HTMLElement {
  const sheet = element("div", { className: "coding-sheet" });
  // Names to choose from when typing a speaker: the speakers the pipeline names anywhere in the corpus.
  const names = element("datalist", { id: "coding-speakers" }, ...speakers.map((name) => element("option", { value: name })));
  if (task.kind === "speaker") sheet.append(names);
  units.forEach((unit, k) => {
    const name = `code-${unit.unit}`;
    const card = element("fieldset", { className: "coding-card" });
    card.dataset.unit = String(unit.unit);
    card.append(
      element(
        "legend",
        {},
        `Sentence ${k + 1} of ${units.length}`,
        element("span", { className: "coding-source" }, ` · ${label(unit.article)}`),
      ),
    );
    if (unit.before !== null) card.append(element("p", { className: "coding-context" }, unit.before));
    card.append(element("p", { className: "coding-sentence" }, unit.text));
    if (unit.after !== null) card.append(element("p", { className: "coding-context" }, unit.after));
    const current = codes.get(unit.unit);
    const choices = element("div", { className: "coding-choices" });
    for (const option of taskOptions(task.kind)) {
      const input = element("input", {
        type: "radio",
        name,
        value: String(option.code),
        checked: current === option.code,
      });
      input.addEventListener("change", () => onCode(unit.unit, option.code));
      choices.append(element("label", {}, input, ` ${option.label}`));
    }
    if (task.kind === "speaker") {
      const named = typeof current === "string" && current !== NO_SPEAKER && current !== UNNAMED_SPEAKER;
      const radio = element("input", { type: "radio", name, value: "named", checked: named });
      const text = element("input", {
        type: "text",
        className: "coding-name",
        placeholder: "name as the article gives it",
        value: named ? current : "",
      });
      text.setAttribute("aria-label", `Speaker of sentence ${k + 1}`);
      text.setAttribute("list", "coding-speakers");
      const update = () => {
        radio.checked = true;
        const value = normalizeSpeaker(text.value);
        onCode(unit.unit, value ? value : null);
      };
      text.addEventListener("input", update);
      radio.addEventListener("change", () => (text.value ? update() : text.focus()));
      choices.append(element("label", {}, radio, " named: ", text));
    }
    card.append(choices);
    sheet.append(card);
  });
  return sheet;
}
