import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { Token } from "../reading/token.ts";
import { cueCandidates, englishStem, type CueReading } from "./cue-features.ts";

/** One sentence as the sequence model reads it: its tokens (indices into the reading's tokens) and their features. */
export interface FeaturedSentence {
  readonly sentence: number;
  readonly tokens: readonly Token[];
  readonly features: readonly (readonly string[])[];
}

/** Words that open a reported clause ("said that", "asked whether"). */
const COMPLEMENTIZERS = new Set(["that", "whether", "if"]);

/**
 * The emission features of every token of an English article, by sentence, for the attribution sequence
 * model (voices/sequence-model.ts). Every token has the families below, each named by its prefix; a token
 * the cue detector scores (voices/cue-features.ts) also has all of that detector's features. The number
 * of features per token is bounded, so the work is linear in the article's length.
 * - the word: `w=` lower-cased (capitalised inside a sentence kept), `s=` stem, `suf=` last three letters,
 *   `shape=` (Xx, x, X, d, p);
 * - parts of speech: `t=`, `t-1=`, `t+1=`, `t-2=`, `t+2=`, `t-1|t=`, `t|t+1=`; neighbours `w-1=`, `w+1=`,
 *   `w-2=`, `w+2=` and the word pairs `w-1|w=`, `w|w+1=`;
 * - lists: `list=` each speech-cue list holding the token;
 * - place: `in-quote` (inside a direct quotation), `quote-mark`, `block=` a block other than a paragraph,
 *   `cue-before=` / `cue-after=` the distance in tokens to the nearest listed cue of the sentence on that
 *   side (1, 2, 3, 4-6, 7+ or none), `that-since-cue` (a complementizer stands between the nearest listed
 *   cue before and the token), `quote-in-sentence`.
 */
export function sentenceFeatures(reading: CueReading): FeaturedSentence[] {
  const direct = reading.quotations.filter((q) => q.kind === "direct");
  const candidates = new Map(cueCandidates(reading).map((c) => [c.token, c.features]));
  const out: FeaturedSentence[] = [];
  let first = 0;
  while (first < reading.tokens.length) {
    const sentence = reading.tokens[first]!.sentence;
    let end = first;
    while (end < reading.tokens.length && reading.tokens[end]!.sentence === sentence) end++;
    out.push(featuresOfSentence(reading, direct, candidates, first, end));
    first = end;
  }
  return out;
}

/** Whether a list (sorted by start) has a match covering the token. */
function inList(list: readonly TermMatch[], t: Token): boolean {
  const m = list[lastStartingAtOrBefore(list, t.start)];
  return !!m && m.end >= t.end;
}

/** A distance in tokens, bucketed. */
function bucket(distance: number): string {
  if (distance === Infinity) return "none";
  return distance <= 3 ? String(distance) : distance <= 6 ? "4-6" : "7+";
}

/** The features of tokens [first, end) of one sentence. */
function featuresOfSentence(
  reading: CueReading,
  direct: CueReading["quotations"],
  candidates: ReadonlyMap<number, readonly string[]>,
  first: number,
  end: number,
): FeaturedSentence {
  const { tokens, lists } = reading;
  const listed = (t: Token) => inList(lists.cue, t) || inList(lists.thought, t) || inList(lists.sourcePreposition, t);
  const n = end - first;
  const cueBefore = new Array<number>(n).fill(Infinity);
  const cueAfter = new Array<number>(n).fill(Infinity);
  const thatSinceCue = new Array<boolean>(n).fill(false);
  let lastCue = -Infinity;
  let that = false;
  for (let k = 0; k < n; k++) {
    cueBefore[k] = k - lastCue;
    thatSinceCue[k] = that && lastCue > -Infinity;
    if (listed(tokens[first + k]!)) [lastCue, that] = [k, false];
    else if (COMPLEMENTIZERS.has(tokens[first + k]!.value.toLowerCase())) that = true;
  }
  let nextCue = Infinity;
  for (let k = n - 1; k >= 0; k--) {
    cueAfter[k] = nextCue - k;
    if (listed(tokens[first + k]!)) nextCue = k;
  }
  const sentence = reading.sentences[tokens[first]!.sentence]!;
  const q = direct[lastStartingAtOrBefore(direct, sentence.end - 1)];
  const quoteInSentence = !!q && q.end > sentence.start;
  const features = Array.from({ length: n }, (_, k) => {
    const i = first + k;
    const own = tokenFeatures(reading, direct, i, first, end);
    own.push(`cue-before=${bucket(cueBefore[k]!)}`, `cue-after=${bucket(cueAfter[k]!)}`);
    if (thatSinceCue[k]) own.push("that-since-cue");
    if (quoteInSentence) own.push("quote-in-sentence");
    const candidate = candidates.get(i);
    return candidate ? [...new Set([...own, ...candidate])] : own;
  });
  return { sentence: tokens[first]!.sentence, tokens: tokens.slice(first, end), features };
}

/** A token's shape: capitalised, lower case, all capitals, digits or punctuation. */
function shapeOf(value: string): string {
  if (/^\p{Lu}\p{Ll}/u.test(value)) return "Xx";
  if (/^\p{Ll}/u.test(value)) return "x";
  if (/^\p{Lu}+$/u.test(value)) return "X";
  return /^\p{N}/u.test(value) ? "d" : "p";
}

/** The word, part-of-speech, list and quotation features of token i of the sentence [first, end). */
function tokenFeatures(reading: CueReading, direct: CueReading["quotations"], i: number, first: number, end: number): string[] {
  const { tokens, tags, lists, blocks, sentences } = reading;
  const token = tokens[i]!;
  const tagAt = (k: number) => (k >= first && k < end ? (tags.get(tokens[k]!.start) ?? "X") : "none");
  const wordAt = (k: number) => (k >= first && k < end ? tokens[k]!.value.toLowerCase() : "none");
  const capitalised = i > first && tokens[i - 1]!.type !== "punctuation" && /^\p{Lu}/u.test(token.value);
  const lower = capitalised ? token.value : token.value.toLowerCase();
  const tag = tagAt(i);
  const features = [
    "bias",
    `w=${lower}`,
    `s=${englishStem(lower)}`,
    `suf=${lower.slice(-3)}`,
    `shape=${shapeOf(token.value)}`,
    `t=${tag}`,
    `t-1=${tagAt(i - 1)}`,
    `t+1=${tagAt(i + 1)}`,
    `t-2=${tagAt(i - 2)}`,
    `t+2=${tagAt(i + 2)}`,
    `t-1|t=${tagAt(i - 1)}|${tag}`,
    `t|t+1=${tag}|${tagAt(i + 1)}`,
    `w-1=${wordAt(i - 1)}`,
    `w+1=${wordAt(i + 1)}`,
    `w-2=${wordAt(i - 2)}`,
    `w+2=${wordAt(i + 2)}`,
    `w-1|w=${wordAt(i - 1)}|${lower}`,
    `w|w+1=${lower}|${wordAt(i + 1)}`,
  ];
  if (inList(lists.cue, token)) features.push("list=cue");
  if (inList(lists.thought, token)) features.push("list=thought");
  if (inList(lists.objectCue, token)) features.push("list=object");
  if (inList(lists.sourcePreposition, token)) features.push("list=preposition");
  if (inList(lists.idiom, token)) features.push("list=idiom");
  const q = direct[lastStartingAtOrBefore(direct, token.start)];
  if (q && token.start >= q.innerStart && token.end <= q.innerEnd) features.push("in-quote");
  else if (q && token.start < q.end) features.push("quote-mark");
  const kind = blocks[sentences[token.sentence]!.block]?.kind ?? "none";
  if (kind !== "paragraph") features.push(`block=${kind}`);
  return features;
}
