import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { wordsBetween, type Cue, type SieveContext } from "./sieve-context.ts";
import type { SpeakerCandidate } from "./speaker-features.ts";
import type { Span } from "../schema/record.ts";

/**
 * The pattern a (cue, source) pair is written in, a name a reader knows from news prose:
 * - `according-to` a source preposition and the mention after it ("according to X");
 * - `told-object` the mention right after a cue whose next name is its object ("told X": never its speaker);
 * - `subject-told` the mention before such a cue ("X told Y");
 * - `quote-inverted` a cue after a closing quotation mark, its speaker right after it ("”, said X");
 * - `inverted` the speaker right after the cue, no quotation before it ("said X");
 * - `relative-clause` the speaker before a comma and a relative pronoun, the cue after the clause ("X, who …, said");
 * - `apposition` the speaker before a comma that is not a relative clause ("X, a spokesman, said");
 * - `subject` the speaker right before the cue, at most two words between ("X said", "X has said");
 * - `far-before`, `far-after` anything else, by side.
 */
export type PairPattern =
  | "according-to"
  | "told-object"
  | "subject-told"
  | "quote-inverted"
  | "inverted"
  | "relative-clause"
  | "apposition"
  | "subject"
  | "far-before"
  | "far-after";

/** The most characters between a cue and a mention that are read to decide the pattern (a farther pair is `far-`). */
const READ_REACH = 300;
/** Closing quotation marks (a straight double quote counts when it follows the quotation). */
const QUOTE_MARK = /[“”"«»„]/u;

/**
 * The features of a (cue, candidate speaker) pair for the pair model (voices/pair-model.ts): the speaker
 * ranker's features of the candidate (speaker-features.ts: sieves, kind, side, distance), and, each named
 * by its prefix:
 * - the cue: `cue-p=` its detector probability in tenths ("0.3" for 0.30–0.39), `cue-stem=` its first
 *   word lower-cased;
 * - the pattern (see PairPattern): `pattern=`, and its pairs with the cue's probability `cue-p|pattern=`,
 *   the cue's word `cue|pattern=` and the candidate's kind `kind|pattern=`;
 * - what lies between them: `between-comma`, `between-quote`, `between-that` (a complementizer),
 *   `between-verb` (another word tagged VERB), `between-mention` (another mention of the sentence), and
 *   `nothing-between`;
 * - the first sieve's answer at this probability, `cue-p|first-sieve=`.
 * Bounded work: at most READ_REACH characters between the two are read.
 * @example pairFeatures(ctx, cue, candidate) // [...candidate.features, "cue-p=0.4", "pattern=subject", ...]
 */
export function pairFeatures(ctx: SieveContext, cue: Cue, candidate: SpeakerCandidate): string[] {
  const { mention } = candidate;
  const before = mention.end <= cue.start;
  const [from, to] = before ? [mention.end, cue.start] : [cue.end, mention.start];
  const near = to - from <= READ_REACH;
  const between = near ? wordsBetween(ctx, from, to) : [];
  const gap = near ? ctx.text.slice(from, to) : "";
  const pattern = pairPattern(ctx, cue, before, near, between.length, gap);
  const p = cueTenth(cue.evidence?.probability ?? 1);
  const cueWord = ctx.text.slice(cue.start, cue.end).split(/\s/u)[0]!.toLowerCase();
  const features = [
    ...candidate.features,
    `cue-p=${p}`,
    `cue-stem=${cueWord}`,
    `pattern=${pattern}`,
    `cue-p|pattern=${p}|${pattern}`,
    `cue|pattern=${cueWord}|${pattern}`,
    `kind|pattern=${mention.kind}|${pattern}`,
    `cue-p|first-sieve=${p}|${candidate.sieves[0] ?? "none"}`,
  ];
  if (!near) return features;
  if (gap.includes(",")) features.push("between-comma");
  if (QUOTE_MARK.test(gap)) features.push("between-quote");
  if (between.some((w) => ctx.grammar.complementizers[ctx.language].has(w.lower))) features.push("between-that");
  if (between.some((w) => ctx.tags?.get(w.start) === "VERB")) features.push("between-verb");
  if (mentionBetween(ctx.mentionsIn(mention.sentence), from, to)) features.push("between-mention");
  if (!between.length && !/[^\s]/u.test(gap)) features.push("nothing-between");
  return features;
}

/**
 * Whether a mention of the sentence (sorted by start) lies wholly in [from, to): a binary search for the
 * first starting at or after `from`, so the check is short however many mentions a sentence holds.
 */
function mentionBetween(mentions: readonly Span[], from: number, to: number): boolean {
  let i = lastStartingAtOrBefore(mentions, from);
  if (i < 0 || mentions[i]!.start < from) i++;
  const m = mentions[i];
  return !!m && m.start < to && m.end <= to;
}

/** A probability in tenths, as a name: 0.37 → "0.3", 1 → "0.9". */
export function cueTenth(probability: number): string {
  return (Math.min(9, Math.max(0, Math.floor(probability * 10))) / 10).toFixed(1);
}

/** The pattern of a pair (see PairPattern), from the side, the words and the characters between them. */
function pairPattern(ctx: SieveContext, cue: Cue, before: boolean, near: boolean, words: number, gap: string): PairPattern {
  if (!near) return before ? "far-before" : "far-after";
  if (cue.kind === "preposition" && !before && words <= 1) return "according-to";
  if (cue.object) return before ? "subject-told" : "told-object";
  if (!before && words <= 1) return QUOTE_MARK.test(ctx.text.slice(Math.max(0, cue.start - 4), cue.start)) ? "quote-inverted" : "inverted";
  if (!before) return "far-after";
  if (/^\s*,/u.test(gap)) {
    const next = /^\s*,\s*(\p{L}+)/u.exec(gap)?.[1]?.toLowerCase() ?? "";
    return ctx.grammar.relativePronouns[ctx.language].has(next) ? "relative-clause" : "apposition";
  }
  return words <= 2 ? "subject" : "far-before";
}
