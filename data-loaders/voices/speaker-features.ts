import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { linearScore, logistic } from "./linear-model.ts";
import type { Cue, CueSpeaker, SieveContext } from "./sieve-context.ts";
import { SPEAKER_SIEVES } from "./speaker-sieves.ts";
import type { SpeakerMention } from "./mention-types.ts";
import type { ThresholdModel } from "./attribution-model.ts";
import type { Span, SpeakerRule } from "../schema/record.ts";

/** A mention that may be a cue's speaker, with the sieves that propose it and the names of its features. */
export interface SpeakerCandidate {
  readonly mention: SpeakerMention;
  /** The sieves that chose this mention, in the order they are tried (empty: a mention of the sentence no sieve chose). */
  readonly sieves: readonly SpeakerRule[];
  readonly features: string[];
}

/**
 * The candidate speakers of one cue: what every speaker sieve proposes (each is a named feature, so
 * today's rules are evidence, not gates), and every other mention of the cue's sentence outside quotation
 * marks. Features, each named by its prefix:
 * - `sieve=` each sieve that proposes the candidate, `first-sieve=` the first in order (the rules' own
 *   answer), `no-sieve` when none does;
 * - the mention: `kind=`, `type=`, `resolved=` (how its name was reached), `unnamed`, `after-preposition`,
 *   `length=` its words (bucketed), and for a phrase, group, anonymous source or document `head=` its
 *   last word lower-cased ("officials", "report"; "Capitalised" for a name);
 * - where it stands: `side=before|after`, `words=` the words between it and the cue (bucketed), and the
 *   pairs `kind|side=`, `cue-kind|side=` (a source preposition's speaker follows it), `cue|side=` the cue's
 *   first word, `passive|side=`, `object|side=` (a name after "told" is its object);
 * - what lies between: `comma-between`, `quote-between`, `nearest-before` / `nearest-after` (no other
 *   candidate closer on that side).
 */
export function speakerCandidates(
  ctx: SieveContext,
  cue: Cue,
  earlier: readonly CueSpeaker[],
  heads: ReadonlySet<string>,
): SpeakerCandidate[] {
  const byPlace = new Map<string, { mention: SpeakerMention; sieves: SpeakerRule[] }>();
  const add = (mention: SpeakerMention, sieve: SpeakerRule | null) => {
    if (!citable(ctx, mention, heads) || isObjectOf(ctx, cue, mention)) return;
    const key = `${mention.start}:${mention.end}`;
    const entry = byPlace.get(key) ?? { mention, sieves: [] };
    if (sieve && !entry.sieves.includes(sieve)) entry.sieves.push(sieve);
    byPlace.set(key, entry);
  };
  for (const sieve of SPEAKER_SIEVES) {
    if (!sieve.languages.includes(ctx.language)) continue;
    const found = sieve.find(ctx, cue, earlier);
    if (found?.speaker) add(found.speaker, sieve.name);
  }
  for (const m of mentionsNear(ctx, cue)) add(m, null);
  const entries = mergePhrases(ctx, [...byPlace.values()]).sort(
    (a, b) => a.mention.start - b.mention.start || a.mention.end - b.mention.end,
  );
  const before = entries.filter((e) => e.mention.end <= cue.start);
  const after = entries.filter((e) => e.mention.start >= cue.end);
  const nearest = { before: before[before.length - 1]?.mention, after: after[0]?.mention };
  return entries
    .filter((e) => e.mention.end <= cue.start || e.mention.start >= cue.end)
    .map(({ mention, sieves }) => ({ mention, sieves, features: candidateFeatures(ctx, cue, mention, sieves, nearest) }));
}

/**
 * The other mentions of the cue's sentence within WINDOW words of it, not overlapping it (a window, so a
 * cue's work is bounded however long its sentence is).
 */
function mentionsNear(ctx: SieveContext, cue: Cue): SpeakerMention[] {
  const at = wordAt(ctx, cue.start);
  const sentence = ctx.words[at]?.sentence;
  if (sentence === undefined) return [];
  const from = ctx.words[Math.max(0, at - WINDOW)]!.start;
  const to = ctx.words[Math.min(ctx.words.length - 1, at + WINDOW)]!.end;
  const mentions = ctx.mentionsIn(sentence);
  const near: SpeakerMention[] = [];
  for (let i = Math.max(0, lastStartingAtOrBefore(mentions, from)); i < mentions.length && mentions[i]!.start < to; i++) {
    const m = mentions[i]!;
    if (m.start >= from && (m.end <= cue.start || m.start >= cue.end)) near.push(m);
  }
  return near;
}

/**
 * A candidate's features: the sieves that chose it, what it is, which side of the cue and how far, the
 * cue's kind and word, its head word and length, and what stands between them.
 */
function candidateFeatures(
  ctx: SieveContext,
  cue: Cue,
  mention: SpeakerMention,
  sieves: readonly SpeakerRule[],
  nearest: { readonly before: SpeakerMention | undefined; readonly after: SpeakerMention | undefined },
): string[] {
  const side = mention.end <= cue.start ? "before" : "after";
  const [from, to] = side === "before" ? [mention.end, cue.start] : [cue.end, mention.start];
  // Read at most FAR characters between them (a far candidate is marked as such), so the work stays bounded.
  const between = to - from <= FAR ? ctx.text.slice(from, to) : "";
  const words =
    Math.abs(wordAt(ctx, side === "before" ? cue.start : mention.start) - wordAt(ctx, side === "before" ? mention.end - 1 : cue.end - 1)) -
    1;
  const cueWord = ctx.text.slice(cue.start, cue.end).split(/\s/u)[0]!.toLowerCase();
  const features = [
    ...sieves.map((s) => `sieve=${s}`),
    sieves.length ? `first-sieve=${sieves[0]}` : "no-sieve",
    `kind=${mention.kind}`,
    `type=${mention.type ?? "none"}`,
    `resolved=${mention.resolvedBy ?? "none"}`,
    `side=${side}`,
    `words=${bucket(words)}`,
    `kind|side=${mention.kind}|${side}`,
    `cue-kind|side=${cue.kind}|${side}`,
    `cue|side=${cueWord}|${side}`,
  ];
  const written = ctx.text.slice(mention.start, Math.min(mention.end, mention.start + FAR)).split(/\s+/u);
  const head = written[written.length - 1]!.replace(/['’]s?$/u, "");
  if (mention.kind === "phrase" || mention.kind === "group" || mention.kind === "anonymous" || mention.kind === "document")
    features.push(`head=${/^\p{Lu}/u.test(head) ? "Capitalised" : head.toLowerCase()}`);
  features.push(`length=${bucket(written.length)}`);
  if (!mention.name) features.push("unnamed");
  if (mention.afterPreposition) features.push("after-preposition");
  if (cue.passive) features.push(`passive|side=${side}`);
  if (cue.object) features.push(`object|side=${side}`);
  if (to - from > FAR) features.push("far");
  if (between.includes(",")) features.push("comma-between");
  if (/[“”"«»„]/u.test(between)) features.push("quote-between");
  if (nearest[side] === mention) features.push(`nearest-${side}`);
  return features;
}

/**
 * A phrase a sieve built around a mention the finder resolved ("The Russian leader" around "Russian
 * leader", resolved to Vladimir Putin) is the same referent when the mention holds the phrase's head: the
 * mention stands for both, with the phrase's sieves added to its own. A mention after the head ("Harbin"
 * in "a visit to Harbin") is another referent.
 */
function mergePhrases<T extends { mention: SpeakerMention; sieves: SpeakerRule[] }>(ctx: SieveContext, entries: T[]): T[] {
  const mentions = entries.filter((e) => e.mention.kind !== "phrase");
  return entries.filter((e) => {
    if (e.mention.kind !== "phrase") return true;
    const head = phraseHead(ctx, e.mention);
    const inner = head && mentions.find((m) => m.mention.start <= head.start && head.end <= m.mention.end);
    if (!inner) return true;
    for (const sieve of e.sieves) if (!inner.sieves.includes(sieve)) inner.sieves.push(sieve);
    inner.sieves.sort((a, b) => SIEVE_ORDER.indexOf(a) - SIEVE_ORDER.indexOf(b));
    return false;
  });
}

/**
 * The speaker of a cue by the learned ranker: the candidate with the highest probability, when it reaches
 * the model's threshold; its rule is the first sieve that proposed it, or "speaker-model" when none did.
 */
export function rankSpeaker(
  ctx: SieveContext,
  cue: Cue,
  earlier: readonly CueSpeaker[],
  model: ThresholdModel,
  heads: ReadonlySet<string>,
): CueSpeaker {
  let best: { candidate: SpeakerCandidate; probability: number } | null = null;
  for (const candidate of speakerCandidates(ctx, cue, earlier, heads)) {
    const probability = logistic(linearScore(model, candidate.features));
    if (!best || probability > best.probability) best = { candidate, probability };
  }
  if (!best || best.probability < model.threshold) return { cue, speaker: null, rule: null, side: null };
  const { mention, sieves } = best.candidate;
  return { cue, speaker: mention, rule: sieves[0] ?? "speaker-model", side: mention.end <= cue.start ? "before" : "after" };
}

/**
 * Whether a mention can be cited as a speaker (the rule "citable-speaker"): every mention the speaker
 * finder names or refers back to can; a phrase only when its head, the last word before its first
 * preposition ("a senior official at the ministry" → "official"), is a name (a proper noun to wink's
 * tagger, or capitalised inside its sentence) or one of `heads`, the nouns that head annotated sources ("campaign", "poll"). So "the
 * composition", "a high-profile visit to Harbin" and "his popularity" are never speakers.
 * @example citable(ctx, phrase("The Trump campaign"), new Set(["campaign"])) // true
 */
export function citable(ctx: SieveContext, mention: SpeakerMention, heads: ReadonlySet<string>): boolean {
  if (mention.kind !== "phrase") return true;
  const head = phraseHead(ctx, mention);
  if (!head) return false;
  if (heads.has(head.lower) || ctx.tags?.get(head.start) === "PROPN") return true;
  // A capital inside the sentence marks a name even where the tagger reads a noun.
  return head.capitalised && ctx.words[lastStartingAtOrBefore(ctx.words, head.start - 1)]?.sentence === head.sentence;
}

/** The head of a phrase: its last word before the first preposition (or its last word), or null when it has none. */
export function phraseHead(ctx: Pick<SieveContext, "words" | "grammar" | "language">, phrase: Span): (typeof ctx.words)[number] | null {
  const prepositions = ctx.grammar.prepositions[ctx.language];
  let head = null;
  for (let i = Math.max(0, lastStartingAtOrBefore(ctx.words, phrase.start)); i < ctx.words.length && ctx.words[i]!.end <= phrase.end; i++) {
    const w = ctx.words[i]!;
    if (w.start < phrase.start) continue;
    if (head && prepositions.has(w.lower)) break;
    head = w;
  }
  return head;
}

/**
 * Whether a mention is the object of its cue ("told Reuters", "vertelde de krant", "urged Lavrov"): right
 * after a cue of the object list, with at most an article between. An object is never the speaker.
 */
function isObjectOf(ctx: SieveContext, cue: Cue, mention: SpeakerMention): boolean {
  if (!cue.object || mention.start < cue.end) return false;
  const between = ctx.text.slice(cue.end, mention.start);
  return between.length <= 12 && /^\s*(?:(?:the|a|an|de|het|een)\s+)?$/iu.test(between);
}

/** The sieves' names in the order they are tried. */
const SIEVE_ORDER: readonly SpeakerRule[] = SPEAKER_SIEVES.map((s) => s.name);

/** The most characters read between a candidate and its cue. */
const FAR = 600;
/** How many words either side of a cue a mention no sieve proposes may stand. */
const WINDOW = 30;

/** The index of the word at or before an offset (-1 when none). */
function wordAt(ctx: SieveContext, offset: number): number {
  return lastStartingAtOrBefore(ctx.words, offset);
}

function bucket(words: number): string {
  return words <= 2 ? String(Math.max(0, words)) : words <= 5 ? "3-5" : words <= 10 ? "6-10" : "11+";
}
