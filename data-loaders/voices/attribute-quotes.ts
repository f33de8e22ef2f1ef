import { sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { SpeakerMention, Word } from "./speaker-mentions.ts";
import { findSpeaker, wordsBetween, type Cue, type CueEvidence, type CueSpeaker, type SieveContext } from "./speaker-sieves.ts";
import type { SpeechCues } from "./speech-cues.ts";
import { hasVerbReading, type PartsOfSpeech } from "./verb-reading.ts";
import type { DetectedCue } from "./detect-cues.ts";
import type { ThresholdModel } from "./attribution-model.ts";
import { rankSpeaker, speakerCandidates, type SpeakerCandidate } from "./speaker-features.ts";
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
  /** For fitting the ranker only: told each cue's candidate speakers. */
  readonly observeSpeakers?: (cue: Cue, candidates: readonly SpeakerCandidate[]) => void;
  readonly mentions: readonly SpeakerMention[];
  /** Author credits found by detectOutlets: "…, schrijft Pepe Escobar" is the author, not a quoted voice. */
  readonly outlets: readonly OutletRecord[];
  readonly speechCues: SpeechCues;
}

/** A number rounded to three decimals, for the record (the same bytes on every machine). */
function round3(x: number): number {
  return Math.round(x * 1000) / 1000 + 0;
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
  const { text, language, sentences, blocks } = input;
  const grammar = input.speechCues.speakers.grammar;
  const inParagraph = (offset: number) => {
    const s = sentences[sentenceAt(sentences, offset)];
    return !!s && blocks[s.block]?.kind === "paragraph";
  };
  const quoted = input.quotations;
  // Quotations do not overlap and are sorted by start: the only one that can overlap a span is the last
  // one starting before the span's end (binary search, so attribution stays linear in the article's length).
  const insideQuote = (m: Span) => {
    const q = quoted[lastStartingAtOrBefore(quoted, m.end - 1)];
    return !!q && q.end > m.start;
  };
  const credits = input.outlets.filter((o) => o.role === "author-credit");
  const prepositionStarts = new Set(input.sourcePrepositions.map((p) => p.start));
  const objectStarts = new Set(input.objectCues.map((p) => p.start));
  // Mentions by sentence: a speaker is looked for in the cue's own sentence only.
  const mentionsBySentence = new Map<number, SpeakerMention[]>();
  for (const m of input.mentions) {
    if (insideQuote(m) || ownsNext(text, m)) continue;
    const list = mentionsBySentence.get(m.sentence);
    if (list) list.push(m);
    else mentionsBySentence.set(m.sentence, [m]);
  }
  const ctx: SieveContext = {
    text,
    language,
    sentences,
    words: input.words,
    mentionsIn: (sentence) => mentionsBySentence.get(sentence) ?? [],
    tags: input.tags,
    grammar,
    quotations: quoted.filter((q) => q.kind === "direct"),
  };
  const wordIndex = new Map(input.words.map((w, i) => [w.start, i]));
  const wordBefore = (offset: number) => {
    const i = lastStartingAtOrBefore(input.words, offset - 1);
    const w = input.words[i];
    return w && w.end <= offset && w.sentence === input.words[wordIndex.get(offset) ?? -1]?.sentence ? w.lower : null;
  };
  // A passive: an auxiliary before the cue, back over adverbs and negation ("was not disclosed", "werd niet gemeld").
  const passiveBefore = (offset: number) => {
    // "is saying" is a progressive, not a passive.
    if (language === "en" && /^\p{L}+ing\b/u.test(text.slice(offset, offset + 40))) return false;
    let i = lastStartingAtOrBefore(input.words, offset - 1);
    for (let skipped = 0; i >= 0 && skipped < 3; i--, skipped++) {
      const w = input.words[i]!;
      if (w.end > offset || !/^\s+$/u.test(text.slice(w.end, input.words[i + 1]?.start ?? offset))) return false;
      // "wasn't disclosed": the auxiliary with its negation.
      if (grammar.passiveAuxiliaries[language].has(w.lower.replace(/n['’]t$/u, ""))) return true;
      const tag = input.tags?.get(w.start);
      if (!(tag === "ADV" || tag === "PART" || grammar.negations[language].has(w.lower))) return false;
    }
    return false;
  };
  // "Trump's repeated calls", "271 pledged delegates", "well-defined": a participle used as an adjective.
  const adjectival = (c: Span) => {
    if (text[c.start - 1] === "-") return true;
    if (!input.tags) return false;
    const next = input.words[(wordIndex.get(c.start) ?? -2) + 1];
    const before = input.words[lastStartingAtOrBefore(input.words, c.start - 1)];
    if (!next || !/^\s+$/u.test(text.slice(c.end, next.start)) || grammar.complementizers[language].has(next.lower)) return false;
    if (!before || before.end >= c.start || !/^\s+$/u.test(text.slice(before.end, c.start))) return false;
    // After a possessive the word is an attribute whatever the tagger says; after a number or determiner, when a noun follows.
    if (/['’]s$/u.test(before.lower)) return true;
    return (
      input.tags.get(next.start) === "NOUN" && (input.tags.get(before.start) === "NUM" || grammar.determiners[language].has(before.lower))
    );
  };
  // The lists' cues with the rules' verb reading (Dutch, and English without a model): made only when used.
  const listed = (): Cue[] =>
    [
      ...input.cues.map(
        (c) =>
          ({
            start: c.start,
            end: c.end,
            kind: prepositionStarts.has(c.start) ? "preposition" : "speech",
            object: objectStarts.has(c.start),
            needsClause: false,
            quoteOnly: c.entry === "quote" || c.entry === "naming",
            passive: c.entry === "naming" || (!prepositionStarts.has(c.start) && passiveBefore(c.start)),
            learned: false,
          }) as const,
      ),
      // Verbs of thought, and document verbs that report only with a clause ("polls show that …").
      ...input.thoughtCues.map(
        (c) =>
          ({
            start: c.start,
            end: c.end,
            kind: c.entry === "thought" ? "thought" : "speech",
            object: false,
            needsClause: true,
            quoteOnly: false,
            passive: passiveBefore(c.start),
            learned: false,
          }) as const,
      ),
    ]
      .filter(
        (c) =>
          inParagraph(c.start) &&
          !insideQuote(c) &&
          (c.kind === "preposition" ||
            ((hasVerbReading(c, input.tags, wordBefore(c.start), grammar.determiners[language], opensThatClause(c)) ||
              closesQuotation(c)) &&
              !adjectival(c) &&
              !grammar.nonFinite[language].has(wordBefore(c.start) ?? ""))) &&
          !credits.some((o) => o.start >= c.end && /^\s*$/u.test(text.slice(c.end, o.start))),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((c, i, all) => i === 0 || c.start >= all[i - 1]!.end);
  const candidates: Cue[] = input.learnedCues
    ? input.learnedCues
        .map(learnedCue)
        .filter((c) => !credits.some((o) => o.start >= c.end && /^\s*$/u.test(text.slice(c.end, o.start))) && !insideQuote(c))
    : listed();

  const resolvedBySentence = new Map<number, CueSpeaker[]>();
  const resolved: CueSpeaker[] = [];
  for (const cue of candidates) {
    const s = sentenceAt(sentences, cue.start);
    const earlier = resolvedBySentence.get(s) ?? [];
    input.observeSpeakers?.(cue, speakerCandidates(ctx, cue, earlier, input.speakerHeads));
    const r = input.speakerModel ? rankSpeaker(ctx, cue, earlier, input.speakerModel, input.speakerHeads) : findSpeaker(ctx, cue, earlier);
    resolved.push(r);
    earlier.push(r);
    resolvedBySentence.set(s, earlier);
  }

  const resolvedCues = resolved.map((r) => r.cue);
  const attributions: AttributionRecord[] = [];
  const used = new Set<Cue>();
  // The last direct or mixed quotation's attribution by the sentence it ends in, for follow-on quotations.
  const quoteEndingIn = new Map<number, AttributionRecord>();
  for (const q of quoted) {
    if (q.kind !== "direct" || !inParagraph(q.start)) continue;
    const from = sentences[q.sentence]!.start;
    const last = sentenceAt(sentences, q.end - 1);
    const to = sentences[last]?.end ?? q.end;
    // Speech cues in the quotation's sentences (cues inside quotation marks were left out above), not verbs
    // of thought: the first few after it and the nearest before it, found by a binary search in the cues
    // (sorted by start), so a quotation's work is bounded however many cues its sentence holds.
    const next = lastStartingAtOrBefore(resolvedCues, q.end - 1) + 1;
    const after: CueSpeaker[] = [];
    for (let k = next; k < resolved.length && after.length < CUES_AFTER && resolved[k]!.cue.start < to; k++)
      if (resolved[k]!.cue.kind !== "thought" && resolved[k]!.cue.end <= to) after.push(resolved[k]!);
    let nearestBefore: CueSpeaker | undefined;
    for (let k = next - 1, n = 0; k >= 0 && n < CUES_AFTER && !nearestBefore && resolved[k]!.cue.start >= from; k--, n++)
      if (resolved[k]!.cue.kind !== "thought" && resolved[k]!.cue.end <= q.start) nearestBefore = resolved[k];
    // `“…,” he said`, `“…,” one of them said`: at most three words between the quote and its cue.
    const adjacentAfter = after.find((r) => {
      if (r.cue.start - q.end > CLOSE_REACH) return false;
      const between = wordsBetween(ctx, q.end, r.cue.start);
      return (
        // (A full stop here is an abbreviation's: "Mr. Hedge said", "Rep. X (D-Ore.) said".)
        !/[;:!?“”«»„"]/u.test(text.slice(q.end, r.cue.start).replace(/^[\s,.!?]+/u, "")) &&
        between.every((w) => !COORDINATORS[language].has(w.lower)) &&
        between.filter((w) => !inMention(w, r.speaker)).length <= 3
      );
    });
    const colon = colonBefore(q.start);
    const chosen = adjacentAfter ?? nearestBefore;
    const quote = { start: q.start, end: q.end };
    let made: AttributionRecord;
    if (chosen) {
      used.add(chosen.cue);
      made = record(chosen.speaker, mixedOrDirect(q, chosen), written(chosen.cue), quote, span(chosen.cue), q.sentence, {
        cue: adjacentAfter ? "cue-after-quote" : "cue-before-quote",
        speaker: chosen.rule,
        evidence: chosen.cue.evidence,
      });
    } else if (colon !== null) {
      const speaker = speakerBeforeColon(colon);
      made = record(speaker, "direct", ":", quote, { start: colon, end: colon + 1 }, q.sentence, {
        cue: "colon-introduction",
        speaker: speaker ? "colon-introduction" : null,
      });
    } else {
      const previous = opensSentence(q) ? quoteEndingIn.get(q.sentence - 1) : undefined;
      made = previous?.speakerSpan
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
    attributions.push(made);
    quoteEndingIn.set(last, made);
  }
  for (const r of resolved) {
    if (used.has(r.cue) || r.cue.quoteOnly) continue;
    const kind = r.cue.kind;
    // A learned cue reports whatever follows it: the detector has decided; a listed one needs a speaker or a clause.
    if (r.cue.needsClause ? !opensClause(r.cue) : !r.cue.learned && kind === "speech" && !r.speaker && !opensThatClause(r.cue)) continue;
    const content = reportedContent(r);
    if (!content) continue;
    attributions.push(
      record(
        r.speaker,
        kind === "thought" ? "thought" : "indirect",
        written(r.cue),
        content,
        span(r.cue),
        sentenceAt(sentences, content.start),
        {
          cue: r.cue.learned
            ? "cue-model"
            : kind === "thought"
              ? "thought-verb"
              : kind === "preposition"
                ? "source-preposition"
                : "reporting-verb",
          speaker: r.rule,
          evidence: r.cue.evidence,
        },
      ),
    );
  }
  return attributions.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);

  function record(
    speaker: SpeakerMention | null,
    kind: AttributionRecord["kind"],
    cue: string | null,
    quote: Span,
    cueSpan: Span | null,
    sentence: number,
    rules: { readonly cue: CueRule | null; readonly speaker: SpeakerRule | null; readonly evidence?: CueEvidence | undefined },
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
  function written(m: Span) {
    return text.slice(m.start, m.end).replace(/\s+/g, " ");
  }
  function span(m: Span): Span {
    return { start: m.start, end: m.end };
  }
  function inMention(w: Span, m: Span | null) {
    return !!m && w.start >= m.start && w.end <= m.end;
  }
  function countWords(m: Span) {
    return wordsBetween(ctx, m.start, m.end).length || 1;
  }

  /**
   * A learned cue as the sieves read it: a source preposition, a verb of thought or an object cue when a
   * list's match overlaps it ("according to", "believes", "told"), else a reporting verb; passive when an
   * auxiliary stands before it.
   */
  function learnedCue(c: DetectedCue): Cue {
    const preposition = overlapping(input.sourcePrepositions, c);
    const thought = overlapping(input.thoughtCues, c);
    return {
      start: c.start,
      end: c.end,
      kind: preposition ? "preposition" : thought?.entry === "thought" ? "thought" : "speech",
      object: !!overlapping(input.objectCues, c),
      needsClause: !!thought,
      quoteOnly: false,
      passive: !preposition && passiveBefore(c.start),
      learned: true,
      evidence: {
        probability: round3(c.probability),
        reasons: c.reasons.map((r) => ({ feature: r.feature, weight: round3(r.weight) })),
      },
    };
  }

  /**
   * Whether the cue closes a direct quotation: at most a name (three words) between the closing mark and
   * the cue, and the sentence ends right after it ("”, Viguerie notes."). Then the word is a verb whatever
   * the tagger read.
   */
  function closesQuotation(c: Span): boolean {
    const q = quoted[lastStartingAtOrBefore(quoted, c.start)];
    if (!q || q.kind !== "direct" || q.end > c.start || c.start - q.end > CLOSE_REACH) return false;
    const between = text.slice(q.end, c.start);
    const sentence = sentences[sentenceAt(sentences, c.start)]!;
    if (sentence.end - c.end > CLOSE_REACH) return false;
    return /^[\s,]*(?:[\p{L}.'’-]+\s+){0,3}$/u.test(between) && /^\s*[.!?]?\s*$/u.test(text.slice(c.end, sentence.end));
  }

  /** Whether only opening marks and white space stand between the quotation and the start of its sentence. */
  function opensSentence(q: Quotation): boolean {
    const start = sentences[q.sentence]!.start;
    return q.start - start <= CLOSE_REACH && /^[\s"'“”„‘’«»(–—-]*$/u.test(text.slice(start, q.start));
  }

  /** The words in [from, to) that `skip` does not leave out, counted up to `limit`. */
  function countKept(from: number, to: number, limit: number, skip: (w: Word) => boolean): number {
    let n = 0;
    for (let i = lastStartingAtOrBefore(input.words, from - 1) + 1; i < input.words.length && input.words[i]!.end <= to && n < limit; i++)
      if (!skip(input.words[i]!)) n++;
    return n;
  }

  /** The offset of a colon right before `offset` (only spaces and line breaks between), or null. */
  function colonBefore(offset: number): number | null {
    let i = offset - 1;
    while (i >= 0 && /\s/u.test(text[i]!)) i--;
    return i >= 0 && text[i] === ":" ? i : null;
  }

  /** Before a colon: the last person named in the colon's sentence, else the last mention of any kind. */
  function speakerBeforeColon(colon: number): SpeakerMention | null {
    const sentence = sentences[sentenceAt(sentences, colon)]!;
    const inSentence = ctx.mentionsIn(sentence.index).filter((m) => m.end <= colon && m.name);
    const people = inSentence.filter((m) => m.kind === "person" || m.kind === "surname" || m.kind === "pronoun" || m.kind === "relative");
    return people[people.length - 1] ?? inSentence.filter((m) => !m.afterPreposition).pop() ?? null;
  }

  /** Direct when the quotation is the whole of what is reported; mixed when it is part of a reported clause. */
  function mixedOrDirect(q: Quotation, r: CueSpeaker): "direct" | "mixed" {
    const sentence = sentences[sentenceAt(sentences, q.end - 1)]!;
    const skip = (w: Word) => inMention(w, r.speaker) || inMention(w, r.cue) || grammar.complementizers[language].has(w.lower);
    // Counting stops at the words that decide (one before, two after), so the check is short in any sentence.
    const lead =
      r.cue.end <= q.start ? countKept(Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : 0), q.start, 1, skip) : 0;
    return lead || countKept(q.end, sentence.end, 2, skip) > 1 ? "mixed" : "direct";
  }

  /** Whether a complementizer ("that", "dat") follows the cue, possibly after a particle ("merkte op dat"). */
  function opensThatClause(cue: Span): boolean {
    const i = (wordIndex.get(cue.start) ?? -1) + countWords(cue);
    return [input.words[i], input.words[i + 1]].some(
      (w) => !!w && grammar.complementizers[language].has(w.lower) && w.start - cue.end < 20,
    );
  }

  /**
   * Whether a verb of thought introduces what is thought: a that-clause, an infinitive ("wants to", "hoopt
   * te"), or (English) a clause whose subject comes right after it ("believes the deal will fail").
   */
  function opensClause(cue: Span): boolean {
    if (opensThatClause(cue)) return true;
    const i = (wordIndex.get(cue.start) ?? -1) + countWords(cue);
    const next = input.words[i];
    if (!next || next.start - cue.end > 2 || next.sentence !== input.words[i - 1]?.sentence) return false;
    if (next.lower === (language === "en" ? "to" : "te")) return true;
    if (!input.tags || !CLAUSE_TAGS.has(input.tags.get(next.start) ?? "")) return false;
    for (let k = i + 1; k < i + 5 && input.words[k]?.sentence === next.sentence; k++) {
      const tag = input.tags.get(input.words[k]!.start);
      if (tag === "VERB" || tag === "AUX") return true;
      if (tag === "ADP" || tag === "PUNCT") return false;
    }
    return false;
  }

  /** The reported content of indirect speech: the sentence on the far side of the cue and speaker. */
  function reportedContent(r: CueSpeaker): Span | null {
    const sentence = sentences[sentenceAt(sentences, r.cue.start)]!;
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
      return trim(sentence.start, from + comma);
    return trim(that && wordsIn(that[0]) <= 8 ? frameEnd + that[0].length : frameEnd, sentence.end);
  }
  function wordsIn(s: string) {
    return s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  }
  function trim(start: number, end: number): Span | null {
    while (start < end && /[\s,:;–—]/u.test(text[start]!)) start++;
    while (end > start && /[\s]/u.test(text[end - 1]!)) end--;
    // Reported content has at least one word ("Hoe zal het Westen reageren?" reports nothing).
    return end > start && /\p{L}/u.test(text.slice(start, end)) ? { start, end } : null;
  }
}
