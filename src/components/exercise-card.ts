// One exercise of the Exercises page: a sentence to code, then a reveal of the answers (the teacher's, when
// a set gives one, and the pipeline's), what the pipeline matched, and why the machine gets such sentences
// wrong, with the figures measured on labelled data. Sentence text is untrusted and set as text.
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import type { SentimentValidationFile } from "../../data-loaders/schema/site-outputs.ts";
import type { Code } from "./portable/agreement.js";
import { normalizeSpeaker, taskOptions, type CodingTask } from "./portable/coding.js";
import { corpusFile, readerHref } from "./site-data.js";
import { element } from "./dom.js";
import { codeLabel } from "./coding-sheet.js";

/** A sentence to practise on. */
export interface Exercise {
  readonly task: CodingTask;
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
  readonly before: string | null;
  readonly after: string | null;
  readonly pipeline: Code;
  /** The teacher's answer and why, from an exercise set; null for sentences drawn from the corpus. */
  readonly answer: Code | null;
  readonly explanation: string | null;
}

/** Cards made so far on the page: each card's radio buttons are a group of their own. */
let cards = 0;

const QUOTE_WORDS = { direct: "inside a direct quotation", scare: "inside scare quotes" } as const;

/** A measured figure of the kept-back part of an external set, "0.522 (95% interval 0.501–0.545)". */
function keptBack(validation: SentimentValidationFile, set: "tone" | "attribution", measure: string): string | null {
  const f = validation.external[set].find((row) => row.part === "kept-back")?.figures[measure];
  return f ? `${f.value.toFixed(2)} (95% interval ${f.low.toFixed(2)}–${f.high.toFixed(2)})` : null;
}

/**
 * Why the machine gets sentences like this wrong, for the task's kind: the limits of term matching, of a
 * word lexicon and of cue-based attribution, with the kept-back figures measured on news nobody here wrote.
 */
export function machineNote(kind: CodingTask["kind"], validation: SentimentValidationFile): string {
  if (kind === "frame" || kind === "device")
    return "The pipeline finds a frame or device only by the codebook's terms. It cannot tell use from mention: a term inside a quotation, or a label the author rejects, counts all the same, and the quote column says which. It misses the idea expressed in other words, through irony or allusion: counts are a lower bound. On the seed articles (development data) the team checked every marker by reading; no labelled news set exists for these frames, which is why your coding matters.";
  if (kind === "tone") {
    const accuracy = keptBack(validation, "tone", "accuracy");
    return `The pipeline scores words from a lexicon (VADER for English; for Dutch, Pattern plus weights fitted on coded news headlines). It reads no irony or idiom, it counts reported emotion ("fear", "dismay") as the sentence's own, a quotation's tone is the speaker's, and words such as "war" or "aggression" that describe rather than judge still score.${accuracy ? ` On Dutch news headlines coded by experts and kept back from fitting, its three-class accuracy was ${accuracy}: far below a trained coder.` : ""}`;
  }
  const f1 = keptBack(validation, "attribution", "sourceF1");
  const precision = keptBack(validation, "attribution", "sourcePrecision");
  return `The pipeline attributes by cues: reporting verbs and phrases ("said", "according to", "volgens"), quotation marks and colons, then looks for the speaker nearby. A cue used figuratively ("the song speaks of") looks like speech; a speaker named sentences earlier, or only as "he", can be missed or misread.${f1 ? ` On political news articles annotated by others and kept back, it found speakers with F1 ${f1}${precision ? ` and precision ${precision}` : ""}: what it finds is mostly right, but it misses many.` : ""}`;
}

/**
 * The card of one exercise: the sentence with its context, the task's choices (a name for "who is quoted"),
 * and a reveal; the first reveal fetches the article's record to show what the pipeline matched. `index`
 * numbers it on the page.
 */
export function exerciseCard(exercise: Exercise, index: number, validation: SentimentValidationFile): HTMLElement {
  const card = element("fieldset", { className: "coding-card exercise" });
  card.append(element("legend", {}, `Exercise ${index + 1}`));
  if (exercise.before !== null) card.append(element("p", { className: "coding-context" }, exercise.before));
  card.append(element("p", { className: "coding-sentence" }, exercise.text));
  if (exercise.after !== null) card.append(element("p", { className: "coding-context" }, exercise.after));
  let yours: Code | null = null;
  card.append(exerciseChoices(exercise.task, index, (code) => (yours = code)));
  const reveal = element("details", { className: "exercise-reveal" });
  const body = element("div");
  reveal.append(element("summary", {}, "Reveal the answer"), body);
  reveal.addEventListener("toggle", () => {
    if (!reveal.open || body.childElementCount) return;
    const matched = element("p", { className: "exercise-matched" });
    body.append(...revealLines(exercise, yours, validation, matched));
    showMatched(exercise, matched);
  });
  card.append(reveal);
  return card;
}

/** The task's choices as radio buttons of their own group, and a name field for "who is quoted"; `choose` hears each choice. */
function exerciseChoices(task: CodingTask, index: number, choose: (code: Code | null) => void): HTMLElement {
  const name = `exercise-${++cards}`;
  const choices = element("div", { className: "coding-choices" });
  for (const option of taskOptions(task.kind)) {
    const input = element("input", { type: "radio", name, value: String(option.code) });
    input.addEventListener("change", () => choose(option.code));
    choices.append(element("label", {}, input, ` ${option.label}`));
  }
  if (task.kind === "speaker") {
    const text = element("input", { type: "text", className: "coding-name", placeholder: "or a name" });
    text.setAttribute("aria-label", `Speaker in exercise ${index + 1}`);
    text.addEventListener("input", () => choose(text.value.trim() ? normalizeSpeaker(text.value) : null));
    choices.append(element("label", {}, " named: ", text));
  }
  return choices;
}

/** What the reveal shows: your code, the teacher's, the pipeline's, what it matched (`matched`), why it errs, and a link to the article. */
function revealLines(exercise: Exercise, yours: Code | null, validation: SentimentValidationFile, matched: HTMLElement): HTMLElement[] {
  const { task } = exercise;
  const lines: Array<HTMLElement> = [];
  if (yours !== null) lines.push(element("p", {}, "Your code: ", element("strong", {}, codeLabel(task.kind, yours))));
  if (exercise.answer !== null)
    lines.push(
      element(
        "p",
        {},
        "The teacher's answer: ",
        element("strong", {}, codeLabel(task.kind, exercise.answer)),
        exercise.explanation ? `. ${exercise.explanation}` : "",
      ),
    );
  lines.push(
    element(
      "p",
      { className: "exercise-pipeline" },
      "The pipeline's code: ",
      element("strong", {}, codeLabel(task.kind, exercise.pipeline)),
    ),
  );
  lines.push(matched);
  lines.push(
    element(
      "p",
      { className: "exercise-why" },
      element("strong", {}, "Why the machine gets this wrong: "),
      machineNote(task.kind, validation),
    ),
  );
  const link = element("a", { href: readerHref(exercise.article, { sentence: exercise.sentence }) }, "Read it in the article");
  lines.push(element("p", {}, link));
  return lines;
}

/** For a frame or device, fetches the article's record and says which terms the pipeline matched in the sentence. */
function showMatched(exercise: Exercise, matched: HTMLElement): void {
  const { task } = exercise;
  if (task.kind === "frame" || task.kind === "device")
    void corpusFile<ArticleRecord>(`articles/${exercise.article}.json`).then((record) => {
      const found = (
        task.kind === "frame"
          ? record.markers.filter((m) => m.frame === task.category)
          : record.devices.filter((d) => d.device === task.category)
      ).filter((m) => m.sentence === exercise.sentence);
      matched.textContent = found.length
        ? `It matched ${found.map((m) => `“${m.term}”${m.quote ? ` (${QUOTE_WORDS[m.quote]})` : ""}`).join(", ")}.`
        : "It matched none of the terms in this sentence.";
    });
}
