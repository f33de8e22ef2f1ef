import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { Quotation } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { Token } from "../reading/token.ts";
import { hasVerbReading } from "./verb-reading.ts";
import { candidateFamily, familyFeatures, type CueFamily } from "./cue-families.ts";
import type { Block, Sentence, Span } from "../schema/record.ts";

/** What the cue detector reads of one article (English: wink's part-of-speech tags are needed). */
export interface CueReading {
  /** The masked body. */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Universal POS tags by body offset. */
  readonly tags: ReadonlyMap<number, string>;
  readonly sentences: readonly Sentence[];
  readonly blocks: readonly Block[];
  /** Quotations, sorted by start; only direct ones count. */
  readonly quotations: readonly Quotation[];
  /** The speech-cue lists' matches, each sorted by start: lists are features of the model, not gates. */
  readonly lists: CueLists;
  /** Determiners ("the", "a"): a listed word after one has no verb reading (voices/verb-reading.ts). */
  readonly determiners: ReadonlySet<string>;
}

/** Matches of the speech-cue lists (voices/speech-cues.ts), by list. */
export interface CueLists {
  /** Reporting verbs, quote-only cues and naming cues. */
  readonly cue: readonly TermMatch[];
  /** Verbs of thought and document verbs. */
  readonly thought: readonly TermMatch[];
  /** Cues whose next name is their object ("told"). */
  readonly objectCue: readonly TermMatch[];
  readonly sourcePreposition: readonly TermMatch[];
  /** Idioms holding a cue word ("head of state"). */
  readonly idiom: readonly TermMatch[];
}

/** A token the cue model scores, with the names of its features. */
export interface CueCandidate extends Span {
  /** Index into the reading's tokens. */
  readonly token: number;
  /** The list match holding the token, when one does: a cue the model accepts spans the whole match ("according to"). */
  readonly listSpan: Span | null;
  readonly features: string[];
}

/** How many words a quotation mark may stand from a cue and still be "next to" it. */
const QUOTE_REACH = 4;

/**
 * A crude English stem: the word without a regular inflection ("says" → "say", "claimed" → "claim",
 * "arguing" → "argu"), so an inflection the training data lacks still shares its weight.
 * @example englishStem("reported") // "report"
 */
export function englishStem(lower: string): string {
  if (lower.length > 5 && lower.endsWith("ing")) return lower.slice(0, -3);
  if (lower.length > 4 && lower.endsWith("ied")) return `${lower.slice(0, -3)}y`;
  if (lower.length > 4 && lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (lower.length > 4 && lower.endsWith("ed")) return lower.slice(0, -2);
  if (lower.length > 3 && lower.endsWith("s") && !lower.endsWith("ss")) return lower.slice(0, -1);
  return lower;
}

/**
 * The tokens the cue model scores, with their features: every verb (wink's tag VERB), every word a
 * speech-cue list holds whatever its tag ("according to", "volgens"), and the tokens of the optional
 * `families` the model was fitted with (voices/cue-families.ts: nouns, adjectives before a preposition,
 * colons), which also have the features `family=`, `after-possessive` and `noun-complement=`. Tokens of headings, captions and other
 * non-paragraph blocks, and tokens inside direct quotations, are left out (the speaker of a quotation
 * inside a quotation is not attributed). Linear in the article's length: one pass over the tokens, with
 * pointers into the sorted lists and quotations.
 *
 * The feature families, each named by its prefix:
 * - the word: `w=` lower-cased word, `s=` its stem, `suf=` its last three letters;
 * - parts of speech: `t=` its tag, `w|t=` its word with its tag, `t-1=`, `t-2=`, `t+1=`, `t+2=` its neighbours', and the pairs `s|t+1=`, `s|t-1=`;
 * - neighbouring words: `w-1=`, `w+1=` (punctuation included, lower-cased);
 * - lists: `list=cue`, `list=thought`, `list=object`, `list=preposition`, `list=idiom`, `entry=` the
 *   list entry that matched, and `listed-verb` / `listed-noun` the rules' verb reading of a listed word;
 * - quotation marks: `after-quote` (a direct quotation closes at most four words before, in the sentence),
 *   `before-quote` (one opens at most four words after), `quote-opens-sentence`;
 * - the sentence: `first-word`, `last-word`, `after-comma`, `before-comma`, `before-colon`, `before-that`,
 *   `that-soon` (a complementizer two or three tokens on), `sentence-quote` and `s|sentence-quote=` (a
 *   direct quotation in the sentence), `subject=` what stands before it, `clause-after=` what follows it.
 * A word capitalised inside a sentence (not right after punctuation) keeps its capital in `w=`, `s=` and
 * `suf=` and has the feature `capitalised`: "States" of "United States" is not "states".
 */
export function cueCandidates(reading: CueReading, families: ReadonlySet<CueFamily> = NO_FAMILIES): CueCandidate[] {
  const direct = reading.quotations.filter((q) => q.kind === "direct");
  const out: CueCandidate[] = [];
  for (let i = 0; i < reading.tokens.length; i++) {
    const candidate = candidateAt(reading, direct, i, families);
    if (candidate) out.push(candidate);
  }
  return out;
}

/** Verbs and listed words only (a model fitted before the families). */
const NO_FAMILIES: ReadonlySet<CueFamily> = new Set();

/** The match of a list (sorted by start) that covers a token, or null. */
function listOf(list: readonly TermMatch[], t: Token): TermMatch | null {
  const m = list[lastStartingAtOrBefore(list, t.start)];
  return m && m.end >= t.end ? m : null;
}

/** Token i's tag if it is in sentence `sentence` ("X" untagged), else "none". */
function tagAt(reading: CueReading, i: number, sentence: number): string {
  const t = reading.tokens[i];
  return t && t.sentence === sentence ? (reading.tags.get(t.start) ?? "X") : "none";
}

/** Token i's lower-cased word if it is in sentence `sentence`, else "none". */
function wordAt(reading: CueReading, i: number, sentence: number): string {
  const t = reading.tokens[i];
  return t && t.sentence === sentence ? t.value.toLowerCase() : "none";
}

/**
 * Token i as a cue candidate, when it is a word tagged as a verb, in a list or of one of `families`, in a
 * paragraph and outside quotation marks.
 */
function candidateAt(reading: CueReading, direct: readonly Quotation[], i: number, families: ReadonlySet<CueFamily>): CueCandidate | null {
  const { tokens, tags, sentences, blocks } = reading;
  const token = tokens[i]!;
  const family = candidateFamily(tokens, tags, i, families);
  if (token.type !== "word" && !family) return null;
  const tag = tags.get(token.start) ?? "X";
  const lists: Array<[string, TermMatch | null]> = [
    ["cue", listOf(reading.lists.cue, token)],
    ["thought", listOf(reading.lists.thought, token)],
    ["object", listOf(reading.lists.objectCue, token)],
    ["preposition", listOf(reading.lists.sourcePreposition, token)],
  ];
  const verbOrListed = tag === "VERB" || lists.some(([, m]) => m);
  if (!verbOrListed && !family) return null;
  const sentence = sentences[token.sentence]!;
  const q = direct[lastStartingAtOrBefore(direct, token.start)];
  if (blocks[sentence.block]?.kind !== "paragraph" || (!!q && q.end > token.start)) return null;
  const s = token.sentence;
  // A capitalised word inside a sentence is mostly part of a name ("United States"): its word and stem
  // are kept apart from the lower-case verb's ("states"), so names do not weigh against the verb.
  const capitalised = tokens[i - 1]?.sentence === s && tokens[i - 1]!.type !== "punctuation" && /^\p{Lu}/u.test(token.value);
  const lower = capitalised ? token.value : token.value.toLowerCase();
  const stem = englishStem(lower);
  const features = wordFeatures(reading, i, s, lower, stem, tag);
  const listSpan = listFeatures(reading, i, lists, features);
  features.push(...placeFeatures(reading, direct, i, sentence, stem));
  if (capitalised) features.push("capitalised");
  if (family && !verbOrListed) features.push(...familyFeatures(tokens, tags, i, family));
  return { token: i, start: token.start, end: token.end, listSpan, features };
}

/** The word, its stem, suffix and tag, and its neighbours' words and tags. */
function wordFeatures(reading: CueReading, i: number, s: number, lower: string, stem: string, tag: string): string[] {
  const next = tagAt(reading, i + 1, s);
  const previous = tagAt(reading, i - 1, s);
  return [
    `w=${lower}`,
    `s=${stem}`,
    `suf=${lower.slice(-3)}`,
    `t=${tag}`,
    `w|t=${lower}|${tag}`,
    `t-1=${previous}`,
    `t-2=${tagAt(reading, i - 2, s)}`,
    `t+1=${next}`,
    `t+2=${tagAt(reading, i + 2, s)}`,
    `s|t+1=${stem}|${next}`,
    `s|t-1=${stem}|${previous}`,
    `w-1=${wordAt(reading, i - 1, s)}`,
    `w+1=${wordAt(reading, i + 1, s)}`,
    `s|w+1=${stem}|${wordAt(reading, i + 1, s)}`,
    `t+1|t+2=${next}|${tagAt(reading, i + 2, s)}`,
    `t-1|t=${previous}|${tag}`,
  ];
}

/**
 * Adds the lists that hold token i (list and entry), the rules' verb reading of a listed word ("the
 * treaty states that" against "the report") and the idiom list to `features`; returns the longest list
 * match's span.
 */
function listFeatures(reading: CueReading, i: number, lists: ReadonlyArray<[string, TermMatch | null]>, features: string[]): Span | null {
  const { tokens, tags } = reading;
  const token = tokens[i]!;
  const s = token.sentence;
  let listSpan: Span | null = null;
  for (const [name, m] of lists) {
    if (!m) continue;
    features.push(`list=${name}`, `entry=${name}:${m.entry}`);
    if (!listSpan || m.end - m.start > listSpan.end - listSpan.start) listSpan = { start: m.start, end: m.end };
  }
  if (listSpan) {
    const before = tokens[i - 1]?.sentence === s && tokens[i - 1]!.type === "word" ? tokens[i - 1]!.value.toLowerCase() : null;
    features.push(
      hasVerbReading(token, tags, before, reading.determiners, nextWord(tokens, i, s) === "that") ? "listed-verb" : "listed-noun",
    );
  }
  if (listOf(reading.lists.idiom, token)) features.push("list=idiom");
  return listSpan;
}

/** Where token i stands: by quotations, at the sentence's edges, by punctuation and "that", its subject and clause. */
function placeFeatures(reading: CueReading, direct: readonly Quotation[], i: number, sentence: Sentence, stem: string): string[] {
  const { text, tokens, tags } = reading;
  const token = tokens[i]!;
  const s = token.sentence;
  const features: string[] = [];
  const q = direct[lastStartingAtOrBefore(direct, token.start)];
  if (q && q.end <= token.start && q.end >= sentence.start && wordsIn(text, q.end, token.start) <= QUOTE_REACH)
    features.push("after-quote");
  const following = direct[lastStartingAtOrBefore(direct, token.end - 1) + 1] ?? null;
  if (following && following.start < sentence.end && wordsIn(text, token.end, following.start) <= QUOTE_REACH)
    features.push("before-quote");
  if (q && q.start >= sentence.start && q.start <= sentence.start + 2 && q.end <= token.start) features.push("quote-opens-sentence");
  if (tokens[i - 1]?.sentence !== s) features.push("first-word");
  if (!hasWordAfter(tokens, i, s)) features.push("last-word");
  const before = tokens[i - 1]?.sentence === s ? tokens[i - 1]!.value : "";
  const after = tokens[i + 1]?.sentence === s ? tokens[i + 1]!.value : "";
  if (before === ",") features.push("after-comma");
  if (after === ",") features.push("before-comma");
  if (after === ":") features.push("before-colon");
  if (after.toLowerCase() === "that") features.push("before-that");
  if (THAT.has(wordAt(reading, i + 2, s)) || THAT.has(wordAt(reading, i + 3, s))) features.push("that-soon");
  if (quoteInSentence(direct, sentence)) features.push("sentence-quote", `s|sentence-quote=${stem}`);
  features.push(`subject=${subjectBefore(tokens, tags, i, s)}`, `clause-after=${clauseAfter(tokens, tags, i, s)}`);
  return features;
}

/** Words that open a reported clause soon after a cue ("told reporters that", "asked him whether"). */
const THAT = new Set(["that", "whether", "if", "how", "why", "what"]);

/** Whether a direct quotation overlaps the sentence. */
function quoteInSentence(direct: readonly Quotation[], sentence: Sentence): boolean {
  const q = direct[lastStartingAtOrBefore(direct, sentence.end - 1)];
  return !!q && q.end > sentence.start;
}

/** Person pronouns that can speak. */
const SPEAKING_PRONOUNS = new Set(["he", "she", "they", "i", "we", "you", "who"]);
/** How far a subject or a clause is looked for, in tokens. */
const REACH = 4;

/**
 * What stands before token i as its likely subject, looking back at most REACH tokens over adverbs,
 * auxiliaries and particles: a speaking pronoun, a proper name, a noun, something else, or nothing.
 */
function subjectBefore(tokens: readonly Token[], tags: ReadonlyMap<number, string>, i: number, s: number): string {
  for (let k = i - 1; k >= 0 && k >= i - REACH && tokens[k]!.sentence === s; k--) {
    const tag = tags.get(tokens[k]!.start) ?? "X";
    if (tag === "ADV" || tag === "AUX" || tag === "PART") continue;
    if (tag === "PRON") return SPEAKING_PRONOUNS.has(tokens[k]!.value.toLowerCase()) ? "person-pronoun" : "pronoun";
    if (tag === "PROPN" || tag === "NOUN") return tag.toLowerCase();
    return tokens[k]!.value === "," ? "comma" : "other";
  }
  return "none";
}

/**
 * What follows token i: a clause (a noun phrase then a verb within REACH tokens, or a complementizer),
 * an infinitive ("to"), a noun phrase, punctuation, or nothing.
 */
function clauseAfter(tokens: readonly Token[], tags: ReadonlyMap<number, string>, i: number, s: number): string {
  const first = tokens[i + 1];
  if (!first || first.sentence !== s) return "none";
  const lower = first.value.toLowerCase();
  if (THAT.has(lower)) return "complementizer";
  if (lower === "to") return "infinitive";
  const tag = tags.get(first.start) ?? "X";
  if (tag === "PUNCT") return `punct${first.value}`;
  for (let k = i + 2; k < tokens.length && k <= i + 1 + REACH && tokens[k]!.sentence === s; k++) {
    const t = tags.get(tokens[k]!.start);
    if (t === "VERB" || t === "AUX") return "clause";
    if (t === "PUNCT" || t === "ADP") break;
  }
  return tag === "DET" || tag === "NOUN" || tag === "PROPN" || tag === "PRON" ? "noun-phrase" : "other";
}

/** The lower-cased token after token i in sentence s, or "". */
function nextWord(tokens: readonly Token[], i: number, s: number): string {
  return tokens[i + 1]?.sentence === s ? tokens[i + 1]!.value.toLowerCase() : "";
}

/** Whether a word token follows token i in sentence s. */
function hasWordAfter(tokens: readonly Token[], i: number, s: number): boolean {
  for (let k = i + 1; k < tokens.length && tokens[k]!.sentence === s; k++) if (tokens[k]!.type === "word") return true;
  return false;
}

/** The number of words in text[start, end), capped at QUOTE_REACH + 1 (so the scan stays short). */
function wordsIn(text: string, start: number, end: number): number {
  let words = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const letter = /[\p{L}\p{N}]/u.test(text[i]!);
    if (letter && !inWord && ++words > QUOTE_REACH) return words;
    inWord = letter;
  }
  return words;
}
