import type { TermMatch } from "../terms/match-terms.ts";
import type { Span, SpeakerType } from "../schema/record.ts";

/** A word of the body, `[start, end)`, with its sentence. */
export interface Word extends Span {
  readonly text: string;
  readonly lower: string;
  readonly capitalised: boolean;
  readonly sentence: number;
}

/**
 * A place where the text names (or refers back to) someone who could be quoted. `name` and `type` are
 * filled in by resolution: a pronoun or surname takes its antecedent's; null when nothing was found.
 */
export interface SpeakerMention extends Span {
  readonly sentence: number;
  readonly kind: "person" | "body" | "group" | "anonymous" | "document" | "pronoun" | "relative" | "surname" | "phrase";
  readonly name: string | null;
  readonly type: SpeakerType | null;
  /** How the name was reached: written out, from a title alone, or by referring back. */
  readonly resolvedBy: "name" | "title" | "title-reference" | "pronoun" | "relative" | "surname" | "phrase" | null;
  /** True when a preposition stands right before it (or before the phrase it is coordinated with). */
  readonly afterPreposition: boolean;
}

/** Term matches the speaker finder reads, by group of the combined term index. */
export interface SpeakerMatches {
  readonly actor: readonly TermMatch[];
  readonly outlet: readonly TermMatch[];
  readonly title: readonly TermMatch[];
  readonly group: readonly TermMatch[];
  readonly anonymous: readonly TermMatch[];
  readonly document: readonly TermMatch[];
  readonly body: readonly TermMatch[];
  /** Speech cues and verbs of thought: a name followed by one is a subject, not an adjective ("Russia believes"). */
  readonly cue: readonly TermMatch[];
  readonly thought: readonly TermMatch[];
}

/** A mention as the finder makes it: with the title and country the text gives a person, for later references. */
export type RawMention = Omit<SpeakerMention, "afterPreposition"> & {
  /** The title the text gives the person ("president", "minister van buitenlandse zaken"), lower-cased. */
  readonly title?: string | null;
  /** The person's country, from a nationality before the title or the gazetteer (an actor id). */
  readonly nation?: string | null;
};

/** Articles, skipped before and stripped from the front of speaker phrases. */
export const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an", "de", "het", "een"]);
