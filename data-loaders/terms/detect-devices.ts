import type { Codebook } from "./codebook.ts";
import { quoteContext } from "./detect-framing-markers.ts";
import { sentenceAt, type Quotation } from "./find-quotations.ts";
import type { TermMatch } from "./match-terms.ts";
import type { DeviceMarker, Sentence } from "../schema/record.ts";

const TRAILING_CLOSERS = new Set([..." \t\r\n\u00A0\"'”’»)]"]);

/**
 * Finds the rhetorical devices of the devices codebook: lexicon entries from their term matches
 * (match-terms.ts), and the two built-in detectors. Scare quotes are the quotations classified "scare" (find-quotations.ts, the rule
 * source attribution uses too). Rhetorical questions are sentences ending in "?" whose question mark is not
 * inside a direct quotation. Returns markers sorted by start, then device id.
 */
export function detectRhetoricalDevices(
  body: string,
  masked: string,
  matches: readonly TermMatch[],
  sentences: readonly Sentence[],
  quotations: readonly Quotation[],
  codebook: Codebook,
): DeviceMarker[] {
  const markers: DeviceMarker[] = matches.map((match) => ({
    device: match.entry,
    term: body.slice(match.start, match.end),
    start: match.start,
    end: match.end,
    sentence: sentenceAt(sentences, match.start),
    quote: quoteContext(quotations, match.start, match.end),
  }));
  for (const entry of codebook.entries) {
    if (entry.detector?.name === "scare-quotes") {
      for (const quotation of quotations) {
        if (quotation.kind !== "scare") continue;
        markers.push({
          device: entry.id,
          term: body.slice(quotation.start, quotation.end),
          start: quotation.start,
          end: quotation.end,
          sentence: quotation.sentence,
          quote: "scare",
        });
      }
    } else if (entry.detector?.name === "rhetorical-questions") {
      for (const sentence of sentences) {
        let questionMark = sentence.end - 1;
        while (questionMark > sentence.start && TRAILING_CLOSERS.has(masked[questionMark]!)) questionMark--;
        if (masked[questionMark] !== "?") continue;
        if (quoteContext(quotations, questionMark, questionMark + 1) === "direct") continue;
        markers.push({
          device: entry.id,
          term: body.slice(sentence.start, questionMark + 1),
          start: sentence.start,
          end: questionMark + 1,
          sentence: sentence.index,
          quote: null,
        });
      }
    }
  }
  return markers.sort((a, b) => a.start - b.start || (a.device < b.device ? -1 : a.device > b.device ? 1 : 0));
}
