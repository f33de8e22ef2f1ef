import type { TermMatch } from "./match-terms.ts";
import { lastStartingAtOrBefore } from "./search-offsets.ts";
import type { QuotationKind, QuotationReason } from "../schema/enums.ts";
import type { Block, Sentence } from "../schema/record.ts";
import type { Token } from "../reading/token.ts";

/**
 * A span between quotation marks. `start`/`end` include the marks; `innerStart`/`innerEnd` do not.
 * `kind` is the one decision that both the rhetorical-devices analysis and source attribution use:
 * "direct" (someone's words) or "scare" (a word or short phrase set apart without being attributed).
 */
export interface Quotation {
  readonly start: number;
  readonly end: number;
  readonly innerStart: number;
  readonly innerEnd: number;
  readonly kind: QuotationKind;
  /** Why it was classified so (the rule's name). */
  readonly reason: QuotationReason;
  /** False when the closing mark is missing and the quotation runs to the end of its block. */
  readonly closed: boolean;
  readonly words: number;
  /** Index of the sentence in which the quotation opens. */
  readonly sentence: number;
}

/** What tells scare quotes from quotations. */
export interface QuotationRules {
  /** A quoted span of at most this many words, with no speech cue in its sentence, is a scare quote. */
  readonly scareMaxWords: number;
  /** Speech cues found in the text ("said", "zei", "according to"). */
  readonly cues: readonly TermMatch[];
  /** Distancing words found in the text ("so-called", "zogenaamde"): a quote right after one is a scare quote. */
  readonly soCalled: readonly TermMatch[];
}

type Family = "double" | "single";
interface Open {
  readonly at: number;
  readonly glyph: string;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
/** Every character that can open or close a quotation; the scan jumps from one to the next. */
const QUOTE_MARKS = /["'“”„«»‘’‚]/g;
const SPACE = /[\s\u00A0]/u;

/**
 * Finds quotations in the analysed blocks of `text` (the masked body) in every style the corpus uses:
 * “…”, "…", „…”, „…“, «…», ‘…’, '…', ‚…‘, and ''…'' (two apostrophes, as some newswires write a double quote). Double quotes may run over several sentences; a double quote
 * that is not closed by the end of its block runs to the block's end (the convention for quotes that go on
 * into the next paragraph). Single quotes are told apart from apostrophes by their neighbours: an
 * apostrophe has a letter on both sides (regio's, Hegemon’s) or stands at a word's start ('t).
 *
 * Classification, in order: a quote right after "so-called"/"zogenaamde" is scare; an unclosed one is
 * direct; one whose inner text ends a sentence (. ! ?) is direct; one longer than `scareMaxWords` words is
 * direct; one whose sentence has a speech cue outside the quote is direct; the rest (short, unattributed)
 * are scare quotes.
 */
export function findQuotations(
  text: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  rules: QuotationRules,
): Quotation[] {
  const spans: QuoteSpan[] = [];
  for (const block of blocks) if (block.kind === "heading" || block.kind === "paragraph") spans.push(...blockQuotes(text, block));
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  return spans.map((span) => {
    const { innerStart, innerEnd } = span;
    const words = countWords(tokens, innerStart, innerEnd);
    const sentence = sentenceAt(sentences, span.start);
    const first = sentences[sentence];
    const last = sentences[sentenceAt(sentences, Math.max(span.start, span.end - 1))];
    const { kind, reason } = classify(text, span, innerStart, innerEnd, words, first, last, rules.cues, rules.soCalled, rules);
    return { start: span.start, end: span.end, innerStart, innerEnd, kind, reason, closed: span.closed, words, sentence };
  });
}

/** A span between quotation marks as the scan finds it, before it is classified. */
interface QuoteSpan {
  readonly start: number;
  readonly end: number;
  readonly closed: boolean;
  readonly innerStart: number;
  readonly innerEnd: number;
}

/**
 * The quotations of one block, mark by mark. An unclosed double quote runs to the block's end; an unclosed
 * single one was most likely an apostrophe.
 */
function blockQuotes(text: string, block: Block): QuoteSpan[] {
  const scan = new QuoteScan(text, block);
  QUOTE_MARKS.lastIndex = block.start;
  for (let found = QUOTE_MARKS.exec(text); found && found.index < block.end; found = QUOTE_MARKS.exec(text)) {
    const skipTo = scan.mark(found.index, found[0]);
    if (skipTo !== null) QUOTE_MARKS.lastIndex = skipTo;
  }
  const open = scan.open.double;
  if (open)
    scan.spans.push({ start: open.at, end: block.end, closed: false, innerStart: open.at + open.glyph.length, innerEnd: block.end });
  return scan.spans;
}

/** The state of a block's scan: the quotation open in each family, and the spans closed so far. */
class QuoteScan {
  readonly open: Record<Family, Open | null> = { double: null, single: null };
  readonly spans: QuoteSpan[] = [];

  constructor(
    private readonly text: string,
    private readonly block: Block,
  ) {}

  private close(family: Family, at: number, length = 1): void {
    const opened = this.open[family]!;
    this.spans.push({ start: opened.at, end: at + length, closed: true, innerStart: opened.at + opened.glyph.length, innerEnd: at });
    this.open[family] = null;
  }

  /** Reads the mark `char` at `i`: opens or closes a quotation, or neither; returns where the scan goes on, when it skips. */
  mark(i: number, char: string): number | null {
    const { text, block, open } = this;
    const before = i > block.start ? text[i - 1]! : " ";
    const after = i + 1 < block.end ? text[i + 1]! : " ";
    switch (char) {
      case "„":
      case "«":
        if (!open.double) open.double = { at: i, glyph: char };
        break;
      case "“":
        // “ closes a quote opened with „ (Dutch/German style), otherwise it opens one.
        if (open.double?.glyph === "„") this.close("double", i);
        else if (!open.double) open.double = { at: i, glyph: char };
        break;
      case "”":
      case "»":
        if (open.double) this.close("double", i);
        break;
      case '"':
        if (open.double && !SPACE.test(before)) this.close("double", i);
        else if (!open.double && !SPACE.test(after)) open.double = { at: i, glyph: char };
        break;
      case "‘":
      case "‚":
        if (!LETTER.test(before) && !open.single) open.single = { at: i, glyph: char };
        break;
      case "’":
        if (open.single && !SPACE.test(before) && !LETTER.test(after)) this.close("single", i);
        break;
      case "'":
        return this.apostrophe(i, before, after);
    }
    return null;
  }

  /**
   * A typewriter apostrophe: two of them are a double quotation mark (''…'', the style of some newswires);
   * one inside a word is an apostrophe; else a single quotation mark, when its neighbours say so.
   */
  private apostrophe(i: number, before: string, after: string): number | null {
    const { text, block, open } = this;
    if (after === "'") {
      const next = i + 2 < block.end ? text[i + 2]! : " ";
      if (open.double && !SPACE.test(before)) this.close("double", i, 2);
      else if (!open.double && !SPACE.test(next)) open.double = { at: i, glyph: "''" };
      return i + 2;
    }
    if (LETTER.test(before) && LETTER.test(after)) return null;
    if (open.single && !SPACE.test(before) && !LETTER.test(after)) this.close("single", i);
    else if (!open.single && !LETTER.test(before) && LETTER.test(after)) open.single = { at: i, glyph: "'" };
    return null;
  }
}

function classify(
  text: string,
  span: { start: number; end: number; closed: boolean },
  innerStart: number,
  innerEnd: number,
  words: number,
  first: Sentence | undefined,
  last: Sentence | undefined,
  cues: readonly TermMatch[],
  soCalled: readonly TermMatch[],
  rules: QuotationRules,
): { kind: QuotationKind; reason: QuotationReason } {
  // Only the nearest "so-called" before the quotation can stand right before it (matches are sorted).
  let nearest = lastStartingAtOrBefore(soCalled, span.start - 1);
  while (nearest >= 0 && soCalled[nearest]!.end > span.start) nearest--;
  const soCalledBefore = soCalled[nearest];
  if (soCalledBefore && text.slice(soCalledBefore.end, span.start).trim() === "") return { kind: "scare", reason: "so-called" };
  if (!span.closed) return { kind: "direct", reason: "unclosed" };
  if (/[.!?…][\s"'”’»)]*$/u.test(text.slice(innerStart, innerEnd))) return { kind: "direct", reason: "full-sentence" };
  if (words > rules.scareMaxWords) return { kind: "direct", reason: "long" };
  const from = first?.start ?? span.start;
  const to = last?.end ?? span.end;
  let cued = false;
  for (let i = lastStartingAtOrBefore(cues, from - 1) + 1; i < cues.length && cues[i]!.start < to && !cued; i++) {
    const m = cues[i]!;
    cued = m.end <= to && (m.end <= span.start || m.start >= span.end);
  }
  return cued ? { kind: "direct", reason: "has-speech-cue" } : { kind: "scare", reason: "short-without-cue" };
}

function countWords(tokens: readonly Token[], start: number, end: number): number {
  let n = 0;
  // The first token starting at or after `start`.
  let i = lastStartingAtOrBefore(tokens, start - 1) + 1;
  for (; i < tokens.length && tokens[i]!.start < end; i++) if (tokens[i]!.type === "word" || tokens[i]!.type === "number") n++;
  return n;
}

/** Index of the sentence containing `offset`, or of the nearest sentence before it (-1 if none). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  return lastStartingAtOrBefore(sentences, offset);
}
