/**
 * The speaker sieves that find a cue's speaker after it (speaker-sieves.ts tries them in order): the name
 * after a source preposition, a passive's agent, an inverted subject after a quotation or a comma, Dutch
 * inversion, and a person in apposition.
 */
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { ARTICLES, type SpeakerMention } from "./mention-types.ts";
import {
  afterComma,
  BREAKS,
  firstMentionAfter,
  lastWordEndingAtOrBefore,
  PART_REACH,
  phraseAfter,
  sentenceOf,
  wordsBetween,
  type Cue,
  type SieveContext,
} from "./sieve-context.ts";

/** "according to TASS", "volgens de minister", "…, aldus Lavrov": the name right after the preposition. */
export function sourcePreposition(ctx: SieveContext, cue: Cue) {
  if (cue.kind !== "preposition") return null;
  const speaker = firstMentionAfter(ctx, cue.end, 0) ?? phraseAfter(ctx, cue.end);
  return { speaker, side: "after" as const };
}

/**
 * The agent of a passive: "as described by the minister", "werd beschreven door een kennis", "een artikel
 * geschreven door Poetin". After an auxiliary or "as"/"zoals" any noun phrase is the agent; after a bare
 * participle only a mention that can speak (a person, body, group or source), not "by telephone".
 */
export function passiveAgent(ctx: SieveContext, cue: Cue) {
  const next = ctx.words[lastWordEndingAtOrBefore(ctx, cue.end) + 1];
  if (!next || !ctx.grammar.agents[ctx.language].has(next.lower) || /\S/u.test(ctx.text.slice(cue.end, next.start))) return null;
  const previous = ctx.words[lastWordEndingAtOrBefore(ctx, cue.start)];
  const passive =
    cue.passive ||
    (!!previous &&
      previous.sentence === next.sentence &&
      /^\s+$/u.test(ctx.text.slice(previous.end, cue.start)) &&
      (ctx.grammar.auxiliaries[ctx.language].has(previous.lower) || ctx.grammar.passiveMarkers[ctx.language].has(previous.lower)));
  const named = firstMentionAfter(ctx, next.end, 0);
  if (passive) return { speaker: named ?? phraseAfter(ctx, next.end), side: "after" as const };
  return named && named.kind !== "document" ? { speaker: named, side: "after" as const } : null;
}

/** Right after a direct quotation, the name after the cue: "“…,” said Lavrov", "“…”, zei hij". */
export function invertedAfterQuote(ctx: SieveContext, cue: Cue) {
  if (cue.object) return null;
  const sentence = sentenceOf(ctx, cue.start);
  const q = ctx.quotations[lastStartingAtOrBefore(ctx.quotations, cue.start)];
  if (!q || q.kind !== "direct" || q.end < sentence.start || !/^[\s,]*$/u.test(ctx.text.slice(q.end, cue.start))) return null;
  const speaker = firstMentionAfter(ctx, cue.end, 1) ?? (ctx.language === "en" ? phraseAfter(ctx, cue.end) : null);
  return { speaker, side: "after" as const };
}

/**
 * After a comma, when no subject stands before the cue, the name after it: "…, reported CNN", "…, zei hij".
 * In English the name must end the clause (a comma, the sentence's end or a preposition next): in
 * "X, …, said the convention could fail" the words after the cue are what was said.
 */
export function invertedAfterComma(ctx: SieveContext, cue: Cue) {
  if (cue.object || !afterComma(ctx, cue)) return null;
  const speaker = firstMentionAfter(ctx, cue.end, 1) ?? (ctx.language === "en" ? phraseAfter(ctx, cue.end) : null);
  if (!speaker) return null;
  if (ctx.language === "en") {
    const sentence = sentenceOf(ctx, cue.start);
    // Only the characters right after the name are read: white space, then punctuation or the sentence's end.
    const rest = ctx.text.slice(speaker.end, Math.min(sentence.end, speaker.end + 16));
    const atEnd = speaker.end + 16 >= sentence.end;
    const next = ctx.words[lastWordEndingAtOrBefore(ctx, speaker.end) + 1];
    const endsClause =
      /^\s*[,.;:!?)]/u.test(rest) ||
      (atEnd && /^\s*$/u.test(rest)) ||
      (!!next && next.sentence === speaker.sentence && ctx.grammar.prepositions.en.has(next.lower));
    if (!endsClause) return null;
  }
  return { speaker, side: "after" as const };
}

/** Dutch inversion: "Nu stelt de minister dat …", "waarschuwde NAVO-chef Rutte dat …", "zei hij gisteren". */
export function dutchInversion(ctx: SieveContext, cue: Cue) {
  const speaker = firstMentionAfter(ctx, cue.end, 1);
  if (!speaker || speaker.afterPreposition) return null;
  // One adverb may come between ("zei gisteren de minister"), not the start of the reported clause ("dat Rusland").
  const between = wordsBetween(ctx, cue.end, speaker.start).filter((w) => !ARTICLES.has(w.lower));
  if (between.some((w) => ctx.grammar.complementizers.nl.has(w.lower) || ctx.grammar.functionWords.nl.has(w.lower))) return null;
  return { speaker, side: "after" as const };
}

/**
 * A person in apposition after the cue: "zei de opvolger van Stoltenberg, Mark Rutte, dat …". Dutch after
 * any cue; English only where the subject may follow (after a quotation or a comma).
 */
export function apposition(ctx: SieveContext, cue: Cue) {
  if (cue.object || (ctx.language === "en" && !afterComma(ctx, cue))) return null;
  const sentence = sentenceOf(ctx, cue.start);
  const mentions = ctx.mentionsIn(sentence.index);
  let person: SpeakerMention | undefined;
  // The first person after the cue, among the next few mentions (the apposition is short: six words at most).
  for (let k = lastStartingAtOrBefore(mentions, cue.end - 1) + 1, n = 0; k < mentions.length && n < 8 && !person; k++, n++)
    if (mentions[k]!.start >= cue.end && (mentions[k]!.kind === "person" || mentions[k]!.kind === "surname")) person = mentions[k];
  if (!person || person.start - cue.end > PART_REACH) return null;
  const lead = ctx.text.slice(cue.end, person.start);
  const after = ctx.text.slice(person.end, person.end + 8);
  const leadWords = lead.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  const closes =
    /^\s*,/u.test(after) || new RegExp(`^\\s+(?:${[...ctx.grammar.complementizers[ctx.language]].join("|")})\\b`, "u").test(after);
  return /,\s*$/u.test(lead) && !BREAKS.test(lead) && leadWords <= 6 && closes ? { speaker: person, side: "after" as const } : null;
}
