import type { Token } from "../reading/token.ts";
import { isName, wordFeatures } from "./news-tone-features.ts";
import { numberFeatures, pairTable, type NewsToneTables, type Weights } from "./news-tone-tables.ts";
import type { SentimentLexicon } from "./score-sentiment.ts";

export type { NewsToneTables } from "./news-tone-tables.ts";

/**
 * The Dutch news-tone model as analysis reads it: its features numbered once at load, so a sentence is
 * scored in one pass over numbers (the fitting's toneVector, news-tone-features.ts, gives the same vector by
 * feature names; a test holds the two to the same scores, bit for bit). Each word form is looked up once
 * (its own features' numbers, its lexicon share, the pairs it opens); a word pair is found by a lookup of
 * the first word's form and then the second's, never by building its name.
 */

/** One word form as the model reads it: its own known features (numbers) with their shares, and the pair features it opens by the next word's form. */
interface Form {
  readonly word: string;
  readonly features: Int32Array;
  readonly shares: Float64Array;
  readonly pairs: ReadonlyMap<string, number> | undefined;
  /** Whether it is a name inside a sentence, and when it opens one (always false when the design reads names). */
  readonly nameInside: boolean;
  readonly nameOpening: boolean;
}

/** A sentence as read: per word its token, where its entries start, and per entry its column and share; per column its feature and count. */
interface Buffers {
  negative: number;
  neutral: number;
  positive: number;
  words: number;
  entries: number;
  columns: number;
  wordToken: Int32Array;
  wordStart: Int32Array;
  wordValue: Float64Array;
  entryColumn: Int32Array;
  entryShare: Float64Array;
  columnFeature: Int32Array;
  columnTotal: Float64Array;
  columnValue: Float64Array;
  /** Per feature, the sentence that last saw it and its column there (so nothing is cleared between sentences). */
  seenIn: Int32Array;
  seenColumn: Int32Array;
  sentence: number;
}

/**
 * What the scorer gives for a sentence: its three class scores, and per read word (in sentence order) its
 * token and its part of z₊ − z₋ (0 for a word without known features). One object, rewritten by the
 * scorer's next call: read it before scoring another sentence.
 */
export interface SentenceParts {
  readonly negative: number;
  readonly neutral: number;
  readonly positive: number;
  readonly words: number;
  readonly wordToken: Int32Array;
  readonly wordValue: Float64Array;
}

/** A model ready to score sentences: call it on an article's tokens [from, to). Keeps its buffers between calls (one thread). */
export type NewsToneScorer = (tokens: readonly Token[], from: number, to: number) => SentenceParts;

/** A growable Int32Array or Float64Array holding at least `size` values. */
function atLeast<T extends Int32Array | Float64Array>(array: T, size: number): T {
  if (array.length >= size) return array;
  const grown = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  grown.set(array);
  return grown;
}

/** Adds one feature share of the word being read: the feature's column (its first-seen order in the sentence, as toneVector numbers them) and its count. */
function addEntry(b: Buffers, feature: number, share: number): void {
  let c: number;
  if (b.seenIn[feature] === b.sentence) c = b.seenColumn[feature]!;
  else {
    c = b.columns++;
    if (c >= b.columnFeature.length) {
      b.columnFeature = atLeast(b.columnFeature, c + 1);
      b.columnTotal = atLeast(b.columnTotal, c + 1);
      b.columnValue = atLeast(b.columnValue, c + 1);
    }
    b.columnFeature[c] = feature;
    b.columnTotal[c] = 0;
    b.seenIn[feature] = b.sentence;
    b.seenColumn[feature] = c;
  }
  b.columnTotal[c] = b.columnTotal[c]! + share;
  if (b.entries >= b.entryColumn.length) {
    b.entryColumn = atLeast(b.entryColumn, b.entries + 1);
    b.entryShare = atLeast(b.entryShare, b.entries + 1);
  }
  b.entryColumn[b.entries] = c;
  b.entryShare[b.entries++] = share;
}

/**
 * Reads tokens [from, to) into `b`: the words the model reads (names and left-out function words skipped,
 * breaking a pair), each with its own features' shares, then half of the pair it closes, the previous word
 * taking the other half after its own. Entries of word w run from wordStart[w] to wordStart[w + 1].
 */
function readSentence(tokens: readonly Token[], from: number, to: number, formOf: (value: string) => Form | null, b: Buffers): void {
  // A new sentence number makes every feature unseen; after 2³¹ − 1 sentences the marks start again from 0.
  if (++b.sentence === 0x7fffffff) {
    b.seenIn.fill(0);
    b.sentence = 1;
  }
  b.words = b.entries = b.columns = 0;
  let opening = -1;
  for (let i = from; i < to && opening < 0; i++) if (tokens[i]!.type === "word") opening = i;
  let previous: Form | null = null;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type !== "word" && token.type !== "number") continue;
    const form = formOf(token.value);
    if (form === null || (i === opening ? form.nameOpening : form.nameInside)) {
      previous = null;
      continue;
    }
    const pair = previous?.pairs?.get(form.word);
    if (pair !== undefined) addEntry(b, pair, 0.5);
    if (b.words >= b.wordToken.length) {
      b.wordToken = atLeast(b.wordToken, b.words + 1);
      b.wordStart = atLeast(b.wordStart, b.words + 1);
      b.wordValue = atLeast(b.wordValue, b.words + 1);
    }
    b.wordToken[b.words] = i;
    b.wordStart[b.words++] = b.entries;
    for (let k = 0; k < form.features.length; k++) addEntry(b, form.features[k]!, form.shares[k]!);
    if (pair !== undefined) addEntry(b, pair, 0.5);
    previous = form;
  }
}

/**
 * The sentence's TF-IDF vector from its columns' counts, as toneVector makes it: weighted count × idf (`lex`
 * its summed scores), divided by the vector's length (summed in column order), or each kind of feature by
 * its own length.
 */
function weighColumns(m: Weights, b: Buffers): void {
  let squares = 0;
  let characterSquares = 0;
  for (let c = 0; c < b.columns; c++) {
    const f = b.columnFeature[c]!;
    const total = b.columnTotal[c]!;
    // A count of 1 weighs 1 + ln 1 = 1: no logarithm for it (most character n-grams).
    const value = f === m.lexicon ? total * m.idf[f]! : (m.binary || total === 1 ? 1 : 1 + Math.log(total)) * m.idf[f]!;
    b.columnValue[c] = value;
    if (m.byKind && m.kind[f] === 1) characterSquares = characterSquares + value * value;
    else squares = squares + value * value;
  }
  const length = Math.sqrt(squares) || 1;
  if (!m.byKind) {
    for (let c = 0; c < b.columns; c++) b.columnValue[c] = b.columnValue[c]! / length;
    return;
  }
  const characterLength = Math.sqrt(characterSquares) || 1;
  for (let c = 0; c < b.columns; c++) b.columnValue[c] = b.columnValue[c]! / (m.kind[b.columnFeature[c]!] === 1 ? characterLength : length);
}

/**
 * One pass over the sentence's entries: each word's part of each feature value (its share of the count),
 * added to the three class scores (the constants first) and, times w₊ − w₋, to the word's part of z₊ − z₋.
 */
function addUpClasses(m: Weights, b: Buffers): void {
  let negative = m.bias[0];
  let neutral = m.bias[1];
  let positive = m.bias[2];
  for (let w = 0; w < b.words; w++) {
    const end = w + 1 < b.words ? b.wordStart[w + 1]! : b.entries;
    let sum = 0;
    for (let e = b.wordStart[w]!; e < end; e++) {
      const c = b.entryColumn[e]!;
      const share = b.entryShare[e]!;
      const f = b.columnFeature[c]!;
      const part =
        f === m.lexicon ? (share * b.columnValue[c]!) / (b.columnTotal[c]! || 1) : (share / b.columnTotal[c]!) * b.columnValue[c]!;
      negative = negative + m.weights[4 * f]! * part;
      neutral = neutral + m.weights[4 * f + 1]! * part;
      positive = positive + m.weights[4 * f + 2]! * part;
      sum += m.weights[4 * f + 3]! * part;
    }
    b.wordValue[w] = sum;
  }
  b.negative = negative;
  b.neutral = neutral;
  b.positive = positive;
}

/**
 * The scorer of a model's tables: each word form's features looked up once (wordFeatures, as the fitting
 * reads them; names told by `lowerForms` when the design leaves them out, as isName does), then every
 * sentence read, weighed and added up over numbers.
 * @example compileNewsToneScorer(model, lexicon, ruleWords(rules), lowerForms)(tokens, 0, tokens.length).negative
 */
export function compileNewsToneScorer(
  tables: NewsToneTables,
  lexicon: SentimentLexicon,
  ruleWords: ReadonlySet<string>,
  lowerForms?: ReadonlySet<string>,
): NewsToneScorer {
  const { index, numbers } = numberFeatures(tables);
  const pairs = tables.design.pairs ? pairTable(index) : new Map<string, Map<string, number>>();
  const featuresOf = wordFeatures(tables.design, lexicon, ruleWords);
  const forms = new Map<string, Form | null>();
  const formOf = (value: string): Form | null => {
    let form = forms.get(value);
    if (form !== undefined) return form;
    const read = featuresOf(value);
    const known = read ? read.own.filter((s) => index.has(s.feature)) : [];
    const names = !tables.design.names;
    form = read && {
      word: read.word,
      features: Int32Array.from(known, (s) => index.get(s.feature)!),
      shares: Float64Array.from(known, (s) => s.share),
      pairs: pairs.get(read.word),
      nameInside: names && isName(value, false, lowerForms),
      nameOpening: names && isName(value, true, lowerForms),
    };
    forms.set(value, form);
    return form;
  };
  const size = index.size;
  const b: Buffers = {
    negative: 0,
    neutral: 0,
    positive: 0,
    words: 0,
    entries: 0,
    columns: 0,
    wordToken: new Int32Array(64),
    wordStart: new Int32Array(64),
    wordValue: new Float64Array(64),
    entryColumn: new Int32Array(256),
    entryShare: new Float64Array(256),
    columnFeature: new Int32Array(256),
    columnTotal: new Float64Array(256),
    columnValue: new Float64Array(256),
    seenIn: new Int32Array(size),
    seenColumn: new Int32Array(size),
    sentence: 0,
  };
  return (tokens, from, to) => {
    readSentence(tokens, from, to, formOf, b);
    weighColumns(numbers, b);
    addUpClasses(numbers, b);
    return b;
  };
}
