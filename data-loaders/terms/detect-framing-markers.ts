import type { Quotation } from "./find-quotations.ts";
import { sentenceAt } from "./find-quotations.ts";
import type { TermMatch } from "./match-terms.ts";
import type { FramingMarker, QuoteContext, Sentence } from "../schema/record.ts";

/**
 * The quotation context of `[start, end)`: "direct" if a direct quotation contains it, else "scare" if
 * scare quotes contain it, else null.
 */
export function quoteContext(quotations: readonly Quotation[], start: number, end: number): QuoteContext {
  let context: QuoteContext = null;
  for (const quotation of quotations) {
    if (quotation.start > start) break;
    if (quotation.innerStart <= start && end <= quotation.innerEnd) {
      if (quotation.kind === "direct") return "direct";
      context = "scare";
    }
  }
  return context;
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
    quote: quoteContext(quotations, match.start, match.end),
  }));
}
