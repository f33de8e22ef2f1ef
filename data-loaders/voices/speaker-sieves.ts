import {
  apposition,
  dutchInversion,
  invertedAfterComma,
  invertedAfterQuote,
  passiveAgent,
  sourcePreposition,
} from "./speaker-after-cue.ts";
import { appositiveSubject, coordinatedVerb, participleCue, sameSubject, subjectBeforeCue, subjectPhrase } from "./speaker-before-cue.ts";
import type { Cue, CueSpeaker, Sieve, SieveContext } from "./sieve-context.ts";
import type { Language, SpeakerRule } from "../schema/record.ts";

/**
 * The speaker sieves, in the order they are tried: the first that finds a speaker decides. Each is a small
 * rule with its own fixtures (test/voices/speaker-sieves.test.ts), and its name goes into the record's
 * `speakerRule`. Languages say where a rule applies (word order differs: Dutch puts the subject after the
 * verb when something else comes first, English only after a quotation or a comma).
 */
export const SPEAKER_SIEVES: ReadonlyArray<{ readonly name: SpeakerRule; readonly languages: readonly Language[]; readonly find: Sieve }> =
  [
    { name: "source-preposition", languages: ["en", "nl"], find: sourcePreposition },
    { name: "passive-agent", languages: ["en", "nl"], find: passiveAgent },
    { name: "participle-cue", languages: ["en"], find: participleCue },
    { name: "apposition", languages: ["en", "nl"], find: apposition },
    { name: "inverted-cue", languages: ["en", "nl"], find: invertedAfterQuote },
    { name: "same-subject", languages: ["en", "nl"], find: sameSubject },
    { name: "subject-before-cue", languages: ["en", "nl"], find: subjectBeforeCue },
    { name: "appositive-subject", languages: ["en", "nl"], find: appositiveSubject },
    { name: "subject-phrase", languages: ["en"], find: subjectPhrase },
    { name: "coordinated-verb", languages: ["en", "nl"], find: coordinatedVerb },
    { name: "inverted-cue", languages: ["en", "nl"], find: invertedAfterComma },
    { name: "dutch-inversion", languages: ["nl"], find: dutchInversion },
  ];

/** Runs the sieves in order on one cue; the speaker and the rule that found it, or nulls. */
export function findSpeaker(ctx: SieveContext, cue: Cue, earlier: readonly CueSpeaker[]): CueSpeaker {
  for (const sieve of SPEAKER_SIEVES) {
    if (!sieve.languages.includes(ctx.language)) continue;
    // A passive's speaker is its agent or nobody: "Mr. Reagan was criticized" does not quote Reagan.
    if (cue.passive && sieve.name !== "passive-agent") continue;
    const found = sieve.find(ctx, cue, earlier);
    if (found?.speaker) return { cue, speaker: found.speaker, side: found.side, rule: sieve.name };
    // A source preposition's speaker comes after it or not at all: no later rule applies.
    if (cue.kind === "preposition") break;
  }
  return { cue, speaker: null, side: null, rule: null };
}
