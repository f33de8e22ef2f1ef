/**
 * What the speaker sieves (speaker-sieves.ts) share: the cue and context types they read, and the look-ups
 * every rule family makes (the sentence of an offset, the words between two offsets, the mention or noun
 * phrase right after a cue).
 */
import { sentenceAt } from "../terms/find-quotations.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { ARTICLES, type SpeakerMention, type Word } from "./mention-types.ts";
import type { SpeakerWords } from "./speech-cues.ts";
import type { PartsOfSpeech } from "./verb-reading.ts";
import type { Language, Sentence, Span, SpeakerRule } from "../schema/record.ts";

/** A cue that passed the verb reading: what kind of attribution it makes and how its neighbours read. */
export interface Cue extends Span {
  /** A reporting verb, a verb of thought, or a source preposition ("according to", "volgens"). */
  readonly kind: "speech" | "thought" | "preposition";
  /** It reports only when a clause follows ("polls show that …", "X believes the deal will fail"). */
  readonly needsClause: boolean;
  /** A cue only for a quotation next to it ("“…,” he continued"). */
  readonly quoteOnly: boolean;
  /** A passive ("was criticized", "werd gemeld"): its subject is what is talked about, not who talks. */
  readonly passive: boolean;
  /** The name after it is its object ("told Reuters"), never its subject. */
  readonly object: boolean;
  /** Found by the learned cue detector (English), not by the lists and the verb reading. */
  readonly learned: boolean;
  /** The learned detector's probability and strongest features (rounded for the record); absent for a listed cue. */
  readonly evidence?: CueEvidence;
}

/** Why the learned cue detector took a cue: its probability and the features that weighed most. */
export interface CueEvidence {
  readonly probability: number;
  readonly reasons: ReadonlyArray<{ readonly feature: string; readonly weight: number }>;
  /** When the pair model kept a cue the detector alone would not: the (cue, speaker) pair's probability and strongest features. */
  readonly pair?: { readonly probability: number; readonly reasons: ReadonlyArray<{ readonly feature: string; readonly weight: number }> };
}

/** A cue with the speaker the sieves found for it, and the sieve that found it. */
export interface CueSpeaker {
  readonly cue: Cue;
  readonly speaker: SpeakerMention | null;
  readonly rule: SpeakerRule | null;
  /** Where the speaker stands relative to the cue: before it (subject), after it (inverted or agent). */
  readonly side: "before" | "after" | null;
  /** The cue's evidence as the record gives it, when it differs from `cue.evidence` (a cue kept by the pair model). */
  readonly evidence?: CueEvidence;
}

/** What every sieve reads: one article's words, mentions, tags and grammar words. */
export interface SieveContext {
  readonly text: string;
  readonly language: Language;
  readonly sentences: readonly Sentence[];
  /** The analysed words outside quotation marks, in order. */
  readonly words: readonly Word[];
  /** The mentions of a sentence that are outside quotation marks, in order. */
  readonly mentionsIn: (sentence: number) => readonly SpeakerMention[];
  /** Part-of-speech tags of the cue sentences (English), or null. */
  readonly tags: PartsOfSpeech | null;
  readonly grammar: SpeakerWords["grammar"];
  /** The direct quotations of the article, sorted by start. */
  readonly quotations: readonly (Span & { readonly kind: string })[];
}

/** A sieve: the speaker of one cue by one rule, or null when the rule does not apply. */
export type Sieve = (ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) => Pick<CueSpeaker, "speaker" | "side"> | null;

/** Tags a subject noun phrase is made of (wink's Universal POS tags), and those of its head. */
export const PHRASE_TAGS = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);
export const HEAD_TAGS = new Set(["NOUN", "PROPN"]);
/** How far before a mention the comma that opens its part is looked for, in characters. */
export const PART_REACH = 200;
/** How many earlier cues of its sentence a cue looks back over for a shared subject. */
export const EARLIER_REACH = 20;
/** The longest noun phrase taken as a speaker, in words. */
export const PHRASE_WORDS = 6;
/** Punctuation no subject or apposition reaches across: clause breaks and quotation marks. */
export const BREAKS = /[.;:!?“”«»„"]/u;

/** The first mention starting at or after `offset` in its sentence, with at most `maxWords` words (articles aside) before it. */
export function firstMentionAfter(ctx: SieveContext, offset: number, maxWords: number): SpeakerMention | null {
  const sentence = sentenceOf(ctx, offset - 1);
  const mentions = ctx.mentionsIn(sentence.index);
  const m = mentions[lastStartingAtOrBefore(mentions, offset - 1) + 1];
  // Far off, it cannot be within maxWords: the check below would read the whole gap.
  if (!m || m.start - offset > 40 * (maxWords + 1)) return null;
  const between = wordsBetween(ctx, offset, m.start).filter((w) => !ARTICLES.has(w.lower));
  return between.length <= maxWords && !BREAKS.test(ctx.text.slice(offset, m.start)) ? m : null;
}

/** English: a noun phrase right after `offset` ("according to the campaign", "said one person familiar"). */
export function phraseAfter(ctx: SieveContext, offset: number): SpeakerMention | null {
  if (!ctx.tags) return null;
  const sentence = sentenceOf(ctx, offset - 1);
  let i = lastWordEndingAtOrBefore(ctx, offset) + 1;
  const first = i;
  const w = () => ctx.words[i];
  if (!w() || w()!.start >= sentence.end || !/^[\s,]*$/u.test(ctx.text.slice(offset, w()!.start))) return null;
  let head = -1;
  while (w() && w()!.end <= sentence.end && i - first < PHRASE_WORDS && PHRASE_TAGS.has(ctx.tags.get(w()!.start) ?? "")) {
    if (HEAD_TAGS.has(ctx.tags.get(w()!.start)!)) head = i;
    else if (head >= 0) break;
    if (ctx.words[i + 1] && !/^\s+$/u.test(ctx.text.slice(w()!.end, ctx.words[i + 1]!.start))) {
      i++;
      break;
    }
    i++;
  }
  return head >= 0 ? phraseMention(ctx, first, head) : null;
}

/** A speaker mention for the words first..head: named by the phrase without its article. */
export function phraseMention(ctx: SieveContext, first: number, head: number): SpeakerMention {
  const start = ctx.words[first]!.start;
  const end = ctx.words[head]!.end;
  let name = ctx.text.slice(start, end).replace(/\s+/gu, " ");
  const space = name.indexOf(" ");
  if (space > 0 && ARTICLES.has(name.slice(0, space).toLowerCase())) name = name.slice(space + 1);
  const headWord = ctx.words[head]!;
  const plural = ctx.tags?.get(headWord.start) === "NOUN" && /[^s]s$/u.test(headWord.lower);
  return {
    start,
    end,
    sentence: headWord.sentence,
    kind: "phrase",
    name,
    type: plural ? "unnamed-group" : "other",
    resolvedBy: "phrase",
    afterPreposition: false,
  };
}

/** Whether a comma or a closing quotation mark (then only white space) stands right before the cue in its sentence. */
export function afterComma(ctx: SieveContext, cue: Span): boolean {
  const sentence = sentenceOf(ctx, cue.start);
  // The last characters before the cue suffice (white space is short): the check costs the same in any sentence.
  return /[,”"’»]\s*$/u.test(ctx.text.slice(Math.max(sentence.start, cue.start - 16), cue.start));
}

/** The sentence holding `offset` (the first when it lies before every sentence). */
export function sentenceOf(ctx: SieveContext, offset: number): Sentence {
  return ctx.sentences[Math.max(0, sentenceAt(ctx.sentences, offset))]!;
}

/** Index of the last word ending at or before `offset` (-1 when none). */
export function lastWordEndingAtOrBefore(ctx: SieveContext, offset: number): number {
  let i = lastStartingAtOrBefore(ctx.words, offset);
  while (i >= 0 && ctx.words[i]!.end > offset) i--;
  return i;
}

/** Index of the first word starting at or after `offset`. */
export function firstWordFrom(ctx: SieveContext, offset: number): number {
  return lastStartingAtOrBefore(ctx.words, offset - 1) + 1;
}

/** The words lying inside [from, to). */
export function wordsBetween(ctx: Pick<SieveContext, "words">, from: number, to: number): Word[] {
  const out: Word[] = [];
  for (let i = lastStartingAtOrBefore(ctx.words, from - 1) + 1; i < ctx.words.length && ctx.words[i]!.end <= to; i++)
    out.push(ctx.words[i]!);
  return out;
}
