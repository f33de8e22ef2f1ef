import type { Word } from "./mention-types.ts";
import { WordScanner } from "./word-scanner.ts";
import type { Block, Sentence, Span } from "../schema/record.ts";

const UPPER_FIRST = /^\p{Lu}/u;

/**
 * The words of the analysed sentences in `only` (all when omitted), in order, leaving out words inside
 * quotation marks.
 */
export function sentenceWords(
  text: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  quoted: readonly Span[],
  only?: ReadonlySet<number>,
): Word[] {
  const words: Word[] = [];
  const scanner = new WordScanner();
  let q = 0;
  for (const sentence of sentences) {
    const kind = blocks[sentence.block]?.kind;
    if (kind !== "paragraph" && kind !== "heading") continue;
    if (only && !only.has(sentence.index)) continue;
    // WORD's words, read without the expression where the text is ASCII (word-scanner.ts).
    for (let from = sentence.start; scanner.next(text, from, sentence.end); from = scanner.end) {
      const start = scanner.start;
      while (q < quoted.length && quoted[q]!.end <= start) q++;
      if (q < quoted.length && quoted[q]!.start <= start) continue;
      // A word never ends in a stop: WORD takes one only between letters ("U.S" of "U.S.").
      const value = text.slice(start, scanner.end);
      const code = value.charCodeAt(0);
      words.push({
        start,
        end: start + value.length,
        text: value,
        lower: value.toLowerCase(),
        capitalised: code < 128 ? code >= 65 && code <= 90 : UPPER_FIRST.test(value),
        sentence: sentence.index,
      });
    }
  }
  return words;
}
