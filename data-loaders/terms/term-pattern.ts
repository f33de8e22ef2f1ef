/**
 * The codebook's term syntax, compiled to safe regular expressions.
 *
 * A term is written the way a coder reads it, not as a regular expression:
 *   hegemon{,s,y,ies,ic}          alternatives in braces; an empty alternative means "nothing"
 *   vazal*                        `*` at the END of a word: the word may continue (Dutch compounds: vazalstaat)
 *   *hegemonie                    `*` at the START of a word: the word may begin with more (dollarhegemonie)
 *   rules-based {,international }order
 *                                 a space or hyphen between words matches any run of spaces, hyphens or soft
 *                                 hyphens, so "rules-based", "rules based" and "rules‑based" all match
 *   de{-,}dollari{s,z}ation       a hyphen inside braces makes it optional
 *   Hegemon's                     an apostrophe matches ' and ’
 * Every term also matches with a possessive 's or ’s after it ("the Hegemon's vassals").
 *
 * The matching rule: a match starts at the start of a word and ends at the end of a word. A word that merely
 * contains a term is never a match: `hegemon{,s}` does not match "chegemons" or "hegemonstrate", and
 * `vassal{,s}` does not match "Vassalboro". Only an explicit `*` lets a word continue, and only at the edge
 * where it is written. Matching is case-insensitive unless the term is marked case-sensitive, and compares
 * terms in the same form as the text's matching view (Unicode NFC, no invisible characters).
 *
 * Safety: the syntax cannot nest quantifiers (a `*` stands only at a word's edge and braces cannot nest), so a
 * compiled pattern cannot backtrack catastrophically. Terms are further limited to 200 characters and 64
 * expansions, and a `*` needs at least 4 letters beside it in every expansion, so `a*` cannot match half a text.
 */

import { matchingView } from "../reading/matching-view.ts";

const WORD_CHAR = String.raw`[\p{L}\p{M}\p{N}]`;
/** Between the words of a phrase: spaces (incl. no-break), hyphens, soft hyphens, Unicode hyphens. */
const SEPARATOR = String.raw`[\s\u00A0\u00AD\u2010\u2011-]+`;
const POSSESSIVE = String.raw`(?:['’]s)?`;
const MAX_LENGTH = 200;
const MAX_EXPANSIONS = 64;
const MIN_STEM_WITH_WILDCARD = 4;

/** A compiled term. `regex` is sticky (`y`): test it at a word's start with `lastIndex`. */
export interface CompiledTerm {
  readonly source: string;
  readonly regex: RegExp;
  /**
   * How the term matcher finds places to try this term: by a word token's leading word (its letters and
   * digits up to the first hyphen, apostrophe or period, lower-cased), exactly for `words`, or by the first
   * two letters for `stems` (a leading word that a `*` may continue). Both null when a match need not start
   * with a letter or digit (the term starts with `*` or an apostrophe).
   */
  readonly words: readonly string[] | null;
  readonly stems: readonly string[] | null;
  /**
   * For a phrase indexed by a later, more distinctive word than its first ("West" in "the West"): how many
   * words before that word the match starts, in each expansion. Empty when indexed by its first word.
   */
  readonly wordOffsets: readonly number[];
  /**
   * The longest run of literal letters that every match must contain (lower-cased unless case-sensitive),
   * used to skip texts that cannot match; null if there is none of at least 3 letters.
   */
  readonly literal: string | null;
  readonly caseSensitive: boolean;
}

/** Parts of a parsed term. */
type Piece = { kind: "text"; text: string } | { kind: "choice"; options: string[] } | { kind: "wildcard" };

function parse(term: string): Piece[] {
  const pieces: Piece[] = [];
  let text = "";
  const flush = () => {
    if (text) pieces.push({ kind: "text", text });
    text = "";
  };
  for (let i = 0; i < term.length; i++) {
    const char = term[i]!;
    if (char === "{") {
      const close = term.indexOf("}", i);
      if (close === -1) throw new Error(`unclosed "{" at character ${i + 1}`);
      const inner = term.slice(i + 1, close);
      if (inner.includes("{")) throw new Error(`braces cannot be nested (character ${i + 1})`);
      if (/[*]/.test(inner)) throw new Error(`"*" cannot stand inside braces (character ${i + 1})`);
      const options = inner.split(",");
      if (options.length < 2) throw new Error(`braces need at least two alternatives separated by commas (character ${i + 1})`);
      flush();
      pieces.push({ kind: "choice", options });
      i = close;
    } else if (char === "}") {
      throw new Error(`"}" without "{" at character ${i + 1}`);
    } else if (char === "*") {
      flush();
      pieces.push({ kind: "wildcard" });
    } else {
      text += char;
    }
  }
  flush();
  return pieces;
}

const isSeparator = (char: string) => /[\s\u00A0\u00AD\u2010\u2011-]/u.test(char);

/** Expands braces into plain strings, with `*` kept as a marker; throws past MAX_EXPANSIONS. */
function expand(pieces: readonly Piece[]): string[] {
  let out = [""];
  for (const piece of pieces) {
    const options = piece.kind === "text" ? [piece.text] : piece.kind === "wildcard" ? ["*"] : piece.options;
    out = out.flatMap((prefix) => options.map((option) => prefix + option));
    if (out.length > MAX_EXPANSIONS) throw new Error(`expands to more than ${MAX_EXPANSIONS} forms; split it into several terms`);
  }
  return out;
}

function textToRegex(text: string): string {
  let out = "";
  let inSeparator = false;
  for (const char of text) {
    if (isSeparator(char)) {
      if (!inSeparator) out += SEPARATOR;
      inSeparator = true;
      continue;
    }
    inSeparator = false;
    if (char === "'" || char === "’") out += "['’]";
    else out += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return out;
}

/**
 * Compiles one term; throws an Error whose message says what is wrong with it.
 * @example compileTerm("hegemon{,s,y}").regex.source
 *   // "(?:hegemon(?:|s|y))(?:['’]s)?(?![\\p{L}\\p{M}\\p{N}]|['’][\\p{L}\\p{M}\\p{N}])"
 */
export function compileTerm(term: string, options: { caseSensitive?: boolean } = {}): CompiledTerm {
  const source = term.trim();
  // Texts are matched in their matching view (letters composed to NFC, invisible characters dropped), so a
  // term is compiled from the same form: a codebook saved in NFD, as some editors on macOS write it, still
  // finds "hegemonieën". The term as written stays `source`, which records name.
  const matchingForm = matchingView(source).text;
  checkSyntax(matchingForm);
  const pieces = parse(matchingForm);
  checkWildcards(pieces);
  const expansions = expand(pieces);
  checkExpansions(expansions);
  const caseSensitive = options.caseSensitive ?? false;
  const regex = new RegExp(termPattern(pieces), caseSensitive ? "uy" : "iuy");
  // A term whose match may start with anything but a letter or digit cannot be looked up by word.
  const unindexable = pieces[0]?.kind === "wildcard" || expansions.some((form) => leadingWord(form) === "");
  const { words, stems } = leadingWords(expansions);
  const anchored = unindexable || stems.length ? null : anchorWord(expansions);
  return {
    source,
    regex,
    words: unindexable ? null : (anchored?.words ?? words),
    stems: unindexable ? null : stems,
    wordOffsets: anchored?.offsets ?? [],
    literal: longestLiteral(pieces, caseSensitive),
    caseSensitive,
  };
}

/** Throws for a term that is empty, too long, uses regular-expression syntax or starts or ends with a hyphen. */
function checkSyntax(form: string): void {
  if (form === "") throw new Error("is empty");
  if (form.length > MAX_LENGTH) throw new Error(`is longer than ${MAX_LENGTH} characters`);
  if (/[\\()[\]|^$+?]/.test(form)) {
    throw new Error(
      `contains ${JSON.stringify(form.match(/[\\()[\]|^$+?]/)![0])}: terms are not regular expressions; use {a,b} for alternatives and * at a word's edge`,
    );
  }
  if (/^[-‐‑]|[-‐‑]$/u.test(form)) throw new Error("must not start or end with a hyphen; write *-stan for words ending in -stan");
}

/** Throws unless every wildcard stands at a word's edge: next to a separator or the term's start or end, never mid-word. */
function checkWildcards(pieces: readonly Piece[]): void {
  pieces.forEach((piece, i) => {
    if (piece.kind !== "wildcard") return;
    const before = pieces[i - 1];
    const after = pieces[i + 1];
    if (before?.kind === "wildcard" || after?.kind === "wildcard") throw new Error(`"**" is not allowed`);
    const edgeBefore = !before || (before.kind === "text" && isSeparator(before.text.slice(-1)));
    const edgeAfter = !after || (after.kind === "text" && isSeparator(after.text[0]!));
    if (!edgeBefore && !edgeAfter) throw new Error(`"*" may only stand at the start or end of a word, not inside one`);
  });
}

/** Throws for an alternative that matches nothing, or a wildcard without enough letters beside it. */
function checkExpansions(expansions: readonly string[]): void {
  const letterCount = (word: string) => [...word.replace(/[*'’]/g, "")].length;
  for (const form of expansions) {
    if (form.replace(/\*/g, "").trim() === "") throw new Error("has an alternative that matches nothing");
    const words = form.split(/[\s\u00A0\u00AD\u2010\u2011-]+/u);
    const hasStem = words.some((word) => !word.includes("*") && letterCount(word) >= MIN_STEM_WITH_WILDCARD);
    for (const word of words) {
      if (!word.includes("*")) continue;
      // A word that is only "*" stands for any one word, and needs a long literal word beside it (*-stan).
      if (word === "*" ? !hasStem : letterCount(word) < MIN_STEM_WITH_WILDCARD) {
        throw new Error(`"*" needs at least ${MIN_STEM_WITH_WILDCARD} letters beside it (in "${form}")`);
      }
    }
  }
}

/**
 * The regular expression of a term's pieces. The match must end a word: no letter may follow, nor an
 * apostrophe that a letter follows ("Xi’an" is not "Xi"), except the possessive 's, which the match takes in.
 */
function termPattern(pieces: readonly Piece[]): string {
  const atEdge = (piece: Piece | undefined, side: "before" | "after") =>
    !piece || (piece.kind === "text" && isSeparator(side === "before" ? piece.text.slice(-1) : piece.text[0]!));
  const body = pieces
    .map((piece, i) =>
      piece.kind === "text"
        ? textToRegex(piece.text)
        : piece.kind === "wildcard"
          ? // a whole-word "*" is one word of at least one character; at a word's edge it may be empty
            `${WORD_CHAR}${atEdge(pieces[i - 1], "before") && atEdge(pieces[i + 1], "after") ? "+" : "*"}`
          : `(?:${piece.options.map(textToRegex).join("|")})`,
    )
    .join("");
  return `(?:${body})${POSSESSIVE}(?!${WORD_CHAR}|['’]${WORD_CHAR})`;
}

/**
 * The lower-cased leading words a term is looked up by, sorted; a leading word followed directly by "*"
 * may be continued by letters, so it is looked up by its first two letters (`stems`).
 */
function leadingWords(expansions: readonly string[]): { words: string[]; stems: string[] } {
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const form of expansions) {
    const lead = leadingWord(form);
    if (form[lead.length] === "*") stems.add(lead.slice(0, 2).toLowerCase());
    else words.add(lead.toLowerCase());
  }
  return { words: [...words].sort(), stems: [...stems].sort() };
}

/** The longest literal run outside braces and wildcards (in every match), of three characters or more, or null. */
function longestLiteral(pieces: readonly Piece[], caseSensitive: boolean): string | null {
  const literals = pieces.flatMap((piece) => (piece.kind === "text" ? piece.text.split(/[\s\u00A0\u00AD\u2010\u2011'’-]+/u) : []));
  const longest = literals.reduce((best, run) => (run.length > best.length ? run : best), "");
  return longest.length >= 3 ? (caseSensitive ? longest : longest.toLowerCase()) : null;
}

/**
 * A phrase whose first word is short and common ("the West", "of course", "op regels gebaseerde orde") is
 * better found through its longest word that every expansion has, at a known number of words from the
 * start: that word and its offsets, or null when there is none. Only words separated by spaces qualify,
 * and every word before the anchor must be plain letters and digits, so that each is exactly one word token
 * whatever the tokenizer does with hyphens and apostrophes.
 */
function anchorWord(expansions: readonly string[]): { words: string[]; offsets: number[] } | null {
  const split = expansions.map((form) => form.split(/[\s\u00A0]+/u));
  const plain = (w: string) => /^[\p{L}\p{M}\p{N}]+$/u.test(w);
  const usable = (ws: readonly string[], i: number) => ws.slice(0, i).every(plain) && !/\*/.test(ws[i]!);
  const lead = (w: string) => leadingWord(w).toLowerCase();
  const common = [...new Set(split[0]!.map(lead))].filter(
    (w) => w && split.every((ws) => ws.some((x, i) => lead(x) === w && usable(ws, i))),
  );
  const anchor = common.reduce((best, w) => (w.length > best.length ? w : best), "");
  const position = (ws: readonly string[]) => ws.findIndex((x, i) => lead(x) === anchor && usable(ws, i));
  const firstLength = Math.min(...split.map((ws) => lead(ws[0]!).length));
  if (!anchor || anchor.length <= firstLength || !split.some((ws) => position(ws) > 0)) return null;
  return { words: [anchor], offsets: [...new Set(split.map(position))].sort((a, b) => a - b) };
}

/**
 * The leading word of a string: its letters, marks and digits up to the first other character. The term
 * matcher keys both terms and word tokens this way, so the key does not depend on how the tokenizer splits
 * hyphens, apostrophes or abbreviations ("non-interference" and "non" both give "non").
 * @example leadingWord("Hegemon’s") // "Hegemon"
 */
export function leadingWord(text: string): string {
  let end = 0;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    const ascii = code < 128;
    if (
      ascii ? !((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) : !WORD_CHAR_TEST.test(text[end]!)
    )
      break;
    end++;
  }
  return text.slice(0, end);
}

const WORD_CHAR_TEST = /[\p{L}\p{M}\p{N}]/u;

/**
 * The plain forms a term stands for, its braces resolved and any `*` kept, for writing it in a format
 * without alternatives; throws as compileTerm does for a term that cannot be parsed.
 * @example termForms("hegemon{,s}") // ["hegemon", "hegemons"]
 */
export function termForms(term: string): string[] {
  return expand(parse(term.trim()));
}
