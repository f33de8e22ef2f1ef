import type { WinkNlp } from "./nlp.ts";
import { leadingWord } from "../terms/term-pattern.ts";
import type { Block, Sentence } from "../schema/record.ts";
import type { Token } from "./token.ts";

/** Block kinds whose text is analysed; boilerplate and source lines are shown but not analysed. */
export const ANALYSED_BLOCK_KINDS: ReadonlySet<Block["kind"]> = new Set(["heading", "paragraph"]);

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether `char` is a letter, mark or digit; ASCII is decided without a regular expression. */
function isWordChar(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(char);
}

/** The longest run of characters without white space that wink-nlp reads as it is. */
export const LONGEST_RUN = 256;
const LONG_RUN = new RegExp(`\\S{${LONGEST_RUN + 1},}`, "gu");

/** White space as `\s` reads it. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Whether `text` holds a run of more than LONGEST_RUN characters (code points) without white space: LONG_RUN's
 * test in one pass over the text (the regular expression retries from every character, several times slower).
 */
function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) run = 0;
    // The second half of a surrogate pair is the same character as the first.
    else if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && isHighSurrogate(text.charCodeAt(i - 1))) && ++run > LONGEST_RUN) return true;
  }
  return false;
}

/**
 * Breaks every run of more than LONGEST_RUN characters without white space (a pasted URL, a base64 blob, a
 * 200 KB "word") by turning each following character into spaces of the same length: wink-nlp's tokeniser
 * takes time quadratic in a token's length (its e-mail pattern), while no word is that long. The text keeps
 * its length, so offsets still index the body; only such runs are read differently.
 */
function breakLongRuns(text: string): string {
  if (!hasLongRun(text)) return text;
  return text.replace(LONG_RUN, (run) => {
    let out = "";
    let count = 0;
    for (const char of run) {
      out += count === LONGEST_RUN ? " ".repeat(char.length) : char;
      count = count === LONGEST_RUN ? 0 : count + 1;
    }
    return out;
  });
}

/** Where one analysed block's text stands in the joined text read by wink. */
interface Piece {
  readonly block: number;
  /** Offset of the piece in the joined text, and of the same character in the body. */
  readonly joinedStart: number;
  readonly bodyStart: number;
  readonly length: number;
}

/**
 * Splits the analysed blocks of an article into sentences and tokens with `[start, end)` offsets into the
 * body. Sentences never cross a block boundary, so a heading without a full stop is not glued to the next
 * paragraph.
 *
 * Method: the analysed blocks (trimmed, their line breaks read as spaces) are joined with a blank line
 * ("\n\n", where wink-nlp always ends a sentence) and read by wink once per article, which is faster than
 * once per block. Offsets come from wink's token values and preceding spaces, which rebuild its input
 * exactly, shifted back block by block. Should wink still run a sentence across two blocks, it is cut at
 * the boundary.
 * @param masked the body with Markdown syntax masked to spaces (same length as the body)
 */
export function splitSentences(
  nlp: WinkNlp,
  masked: string,
  blocks: readonly Block[],
): { sentences: Sentence[]; tokens: Token[]; tags: Map<number, string> | null } {
  const its = nlp.its;
  const { pieces, joined } = joinBlocks(masked, blocks);
  if (!joined) return { sentences: [], tokens: [], tags: null };
  const doc = nlp.readDoc(joined);
  // With wink's tagger in the pipeline ("pos"), every token's Universal POS tag by its body offset.
  const pos = (doc.pipeConfig() as unknown as Record<string, boolean>).pos ? (doc.tokens().out(its.pos) as string[]) : null;
  const values = doc.tokens().out(its.value) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const read: ReadTokens = { masked, values, types, ...tokenPlaces(values, spaces, types, pieces, pos), sentences: [], tokens: [] };
  // The sentences' token spans in one call (`each` would build an item with its own methods per sentence).
  for (const [first, last] of doc.sentences().out(its.span) as unknown as Array<[number, number]>) {
    let from = first;
    for (let i = first + 1; i <= last; i++) {
      if (isSeparator(read, i)) continue;
      if (isSeparator(read, from)) from = i;
      else if (read.blockOf[i] !== read.blockOf[from]) {
        emitSentence(read, from, i - 1);
        from = i;
      }
    }
    emitSentence(read, from, last);
  }
  return { sentences: read.sentences, tokens: read.tokens, tags: read.tags };
}

/**
 * The analysed blocks joined by blank lines, each trimmed, its line breaks made spaces and its long runs
 * broken (the text wink reads), with where each piece starts in the joined text and in the body.
 */
function joinBlocks(masked: string, blocks: readonly Block[]): { pieces: Piece[]; joined: string } {
  const pieces: Piece[] = [];
  let joined = "";
  for (const block of blocks) {
    if (!ANALYSED_BLOCK_KINDS.has(block.kind)) continue;
    const raw = masked.slice(block.start, block.end);
    const lead = raw.length - raw.trimStart().length;
    const text = breakLongRuns(raw.trim().replace(/[\r\n]/g, " "));
    if (!text) continue;
    if (joined) joined += "\n\n";
    pieces.push({ block: block.index, joinedStart: joined.length, bodyStart: block.start + lead, length: text.length });
    joined += text;
  }
  return { pieces, joined };
}

/** wink's tokens of one article as splitSentences reads them, and the sentences and tokens made so far. */
interface ReadTokens {
  readonly masked: string;
  readonly values: readonly string[];
  readonly types: readonly string[];
  /** Each token's body offset and block (undefined for the separators between blocks). */
  readonly starts: readonly number[];
  readonly blockOf: readonly number[];
  readonly tags: Map<number, string> | null;
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/** The body offset and block of every token, and (with tags) each token's tag by its offset. */
function tokenPlaces(
  values: readonly string[],
  spaces: readonly string[],
  types: readonly string[],
  pieces: readonly Piece[],
  pos: readonly string[] | null,
): { starts: number[]; blockOf: number[]; tags: Map<number, string> | null } {
  const tags = pos ? new Map<number, string>() : null;
  const starts = new Array<number>(values.length);
  const blockOf = new Array<number>(values.length);
  let at = 0;
  let p = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    if (types[i] === "tabCRLF") {
      at += values[i]!.length;
      continue;
    }
    while (p + 1 < pieces.length && at >= pieces[p + 1]!.joinedStart) p++;
    const piece = pieces[p]!;
    starts[i] = piece.bodyStart + (at - piece.joinedStart);
    blockOf[i] = piece.block;
    if (pos) tags!.set(starts[i]!, pos[i]!);
    at += values[i]!.length;
  }
  return { starts, blockOf, tags };
}

/**
 * wink keeps the "\n\n" separators as tokens of type tabCRLF, and after "wow..just" it emits an empty word
 * token between the stops: neither belongs to a sentence.
 */
function isSeparator(read: ReadTokens, i: number): boolean {
  return read.types[i] === "tabCRLF" || read.values[i] === "";
}

/**
 * Adds tokens first..last (one block) as a sentence, or to the sentence before it when they do not start
 * one: no word (the second stop of "wow.."), glued to a full stop with no space between (wink ends a sentence
 * inside "example-policy.com" and "report.pdf"), or starting in lower case after a stop or bracket (after
 * "Rep. Earl Blumenauer (D-Ore.) said" wink ends a sentence at the abbreviation's stop).
 */
function emitSentence(read: ReadTokens, first: number, last: number): void {
  const { masked, values, types, starts, blockOf, sentences } = read;
  while (first <= last && isSeparator(read, first)) first++;
  while (last >= first && isSeparator(read, last)) last--;
  if (first > last) return;
  const previous = sentences[sentences.length - 1];
  let hasWord = false;
  for (let i = first; i <= last && !hasWord; i++) hasWord = types[i] === "word" || types[i] === "number";
  const glued = !!previous && previous.end === starts[first] && masked[previous.end - 1] === "." && isWordChar(masked[starts[first]!]);
  const continued = !!previous && /[.)]/u.test(masked[previous.end - 1] ?? "") && /^\p{Ll}/u.test(masked[starts[first]!] ?? "");
  let index: number;
  if ((!hasWord || glued || continued) && previous && previous.block === blockOf[first]) {
    index = previous.index;
    sentences[index] = { ...previous, end: starts[last]! + values[last]!.length };
  } else {
    index = sentences.length;
    sentences.push({ index, start: starts[first]!, end: starts[last]! + values[last]!.length, block: blockOf[first]! });
  }
  for (let i = first; i <= last; i++) {
    if (isSeparator(read, i)) continue;
    const value = values[i]!;
    const start = starts[i]!;
    const type = types[i]!;
    // Only word and number tokens can start a word; "’s" is a word token that does not.
    const wordStart = (type === "word" || type === "number") && isWordChar(value[0]!) && (start === 0 || !isWordChar(masked[start - 1]!));
    const word = wordStart ? leadingWord(value).toLowerCase() : "";
    read.tokens.push({ start, end: start + value.length, sentence: index, type, value, word });
  }
}
