import type { ItemSentence } from "wink-nlp";
import type { WinkNlp } from "./nlp.ts";
import type { Block, Sentence, Token } from "./types.ts";

/** Block kinds whose text is analysed; boilerplate and source lines are shown but not analysed. */
export const ANALYSED_BLOCK_KINDS: ReadonlySet<Block["kind"]> = new Set(["heading", "paragraph"]);

/**
 * Splits the analysed blocks of an article into sentences and tokens with `[start, end)` offsets into the
 * body. Sentences never cross a block boundary, so a heading without a full stop is not glued to the next
 * paragraph. Offsets come from wink-nlp's own token values and preceding spaces, which rebuild the input
 * exactly; line breaks inside a block (a paragraph joined across a scraper's break) are read as spaces.
 * @param masked the body with Markdown syntax masked to spaces (same length as the body)
 */
export function splitSentences(
  nlp: WinkNlp,
  masked: string,
  blocks: readonly Block[],
): { sentences: Sentence[]; tokens: Token[] } {
  const its = nlp.its;
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  for (const block of blocks) {
    if (!ANALYSED_BLOCK_KINDS.has(block.kind)) continue;
    const text = masked.slice(block.start, block.end).replace(/[\r\n]/g, " ");
    const doc = nlp.readDoc(text);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const types = doc.tokens().out(its.type) as string[];
    const starts = new Array<number>(values.length);
    let at = block.start;
    for (let i = 0; i < values.length; i++) {
      at += spaces[i]!.length;
      starts[i] = at;
      at += values[i]!.length;
    }
    doc.sentences().each((sentence: ItemSentence) => {
      const [first, last] = sentence.out(its.span) as unknown as [number, number];
      const index = sentences.length;
      sentences.push({ index, start: starts[first]!, end: starts[last]! + values[last]!.length, block: block.index });
      for (let i = first; i <= last; i++) {
        tokens.push({ start: starts[i]!, end: starts[i]! + values[i]!.length, sentence: index, type: types[i]!, value: values[i]! });
      }
    });
  }
  return { sentences, tokens };
}
