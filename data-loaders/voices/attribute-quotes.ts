import { sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { ARTICLES, type SpeakerMention, type Word } from "./speaker-mentions.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { AttributionRecord, Block, Language, OutletRecord, Sentence, Span } from "../schema/record.ts";

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
  readonly mentions: readonly SpeakerMention[];
  /** Author credits found by detectOutlets: "…, schrijft Pepe Escobar" is the author, not a quoted voice. */
  readonly outlets: readonly OutletRecord[];
  readonly speechCues: SpeechCues;
}

/** How far apart (in words, not counting skipped phrases) a subject may stand from its speech verb. */
const SUBJECT_GAP = 3;
/** The same, when an auxiliary follows the subject (Dutch "heeft … omschreven"). */
const AUXILIARY_GAP = 20;
/** A quotation followed by one of these and a cue belongs to an earlier cue ("“…”, but kept saying"). */
const COORDINATORS = new Set(["but", "and", "or", "maar", "en", "of"]);
/** Conjunctions inside a subject's own phrases ("tussen Rusland en de DVK"), which do not count against the gap. */
const GAP_CONJUNCTIONS = new Set(["and", "en", "or", "of"]);

interface CueSpeaker {
  readonly cue: TermMatch;
  readonly speaker: SpeakerMention | null;
  /** Where the speaker stands relative to the cue: before it (subject), after it (inverted or agent). */
  readonly side: "before" | "after" | null;
}

/**
 * Attributes quotations and reported speech to speakers (Bell 1991; Pareti 2015's cue–source–content
 * triples), in English and Dutch, with offsets for each part:
 * - a direct quotation (findQuotations' decision, shared with the scare-quote device) is tied to the cue
 *   right after it (`“…,” he said`), else the nearest cue before it in its sentences (`X stated that “…”`),
 *   else a colon before it, even across a paragraph break (`offers a clear insight: “…”`), else a cue later
 *   in its sentences; with none, the quotation is kept with a null speaker. A quotation broken by a cue
 *   gives one attribution per part, with the same speaker. It is "mixed" when it is part of a reported
 *   clause (words between the cue and the quote, or the clause goes on after it), else "direct".
 * - every other speech cue outside quotation marks is indirect speech when a speaker is found or the cue
 *   opens a that-clause; source prepositions ("according to", "volgens", "aldus") always are. The content is
 *   the rest of the sentence on the far side of the cue.
 * The speaker of a cue is, in order: the agent of a passive ("beschreven door een kennis"); the name right
 * after a cue that follows a comma or a closing quote (", reported CNN", "”, zei hij"); the nearest mention
 * before the cue that is not after a preposition and is close enough (parentheticals and the subject's own
 * prepositional phrases do not count; a second verb of the same subject inherits its speaker: "stated …, but
 * kept saying"); a name right after the cue (Dutch inversion). Otherwise null: nothing is guessed.
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
  const isPreposition = (m: TermMatch) => prepositionStarts.has(m.start);
  // Mentions and resolved cues by sentence: a speaker is looked for in the cue's own sentence only.
  const mentionsBySentence = new Map<number, SpeakerMention[]>();
  for (const m of input.mentions) {
    const s = sentenceAt(sentences, m.start);
    const list = mentionsBySentence.get(s);
    if (list) list.push(m);
    else mentionsBySentence.set(s, [m]);
  }
  const resolvedBySentence = new Map<number, CueSpeaker[]>();
  const cues = input.cues.filter(
    (c) => inParagraph(c.start) && !insideQuote(c) && !credits.some((o) => o.start >= c.end && /^\s*$/u.test(text.slice(c.end, o.start))),
  );
  const wordIndex = new Map(input.words.map((w, i) => [w.start, i]));
  const wordsBetween = (from: number, to: number) => {
    const out: Word[] = [];
    for (let i = lastStartingAtOrBefore(input.words, from - 1) + 1; i < input.words.length && input.words[i]!.end <= to; i++)
      out.push(input.words[i]!);
    return out;
  };

  const resolved: CueSpeaker[] = [];
  for (const cue of cues) {
    const s = sentenceAt(sentences, cue.start);
    const earlier = resolvedBySentence.get(s) ?? [];
    const r = { cue, ...findCueSpeaker(cue, isPreposition(cue), earlier) };
    resolved.push(r);
    earlier.push(r);
    resolvedBySentence.set(s, earlier);
  }

  const attributions: AttributionRecord[] = [];
  const used = new Set<TermMatch>();
  for (const q of quoted) {
    if (q.kind !== "direct" || !inParagraph(q.start)) continue;
    const from = sentences[q.sentence]!.start;
    const to = sentences[sentenceAt(sentences, q.end)]?.end ?? q.end;
    // Cues in the quotation's sentences (cues inside quotation marks were left out above).
    const near: CueSpeaker[] = [];
    for (let s = q.sentence; s < sentences.length && sentences[s]!.start < to; s++) {
      for (const r of resolvedBySentence.get(s) ?? []) if (r.cue.start >= from && r.cue.end <= to) near.push(r);
    }
    const after = near.filter((r) => r.cue.start >= q.end);
    const before = near.filter((r) => r.cue.end <= q.start);
    // `“…,” he said`, `“…,” one of them said`: at most three words between the quote and its cue.
    const adjacentAfter = after.find((r) => {
      const between = wordsBetween(q.end, r.cue.start);
      return (
        !/[.;:!?“”«»„"]/u.test(text.slice(q.end, r.cue.start).replace(/^[\s,.!?]+/u, "")) &&
        between.every((w) => !COORDINATORS.has(w.lower)) &&
        between.filter((w) => !inMention(w, r.speaker)).length <= 3
      );
    });
    const colon = colonBefore(q.start);
    const chosen = adjacentAfter ?? before[before.length - 1];
    if (chosen) {
      used.add(chosen.cue);
      const speaker = chosen.speaker;
      attributions.push(
        record(speaker, mixedOrDirect(q, chosen), written(chosen.cue), { start: q.start, end: q.end }, span(chosen.cue), q.sentence),
      );
    } else if (colon !== null) {
      const speaker = speakerBeforeColon(colon);
      attributions.push(record(speaker, "direct", ":", { start: q.start, end: q.end }, { start: colon, end: colon + 1 }, q.sentence));
    } else {
      attributions.push(record(null, "direct", null, { start: q.start, end: q.end }, null, q.sentence));
    }
  }
  for (const r of resolved) {
    if (used.has(r.cue)) continue;
    const preposition = isPreposition(r.cue);
    if (!preposition && !r.speaker && !opensThatClause(r.cue)) continue;
    const content = reportedContent(r);
    if (!content) continue;
    attributions.push(record(r.speaker, "indirect", written(r.cue), content, span(r.cue), sentenceAt(sentences, content.start)));
  }
  return attributions.sort((a, b) => a.quote.start - b.quote.start || a.quote.end - b.quote.end);

  function record(
    speaker: SpeakerMention | null,
    kind: AttributionRecord["kind"],
    cue: string | null,
    quote: Span,
    cueSpan: Span | null,
    sentence: number,
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

  function findCueSpeaker(cue: TermMatch, preposition: boolean, earlier: readonly CueSpeaker[]): Pick<CueSpeaker, "speaker" | "side"> {
    const sentence = sentences[sentenceAt(sentences, cue.start)]!;
    const inSentence = (mentionsBySentence.get(sentence.index) ?? []).filter((m) => m.end <= sentence.end && !insideQuote(m));
    const firstAfter = (offset: number, maxWords: number) => {
      const m = inSentence.find((x) => x.start >= offset);
      if (!m) return null;
      const between = wordsBetween(offset, m.start).filter((w) => !ARTICLES.has(w.lower));
      return between.length <= maxWords && !/[.;:!?"“”«»„]/u.test(text.slice(offset, m.start)) ? m : null;
    };
    if (preposition) return { speaker: firstAfter(cue.end, 0), side: "after" };
    // The agent of a passive: "beschreven door een kennis", "as described by the minister".
    const next = input.words[(wordIndex.get(cue.start) ?? -2) + countWords(cue)];
    if (next && grammar.agents[language].has(next.lower)) {
      const agent = firstAfter(next.end, 0);
      if (agent) return { speaker: agent, side: "after" };
    }
    // Inverted after a comma or closing quote: ", reported CNN", "”, zei hij".
    if (/[,”"’»]\s*$/u.test(text.slice(sentence.start, cue.start))) {
      const inverted = firstAfter(cue.end, 1);
      if (inverted) return { speaker: inverted, side: "after" };
    }
    // The subject before the cue.
    const before = inSentence.filter((m) => m.end <= cue.start).reverse();
    for (const m of before) {
      if (m.afterPreposition) continue;
      // A second verb of the same subject: "The White House stated that …, but kept saying that …".
      const earlierCue = earlier.findLast((e) => e.cue.start >= m.end && e.cue.end <= cue.start);
      if (earlierCue) return { speaker: earlierCue.speaker, side: earlierCue.side };
      const gap = text.slice(m.end, cue.start);
      if (/[;:!?“”«»„"]/u.test(gap)) break;
      const counted = gapWords(m.end, cue.start, inSentence);
      const auxiliary = counted[0] && grammar.auxiliaries[language].has(counted[0].lower);
      if (counted.length <= SUBJECT_GAP || (auxiliary && counted.length <= AUXILIARY_GAP)) return { speaker: m, side: "before" };
    }
    // Dutch inversion: "Nu stelt de minister dat …".
    const inverted = firstAfter(cue.end, 0);
    if (inverted && !inverted.afterPreposition) return { speaker: inverted, side: "after" };
    return { speaker: null, side: null };
  }

  function countWords(m: Span) {
    return wordsBetween(m.start, m.end).length || 1;
  }

  /**
   * Words between a subject and its verb that count against the gap: not inside a parenthetical between
   * commas or dashes, not part of a mention, and not the prepositions and articles of the subject's own
   * phrases ("Artikel 4 van het verdrag tussen Rusland en de DVK stelt").
   */
  function gapWords(from: number, to: number, mentions: readonly SpeakerMention[]): Word[] {
    const gap = text.slice(from, to);
    const hidden: Span[] = [];
    const parenthetical = /([,–—(])[^,–—()]*([,–—)])/gu;
    for (let m = parenthetical.exec(gap); m; m = parenthetical.exec(gap))
      hidden.push({ start: from + m.index, end: from + m.index + m[0].length });
    return wordsBetween(from, to).filter(
      (w) =>
        !hidden.some((h) => w.start >= h.start && w.end <= h.end) &&
        !mentions.some((m) => w.start >= m.start && w.end <= m.end) &&
        !ARTICLES.has(w.lower) &&
        !GAP_CONJUNCTIONS.has(w.lower) &&
        !grammar.prepositions[language].has(w.lower),
    );
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
    const inSentence = (mentionsBySentence.get(sentence.index) ?? []).filter((m) => m.end <= colon && !insideQuote(m) && m.name);
    const people = inSentence.filter((m) => m.kind === "person" || m.kind === "surname" || m.kind === "pronoun" || m.kind === "relative");
    return people[people.length - 1] ?? inSentence.filter((m) => !m.afterPreposition).pop() ?? null;
  }

  /** Direct when the quotation is the whole of what is reported; mixed when it is part of a reported clause. */
  function mixedOrDirect(q: Quotation, r: CueSpeaker): "direct" | "mixed" {
    const sentence = sentences[sentenceAt(sentences, q.end - 1)]!;
    const skip = (w: Word) => inMention(w, r.speaker) || inMention(w, r.cue) || grammar.complementizers[language].has(w.lower);
    const lead =
      r.cue.end <= q.start
        ? wordsBetween(Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : 0), q.start).filter((w) => !skip(w))
        : [];
    const trail = wordsBetween(q.end, sentence.end).filter((w) => !skip(w));
    return lead.length || trail.length > 1 ? "mixed" : "direct";
  }

  /** Whether a complementizer ("that", "dat") follows the cue, possibly after a particle ("merkte op dat"). */
  function opensThatClause(cue: Span): boolean {
    const i = (wordIndex.get(cue.start) ?? -1) + countWords(cue);
    return [input.words[i], input.words[i + 1]].some(
      (w) => !!w && grammar.complementizers[language].has(w.lower) && w.start - cue.end < 20,
    );
  }

  /** The reported content of indirect speech: the sentence on the far side of the cue and speaker. */
  function reportedContent(r: CueSpeaker): Span | null {
    const sentence = sentences[sentenceAt(sentences, r.cue.start)]!;
    const frameStart = Math.min(r.cue.start, r.speaker?.start ?? r.cue.start);
    const frameEnd = Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : r.cue.end);
    const before = text.slice(sentence.start, frameStart);
    const after = text.slice(frameEnd, sentence.end);
    // "…, reported CNN on 22 March." / "…, aldus de minister." / "…, Xi said to Putin as he left": the content
    // comes first when only a short tail or a prepositional phrase follows the cue.
    const comma = before.lastIndexOf(",");
    const trailing = after.replace(/[\s.!?…]+$/u, "");
    const tailWords = trailing.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
    const that = /^(?:[^.;:!?]*?\s)??(?:that|dat)\s/iu.exec(after.slice(0, 120));
    if (comma > 0 && !that && (tailWords.length <= 4 || grammar.prepositions[language].has(tailWords[0]!.toLowerCase())))
      return trim(sentence.start, sentence.start + comma);
    return trim(that && wordsIn(that[0]) <= 8 ? frameEnd + that[0].length : frameEnd, sentence.end);
  }
  function wordsIn(s: string) {
    return s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
  }
  function trim(start: number, end: number): Span | null {
    while (start < end && /[\s,:;–—]/u.test(text[start]!)) start++;
    while (end > start && /[\s]/u.test(text[end - 1]!)) end--;
    return end > start ? { start, end } : null;
  }
}
