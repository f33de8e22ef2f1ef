// An article's attributions as the voices tests read them: as the pipeline makes them (attribute, for
// attribute-quotes.test.ts and attribute-quotes-dutch.test.ts), and as the rules alone make them, with the
// rule that found each cue and speaker (rules and withCue, for speaker-sieves.test.ts,
// speaker-before-cue.test.ts and speaker-after-cue.test.ts; no learned model, helpers.ts analyzeTextWithRules).
import { expect } from "vitest";
import type { ArticleRecord, Language } from "../../data-loaders/schema/record.ts";
import { analyzeText, analyzeTextWithRules } from "../helpers.ts";

/** Each attribution as [speaker as written in the text, speaker name, kind, cue, cueRule, speakerRule]. */
export function rules(text: string, language: Language = "en") {
  const record = analyzeTextWithRules(text, language);
  return record.attributions.map((a) => ({
    written: a.speakerSpan ? text.slice(a.speakerSpan.start, a.speakerSpan.end) : null,
    speaker: a.speaker,
    kind: a.kind,
    cue: a.cue,
    cueRule: a.cueRule,
    speakerRule: a.speakerRule,
  }));
}

/** The one attribution whose cue is `cue`. */
export function withCue(text: string, cue: string, language: Language = "en") {
  const found = rules(text, language).filter((a) => a.cue === cue);
  expect(found, `one attribution with cue "${cue}"`).toHaveLength(1);
  return found[0]!;
}

/** The attributions of a text, each with the quoted or reported text and the cue as written. */
export function attribute(text: string, language: Language = "en", analyze = analyzeText) {
  const record: ArticleRecord = analyze(text, language);
  return record.attributions.map((a) => ({
    speaker: a.speaker,
    type: a.speakerType,
    kind: a.kind,
    cue: a.cue,
    quote: text.slice(a.quote.start, a.quote.end),
    by: a.resolvedBy,
  }));
}
