import { sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { SpeakerMention, Word } from "./mention-types.ts";
import { findSpeaker } from "./speaker-sieves.ts";
import { wordsBetween, type Cue, type CueEvidence, type CueSpeaker, type SieveContext } from "./sieve-context.ts";
import type { SpeechCues } from "./speech-cues.ts";
import { hasVerbReading, type PartsOfSpeech } from "./verb-reading.ts";
import type { DetectedCue } from "./detect-cues.ts";
import type { ThresholdModel } from "./attribution-model.ts";
import { rankSpeaker, speakerCandidates, type SpeakerCandidate } from "./speaker-features.ts";
import { choosePair, type PairDecision } from "./pair-model.ts";
import { round3 } from "./linear-model.ts";
import type { AttributionRecord, Block, CueRule, Language, OutletRecord, Sentence, Span, SpeakerRule } from "../schema/record.ts";

/** Everything the attribution step reads, prepared by readText and findSpeakerMentions. */
export interface AttributionInput {
  /** The masked body. */
  readonly text: string;
  readonly language: Language;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
  readonly words: readonly Word[];
  readonly quotations: readonly Quotation[];
  /** Speech cues ("said", "zei", "volgens") and source prepositions ("according to", "volgens", "aldus"). */
  readonly cues: readonly TermMatch[];
  readonly sourcePrepositions: readonly TermMatch[];
  /** Verbs of thought ("believes", "vreest") and document verbs ("shows"), entries "thought" and "clause"; cues whose next name is their object ("told"). */
  readonly thoughtCues: readonly TermMatch[];
  readonly objectCues: readonly TermMatch[];
  /** English: the cues the learned detector accepted, which replace the lists' cues and their verb reading; null in Dutch. */
  readonly learnedCues: readonly DetectedCue[] | null;
  /** Part-of-speech tags of the sentences with a cue (English), or null. */
  readonly tags: PartsOfSpeech | null;
  /** English: the learned speaker ranker, which weighs every sieve's answer; null: the first sieve that finds one decides. */
  readonly speakerModel: ThresholdModel | null;
  /** The nouns that may head a speaker described by a phrase, for the ranker (attribution-model.ts). */
  readonly speakerHeads: ReadonlySet<string>;
  /** English, optional: the pair model, which keeps or drops each learned cue with its best speaker (voices/pair-model.ts). */
  readonly pairDecision?: PairDecision | null;
  /** For fitting the ranker and the pair model only: told each cue's candidate speakers, and what the sieves read. */
  readonly observeSpeakers?: (cue: Cue, candidates: readonly SpeakerCandidate[], ctx: SieveContext) => void;
  readonly mentions: readonly SpeakerMention[];
  /** Author credits found by detectOutlets: "…, schrijft Pepe Escobar" is the author, not a quoted voice. */
  readonly outlets: readonly OutletRecord[];
  readonly speechCues: SpeechCues;
}

/**
 * Whether a mention is a possessive that owns the word after it ("the Russian leader's aides", "Trump's
 * repeated calls"): it names whose aides or calls they are, not who speaks, so it is no speaker (the noun
 * phrase it opens may be). It still counts as a name pronouns can refer back to.
 * @example ownsNext("The Russian leader's aides said", { start: 4, end: 20 }) // true
 */
export function ownsNext(text: string, m: Span): boolean {
  return /['’]s$/u.test(text.slice(Math.max(m.start, m.end - 2), m.end)) && /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3));
}

/**
 * A match of a list sorted by start that overlaps a span, if one does. Only the last two matches starting
 * before the span's end are looked at: a list's matches barely overlap each other, so any earlier one
 * ends before the span starts.
 */
function overlapping(list: readonly TermMatch[], span: Span): TermMatch | null {
  const last = lastStartingAtOrBefore(list, span.end - 1);
  for (let i = last; i >= 0 && i >= last - 1; i--) {
    const m = list[i]!;
    if (m.start < span.end && span.start < m.end) return m;
  }
  return null;
}

/** How many cues after a quotation (and before it) are looked at for its own cue. */
const CUES_AFTER = 4;
/** How far (in characters) a cue may stand from the quotation it closes, and from its sentence's end. */
const CLOSE_REACH = 200;
/** How many characters either side of a cue its reported content is looked for in (punctuation, "that"). */
const CONTENT_REACH = 2000;

/** A quotation followed by one of these and a cue belongs to an earlier cue ("“…”, but kept saying"). */
const COORDINATORS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(["but", "and", "or"]),
  // Dutch "of" is "or"; in English it is a preposition ("“…,” one of them said").
  nl: new Set(["maar", "en", "of"]),
};
/** Words of a clause after a verb of thought that make it reported thought: "believes (that) …", "wants to …". */
const CLAUSE_TAGS = new Set(["PRON", "PROPN", "DET", "NOUN", "NUM"]);

/**
 * Attributes quotations, reported speech and reported thought to speakers (Bell 1991; Pareti 2015's
 * cue–source–content triples), in English and Dutch, with offsets for each part and the names of the rules
 * that found the cue (`cueRule`) and the speaker (`speakerRule`):
 * - A cue needs a verb reading (voices/verb-reading.ts): "the state media", "de vraag" are not cues, nor is
 *   a cue word inside a listed idiom (removed before this step).
 * - Each cue's speaker comes from the speaker sieves (voices/speaker-sieves.ts), tried in order.
 * - A direct quotation (findQuotations' decision, shared with the scare-quote device) is tied to the cue
 *   right after it (`“…,” he said`: cue-after-quote), else the nearest cue before it in its sentences
 *   (`X stated that “…”`: cue-before-quote), else a colon before it, even across a paragraph break
 *   (colon-introduction), else, when it opens its sentence, to the speaker of a quotation in the sentence
 *   before (follow-on-quotation); with none, the quotation is kept with a null speaker. It is "mixed" when
 *   it is part of a reported clause, else "direct".
 * - Every other reporting verb outside quotation marks is indirect speech when a speaker is found or it
 *   opens a that-clause; source prepositions always are; a verb of thought is a "thought" when a clause or
 *   an infinitive follows it. The content is the rest of the sentence on the far side of the cue.
 * Nothing is guessed: a speaker no rule finds stays null.
 */
export function attributeQuotes(input: AttributionInput): AttributionRecord[] {
  return new QuoteAttributor(input).attribute();
}

/** The rules an attribution was made by, and the learned cue's evidence. */
type Rules = { readonly cue: CueRule | null; readonly speaker: SpeakerRule | null; readonly evidence?: CueEvidence | undefined };

/** An attribution record (the fields in the record's order). */
function record(
  speaker: SpeakerMention | null,
  kind: AttributionRecord["kind"],
  cue: string | null,
  quote: Span,
  cueSpan: Span | null,
  sentence: number,
  rules: Rules,
): AttributionRecord {
  return {
    speaker: speaker?.name ?? null,
    speakerType: speaker?.name ? speaker.type : null,
    kind,
    cue,
    quote,
    cueSpan,
    speakerSpan: speaker ? { start: speaker.start, end: speaker.end } : null,
    resolvedBy: speaker?.name ? speaker.resolvedBy : null,
    cueRule: rules.cue,
    cueModel: rules.evidence ?? null,
    speakerRule: speaker ? rules.speaker : null,
    sentence,
  };
}

function span(m: Span): Span {
  return { start: m.start, end: m.end };
}

function inMention(w: Span, m: Span | null): boolean {
  return !!m && w.start >= m.start && w.end <= m.end;
}

function wordsIn(s: string): number {
  return s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
}

/** One article's attribution (see attributeQuotes): what its steps share, and the steps as methods. */
class QuoteAttributor {
  private readonly text: string;
  private readonly language: Language;
  private readonly sentences: readonly Sentence[];
  private readonly words: readonly Word[];
  private readonly grammar: SpeechCues["speakers"]["grammar"];
  private readonly quoted: readonly Quotation[];
  private readonly credits: readonly OutletRecord[];
  private readonly wordIndex: ReadonlyMap<number, number>;
  private readonly ctx: SieveContext;

  constructor(private readonly input: AttributionInput) {
    this.text = input.text;
    this.language = input.language;
    this.sentences = input.sentences;
    this.words = input.words;
    this.grammar = input.speechCues.speakers.grammar;
    this.quoted = input.quotations;
    this.credits = input.outlets.filter((o) => o.role === "author-credit");
    this.wordIndex = new Map(input.words.map((w, i) => [w.start, i]));
    // Mentions by sentence: a speaker is looked for in the cue's own sentence only.
    const mentionsBySentence = new Map<number, SpeakerMention[]>();
    for (const m of input.mentions) {
      if (this.insideQuote(m) || ownsNext(this.text, m)) continue;
      const list = mentionsBySentence.get(m.sentence);
      if (list) list.push(m);
      else mentionsBySentence.set(m.sentence, [m]);
    }
    this.ctx = {
      text: this.text,
      language: this.language,
      sentences: this.sentences,
      words: input.words,
      mentionsIn: (sentence) => mentionsBySentence.get(sentence) ?? [],
      tags: input.tags,
      grammar: this.grammar,
      quotations: this.quoted.filter((q) => q.kind === "direct"),
    };
  }

  /** Every attribution of the article, in text order of what is reported. */
  attribute(): AttributionRecord[] {
    const resolved = this.resolveSpeakers(this.input.learnedCues ? this.learnedCues(this.input.learnedCues) : this.listedCues());
    const resolvedCues = resolved.map((r) => r.cue);
    const attributions: AttributionRecord[] = [];
    const used = new Set<Cue>();
    // The last direct or mixed quotation's attribution by the sentence it ends in, for follow-on quotations.
    const quoteEndingIn = new Map<number, AttributionRecord>();
    for (const q of this.quoted) {
      if (q.kind !== "direct" || !this.inParagraph(q.start)) continue;
      const made = this.quotation(q, resolved, resolvedCues, used, quoteEndingIn);
      attributions.push(made);
      quoteEndingIn.set(sentenceAt(this.sentences, q.end - 1), made);
    }
    for (const r of resolved) {
      const made = used.has(r.cue) || r.cue.quoteOnly ? null : this.reported(r);
      if (made) attributions.push(made);
    }
    return attributions.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);
  }

  // Where a span stands.

  private inParagraph(offset: number): boolean {
    const s = this.sentences[sentenceAt(this.sentences, offset)];
    return !!s && this.input.blocks[s.block]?.kind === "paragraph";
  }

  /**
   * Whether a span overlaps a quotation. Quotations do not overlap and are sorted by start: the only one
   * that can overlap a span is the last one starting before the span's end (binary search, so attribution
   * stays linear in the article's length).
   */
  private insideQuote(m: Span): boolean {
    const q = this.quoted[lastStartingAtOrBefore(this.quoted, m.end - 1)];
    return !!q && q.end > m.start;
  }

  /** Whether an author credit ("…, schrijft Pepe Escobar") follows the cue: then it credits, not reports. */
  private creditsAuthor(c: Span): boolean {
    return this.credits.some((o) => o.start >= c.end && /^\s*$/u.test(this.text.slice(c.end, o.start)));
  }

  /** The lower-cased word right before `offset` in the same sentence, or null. */
  private wordBefore(offset: number): string | null {
    const i = lastStartingAtOrBefore(this.words, offset - 1);
    const w = this.words[i];
    return w && w.end <= offset && w.sentence === this.words[this.wordIndex.get(offset) ?? -1]?.sentence ? w.lower : null;
  }

  private written(m: Span): string {
    return this.text.slice(m.start, m.end).replace(/\s+/g, " ");
  }

  private countWords(m: Span): number {
    return wordsBetween(this.ctx, m.start, m.end).length || 1;
  }

  // The cues.

  /** A passive: an auxiliary before the cue, back over adverbs and negation ("was not disclosed", "werd niet gemeld"). */
  private passiveBefore(offset: number): boolean {
    const { text, grammar, language, words } = this;
    // "is saying" is a progressive, not a passive.
    if (language === "en" && /^\p{L}+ing\b/u.test(text.slice(offset, offset + 40))) return false;
    let i = lastStartingAtOrBefore(words, offset - 1);
    for (let skipped = 0; i >= 0 && skipped < 3; i--, skipped++) {
      const w = words[i]!;
      if (w.end > offset || !/^\s+$/u.test(text.slice(w.end, words[i + 1]?.start ?? offset))) return false;
      // "wasn't disclosed": the auxiliary with its negation.
      if (grammar.passiveAuxiliaries[language].has(w.lower.replace(/n['’]t$/u, ""))) return true;
      const tag = this.input.tags?.get(w.start);
      if (!(tag === "ADV" || tag === "PART" || grammar.negations[language].has(w.lower))) return false;
    }
    return false;
  }

  /** "Trump's repeated calls", "271 pledged delegates", "well-defined": a participle used as an adjective. */
  private adjectival(c: Span): boolean {
    const { text, grammar, language, words } = this;
    const tags = this.input.tags;
    if (text[c.start - 1] === "-") return true;
    if (!tags) return false;
    const next = words[(this.wordIndex.get(c.start) ?? -2) + 1];
    const before = words[lastStartingAtOrBefore(words, c.start - 1)];
    if (!next || !/^\s+$/u.test(text.slice(c.end, next.start)) || grammar.complementizers[language].has(next.lower)) return false;
    if (!before || before.end >= c.start || !/^\s+$/u.test(text.slice(before.end, c.start))) return false;
    // After a possessive the word is an attribute whatever the tagger says; after a number or determiner, when a noun follows.
    if (/['’]s$/u.test(before.lower)) return true;
    return tags.get(next.start) === "NOUN" && (tags.get(before.start) === "NUM" || grammar.determiners[language].has(before.lower));
  }

  /** The lists' cues with the rules' verb reading (Dutch, and English without a model), in text order, not overlapping. */
  private listedCues(): Cue[] {
    const { input } = this;
    const prepositionStarts = new Set(input.sourcePrepositions.map((p) => p.start));
    const objectStarts = new Set(input.objectCues.map((p) => p.start));
    const speech = input.cues.map((c): Cue => ({
      start: c.start,
      end: c.end,
      kind: prepositionStarts.has(c.start) ? "preposition" : "speech",
      object: objectStarts.has(c.start),
      needsClause: false,
      quoteOnly: c.entry === "quote" || c.entry === "naming",
      passive: c.entry === "naming" || (!prepositionStarts.has(c.start) && this.passiveBefore(c.start)),
      learned: false,
    }));
    // Verbs of thought, and document verbs that report only with a clause ("polls show that …").
    const thought = input.thoughtCues.map((c): Cue => ({
      start: c.start,
      end: c.end,
      kind: c.entry === "thought" ? "thought" : "speech",
      object: false,
      needsClause: true,
      quoteOnly: false,
      passive: this.passiveBefore(c.start),
      learned: false,
    }));
    return [...speech, ...thought]
      .filter((c) => this.inParagraph(c.start) && !this.insideQuote(c) && this.readsAsCue(c) && !this.creditsAuthor(c))
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((c, i, all) => i === 0 || c.start >= all[i - 1]!.end);
  }

  /** Whether a listed cue reads as one: a source preposition, or a verb (not an adjective, not after "to") or a quotation's closing cue. */
  private readsAsCue(c: Cue): boolean {
    if (c.kind === "preposition") return true;
    const { grammar, language } = this;
    const before = this.wordBefore(c.start);
    const verb =
      hasVerbReading(c, this.input.tags, before, grammar.determiners[language], this.opensThatClause(c)) || this.closesQuotation(c);
    return verb && !this.adjectival(c) && !grammar.nonFinite[language].has(before ?? "");
  }

  /** The cues the learned detector accepted, as the sieves read them (see learnedCue), but author credits and quoted words. */
  private learnedCues(detected: readonly DetectedCue[]): Cue[] {
    return detected.map((c) => this.learnedCue(c)).filter((c) => !this.creditsAuthor(c) && !this.insideQuote(c));
  }

  /**
   * A learned cue as the sieves read it: a source preposition, a verb of thought or an object cue when a
   * list's match overlaps it ("according to", "believes", "told"), else a reporting verb; passive when an
   * auxiliary stands before it.
   */
  private learnedCue(c: DetectedCue): Cue {
    const preposition = overlapping(this.input.sourcePrepositions, c);
    const thought = overlapping(this.input.thoughtCues, c);
    return {
      start: c.start,
      end: c.end,
      kind: preposition ? "preposition" : thought?.entry === "thought" ? "thought" : "speech",
      object: !!overlapping(this.input.objectCues, c),
      needsClause: !!thought,
      quoteOnly: false,
      passive: !preposition && this.passiveBefore(c.start),
      learned: true,
      evidence: {
        probability: round3(c.probability),
        reasons: c.reasons.map((r) => ({ feature: r.feature, weight: round3(r.weight) })),
      },
    };
  }

  /** Each cue's speaker, in cue order: by the pair model (which may drop the cue), else the learned ranker, else the first sieve that finds one. */
  private resolveSpeakers(cues: readonly Cue[]): CueSpeaker[] {
    const { input, ctx } = this;
    const bySentence = new Map<number, CueSpeaker[]>();
    const resolved: CueSpeaker[] = [];
    for (const cue of cues) {
      const s = sentenceAt(this.sentences, cue.start);
      const earlier = bySentence.get(s) ?? [];
      input.observeSpeakers?.(cue, speakerCandidates(ctx, cue, earlier, input.speakerHeads), ctx);
      const r = input.pairDecision
        ? choosePair(ctx, cue, earlier, input.pairDecision, input.speakerHeads)
        : input.speakerModel
          ? rankSpeaker(ctx, cue, earlier, input.speakerModel, input.speakerHeads)
          : findSpeaker(ctx, cue, earlier);
      if (!r) continue;
      resolved.push(r);
      earlier.push(r);
      bySentence.set(s, earlier);
    }
    return resolved;
  }

  // Direct quotations.

  /** A direct quotation's attribution: by its cue, else a colon before it, else the quotation before it, else none. */
  private quotation(
    q: Quotation,
    resolved: readonly CueSpeaker[],
    resolvedCues: readonly Cue[],
    used: Set<Cue>,
    quoteEndingIn: ReadonlyMap<number, AttributionRecord>,
  ): AttributionRecord {
    const { after, nearestBefore } = this.cuesAround(q, resolved, resolvedCues);
    const adjacentAfter = after.find((r) => this.closesOn(q, r));
    const chosen = adjacentAfter ?? nearestBefore;
    const quote = { start: q.start, end: q.end };
    if (chosen) {
      used.add(chosen.cue);
      return record(chosen.speaker, this.mixedOrDirect(q, chosen), this.written(chosen.cue), quote, span(chosen.cue), q.sentence, {
        cue: adjacentAfter ? "cue-after-quote" : "cue-before-quote",
        speaker: chosen.rule,
        evidence: chosen.evidence ?? chosen.cue.evidence,
      });
    }
    const colon = this.colonBefore(q.start);
    if (colon !== null) {
      const speaker = this.speakerBeforeColon(colon);
      return record(speaker, "direct", ":", quote, { start: colon, end: colon + 1 }, q.sentence, {
        cue: "colon-introduction",
        speaker: speaker ? "colon-introduction" : null,
      });
    }
    const previous = this.opensSentence(q) ? quoteEndingIn.get(q.sentence - 1) : undefined;
    return previous?.speakerSpan
      ? {
          ...previous,
          kind: "direct",
          cue: null,
          cueSpan: null,
          quote,
          sentence: q.sentence,
          cueRule: "follow-on-quotation",
          cueModel: null,
          speakerRule: "follow-on-quotation",
        }
      : record(null, "direct", null, quote, null, q.sentence, { cue: null, speaker: null });
  }

  /**
   * Speech cues in the quotation's sentences (cues inside quotation marks were left out), not verbs of
   * thought: the first few after it and the nearest before it, found by a binary search in the cues (sorted
   * by start), so a quotation's work is bounded however many cues its sentence holds.
   */
  private cuesAround(
    q: Quotation,
    resolved: readonly CueSpeaker[],
    resolvedCues: readonly Cue[],
  ): { after: CueSpeaker[]; nearestBefore: CueSpeaker | undefined } {
    const from = this.sentences[q.sentence]!.start;
    const to = this.sentences[sentenceAt(this.sentences, q.end - 1)]?.end ?? q.end;
    const next = lastStartingAtOrBefore(resolvedCues, q.end - 1) + 1;
    const after: CueSpeaker[] = [];
    for (let k = next; k < resolved.length && after.length < CUES_AFTER && resolved[k]!.cue.start < to; k++)
      if (resolved[k]!.cue.kind !== "thought" && resolved[k]!.cue.end <= to) after.push(resolved[k]!);
    let nearestBefore: CueSpeaker | undefined;
    for (let k = next - 1, n = 0; k >= 0 && n < CUES_AFTER && !nearestBefore && resolved[k]!.cue.start >= from; k--, n++)
      if (resolved[k]!.cue.kind !== "thought" && resolved[k]!.cue.end <= q.start) nearestBefore = resolved[k];
    return { after, nearestBefore };
  }

  /** `“…,” he said`, `“…,” one of them said`: at most three words (its speaker's aside) between the quote and a cue after it. */
  private closesOn(q: Quotation, r: CueSpeaker): boolean {
    if (r.cue.start - q.end > CLOSE_REACH) return false;
    const between = wordsBetween(this.ctx, q.end, r.cue.start);
    return (
      // (A full stop here is an abbreviation's: "Mr. Hedge said", "Rep. X (D-Ore.) said".)
      !/[;:!?“”«»„"]/u.test(this.text.slice(q.end, r.cue.start).replace(/^[\s,.!?]+/u, "")) &&
      between.every((w) => !COORDINATORS[this.language].has(w.lower)) &&
      between.filter((w) => !inMention(w, r.speaker)).length <= 3
    );
  }

  /**
   * Whether the cue closes a direct quotation: at most a name (three words) between the closing mark and
   * the cue, and the sentence ends right after it ("”, Viguerie notes."). Then the word is a verb whatever
   * the tagger read.
   */
  private closesQuotation(c: Span): boolean {
    const q = this.quoted[lastStartingAtOrBefore(this.quoted, c.start)];
    if (!q || q.kind !== "direct" || q.end > c.start || c.start - q.end > CLOSE_REACH) return false;
    const between = this.text.slice(q.end, c.start);
    const sentence = this.sentences[sentenceAt(this.sentences, c.start)]!;
    if (sentence.end - c.end > CLOSE_REACH) return false;
    return /^[\s,]*(?:[\p{L}.'’-]+\s+){0,3}$/u.test(between) && /^\s*[.!?]?\s*$/u.test(this.text.slice(c.end, sentence.end));
  }

  /** Whether only opening marks and white space stand between the quotation and the start of its sentence. */
  private opensSentence(q: Quotation): boolean {
    const start = this.sentences[q.sentence]!.start;
    return q.start - start <= CLOSE_REACH && /^[\s"'“”„‘’«»(–—-]*$/u.test(this.text.slice(start, q.start));
  }

  /** The words in [from, to) that `skip` does not leave out, counted up to `limit`. */
  private countKept(from: number, to: number, limit: number, skip: (w: Word) => boolean): number {
    const { words } = this;
    let n = 0;
    for (let i = lastStartingAtOrBefore(words, from - 1) + 1; i < words.length && words[i]!.end <= to && n < limit; i++)
      if (!skip(words[i]!)) n++;
    return n;
  }

  /** The offset of a colon right before `offset` (only spaces and line breaks between), or null. */
  private colonBefore(offset: number): number | null {
    let i = offset - 1;
    while (i >= 0 && /\s/u.test(this.text[i]!)) i--;
    return i >= 0 && this.text[i] === ":" ? i : null;
  }

  /** Before a colon: the last person named in the colon's sentence, else the last mention of any kind. */
  private speakerBeforeColon(colon: number): SpeakerMention | null {
    const sentence = this.sentences[sentenceAt(this.sentences, colon)]!;
    const inSentence = this.ctx.mentionsIn(sentence.index).filter((m) => m.end <= colon && m.name);
    const people = inSentence.filter((m) => m.kind === "person" || m.kind === "surname" || m.kind === "pronoun" || m.kind === "relative");
    return people[people.length - 1] ?? inSentence.filter((m) => !m.afterPreposition).pop() ?? null;
  }

  /** Direct when the quotation is the whole of what is reported; mixed when it is part of a reported clause. */
  private mixedOrDirect(q: Quotation, r: CueSpeaker): "direct" | "mixed" {
    const sentence = this.sentences[sentenceAt(this.sentences, q.end - 1)]!;
    const skip = (w: Word) => inMention(w, r.speaker) || inMention(w, r.cue) || this.grammar.complementizers[this.language].has(w.lower);
    // Counting stops at the words that decide (one before, two after), so the check is short in any sentence.
    const lead =
      r.cue.end <= q.start ? this.countKept(Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : 0), q.start, 1, skip) : 0;
    return lead || this.countKept(q.end, sentence.end, 2, skip) > 1 ? "mixed" : "direct";
  }

  // Reported speech and thought.

  /** A cue's indirect speech or thought, when it reports something: its content, speaker and rules; else null. */
  private reported(r: CueSpeaker): AttributionRecord | null {
    const kind = r.cue.kind;
    // A learned cue reports whatever follows it: the detector has decided; a listed one needs a speaker or a clause.
    if (r.cue.needsClause ? !this.opensClause(r.cue) : !r.cue.learned && kind === "speech" && !r.speaker && !this.opensThatClause(r.cue))
      return null;
    const content = this.reportedContent(r);
    if (!content) return null;
    const cueRule: CueRule = r.cue.learned
      ? "cue-model"
      : kind === "thought"
        ? "thought-verb"
        : kind === "preposition"
          ? "source-preposition"
          : "reporting-verb";
    return record(
      r.speaker,
      kind === "thought" ? "thought" : "indirect",
      this.written(r.cue),
      content,
      span(r.cue),
      sentenceAt(this.sentences, content.start),
      { cue: cueRule, speaker: r.rule, evidence: r.evidence ?? r.cue.evidence },
    );
  }

  /** Whether a complementizer ("that", "dat") follows the cue, possibly after a particle ("merkte op dat"). */
  private opensThatClause(cue: Span): boolean {
    const i = (this.wordIndex.get(cue.start) ?? -1) + this.countWords(cue);
    return [this.words[i], this.words[i + 1]].some(
      (w) => !!w && this.grammar.complementizers[this.language].has(w.lower) && w.start - cue.end < 20,
    );
  }

  /**
   * Whether a verb of thought introduces what is thought: a that-clause, an infinitive ("wants to", "hoopt
   * te"), or (English) a clause whose subject comes right after it ("believes the deal will fail").
   */
  private opensClause(cue: Span): boolean {
    if (this.opensThatClause(cue)) return true;
    const { words } = this;
    const tags = this.input.tags;
    const i = (this.wordIndex.get(cue.start) ?? -1) + this.countWords(cue);
    const next = words[i];
    if (!next || next.start - cue.end > 2 || next.sentence !== words[i - 1]?.sentence) return false;
    if (next.lower === (this.language === "en" ? "to" : "te")) return true;
    if (!tags || !CLAUSE_TAGS.has(tags.get(next.start) ?? "")) return false;
    for (let k = i + 1; k < i + 5 && words[k]?.sentence === next.sentence; k++) {
      const tag = tags.get(words[k]!.start);
      if (tag === "VERB" || tag === "AUX") return true;
      if (tag === "ADP" || tag === "PUNCT") return false;
    }
    return false;
  }

  /** The reported content of indirect speech: the sentence on the far side of the cue and speaker. */
  private reportedContent(r: CueSpeaker): Span | null {
    const { text, grammar, language } = this;
    const sentence = this.sentences[sentenceAt(this.sentences, r.cue.start)]!;
    const frameStart = Math.min(r.cue.start, r.speaker?.start ?? r.cue.start);
    const frameEnd = Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : r.cue.end);
    // At most CONTENT_REACH characters either side are read, so a cue's work is bounded in any sentence.
    const from = Math.max(sentence.start, frameStart - CONTENT_REACH);
    const before = text.slice(from, frameStart);
    const after = text.slice(frameEnd, Math.min(sentence.end, frameEnd + CONTENT_REACH));
    // "…, reported CNN on 22 March." / "…, aldus de minister." / "…, Xi said to Putin as he left": the content
    // comes first when only a short tail or a prepositional phrase follows the cue.
    const comma = before.lastIndexOf(",");
    const trailing = after.replace(/[\s.!?…]+$/u, "");
    const tailWords = trailing.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
    const that = /^(?:[^.;:!?]*?\s)??(?:that|dat)\s/iu.exec(after.slice(0, 120));
    if (
      (comma > 0 || (comma === 0 && from > sentence.start)) &&
      !that &&
      (tailWords.length <= 4 || grammar.prepositions[language].has(tailWords[0]!.toLowerCase()))
    )
      return this.trim(sentence.start, from + comma);
    return this.trim(that && wordsIn(that[0]) <= 8 ? frameEnd + that[0].length : frameEnd, sentence.end);
  }

  /** [start, end) without the punctuation and white space at its ends; null when no word is left. */
  private trim(start: number, end: number): Span | null {
    const { text } = this;
    while (start < end && /[\s,:;–—]/u.test(text[start]!)) start++;
    while (end > start && /[\s]/u.test(text[end - 1]!)) end--;
    // Reported content has at least one word ("Hoe zal het Westen reageren?" reports nothing).
    return end > start && /\p{L}/u.test(text.slice(start, end)) ? { start, end } : null;
  }
}
