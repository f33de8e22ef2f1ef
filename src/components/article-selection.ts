// What a link to the article reader asks to be marked (?actor=, ?camp=, ?speaker=, ?show=, #s-N), and the
// note that says so above the article.
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import type { Annotation, Category } from "./article-annotations.js";

/** What a link asked the reader to mark: a label for the note, and the sentences, in text order. */
export interface Selection {
  readonly label: string;
  readonly sentences: readonly number[];
}

/** The index of the sentence holding offset `at` (sentences are in text order), or null. */
function sentenceAt(record: ArticleRecord, at: number): number | null {
  let low = 0;
  let high = record.sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = record.sentences[mid]!;
    if (at < s.start) high = mid - 1;
    else if (at >= s.end) low = mid + 1;
    else return s.index;
  }
  return null;
}

/**
 * The sentences a link asks to be marked, from its address: #s-N (one sentence); ?actor=<id> (every sentence
 * mentioning the actor); ?camp=in|out (every sentence mentioning the in-group or out-group camp); ?speaker=<name> (every attribution to that speaker); ?show=<category> alone
 * (every sentence with that frame, device or tone, or with voices). Null when nothing is asked.
 */
export function selectionOf(
  record: ArticleRecord,
  annotations: readonly Annotation[],
  categories: readonly Category[],
  params: {
    readonly hash: string;
    readonly show: string | null;
    readonly actor: string | null;
    readonly camp: "in" | "out" | null;
    readonly speaker: string | null;
  },
  actorLabel: (id: string) => string = (id) => id,
): Selection | null {
  const unique = (list: ReadonlyArray<number | null>) => [...new Set(list.filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const sentence = /^#s-(\d+)$/.exec(params.hash);
  if (sentence) {
    const n = Number(sentence[1]);
    const what = params.speaker
      ? `what ${params.speaker} says`
      : params.show
        ? (categories.find((c) => c.id === params.show)?.label ?? params.show)
        : null;
    return { label: `sentence ${n + 1}${what ? `, from ${what}` : ""}`, sentences: [n] };
  }
  if (params.actor) {
    const tone = record.actors.tone.find((t) => t.actor === params.actor);
    return { label: `sentences mentioning ${actorLabel(params.actor)}`, sentences: unique(tone?.sentences ?? []) };
  }
  if (params.camp) {
    const camp = params.camp === "in" ? record.actors.inGroup : record.actors.outGroup;
    return { label: `sentences mentioning ${actorLabel(camp.camp)}`, sentences: unique(camp.sentences) };
  }
  if (params.speaker) {
    const own = record.attributions.filter((a) => a.speaker === params.speaker);
    return {
      label: `what ${params.speaker} says (${own.length} attribution${own.length === 1 ? "" : "s"})`,
      sentences: unique(own.map((a) => a.sentence)),
    };
  }
  if (params.show === "voices")
    return { label: "quotations and reported speech", sentences: unique(record.attributions.map((a) => a.sentence)) };
  if (params.show) {
    const category = categories.find((c) => c.id === params.show && c.kind !== "voice");
    if (!category) return null;
    const own = annotations.filter((a) => a.kind === category.kind && a.id === category.id);
    return {
      label: `${category.label} (${own.length} occurrence${own.length === 1 ? "" : "s"})`,
      sentences: unique(own.map((a) => sentenceAt(record, a.start))),
    };
  }
  return null;
}

/**
 * Marks a selection's sentences in the body and shows a note saying what is marked, with ‹ previous and
 * next › between the marked sentences, a way to clear the marks and a way back to the page the link came
 * from. Returns the note.
 */
export function selectionNote(body: HTMLElement, selection: Selection, doc: Document = document): HTMLElement {
  const marked = markSentences(body, selection);
  const note = doc.createElement("div");
  note.className = "selection-note";
  note.setAttribute("role", "status");
  const text = doc.createElement("span");
  let current = 0;
  const button = (label: string, title: string, action: () => void) => {
    const b = doc.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.title = title;
    b.addEventListener("click", action);
    return b;
  };
  const go = (k: number) => {
    if (!marked.length) return;
    current = (k + marked.length) % marked.length;
    marked[current]!.focus({ preventScroll: true });
    marked[current]!.scrollIntoView?.({ block: "center" });
    draw();
  };
  const draw = () => {
    text.textContent = marked.length
      ? `Marked: ${selection.label}${marked.length > 1 ? `, sentence ${current + 1} of ${marked.length}` : ""}.`
      : `Nothing to mark for ${selection.label} in this article.`;
  };
  note.append(text, " ");
  if (marked.length > 1)
    note.append(
      button("‹ previous", "the marked sentence before", () => go(current - 1)),
      " ",
      button("next ›", "the next marked sentence", () => go(current + 1)),
      " ",
    );
  note.append(
    button("clear", "remove the marks", () => {
      for (const s of marked) {
        s.classList.remove("targeted");
        s.removeAttribute("tabindex");
      }
      // The note (and the button with focus) goes: focus goes to the article, not to the page's body.
      body.tabIndex = -1;
      body.focus();
      note.remove();
    }),
  );
  const back = backLink(doc);
  if (back) note.append(" ", back);
  draw();
  // Optional call: jsdom, where the tests render the reader, has no scrollIntoView.
  if (marked.length) requestAnimationFrame(() => marked[0]!.scrollIntoView?.({ block: "center" }));
  return note;
}

/** Marks the selection's sentences in the body (clearing earlier marks) and returns them, in text order. */
function markSentences(body: HTMLElement, selection: Selection): HTMLElement[] {
  for (const old of body.querySelectorAll(".sentence.targeted")) old.classList.remove("targeted");
  const marked = selection.sentences.map((n) => body.querySelector<HTMLElement>(`#s-${n}`)).filter((s): s is HTMLElement => s !== null);
  for (const s of marked) {
    s.classList.add("targeted");
    // Focusable by script, so that ‹ previous and next › take a screen reader's and a keyboard's focus there.
    s.tabIndex = -1;
  }
  return marked;
}

/** "← back" to the page the link came from, when it is a page of this site; null otherwise. */
function backLink(doc: Document): HTMLAnchorElement | null {
  if (!(doc.referrer && new URL(doc.referrer).origin === doc.location.origin)) return null;
  const back = doc.createElement("a");
  back.href = doc.referrer;
  back.textContent = "← back";
  back.addEventListener("click", (event) => {
    if (history.length > 1) {
      event.preventDefault();
      history.back();
    }
  });
  return back;
}
