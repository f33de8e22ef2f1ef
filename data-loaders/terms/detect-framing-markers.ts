import type { Quotation } from "./find-quotations.ts";
import { sentenceAt } from "./find-quotations.ts";
import type { TermMatch } from "./match-terms.ts";
import { lastStartingAtOrBefore } from "./search-offsets.ts";
import type { FramingMarker, QuoteContext, Sentence } from "../schema/record.ts";

/**
 * The quotation context of `[start, end)`: "direct" if a direct quotation contains it, else "scare" if
 * scare quotes contain it, else null.
 */
export function quoteContext(quotations: readonly Quotation[], start: number, end: number): QuoteContext {
  // Quotations are sorted by start. Walk back from the last one starting at or before `start`, only as far
  // as some earlier quotation still reaches `end` (a prefix maximum of their ends), so a marker costs the
  // quotations around it, not all of the article's.
  const reach = reachOf(quotations);
  let context: QuoteContext = null;
  for (let i = lastStartingAtOrBefore(quotations, start); i >= 0 && reach[i]! >= end; i--) {
    const quotation = quotations[i]!;
    if (quotation.innerStart <= start && end <= quotation.innerEnd) {
      if (quotation.kind === "direct") return "direct";
      context = "scare";
    }
  }
  return context;
}

const reaches = new WeakMap<readonly Quotation[], Int32Array>();

/** For each quotation, the furthest inner end of it and every quotation before it (computed once per list). */
function reachOf(quotations: readonly Quotation[]): Int32Array {
  let reach = reaches.get(quotations);
  if (!reach) {
    reach = new Int32Array(quotations.length);
    for (let i = 0, max = -1; i < quotations.length; i++) reach[i] = max = Math.max(max, quotations[i]!.innerEnd);
    reaches.set(quotations, reach);
  }
  return reach;
}

/**
 * Turns the framing codebook's term matches (match-terms.ts) into markers: each with its surface form, its
 * sentence and its quotation context.
 * @param body the verbatim body, for the surface form
 */
export function detectFramingMarkers(
  body: string,
  matches: readonly TermMatch[],
  sentences: readonly Sentence[],
  quotations: readonly Quotation[],
): FramingMarker[] {
  return matches.map((match) => ({
    frame: match.entry,
    term: body.slice(match.start, match.end),
    start: match.start,
    end: match.end,
    sentence: sentenceAt(sentences, match.start),
    form: match.form,
    codebookTerm: match.term,
    quote: quoteContext(quotations, match.start, match.end),
  }));
}
