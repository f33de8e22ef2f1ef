import { z } from "zod";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import type { Language } from "../schema/record.ts";
import type { Token } from "../reading/token.ts";
import type { NewsToneScorer } from "./news-tone-scorer.ts";

/** A word-level sentiment lexicon: a word (lower-case) → its score in -1..1, or undefined if unknown. */
export type SentimentLexicon = (word: string) => number | undefined;

const wordList = z.array(z.string().regex(/^[\p{L}']+$/u, "must be one word"));
const languageRules = z
  .object({
    negators: wordList,
    boosters: wordList,
    dampeners: wordList,
    contrast: wordList,
    overrides: z.record(z.string(), z.number().min(-1).max(1)).optional(),
    clauseFinalNegationReach: z.number().int().min(0).max(6).optional(),
    negativeSentenceWeight: z.number().min(1).max(10).optional(),
  })
  .strict();
const rulesSchema = z
  .object({
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    constants: z
      .object({
        booster: z.number().min(0).max(1),
        negation: z.number().min(-1).max(0),
        beforeContrast: z.number().min(0).max(2),
        afterContrast: z.number().min(0).max(3),
        alpha: z.number().positive(),
        negationScope: z.number().int().min(1).max(6),
        capsEmphasis: z.number().min(0).max(1),
        exclamation: z.number().min(0).max(1),
      })
      .strict(),
    en: languageRules,
    nl: languageRules,
  })
  .strict();

/** Compiled combination rules for one language. */
/** Word lexicons and combination rules for sentiment, per language: what the scorer needs, loaded once. */
export interface SentimentResources {
  readonly rules: Readonly<Record<Language, SentimentRules>>;
  readonly lexicons: Readonly<Record<Language, SentimentLexicon>>;
  /** Where each lexicon came from (package and version), for records and the methods page. */
  readonly sources: Readonly<Record<Language, string>>;
  /**
   * The fitted Dutch news-tone model (news-tone-model.ts), ready to score, and its name and version for
   * records; null without it (when it is being fitted), and Dutch is then scored by the lexicon path.
   */
  readonly newsModel: {
    readonly scorer: NewsToneScorer;
    readonly source: string;
    /** The model's cross-validated development figures (accuracy, macro-F1), as fitted. */
    readonly crossValidated: { readonly accuracy: number; readonly macroF1: number };
  } | null;
}

export interface SentimentRules {
  readonly version: string;
  readonly booster: number;
  readonly negation: number;
  readonly beforeContrast: number;
  readonly afterContrast: number;
  readonly alpha: number;
  readonly negationScope: number;
  readonly capsEmphasis: number;
  readonly exclamation: number;
  /** In an article's (actor's, camp's) tone, a negative sentence counts this many times (article-sentiment.ts toneMean). */
  readonly negativeSentenceWeight: number;
  readonly clauseFinalNegationReach: number;
  readonly negators: ReadonlySet<string>;
  readonly boosters: ReadonlySet<string>;
  readonly dampeners: ReadonlySet<string>;
  readonly contrast: ReadonlySet<string>;
  /** Surface words scored as given instead of through the lexicon (corrections of stem collisions). */
  readonly overrides: Readonly<Record<string, number>>;
}

/** Validates a parsed rules file and compiles the rules of each language. */
export function compileSentimentRules(
  raw: unknown,
  file: string,
): { readonly rules: Record<Language, SentimentRules> | null; readonly errors: readonly CorpusError[] } {
  const parsed = rulesSchema.safeParse(raw);
  if (!parsed.success) {
    return { rules: null, errors: schemaErrors(parsed.error.issues, file) };
  }
  const { version, constants } = parsed.data;
  const compile = (language: Language): SentimentRules => {
    const lists = parsed.data[language];
    const set = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
    return {
      version,
      ...constants,
      clauseFinalNegationReach: lists.clauseFinalNegationReach ?? 0,
      negativeSentenceWeight: lists.negativeSentenceWeight ?? 1,
      negators: set(lists.negators),
      boosters: set(lists.boosters),
      dampeners: set(lists.dampeners),
      contrast: set(lists.contrast),
      overrides: lists.overrides ?? {},
    };
  };
  return { rules: { en: compile("en"), nl: compile("nl") }, errors: [] };
}

/**
 * The lexicon path's tone class of a sentence score: above 0.05 +1, below −0.05 −1, else 0 (the convention
 * of VADER's paper for its compound score).
 * @example lexiconToneClass(0.06) // 1
 */
export function lexiconToneClass(score: number): -1 | 0 | 1 {
  return score > 0.05 ? 1 : score < -0.05 ? -1 : 0;
}

/** One word's share of a sentence score: `[start, end)` into the body. */
export interface Contribution {
  readonly start: number;
  readonly end: number;
  readonly value: number;
}

/** A sentence's score in -1..1 and the words that made it; the values sum to the score. */
export interface SentenceScore {
  readonly score: number;
  readonly contributions: readonly Contribution[];
}

const normal = (value: string) => {
  const lower = value.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
};
/** Rounds to 6 decimals: far finer than the method's precision, and it keeps records small. */
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const allCaps = (text: string) => UPPER.test(text) && !LOWER.test(text);
const isBreak = (token: Token) => token.type === "punctuation" && /[.,;:!?()"“”„«»]/u.test(token.value);

/**
 * Scores one sentence from its tokens, explainably (after VADER, Hutto & Gilbert 2014):
 * 1. each word or emoticon the lexicon knows gets its score (-1..1); negators, boosters, dampeners and
 *    contrast words are not scored themselves,
 *    nor is a capitalised word that does not start the sentence, taken for part of a name ("Great Game",
 *    "Kim Jong"); a word in capitals in a sentence that is not all capitals is emphasis and gains
 *    `capsEmphasis` in its direction;
 * 2. a booster ("very", "zeer") or dampener ("slightly", "enigszins") up to 3 words before a scored word moves
 *    it away from or towards zero by `booster` (scaled 1, 0.95, 0.9 by distance);
 * 3. a negator up to `negationScope` words before a scored word, with no punctuation between, multiplies it
 *    by `negation` (once): so a negation reaches the next few words, not every later word; in Dutch a
 *    negator that ends a clause ("… beviel me niet.") also negates the nearest scored word before it;
 * 4. with a contrast word ("but", "maar"), words before it count `beforeContrast` times, after it
 *    `afterContrast` times;
 * 5. each "!" (up to four) adds `exclamation` to the sum in its direction, credited to the "!" itself;
 * 6. the sentence score is x / sqrt(x² + alpha), x the sum of the word scores, and every word's contribution
 *    is its score times 1 / sqrt(x² + alpha). Contributions are rounded to 6 decimals and the sentence score
 *    is their sum (also to 6 decimals), so the contributions sum to the sentence score.
 * @example scoreSentence(tokensOf("The plan is not good."), lexicon, rules).score // < 0
 */
export function scoreSentence(
  tokens: readonly Token[],
  lexicon: SentimentLexicon,
  rules: SentimentRules,
  from = 0,
  to = tokens.length,
): SentenceScore {
  if (from !== 0 || to !== tokens.length) tokens = tokens.slice(from, to);
  // Lower-cased token values, computed only for the tokens the rules look at.
  const lowered: (string | undefined)[] = new Array(tokens.length);
  const read: ReadSentence = { tokens, rules, wordAt: (i) => (lowered[i] ??= normal(tokens[i]!.value)) };
  const { values, negated } = wordValues(read, lexicon);
  if (rules.clauseFinalNegationReach > 0) negateClauseFinal(read, values, negated);
  const contrastAt = tokens.findIndex((t, i) => t.type === "word" && rules.contrast.has(read.wordAt(i)));
  if (contrastAt >= 0) {
    for (let i = 0; i < values.length; i++) if (values[i] !== 0) values[i]! *= i < contrastAt ? rules.beforeContrast : rules.afterContrast;
  }
  const partial = values.reduce((sum, v) => sum + v, 0);
  if (partial !== 0 && rules.exclamation > 0) {
    let marks = 0;
    for (let i = 0; i < tokens.length && marks < 4; i++) {
      if (tokens[i]!.value.includes("!")) {
        values[i] = Math.sign(partial) * rules.exclamation;
        marks++;
      }
    }
  }
  return normalisedScore(tokens, values, rules.alpha);
}

/** One sentence as scoreSentence reads it: its tokens, the rules, and each token's lower-cased word. */
interface ReadSentence {
  readonly tokens: readonly Token[];
  readonly rules: SentimentRules;
  readonly wordAt: (i: number) => string;
}

/**
 * Each token's value: its lexicon score, unless it is one of the rules' own words ("zeer" is "very", not the
 * noun "pain") or a capitalised word inside the sentence (a name); with caps emphasis, boosters and dampeners
 * up to three words before it, and negation within the negation scope. Which tokens were negated, too.
 */
function wordValues(read: ReadSentence, lexicon: SentimentLexicon): { values: number[]; negated: boolean[] } {
  const { tokens, rules, wordAt } = read;
  const values = new Array<number>(tokens.length).fill(0);
  const negated = new Array<boolean>(tokens.length).fill(false);
  const firstWord = tokens.findIndex((t) => t.type === "word");
  let shouting: boolean | null = null; // whether every word of the sentence is in capitals; computed when needed
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const type = token.type;
    if (type !== "word" && type !== "emoticon") continue;
    const word = wordAt(i);
    let value = lexicon(word) ?? 0;
    if (value === 0) continue;
    if (rules.negators.has(word) || rules.boosters.has(word) || rules.dampeners.has(word) || rules.contrast.has(word)) continue;
    if (type === "word" && UPPER.test(token.value[0]!)) {
      shouting ??= tokens.every((t) => t.type !== "word" || t.value.length < 2 || allCaps(t.value));
      const emphasis = token.value.length > 1 && allCaps(token.value) && !shouting;
      if (emphasis) value += Math.sign(value) * rules.capsEmphasis;
      else if (i !== firstWord) continue;
    }
    for (let back = 1; back <= 3 && i - back >= 0; back++) {
      const j = i - back;
      if (isBreak(tokens[j]!)) break;
      const scale = 1 - 0.05 * (back - 1);
      if (rules.boosters.has(wordAt(j))) value += Math.sign(value) * rules.booster * scale;
      else if (rules.dampeners.has(wordAt(j))) value -= Math.sign(value) * rules.booster * scale;
    }
    for (let back = 1; back <= rules.negationScope && i - back >= 0; back++) {
      const j = i - back;
      if (isBreak(tokens[j]!) || rules.contrast.has(wordAt(j))) break;
      if (rules.negators.has(wordAt(j))) {
        value *= rules.negation;
        negated[i] = true;
        break;
      }
    }
    values[i] = value;
  }
  return { values, negated };
}

/** A clause-final negator (Dutch "niet" before a break) negates the nearest scored word before it, once. */
function negateClauseFinal(read: ReadSentence, values: number[], negated: boolean[]): void {
  const { tokens, rules, wordAt } = read;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.type !== "word" || !rules.negators.has(wordAt(k))) continue;
    const next = tokens[k + 1];
    if (next && !isBreak(next) && !rules.contrast.has(wordAt(k + 1))) continue;
    for (let back = 1; back <= rules.clauseFinalNegationReach && k - back >= 0; back++) {
      const j = k - back;
      if (isBreak(tokens[j]!)) break;
      if (values[j] !== 0) {
        if (!negated[j]) {
          values[j]! *= rules.negation;
          negated[j] = true;
        }
        break;
      }
    }
  }
}

/** The sentence score x/√(x²+α) of the values' sum, and each token's share of it, rounded (they sum to it). */
function normalisedScore(tokens: readonly Token[], values: readonly number[], alpha: number): SentenceScore {
  const raw = values.reduce((sum, v) => sum + v, 0);
  const k = 1 / Math.sqrt(raw * raw + alpha);
  const contributions: Contribution[] = [];
  let score = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === 0) continue;
    const value = round6(values[i]! * k);
    if (value === 0) continue;
    contributions.push({ start: tokens[i]!.start, end: tokens[i]!.end, value });
    score += value;
  }
  return { score: round6(score), contributions };
}
