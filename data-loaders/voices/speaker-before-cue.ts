/**
 * The speaker sieves that find a cue's subject before it (speaker-sieves.ts tries them in order): the
 * nearest mention that can be the subject, a subject shared with an earlier or coordinated verb, the
 * subject before an apposition, and (English) a bare noun phrase.
 */
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { ARTICLES, type SpeakerMention, type Word } from "./mention-types.ts";
import {
  afterComma,
  BREAKS,
  EARLIER_REACH,
  firstWordFrom,
  HEAD_TAGS,
  lastWordEndingAtOrBefore,
  PART_REACH,
  PHRASE_TAGS,
  PHRASE_WORDS,
  phraseMention,
  sentenceOf,
  wordsBetween,
  type Cue,
  type CueSpeaker,
  type SieveContext,
} from "./sieve-context.ts";
import { PhraseWalk } from "./phrase-walk.ts";
import type { Span } from "../schema/record.ts";

/** How far apart (in words, not counting skipped phrases) a subject may stand from its speech verb. */
const SUBJECT_GAP = 3;
/** The same, when an auxiliary follows the subject (Dutch "heeft … omschreven"). */
const AUXILIARY_GAP = 20;
/** Conjunctions inside a subject's own phrases ("tussen Rusland en de DVK"), which do not count against the gap. */
const GAP_CONJUNCTIONS = new Set(["and", "en", "or", "of"]);
/** Words that join a second verb to the first ("… and says", "…, but told", "… en zei"). */
const COORDINATORS = new Set(["and", "but", "then", "en", "maar"]);
/** Tags that may stand between a subject and its verb ("has also said", "isn't detailing"). */
const BETWEEN_SUBJECT_AND_VERB = new Set(["ADV", "AUX", "PART"]);
/** How many words before its cue a subject is looked for at most (past parentheticals and names). */
const SUBJECT_WINDOW = 60;

/**
 * A participle after a comma (", saying …", ", adding that …") has the subject of its main clause: the
 * speaker of an earlier cue of the sentence, else the subject of the sentence's first verb.
 */
export function participleCue(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) {
  if (!/ing$/iu.test(ctx.text.slice(cue.start, cue.end).split(/\s/u)[0]!) || !afterComma(ctx, cue)) return null;
  let before: CueSpeaker | undefined;
  for (let k = earlier.length - 1; k >= 0 && k >= earlier.length - EARLIER_REACH && !before; k--)
    if (earlier[k]!.cue.end <= cue.start && earlier[k]!.speaker) before = earlier[k];
  if (before) return { speaker: before.speaker, side: before.side };
  return mainClauseSubject(ctx, cue);
}

/** The subject of the first verb of the cue's sentence (English: by tags; Dutch: the first mention that can be a subject). */
function mainClauseSubject(ctx: SieveContext, cue: Cue): Pick<CueSpeaker, "speaker" | "side"> | null {
  const sentence = sentenceOf(ctx, cue.start);
  if (!ctx.tags) {
    const first = ctx.mentionsIn(sentence.index).find((m) => m.end <= cue.start && !m.afterPreposition);
    return first ? { speaker: first, side: "before" } : null;
  }
  for (let k = firstWordFrom(ctx, sentence.start); k <= lastWordEndingAtOrBefore(ctx, cue.start); k++) {
    const w = ctx.words[k]!;
    const tag = ctx.tags.get(w.start);
    if (tag !== "VERB" && tag !== "AUX") continue;
    // A copula ("The visit is a testimony …, highlighting …"): its subject does not speak.
    const next = ctx.words[k + 1];
    if (tag === "AUX" && !(next && ["VERB", "AUX", "ADV", "PART"].includes(ctx.tags.get(next.start) ?? ""))) return null;
    const verb: Cue = {
      start: w.start,
      end: w.end,
      kind: "speech",
      object: false,
      needsClause: false,
      quoteOnly: false,
      passive: false,
      learned: false,
    };
    const subject = subjectBeforeCue(ctx, verb) ?? subjectPhrase(ctx, verb);
    return subject?.speaker ? subject : null;
  }
  return null;
}

/**
 * A verb coordinated with an earlier one has its subject: "The senator survived five years in prison and
 * says …", "He endorsed Clinton, but told reporters …", "Rutte kwam aan en zei dat …".
 */
export function coordinatedVerb(ctx: SieveContext, cue: Cue) {
  const i = lastWordEndingAtOrBefore(ctx, cue.start);
  const before = ctx.words[i];
  const sentence = sentenceOf(ctx, cue.start);
  if (!before || before.start < sentence.start || !COORDINATORS.has(before.lower)) return null;
  if (!/^\s+$/u.test(ctx.text.slice(before.end, cue.start))) return null;
  return mainClauseSubject(ctx, cue);
}

/**
 * Whether `text` before `end` ends in a closing quotation mark, then optionally a comma, with only white
 * space around them (what /[”"’»]\s*,?\s*$/ says of text.slice(0, end)), read backwards from `end` so
 * that the cost does not grow with the offset.
 */
export function closesQuotationBefore(text: string, end: number): boolean {
  let i = end;
  const skipSpace = () => {
    while (i > 0 && /\s/u.test(text[i - 1]!)) i--;
  };
  skipSpace();
  if (i > 0 && text[i - 1] === ",") {
    i--;
    skipSpace();
  }
  return i > 0 && '”"’»'.includes(text[i - 1]!);
}

/**
 * After a bare comma, the subject the sentence opens with, before its appositions and relative clauses:
 * "Hogan Gidley, a former director of …, whose roots are …, said". The first mention not after a
 * preposition that opens its comma-separated part (at most three words before it) and is followed by a comma.
 */
export function appositiveSubject(ctx: SieveContext, cue: Cue) {
  if (!afterComma(ctx, cue) || closesQuotationBefore(ctx.text, cue.start)) return null;
  const sentence = sentenceOf(ctx, cue.start);
  const mentions = ctx.mentionsIn(sentence.index);
  // The sentence's first EARLIER_REACH mentions: the subject opens the sentence's first parts.
  for (let k = 0; k < mentions.length && k < EARLIER_REACH; k++) {
    const m = mentions[k]!;
    if (m.end > cue.start) break;
    if (m.afterPreposition || !/^\s*,/u.test(ctx.text.slice(m.end, Math.min(cue.start, m.end + 8)))) continue;
    // The part the mention opens starts after the last comma before it (looked for over PART_REACH characters).
    const from = Math.max(sentence.start, m.start - PART_REACH);
    const comma = ctx.text.lastIndexOf(",", m.start - 1);
    if (comma < from && from > sentence.start) continue;
    const part = comma >= from ? comma + 1 : sentence.start;
    if (BREAKS.test(ctx.text.slice(part, m.start)) || wordsBetween(ctx, part, m.start).length > 3) continue;
    if (ctx.tags && wordsBetween(ctx, part, m.start).some((w) => ctx.tags!.get(w.start) === "VERB")) continue;
    return { speaker: m, side: "before" as const };
  }
  return null;
}

/**
 * A second verb of the same subject: "The White House stated that …, but kept saying that …". The nearest
 * mention before the cue that is not after a preposition stands before an earlier cue of the sentence (no
 * new subject between them): the cue takes that cue's speaker, across quotations.
 */
export function sameSubject(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) {
  const sentence = sentenceOf(ctx, cue.start);
  const mentions = ctx.mentionsIn(sentence.index);
  let subject: SpeakerMention | undefined;
  // The nearest mention before the cue not after a preposition, over at most EARLIER_REACH mentions.
  for (let k = lastStartingAtOrBefore(mentions, cue.start - 1), n = 0; k >= 0 && n < EARLIER_REACH && !subject; k--, n++) {
    const m = mentions[k]!;
    if (m.end <= cue.start && !m.afterPreposition) subject = m;
  }
  if (!subject) return null;
  let between: CueSpeaker | undefined;
  // The last earlier cue between the subject and this one, looking back over at most EARLIER_REACH cues.
  for (let k = earlier.length - 1; k >= 0 && k >= earlier.length - EARLIER_REACH && !between; k--) {
    const e = earlier[k]!;
    if (e.cue.start >= subject.end && e.cue.end <= cue.start) between = e;
  }
  return between?.speaker ? { speaker: between.speaker, side: between.side } : null;
}

/**
 * The nearest mention before the cue that can be its subject: not after a preposition, close enough
 * (parentheticals and the subject's own phrases do not count), and not inside a parenthetical that closes
 * before the cue ("Simmons, an Obama supporter, said": Simmons; "X, who is …, said": X, not "who").
 */
export function subjectBeforeCue(ctx: SieveContext, cue: Cue) {
  const subject = nearestSubject(ctx, cue);
  return subject ? { speaker: subject, side: "before" as const } : null;
}

/** English: the noun phrase right before the verb, when no mention is there ("Senior officials spoke", "The NRA isn't detailing"). */
export function subjectPhrase(ctx: SieveContext, cue: Cue) {
  if (!ctx.tags) return null;
  const sentence = sentenceOf(ctx, cue.start);
  let i = lastWordEndingAtOrBefore(ctx, cue.start);
  const at = new PhraseWalk(ctx, sentence);
  // Adverbs, auxiliaries and negation between subject and verb.
  let to = cue.start;
  while (at.inSentence(i) && at.spacesAfter(i, to) && BETWEEN_SUBJECT_AND_VERB.has(ctx.tags.get(ctx.words[i]!.start) ?? "")) {
    to = ctx.words[i]!.start;
    i--;
  }
  // A parenthetical between commas: "His critics, many of them Catholics, argue".
  if (at.inSentence(i) && /^\s*,\s*$/u.test(ctx.text.slice(ctx.words[i]!.end, to))) {
    let k = i;
    while (at.inSentence(k - 1) && i - k < 12 && !at.commaBefore(k)) k--;
    if (!at.inSentence(k - 1) || !at.commaBefore(k) || !/^\s*,\s*$/u.test(ctx.text.slice(ctx.words[k - 1]!.end, ctx.words[k]!.start)))
      return null;
    i = k - 1;
    to = ctx.text.indexOf(",", ctx.words[i]!.end);
  }
  // A quantifier may stand alone as the subject: "Many fear …", "Most said …".
  if (!at.inSentence(i) || !at.spacesAfter(i, to) || !(HEAD_TAGS.has(ctx.tags.get(ctx.words[i]!.start) ?? "") || at.isQuantifier(i)))
    return null;
  const head = i;
  i = at.extend(head, PHRASE_TAGS, PHRASE_WORDS);
  // Over up to two prepositional phrases to the noun they belong to: "Some delegates at the convention in
  // Philadelphia said". A phrase that is itself a prepositional object is no subject ("in Iowa said").
  for (let pp = 0; at.isPreposition(i - 1); pp++) {
    const outer = i - 2;
    if (pp === 2 || !at.inSentence(outer) || !at.spacesAfter(outer, ctx.words[i - 1]!.start) || !HEAD_TAGS.has(at.tag(outer))) return null;
    i = at.extend(outer, PHRASE_TAGS, PHRASE_WORDS);
  }
  return { speaker: phraseMention(ctx, i, head), side: "before" as const };
}

/** The nearest mention before `cue` in its sentence that can be its subject, or null. */
function nearestSubject(ctx: SieveContext, cue: Span): SpeakerMention | null {
  const sentence = sentenceOf(ctx, cue.start);
  const mentions = ctx.mentionsIn(sentence.index);
  const cueWord = lastStartingAtOrBefore(ctx.words, cue.start);
  for (let k = lastStartingAtOrBefore(mentions, cue.start - 1); k >= 0; k--) {
    const m = mentions[k]!;
    if (m.end > cue.start) continue;
    // Further back than SUBJECT_WINDOW words no subject is near enough: stop (so a cue's work is bounded
    // however many names its sentence holds).
    if (cueWord - lastStartingAtOrBefore(ctx.words, m.end - 1) > SUBJECT_WINDOW) break;
    if (m.afterPreposition) continue;
    const gap = ctx.text.slice(m.end, cue.start);
    if (/[;:!?“”«»„"]/u.test(gap) || opensRelativeClause(ctx, gap)) return null;
    // Inside a parenthetical that closes before the cue: an odd number of commas between (not counting
    // those inside dashes or brackets: "heeft het – niet alleen privé, maar ook staatsbezit – omschreven").
    if ((gap.replace(/[–—(][^–—()]*[–—)]/gu, "").match(/,/gu)?.length ?? 0) % 2 === 1) continue;
    const counted = gapWords(ctx, m.end, cue.start, mentions);
    const auxiliary = counted[0] && ctx.grammar.auxiliaries[ctx.language].has(counted[0].lower);
    if (counted.length <= SUBJECT_GAP || (auxiliary && counted.length <= AUXILIARY_GAP)) return m;
  }
  return null;
}

/**
 * Whether the cue's clause is a relative clause no mention stands for: a relative pronoun right after
 * the last comma before the cue ("Tomas Brink, legal director for the union, which filed"). Its subject is
 * the relative pronoun, so a mention before it is not the cue's subject ("X, who was elected, said" still is).
 * English only: Dutch "dat" after a comma is as often a complementizer.
 */
function opensRelativeClause(ctx: SieveContext, gap: string): boolean {
  if (ctx.language !== "en") return false;
  const comma = gap.lastIndexOf(",");
  if (comma < 0) return false;
  const next = /^\s*(\p{L}+)/u.exec(gap.slice(comma + 1))?.[1]?.toLowerCase();
  return !!next && ctx.grammar.relativePronouns[ctx.language].has(next);
}

/**
 * Words between a subject and its verb that count against the gap: not inside a parenthetical between
 * commas or dashes, not part of a mention, and not the prepositions and articles of the subject's own
 * phrases ("Artikel 4 van het verdrag tussen Rusland en de DVK stelt").
 */
function gapWords(ctx: SieveContext, from: number, to: number, mentions: readonly SpeakerMention[]): Word[] {
  const gap = ctx.text.slice(from, to);
  const hidden: Span[] = [];
  const parenthetical = /([,–—(])[^,–—()]*([,–—)])/gu;
  for (let m = parenthetical.exec(gap); m; m = parenthetical.exec(gap))
    hidden.push({ start: from + m.index, end: from + m.index + m[0].length });
  // The capitalised words of a prepositional object ("with The Huffington Post") do not count either.
  let prepositionalObject = false;
  // Whether a word lies inside one of the spans (sorted by start, not overlapping): a binary search.
  const inside = (spans: readonly Span[], w: Span) => {
    const s = spans[lastStartingAtOrBefore(spans, w.start)];
    return !!s && w.end <= s.end;
  };
  return wordsBetween(ctx, from, to).filter((w) => {
    const preposition = ctx.grammar.prepositions[ctx.language].has(w.lower);
    const objectWord = prepositionalObject && (w.capitalised || ARTICLES.has(w.lower));
    prepositionalObject = preposition || objectWord;
    return (
      !objectWord && !preposition && !inside(hidden, w) && !inside(mentions, w) && !ARTICLES.has(w.lower) && !GAP_CONJUNCTIONS.has(w.lower)
    );
  });
}
