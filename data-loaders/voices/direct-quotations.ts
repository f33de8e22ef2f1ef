import { sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { SpeakerMention, Word } from "./mention-types.ts";
import { wordsBetween, type Cue, type CueSpeaker } from "./sieve-context.ts";
import { AttributionCues } from "./attribution-cues.ts";
import { CLOSE_REACH, inMention, record, span } from "./attribution-text.ts";
import type { AttributionRecord, Language } from "../schema/record.ts";

/** How many cues after a quotation (and before it) are looked at for its own cue. */
const CUES_AFTER = 4;
/** A quotation followed by one of these and a cue belongs to an earlier cue ("“…”, but kept saying"). */
const COORDINATORS: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(["but", "and", "or"]),
  // Dutch "of" is "or"; in English it is a preposition ("“…,” one of them said").
  nl: new Set(["maar", "en", "of"]),
};

/**
 * The direct quotations step of attributeQuotes: each quotation's cue (after it, before it, a colon) or
 * the quotation before it, and whether the quotation is direct or mixed.
 */
export abstract class DirectQuotations extends AttributionCues {
  /** A direct quotation's attribution: by its cue, else a colon before it, else the quotation before it, else none. */
  protected quotation(
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
  protected cuesAround(
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
  protected closesOn(q: Quotation, r: CueSpeaker): boolean {
    if (r.cue.start - q.end > CLOSE_REACH) return false;
    const between = wordsBetween(this.ctx, q.end, r.cue.start);
    return (
      // (A full stop here is an abbreviation's: "Mr. Hedge said", "Rep. X (D-Ore.) said".)
      !/[;:!?“”«»„"]/u.test(this.text.slice(q.end, r.cue.start).replace(/^[\s,.!?]+/u, "")) &&
      between.every((w) => !COORDINATORS[this.language].has(w.lower)) &&
      between.filter((w) => !inMention(w, r.speaker)).length <= 3
    );
  }

  /** Whether only opening marks and white space stand between the quotation and the start of its sentence. */
  protected opensSentence(q: Quotation): boolean {
    const start = this.sentences[q.sentence]!.start;
    return q.start - start <= CLOSE_REACH && /^[\s"'“”„‘’«»(–—-]*$/u.test(this.text.slice(start, q.start));
  }

  /** The words in [from, to) that `skip` does not leave out, counted up to `limit`. */
  protected countKept(from: number, to: number, limit: number, skip: (w: Word) => boolean): number {
    const { words } = this;
    let n = 0;
    for (let i = lastStartingAtOrBefore(words, from - 1) + 1; i < words.length && words[i]!.end <= to && n < limit; i++)
      if (!skip(words[i]!)) n++;
    return n;
  }

  /** The offset of a colon right before `offset` (only spaces and line breaks between), or null. */
  protected colonBefore(offset: number): number | null {
    let i = offset - 1;
    while (i >= 0 && /\s/u.test(this.text[i]!)) i--;
    return i >= 0 && this.text[i] === ":" ? i : null;
  }

  /** Before a colon: the last person named in the colon's sentence, else the last mention of any kind. */
  protected speakerBeforeColon(colon: number): SpeakerMention | null {
    const sentence = this.sentences[sentenceAt(this.sentences, colon)]!;
    const inSentence = this.ctx.mentionsIn(sentence.index).filter((m) => m.end <= colon && m.name);
    const people = inSentence.filter((m) => m.kind === "person" || m.kind === "surname" || m.kind === "pronoun" || m.kind === "relative");
    return people[people.length - 1] ?? inSentence.filter((m) => !m.afterPreposition).pop() ?? null;
  }

  /** Direct when the quotation is the whole of what is reported; mixed when it is part of a reported clause. */
  protected mixedOrDirect(q: Quotation, r: CueSpeaker): "direct" | "mixed" {
    const sentence = this.sentences[sentenceAt(this.sentences, q.end - 1)]!;
    const skip = (w: Word) => inMention(w, r.speaker) || inMention(w, r.cue) || this.grammar.complementizers[this.language].has(w.lower);
    // Counting stops at the words that decide (one before, two after), so the check is short in any sentence.
    const lead =
      r.cue.end <= q.start ? this.countKept(Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : 0), q.start, 1, skip) : 0;
    return lead || this.countKept(q.end, sentence.end, 2, skip) > 1 ? "mixed" : "direct";
  }
}
