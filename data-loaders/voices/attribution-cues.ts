import { sentenceAt } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { findSpeaker } from "./speaker-sieves.ts";
import type { Cue, CueSpeaker } from "./sieve-context.ts";
import { hasVerbReading } from "./verb-reading.ts";
import type { DetectedCue } from "./detect-cues.ts";
import { rankSpeaker, speakerCandidates } from "./speaker-features.ts";
import { choosePair } from "./pair-model.ts";
import { round3 } from "./linear-model.ts";
import { AttributionText, CLOSE_REACH } from "./attribution-text.ts";
import type { Span } from "../schema/record.ts";

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

/**
 * The cues step of attributeQuotes: the lists' cues that read as verbs, or the learned detector's, each with
 * the speaker the sieves, the ranker or the pair model find for it.
 */
export abstract class AttributionCues extends AttributionText {
  /** A passive: an auxiliary before the cue, back over adverbs and negation ("was not disclosed", "werd niet gemeld"). */
  protected passiveBefore(offset: number): boolean {
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
  protected adjectival(c: Span): boolean {
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
  protected listedCues(): Cue[] {
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
  protected readsAsCue(c: Cue): boolean {
    if (c.kind === "preposition") return true;
    const { grammar, language } = this;
    const before = this.wordBefore(c.start);
    const verb =
      hasVerbReading(c, this.input.tags, before, grammar.determiners[language], this.opensThatClause(c)) || this.closesQuotation(c);
    return verb && !this.adjectival(c) && !grammar.nonFinite[language].has(before ?? "");
  }

  /** The cues the learned detector accepted, as the sieves read them (see learnedCue), but author credits and quoted words. */
  protected learnedCues(detected: readonly DetectedCue[]): Cue[] {
    return detected.map((c) => this.learnedCue(c)).filter((c) => !this.creditsAuthor(c) && !this.insideQuote(c));
  }

  /**
   * A learned cue as the sieves read it: a source preposition, a verb of thought or an object cue when a
   * list's match overlaps it ("according to", "believes", "told"), else a reporting verb; passive when an
   * auxiliary stands before it.
   */
  protected learnedCue(c: DetectedCue): Cue {
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
  protected resolveSpeakers(cues: readonly Cue[]): CueSpeaker[] {
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

  /**
   * Whether the cue closes a direct quotation: at most a name (three words) between the closing mark and
   * the cue, and the sentence ends right after it ("”, Viguerie notes."). Then the word is a verb whatever
   * the tagger read.
   */
  protected closesQuotation(c: Span): boolean {
    const q = this.quoted[lastStartingAtOrBefore(this.quoted, c.start)];
    if (!q || q.kind !== "direct" || q.end > c.start || c.start - q.end > CLOSE_REACH) return false;
    const between = this.text.slice(q.end, c.start);
    const sentence = this.sentences[sentenceAt(this.sentences, c.start)]!;
    if (sentence.end - c.end > CLOSE_REACH) return false;
    return /^[\s,]*(?:[\p{L}.'’-]+\s+){0,3}$/u.test(between) && /^\s*[.!?]?\s*$/u.test(this.text.slice(c.end, sentence.end));
  }

  /** Whether a complementizer ("that", "dat") follows the cue, possibly after a particle ("merkte op dat"). */
  protected opensThatClause(cue: Span): boolean {
    const i = (this.wordIndex.get(cue.start) ?? -1) + this.countWords(cue);
    return [this.words[i], this.words[i + 1]].some(
      (w) => !!w && this.grammar.complementizers[this.language].has(w.lower) && w.start - cue.end < 20,
    );
  }
}
