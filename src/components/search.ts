// Full-text search over every heading and paragraph sentence of the corpus, in the browser: words, phrases
// and * wildcards, case- and diacritic-insensitive, read from the index the build publishes
// (data-loaders/publish/search-index.ts, search/<shard>.json). The tokenizer below is that module's, copied
// because pages import nothing from outside src/; test/site/search.test.ts holds the two to the same words.
import type { SearchHit } from "./search-results.js";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** A word as the index keys it: decomposed, without combining marks, lower case. */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a text with where each stands, [start, end) in the text, and its folded form. */
export function wordSpans(text: string): Array<{ start: number; end: number; word: string }> {
  return Array.from(text.matchAll(WORD), (m) => ({ start: m.index!, end: m.index! + m[0].length, word: foldWord(m[0]) })).filter(
    (w) => w.word.length > 0,
  );
}

/** The search index's shards as search.json names them: their names and each one's first word, in word order. */
export interface ShardList {
  readonly shards: readonly string[];
  readonly firstWords: readonly string[];
}

/**
 * The shards that hold the words from `low` to `high` (code-unit order, both included): from the last shard
 * whose first word is not after `low` (binary search) to the last whose first word is not after `high`.
 * @example shardsBetween({shards: ["0", "1"], firstWords: ["a", "m"]}, "hegemon", "hegemon\uffff") // ["0"]
 */
export function shardsBetween(list: ShardList, low: string, high: string): string[] {
  let from = 0;
  for (let top = list.firstWords.length - 1; from < top;) {
    const middle = (from + top + 1) >> 1;
    if (list.firstWords[middle]! <= low) from = middle;
    else top = middle - 1;
  }
  const names: string[] = [];
  for (let k = from; k < list.shards.length && list.firstWords[k]! <= high; k++) names.push(list.shards[k]!);
  return names;
}

/** The shards a query word reads: its own word's, or for a wildcard those of every word with its prefix. */
export function shardsOf(list: ShardList, word: QueryWord): string[] {
  if (!word.pattern) return shardsBetween(list, word.text, word.text);
  const prefix = word.text.slice(0, word.text.indexOf("*"));
  // Any folded word with the prefix sorts before the prefix followed by U+FFFF.
  return shardsBetween(list, prefix, `${prefix}\uffff`);
}

/** One word of a query: an exact word, or a pattern with * standing for any letters. */
export interface QueryWord {
  readonly text: string;
  readonly pattern: RegExp | null;
}

/** A parsed query, or what is wrong with it. */
export type ParsedQuery = { readonly words: readonly QueryWord[] } | { readonly error: string };

/** The fewest characters a wildcard word needs before its first *, so that it reads few shards. */
export const WILDCARD_PREFIX = 2;

/**
 * Parses a query: words separated by anything that is not a letter, digit or *; more than one word is a
 * phrase (the words in that order, next to each other, in one sentence). A * stands for any run of
 * letters or digits, including none, and needs two characters before it.
 * @example parseQuery("Poetin") // one word "poetin"
 * @example parseQuery("the Hegemon*") // phrase: "the", then any word starting with "hegemon"
 */
export function parseQuery(query: string): ParsedQuery {
  const parts = Array.from(query.matchAll(/[\p{L}\p{M}\p{N}*]+/gu), (m) => m[0]);
  const words: QueryWord[] = [];
  for (const part of parts) {
    const text = foldWord(part);
    if (!text.replace(/\*/g, "")) continue;
    if (!text.includes("*")) {
      words.push({ text, pattern: null });
      continue;
    }
    if (text.indexOf("*") < WILDCARD_PREFIX)
      return { error: `"${part}": a wildcard needs at least ${WILDCARD_PREFIX} letters before the *` };
    const source = text
      .split("*")
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\p{L}\\p{N}]*");
    words.push({ text, pattern: new RegExp(`^${source}$`, "u") });
  }
  if (!words.length) return { error: "type a word, a phrase, or a word with * (e.g. hegemon*)" };
  return { words };
}

/** One hit: the article (its position in the corpus index, id order), the sentence, and the words [first, first + length). */
/** How many characters of context a keyword-in-context line shows either side. */
const CONTEXT = 70;

/**
 * A hit in an article whose text the build does not publish (a closed article in a public build, issue
 * 34): the query's words as the match and no context. Its sentence and position are not published either
 * (the index keeps only how often a closed article has a word: closedCounts), so its position is null.
 * @example closedLine({words: [{text: "poetin", pattern: null}]}) // { left: "", match: "poetin", right: "", position: null }
 */
export function closedLine(query: { readonly words: readonly QueryWord[] }): {
  left: string;
  match: string;
  right: string;
  position: null;
} {
  return { left: "", match: query.words.map((word) => word.text).join(" "), right: "", position: null };
}

/** A hit as a keyword-in-context line, from its sentence's text. */
export function contextLine(text: string, hit: Pick<SearchHit, "position" | "length">): { left: string; match: string; right: string } {
  const spans = wordSpans(text);
  const first = spans[hit.position];
  const last = spans[hit.position + hit.length - 1];
  if (!first || !last) return { left: "", match: text, right: "" };
  return {
    left: text.slice(Math.max(0, first.start - CONTEXT), first.start),
    match: text.slice(first.start, last.end),
    right: text.slice(last.end, last.end + CONTEXT),
  };
}
