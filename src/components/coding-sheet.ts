// The coding sheet of the Coding page: one card per sentence of the sample, with its context and the task's
// choices; and the codebook entry card the Coding and Exercises pages show above their sentences. Sentence
// text is untrusted and set as text, never as markup.
import type { CodebookView } from "../../data-loaders/schema/site-outputs.ts";
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
    card.append(unitChoices(unit.unit, k, task, codes.get(unit.unit), onCode));
    sheet.append(card);
  });
  return sheet;
}

/** One card's radio buttons, the current code checked; for "who is quoted", also a named choice with its name field. */
function unitChoices(
  unit: number,
  k: number,
  task: CodingTask,
  current: Code | undefined,
  onCode: (unit: number, code: Code | null) => void,
): HTMLElement {
  const name = `code-${unit}`;
  const choices = element("div", { className: "coding-choices" });
  for (const option of taskOptions(task.kind)) {
    const input = element("input", {
      type: "radio",
      name,
      value: String(option.code),
      checked: current === option.code,
    });
    input.addEventListener("change", () => onCode(unit, option.code));
    choices.append(element("label", {}, input, ` ${option.label}`));
  }
  if (task.kind === "speaker") choices.append(namedChoice(unit, k, current, onCode));
  return choices;
}

/**
 * The "named" choice of "who is quoted": a radio button and a name field (speakers offered as you type);
 * typing checks the button and codes the name, choosing the button with no name yet moves focus to the field.
 */
function namedChoice(unit: number, k: number, current: Code | undefined, onCode: (unit: number, code: Code | null) => void): HTMLElement {
  const named = typeof current === "string" && current !== NO_SPEAKER && current !== UNNAMED_SPEAKER;
  const radio = element("input", { type: "radio", name: `code-${unit}`, value: "named", checked: named });
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
    onCode(unit, value ? value : null);
  };
  text.addEventListener("input", update);
  radio.addEventListener("change", () => (text.value ? update() : text.focus()));
  return element("label", {}, radio, " named: ", text);
}

/** A code as the page says it: the option's label ("present"), or the speaker's name. */
export function codeLabel(kind: CodingTask["kind"], code: Code): string {
  return taskOptions(kind).find((o) => o.code === code)?.label ?? String(code);
}

/** How the course pages name a task: "Frame: The Hegemon", "Device: Hedges", "Sentence tone". */
export function taskLabel(task: CodingTask): string {
  return task.kind === "frame" ? `Frame: ${task.label}` : task.kind === "device" ? `Device: ${task.label}` : task.label;
}

/** The codebook entry of a frame or device task (codebooks.json's framing or devices entries), else null. */
export function taskEntry(codebooks: { readonly framing: CodebookView; readonly devices: CodebookView }, task: CodingTask) {
  if (!task.category) return null;
  return codebooks[task.kind === "frame" ? "framing" : "devices"].entries.find((e) => e.id === task.category) ?? null;
}

/**
 * A codebook entry as a card: its label as a `heading`, its definition, and its examples and counter-examples
 * (under `labels`) in a collapsed details; `after` is appended.
 */
export function definitionCard(
  entry: CodebookView["entries"][number],
  { heading, labels }: { heading: "h2" | "h3"; labels: readonly [string, string] },
  ...after: Node[]
): HTMLElement {
  const list = (items: CodebookView["entries"][number]["examples"]) =>
    element(
      "ul",
      {},
      ...items.map((e) => element("li", { lang: e.language }, e.text, ...(e.note ? [" ", element("em", {}, `(${e.note})`)] : []))),
    );
  return element(
    "div",
    { className: "card coding-definition" },
    element(heading, {}, entry.label),
    element("p", {}, entry.definition),
    element(
      "details",
      {},
      element("summary", {}, "Examples and counter-examples from the codebook"),
      element("p", {}, element("strong", {}, labels[0])),
      list(entry.examples),
      element("p", {}, element("strong", {}, labels[1])),
      list(entry.counterExamples),
    ),
    ...after,
  );
}
