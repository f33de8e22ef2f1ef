import type { CodebookEntry } from "./codebook.ts";
import { lastStartingAtOrBefore } from "./search-offsets.ts";
import type { CompiledTerm } from "./term-pattern.ts";
import type { Language } from "../schema/record.ts";
import type { Token } from "../reading/token.ts";
import { compareIds } from "../common/compare-ids.ts";

/** One occurrence of a term: `[start, end)` into the body. */
export interface TermMatch {
  /** Which list the term belongs to ("frame", "device", "cue", …), as given to indexTerms. */
  readonly group: string;
  readonly entry: string;
  readonly start: number;
  readonly end: number;
  readonly form: string | null;
  /** The codebook term that matched, as written in the codebook ("multi{-,}polar{,ity,ism}"). */
  readonly term: string;
}

interface Candidate {
  readonly group: string;
  readonly entry: string;
  readonly order: number;
  /** The same number for every term of one entry of one group (0 … `entries` − 1). */
  readonly slot: number;
  readonly term: CompiledTerm;
  readonly form: string | null;
}

/** Terms of one language, indexed by their leading word, or its first two letters where a `*` continues it. */
export interface TermIndex {
  readonly byWord: ReadonlyMap<string, readonly Candidate[]>;
  /** By the first two letters of the word (stemKey), a number: no string is cut from each word to look it up. */
  readonly byStem: ReadonlyMap<number, readonly Candidate[]>;
  /** Terms that cannot be looked up by word (starting with `*`): found through their `literal`. */
  readonly anyWord: readonly Candidate[];
  /** How many entries (of all groups) the index holds: the candidates' slots. */
  readonly entries: number;
}

/** A named list of entries (a codebook's entries, or the speech cues) to index together with others. */
export interface TermGroup {
  readonly group: string;
  readonly entries: readonly Pick<CodebookEntry, "id" | "terms">[];
}

/**
 * Builds one index for `language` over several groups of entries, so one pass over the tokens finds the
 * terms of every codebook. Codebook order is kept for tie-breaking.
 */
export function indexTerms(groups: readonly TermGroup[], language: Language): TermIndex {
  const byWord = new Map<string, Candidate[]>();
  const byStem = new Map<number, Candidate[]>();
  const anyWord: Candidate[] = [];
  const add = <K>(map: Map<K, Candidate[]>, key: K, candidate: Candidate) => {
    const list = map.get(key);
    if (!list) map.set(key, [candidate]);
    else if (!list.includes(candidate)) list.push(candidate);
  };
  let order = 0;
  const slots = new Map<string, number>();
  for (const { group, entries } of groups) {
    for (const entry of entries) {
      const key = `${group}\u0000${entry.id}`;
      if (!slots.has(key)) slots.set(key, slots.size);
      const slot = slots.get(key)!;
      for (const { term, form } of entry.terms[language]) {
        const candidate = { group, entry: entry.id, order: order++, slot, term, form };
        if (!term.words || !term.stems) anyWord.push(candidate);
        else {
          for (const word of term.words) add(byWord, word, candidate);
          for (const stem of term.stems) add(byStem, stemKey(stem), candidate);
        }
      }
    }
  }
  return { byWord, byStem, anyWord, entries: slots.size };
}

/**
 * Finds every indexed term in `text` (the masked body), trying terms only where a word token starts, and
 * only those whose leading word is the token's (`token.word`, computed once by splitSentences); a phrase
 * indexed by a later word is tried from the word-start token that many words back. Within one entry of one group, overlapping matches keep
 * the leftmost, then the longest, then the first in codebook order (so "the Hegemon" is matched once, by
 * its most specific term); matches of different entries may overlap. Returns matches sorted by start, then
 * group and entry.
 */
export function matchTerms(text: string, tokens: readonly Token[], index: TermIndex): TermMatch[] {
  // The matches, and beside each the candidate that made it (for its codebook order and its entry).
  const found: TermMatch[] = [];
  const by: Candidate[] = [];
  const tryCandidate = (candidate: Candidate, start: number) => {
    const regex = candidate.term.regex;
    regex.lastIndex = start;
    // Sticky: a match starts at `start`, and `test` leaves lastIndex at its end (no match array is made).
    if (regex.test(text)) {
      found.push({
        group: candidate.group,
        entry: candidate.entry,
        start,
        end: regex.lastIndex,
        form: candidate.form,
        term: candidate.term.source,
      });
      by.push(candidate);
    }
  };
  // Word-start tokens in order, so a phrase indexed by a later word can be tried from its first word.
  const starts: number[] = [];
  for (const token of tokens) if (token.word) starts.push(token.start);
  let position = -1;
  for (const token of tokens) {
    if (!token.word) continue;
    position++;
    const exact = index.byWord.get(token.word);
    if (exact) {
      for (const candidate of exact) {
        const offsets = candidate.term.wordOffsets;
        if (!offsets.length) tryCandidate(candidate, token.start);
        else for (const offset of offsets) if (position - offset >= 0) tryCandidate(candidate, starts[position - offset]!);
      }
    }
    if (index.byStem.size) {
      const stemmed = index.byStem.get(stemKey(token.word));
      if (stemmed) for (const candidate of stemmed) tryCandidate(candidate, token.start);
    }
  }
  matchUnindexed(text, tokens, index.anyWord, tryCandidate);
  const ranked = Array.from(found.keys()).sort(
    (a, b) => found[a]!.start - found[b]!.start || found[b]!.end - found[a]!.end || by[a]!.order - by[b]!.order || a - b,
  );
  // Where the last match kept of each entry ends.
  const lastEnd = new Int32Array(index.entries).fill(-1);
  const kept: TermMatch[] = [];
  for (const i of ranked) {
    const match = found[i]!;
    const slot = by[i]!.slot;
    if (lastEnd[slot]! > match.start) continue;
    lastEnd[slot] = match.end;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start || compareIds(a.group, b.group) || compareIds(a.entry, b.entry));
}

/**
 * A word's first two UTF-16 code units as one number, the same for a word and its `slice(0, 2)`: different
 * for any two different strings of one or two code units.
 */
function stemKey(word: string): number {
  return word.charCodeAt(0) * 0x10001 + (word.length > 1 ? word.charCodeAt(1) + 1 : 0);
}

/** How far before its literal a match of an unindexed term may start (a long compound word and a hyphen). */
const LITERAL_REACH = 80;

/**
 * Terms that cannot be looked up by word (`*hegemonie`, `*-stan`) are tried only near occurrences of the
 * literal every match contains: at each word start up to LITERAL_REACH characters before it. A term with no
 * such literal is tried at every word.
 */
function matchUnindexed(
  text: string,
  tokens: readonly Token[],
  candidates: readonly Candidate[],
  tryCandidate: (candidate: Candidate, start: number) => void,
): void {
  if (!candidates.length) return;
  let lower: string | null = null;
  for (const candidate of candidates) {
    const literal = candidate.term.literal;
    if (!literal) {
      for (const token of tokens) if (token.word) tryCandidate(candidate, token.start);
      continue;
    }
    const haystack = candidate.term.caseSensitive ? text : (lower ??= text.toLowerCase());
    const tried = new Set<number>();
    for (let at = haystack.indexOf(literal); at !== -1; at = haystack.indexOf(literal, at + 1)) {
      for (let i = lastStartingAtOrBefore(tokens, at); i >= 0 && tokens[i]!.start >= at - LITERAL_REACH; i--) {
        const token = tokens[i]!;
        if (!token.word || tried.has(token.start)) continue;
        tried.add(token.start);
        tryCandidate(candidate, token.start);
      }
    }
  }
}
