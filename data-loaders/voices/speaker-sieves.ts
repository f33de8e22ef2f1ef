import { sentenceAt } from "../terms/find-quotations.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { ARTICLES, type SpeakerMention, type Word } from "./speaker-mentions.ts";
import type { SpeakerWords } from "./speech-cues.ts";
import { SentenceWords } from "./sentence-words.ts";
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
type Sieve = (ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) => Pick<CueSpeaker, "speaker" | "side"> | null;

/** How far apart (in words, not counting skipped phrases) a subject may stand from its speech verb. */
const SUBJECT_GAP = 3;
/** The same, when an auxiliary follows the subject (Dutch "heeft … omschreven"). */
const AUXILIARY_GAP = 20;
/** Conjunctions inside a subject's own phrases ("tussen Rusland en de DVK"), which do not count against the gap. */
const GAP_CONJUNCTIONS = new Set(["and", "en", "or", "of"]);
/** Words that join a second verb to the first ("… and says", "…, but told", "… en zei"). */
const COORDINATORS = new Set(["and", "but", "then", "en", "maar"]);
/** Tags a subject noun phrase is made of (wink's Universal POS tags), and those of its head. */
const PHRASE_TAGS = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN"]);
const HEAD_TAGS = new Set(["NOUN", "PROPN"]);
/** Tags that may stand between a subject and its verb ("has also said", "isn't detailing"). */
const BETWEEN_SUBJECT_AND_VERB = new Set(["ADV", "AUX", "PART"]);
/** How far before a mention the comma that opens its part is looked for, in characters. */
const PART_REACH = 200;
/** How many earlier cues of its sentence a cue looks back over for a shared subject. */
const EARLIER_REACH = 20;
/** How many words before its cue a subject is looked for at most (past parentheticals and names). */
const SUBJECT_WINDOW = 60;
/** The longest noun phrase taken as a speaker, in words. */
const PHRASE_WORDS = 6;
const BREAKS = /[.;:!?“”«»„"]/u;

/**
 * The speaker sieves, in the order they are tried: the first that finds a speaker decides. Each is a small
 * rule with its own fixtures (test/voices/speaker-sieves.test.ts), and its name goes into the record's
 * `speakerRule`. Languages say where a rule applies (word order differs: Dutch puts the subject after the
 * verb when something else comes first, English only after a quotation or a comma).
 */
export const SPEAKER_SIEVES: ReadonlyArray<{ readonly name: SpeakerRule; readonly languages: readonly Language[]; readonly find: Sieve }> =
  [
    { name: "source-preposition", languages: ["en", "nl"], find: sourcePreposition },
    { name: "passive-agent", languages: ["en", "nl"], find: passiveAgent },
    { name: "participle-cue", languages: ["en"], find: participleCue },
    { name: "apposition", languages: ["en", "nl"], find: apposition },
    { name: "inverted-cue", languages: ["en", "nl"], find: invertedAfterQuote },
    { name: "same-subject", languages: ["en", "nl"], find: sameSubject },
    { name: "subject-before-cue", languages: ["en", "nl"], find: subjectBeforeCue },
    { name: "appositive-subject", languages: ["en", "nl"], find: appositiveSubject },
    { name: "subject-phrase", languages: ["en"], find: subjectPhrase },
    { name: "coordinated-verb", languages: ["en", "nl"], find: coordinatedVerb },
    { name: "inverted-cue", languages: ["en", "nl"], find: invertedAfterComma },
    { name: "dutch-inversion", languages: ["nl"], find: dutchInversion },
  ];

/** Runs the sieves in order on one cue; the speaker and the rule that found it, or nulls. */
export function findSpeaker(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]): CueSpeaker {
  for (const sieve of SPEAKER_SIEVES) {
    if (!sieve.languages.includes(ctx.language)) continue;
    // A passive's speaker is its agent or nobody: "Mr. Reagan was criticized" does not quote Reagan.
    if (cue.passive && sieve.name !== "passive-agent") continue;
    const found = sieve.find(ctx, cue, earlier);
    if (found?.speaker) return { cue, speaker: found.speaker, side: found.side, rule: sieve.name };
    // A source preposition's speaker comes after it or not at all: no later rule applies.
    if (cue.kind === "preposition") break;
  }
  return { cue, speaker: null, side: null, rule: null };
}

/** "according to TASS", "volgens de minister", "…, aldus Lavrov": the name right after the preposition. */
function sourcePreposition(ctx: SieveContext, cue: Cue) {
  if (cue.kind !== "preposition") return null;
  const speaker = firstMentionAfter(ctx, cue.end, 0) ?? phraseAfter(ctx, cue.end);
  return { speaker, side: "after" as const };
}

/**
 * The agent of a passive: "as described by the minister", "werd beschreven door een kennis", "een artikel
 * geschreven door Poetin". After an auxiliary or "as"/"zoals" any noun phrase is the agent; after a bare
 * participle only a mention that can speak (a person, body, group or source), not "by telephone".
 */
function passiveAgent(ctx: SieveContext, cue: Cue) {
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

/**
 * A participle after a comma (", saying …", ", adding that …") has the subject of its main clause: the
 * speaker of an earlier cue of the sentence, else the subject of the sentence's first verb.
 */
function participleCue(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) {
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
function coordinatedVerb(ctx: SieveContext, cue: Cue) {
  const i = lastWordEndingAtOrBefore(ctx, cue.start);
  const before = ctx.words[i];
  const sentence = sentenceOf(ctx, cue.start);
  if (!before || before.start < sentence.start || !COORDINATORS.has(before.lower)) return null;
  if (!/^\s+$/u.test(ctx.text.slice(before.end, cue.start))) return null;
  return mainClauseSubject(ctx, cue);
}

/** Right after a direct quotation, the name after the cue: "“…,” said Lavrov", "“…”, zei hij". */
function invertedAfterQuote(ctx: SieveContext, cue: Cue) {
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
function invertedAfterComma(ctx: SieveContext, cue: Cue) {
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
function appositiveSubject(ctx: SieveContext, cue: Cue) {
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
function sameSubject(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]) {
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
function subjectBeforeCue(ctx: SieveContext, cue: Cue) {
  const subject = nearestSubject(ctx, cue);
  return subject ? { speaker: subject, side: "before" as const } : null;
}

/** English: the noun phrase right before the verb, when no mention is there ("Senior officials spoke", "The NRA isn't detailing"). */
function subjectPhrase(ctx: SieveContext, cue: Cue) {
  if (!ctx.tags) return null;
  const sentence = sentenceOf(ctx, cue.start);
  let i = lastWordEndingAtOrBefore(ctx, cue.start);
  const at = new SentenceWords(ctx, sentence);
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

/** Dutch inversion: "Nu stelt de minister dat …", "waarschuwde NAVO-chef Rutte dat …", "zei hij gisteren". */
function dutchInversion(ctx: SieveContext, cue: Cue) {
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
function apposition(ctx: SieveContext, cue: Cue) {
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

/** The first mention starting at or after `offset` in its sentence, with at most `maxWords` words (articles aside) before it. */
function firstMentionAfter(ctx: SieveContext, offset: number, maxWords: number): SpeakerMention | null {
  const sentence = sentenceOf(ctx, offset - 1);
  const mentions = ctx.mentionsIn(sentence.index);
  const m = mentions[lastStartingAtOrBefore(mentions, offset - 1) + 1];
  // Far off, it cannot be within maxWords: the check below would read the whole gap.
  if (!m || m.start - offset > 40 * (maxWords + 1)) return null;
  const between = wordsBetween(ctx, offset, m.start).filter((w) => !ARTICLES.has(w.lower));
  return between.length <= maxWords && !BREAKS.test(ctx.text.slice(offset, m.start)) ? m : null;
}

/** English: a noun phrase right after `offset` ("according to the campaign", "said one person familiar"). */
function phraseAfter(ctx: SieveContext, offset: number): SpeakerMention | null {
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
function phraseMention(ctx: SieveContext, first: number, head: number): SpeakerMention {
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

function afterComma(ctx: SieveContext, cue: Span): boolean {
  const sentence = sentenceOf(ctx, cue.start);
  // The last characters before the cue suffice (white space is short): the check costs the same in any sentence.
  return /[,”"’»]\s*$/u.test(ctx.text.slice(Math.max(sentence.start, cue.start - 16), cue.start));
}

function sentenceOf(ctx: SieveContext, offset: number): Sentence {
  return ctx.sentences[Math.max(0, sentenceAt(ctx.sentences, offset))]!;
}

/** Index of the last word ending at or before `offset` (-1 when none). */
function lastWordEndingAtOrBefore(ctx: SieveContext, offset: number): number {
  let i = lastStartingAtOrBefore(ctx.words, offset);
  while (i >= 0 && ctx.words[i]!.end > offset) i--;
  return i;
}

function firstWordFrom(ctx: SieveContext, offset: number): number {
  return lastStartingAtOrBefore(ctx.words, offset - 1) + 1;
}

/** The words lying inside [from, to). */
export function wordsBetween(ctx: Pick<SieveContext, "words">, from: number, to: number): Word[] {
  const out: Word[] = [];
  for (let i = lastStartingAtOrBefore(ctx.words, from - 1) + 1; i < ctx.words.length && ctx.words[i]!.end <= to; i++)
    out.push(ctx.words[i]!);
  return out;
}
