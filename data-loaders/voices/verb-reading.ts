import type { Span } from "../schema/record.ts";

/** Universal POS tags by the body offset of the token they tag (reading/split-sentences.ts, English articles). */
export type PartsOfSpeech = ReadonlyMap<number, string>;

/** Tags that let a cue word be read as a verb (wink tags "said" VERB, "has" AUX). */
const VERB_TAGS: ReadonlySet<string> = new Set(["VERB", "AUX"]);

/**
 * Whether a cue word is used as a verb. English: the tagger's reading of its first word, when there is one
 * (a noun "state", "report", "comments" is not a cue). Dutch, or a word the tagger did not see: not a verb
 * right after a determiner ("de vraag", "zijn antwoord", "the report"). A that-clause right after the word
 * makes a tagged noun a verb unless a determiner stands before it ("the treaty states that", not "the
 * report that").
 * @example hasVerbReading({ start: 4, end: 9 }, new Map([[4, "NOUN"]]), null) // false
 */
export function hasVerbReading(
  cue: Span,
  tags: PartsOfSpeech | null,
  wordBefore: string | null,
  determiners?: ReadonlySet<string>,
  opensThatClause = false,
): boolean {
  const tag = tags?.get(cue.start);
  // A that-clause after it overrules a noun tag: "the treaty states that …" (wink tags "states" NOUN).
  if (tag !== undefined)
    return VERB_TAGS.has(tag) || (tag === "NOUN" && opensThatClause && wordBefore !== null && !determiners?.has(wordBefore));
  return !(wordBefore !== null && determiners?.has(wordBefore));
}
