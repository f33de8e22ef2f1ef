import type { BoilerplatePatterns } from "./boilerplate-patterns.ts";
import type { Block, BlockKind } from "../schema/record.ts";

/** A trimmed piece of one line, before classification. */
interface Unit {
  start: number;
  end: number;
  blankLinesBefore: number;
  kind: BlockKind | null;
  rule: string | null;
}

/** Sentence-final punctuation; a line ending otherwise may continue on the next line. */
const TERMINAL = /[.!?…]$/u;
/** Closing quotes, brackets and spaces that may follow the final punctuation mark. */
const TRAILING_CLOSERS = new Set([..." \t\r\n\u00A0\"'”’»)]"]);
const OPENERS = new Set([..." \t\r\n\u00A0\"'“‘„«([*_-"]);

/** The last character of `text[start, end)` that is not a closing quote, bracket or space. */
function lastMeaningfulChar(text: string, start = 0, end = text.length): string {
  let i = end - 1;
  while (i >= start && TRAILING_CLOSERS.has(text[i]!)) i--;
  return i >= start ? text[i]! : "";
}

/** The first character of `text[start, end)` that is not an opening quote, bracket, dash or space. */
function firstLetter(text: string, start = 0, end = text.length): string {
  let i = start;
  while (i < end && OPENERS.has(text[i]!)) i++;
  return i < end ? text[i]! : "";
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * Segments an article body into headings, paragraphs, boilerplate and source lines, each with
 * `[start, end)` offsets into the body. Patterns are matched on `masked` (the body with Markdown syntax
 * replaced by spaces, see findMarkup), which has the same length as `body`.
 *
 * Rules, in order:
 * 1. Every non-blank line is a unit (scraped news text puts one paragraph on a line).
 * 2. A boilerplate pattern that matches a whole line marks it; a "line-end" pattern glued to the end of a
 *    line splits it, and the rest of the line stays a unit of its own.
 * 3. A line starting with an origin-line pattern ("Bron:", "Source:") is a `source-line`.
 * 4. A unit that does not end in . ! ? … and is followed by a unit starting with a lower-case letter is
 *    joined with it: a paragraph broken mid-sentence by the scraper ("… analyses” die⏎⏎proberen …").
 * 5. A Markdown "#" heading is a heading. A unit of at most `headingMaxWords` words with no final
 *    punctuation that starts with a capital or digit is a heading, unless it stands after at least
 *    `embeddedHeadlineMinBlankLines` blank lines: then it is boilerplate (a related article's headline).
 * 6. Everything else is a paragraph.
 * 7. A text whose only heading or paragraph is a heading by shape (rule 5) is a paragraph ("single-line").
 */
export function segmentBody(body: string, masked: string, patterns: BoilerplatePatterns): Block[] {
  const units: Unit[] = [];
  let blankLines = 0;
  const lineBreak = /\r\n|\n|\r/g;
  let lineStart = 0;
  for (;;) {
    const match = lineBreak.exec(masked);
    const lineEnd = match ? match.index : masked.length;
    const line = masked.slice(lineStart, lineEnd);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed === "") blankLines++;
    else {
      units.push(...splitLine(lineStart + lead, trimmed, blankLines, patterns));
      blankLines = 0;
    }
    if (!match) break;
    lineStart = match.index + match[0].length;
  }

  // Rule 4: join units broken mid-sentence.
  const joined: Unit[] = [];
  for (const unit of units) {
    const previous = joined[joined.length - 1];
    if (
      previous &&
      previous.kind === null &&
      unit.kind === null &&
      !isHeadingMarked(body, previous) &&
      !TERMINAL.test(lastMeaningfulChar(masked, previous.start, previous.end)) &&
      /\p{Ll}/u.test(firstLetter(masked, unit.start, unit.end))
    ) {
      previous.end = unit.end;
      continue;
    }
    joined.push(unit);
  }

  const blocks: Block[] = joined.map((unit, index) => {
    if (unit.kind !== null) return { index, kind: unit.kind, start: unit.start, end: unit.end, rule: unit.rule };
    const text = masked.slice(unit.start, unit.end);
    const { kind, rule } = classify(body, unit, text, patterns);
    return { index, kind, start: unit.start, end: unit.end, rule };
  });
  // Rule 7: a text whose only analysed line is heading-shaped (a headline, a one-line review) is that
  // line's paragraph, not a title over nothing: otherwise it would get no tone at all.
  const analysed = blocks.filter((b) => b.kind === "heading" || b.kind === "paragraph");
  if (analysed.length === 1 && analysed[0]!.rule === "heading-shape") {
    const only = analysed[0]!;
    blocks[only.index] = { ...only, kind: "paragraph", rule: "single-line" };
  }
  return blocks;
}

/** Markdown ATX headings are masked to spaces, so look for the "#" in the verbatim body. */
function isHeadingMarked(body: string, unit: Unit): boolean {
  // Walk back to the line's start (not lastIndexOf, which scans to the start of the body when the body has
  // no "\r": quadratic over a long article).
  let lineStart = unit.start;
  while (lineStart > 0 && body[lineStart - 1] !== "\n" && body[lineStart - 1] !== "\r") lineStart--;
  return /^[ \t]{0,3}#{1,6}[ \t]/.test(body.slice(lineStart, unit.start + 1));
}

function classify(body: string, unit: Unit, text: string, patterns: BoilerplatePatterns): { kind: BlockKind; rule: string | null } {
  if (isHeadingMarked(body, unit)) return { kind: "heading", rule: "markdown-heading" };
  const headingShaped =
    !/[.!?…:;,]$/u.test(lastMeaningfulChar(text)) &&
    /[\p{Lu}\p{N}]/u.test(firstLetter(text)) &&
    countWords(text) <= patterns.headingMaxWords;
  if (!headingShaped) return { kind: "paragraph", rule: null };
  const min = patterns.embeddedHeadlineMinBlankLines;
  if (min > 0 && unit.blankLinesBefore >= min) return { kind: "boilerplate", rule: "embedded-headline" };
  return { kind: "heading", rule: "heading-shape" };
}

/** Rules 2 and 3 on one trimmed line starting at `start`. */
function splitLine(start: number, line: string, blankLinesBefore: number, patterns: BoilerplatePatterns): Unit[] {
  for (const pattern of patterns.boilerplate) {
    const match = pattern.regex.exec(line);
    if (!match) continue;
    if (match.index === 0) return [{ start, end: start + line.length, blankLinesBefore, kind: "boilerplate", rule: pattern.id }];
    const head = line.slice(0, match.index).trimEnd();
    const tail: Unit = { start: start + match.index, end: start + line.length, blankLinesBefore: 0, kind: "boilerplate", rule: pattern.id };
    return [...splitLine(start, head, blankLinesBefore, patterns), tail];
  }
  for (const pattern of patterns.sourceLines) {
    if (pattern.regex.test(line)) return [{ start, end: start + line.length, blankLinesBefore, kind: "source-line", rule: pattern.id }];
  }
  return [{ start, end: start + line.length, blankLinesBefore, kind: null, rule: null }];
}
