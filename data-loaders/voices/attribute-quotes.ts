import { sentenceAt } from "../terms/find-quotations.ts";
import type { Cue } from "./sieve-context.ts";
import type { AttributionInput } from "./attribution-text.ts";
import { ReportedSpeech } from "./reported-speech.ts";
import type { AttributionRecord } from "../schema/record.ts";

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

/** One article's attribution: the steps, each a class the next extends, run in order by `attribute`. */
class QuoteAttributor extends ReportedSpeech {
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
}
