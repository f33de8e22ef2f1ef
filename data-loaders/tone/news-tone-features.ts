import { StopwordsNl } from "@nlpjs/lang-nl";
import type { Token } from "../reading/token.ts";
import type { SentimentLexicon } from "./score-sentiment.ts";

/**
 * Which features the Dutch news-tone model reads, each belonging to one word: `words` (the word as written,
 * lower case: `w=`), `pairs` (each pair of neighbouring words, `p=`, half on each), `characters` (the
 * character n-grams of the word between boundary marks, `c=<gr`, from 2 to `maxGram` characters), `lexicon`
 * (the word's Pattern score, `lex`), and whether names (capitalised words inside a sentence) and function
 * words (@nlpjs/lang-nl's stopwords other than the sentiment rules' own words) are read at all.
 */
export interface ToneDesign {
  readonly words: boolean;
  readonly pairs: boolean;
  readonly characters: boolean;
  readonly maxGram: number;
  readonly lexicon: boolean;
  readonly names: boolean;
  readonly functionWords: boolean;
  /** How a feature's count in a sentence is weighted: `sublinear` 1 + ln(count), `binary` 1. */
  readonly counts: "sublinear" | "binary";
  /**
   * How the vector is brought to unit length: `shared` (absent: the default) divides it by its length;
   * `by-kind` divides the character n-grams by their own length and the other features by theirs, as a
   * scikit-learn FeatureUnion of two TF-IDF vectors does, so the many n-grams of a word do not shrink its
   * word features.
   */
  readonly lengths?: "shared" | "by-kind";
  /** The shortest character n-gram read (absent: 2). */
  readonly minGram?: number;
  /** Character n-grams in fewer of the fitting headlines than this are left out of the vocabulary (absent: 1, every one kept). */
  readonly minGramCount?: number;
}

/** Every word read (names and function words too), with its word pairs and Pattern score, TF-IDF with sublinear counts (3.0.0's design; 3.1.0 leaves names out). */
export const EVERY_WORD: ToneDesign = {
  words: true,
  pairs: true,
  characters: false,
  maxGram: 5,
  lexicon: true,
  names: true,
  functionWords: true,
  counts: "sublinear",
};

/** One feature of one word with the word's share of it (1, or ½ for a pair; a lexicon feature's share is the score). */
export interface WordShare {
  readonly feature: string;
  readonly share: number;
}

/** A sentence's words as the model reads them: their token indices and each word's feature shares. */
export interface ReadWords {
  readonly words: readonly number[];
  readonly shares: readonly WordShare[][];
}

const UPPER = /\p{Lu}/u;
const normal = (value: string) => {
  const lower = value.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
};

/**
 * Whether a word is a name: capitalised inside a sentence, or opening it capitalised with a form the fitting
 * text never writes in lower case inside a sentence ("Rusland", "Poetin"; not "Groei"). Without `lowerForms`
 * an opening word is read as a word.
 */
export function isName(value: string, opening: boolean, lowerForms: ReadonlySet<string> | undefined): boolean {
  if (!UPPER.test(value[0]!)) return false;
  return !opening || (lowerForms !== undefined && !lowerForms.has(normal(value)));
}

/** The forms of the words and numbers written in lower case inside a sentence (not opening it), over every sentence's tokens. */
export function lowerCaseForms(sentences: readonly (readonly Token[])[]): Set<string> {
  const forms = new Set<string>();
  for (const tokens of sentences) {
    const firstWord = tokens.findIndex((t) => t.type === "word");
    tokens.forEach((token, i) => {
      if ((token.type === "word" || token.type === "number") && i !== firstWord && !UPPER.test(token.value[0]!))
        forms.add(normal(token.value));
    });
  }
  return forms;
}

/** The character n-grams (`minGram`, default 2, to `maxGram`) of a word between boundary marks: "<groei>" gives "<g", "gr", …, "ei>". */
export function characterGrams(word: string, maxGram: number, minGram = 2): string[] {
  const padded = `<${word}>`;
  const grams: string[] = [];
  for (let n = minGram; n <= maxGram; n++) for (let s = 0; s + n <= padded.length; s++) grams.push(padded.slice(s, s + n));
  return grams;
}

/** A word form's own features (its word, character n-grams and lexicon score, in that order), or null for a function word the design does not read. */
export type WordFeatures = (value: string) => { readonly word: string; readonly own: readonly WordShare[] } | null;

/**
 * The features a word form has of itself by `design` (pairs aside): `w=<form>`, its character n-grams and
 * `lex` with the word's Pattern score; null for a function word left out (the sentiment rules' own words
 * kept). Not memoised: the fitting reader and the analysis scorer each keep what they look up.
 * @example wordFeatures(design, lexicon, new Set())("Goed") // { word: "goed", own: [{ feature: "w=goed", share: 1 }, { feature: "lex", share: 0.7 }] }
 */
export function wordFeatures(design: ToneDesign, lexicon: SentimentLexicon, ruleWords: ReadonlySet<string>): WordFeatures {
  const stopwords = new StopwordsNl();
  return (value) => {
    const word = normal(value);
    if (!design.functionWords && stopwords.isStopword(word) && !ruleWords.has(word)) return null;
    const own: WordShare[] = [];
    if (design.words) own.push({ feature: `w=${word}`, share: 1 });
    if (design.characters)
      for (const gram of characterGrams(word, design.maxGram, design.minGram)) own.push({ feature: `c=${gram}`, share: 1 });
    const score = design.lexicon ? lexicon(word) : undefined;
    if (score) own.push({ feature: "lex", share: score });
    return { word, own };
  };
}

/**
 * A reader of the words of a sentence and their features by `design`. Each word form's own features are
 * worked out once (memoised); word pairs join the words read next to each other, a skipped name breaking a
 * pair. Numbers are words too; punctuation is not. Without names, `lowerForms` (the forms the fitting text
 * writes in lower case inside a sentence, {@link lowerCaseForms}) tells a name opening a sentence from a word.
 * The fitting's reader (scripts/tone-designs.ts); analysis reads the same features through news-tone-scorer.ts.
 * @example newsToneReader(design, lexicon, ruleWords)(tokensOf("Groei stokt")).shares[1] // [{ feature: "w=stokt", share: 1 }, { feature: "p=groei_stokt", share: 0.5 }]
 */
export function newsToneReader(
  design: ToneDesign,
  lexicon: SentimentLexicon,
  ruleWords: ReadonlySet<string>,
  lowerForms?: ReadonlySet<string>,
): (tokens: readonly Token[]) => ReadWords {
  const featuresOf = wordFeatures(design, lexicon, ruleWords);
  const forms = new Map<string, ReturnType<WordFeatures>>();
  const formOf = (value: string) => {
    let form = forms.get(value);
    if (form === undefined) forms.set(value, (form = featuresOf(value)));
    return form;
  };
  return (tokens) => {
    const firstWord = tokens.findIndex((t) => t.type === "word");
    const words: number[] = [];
    const shares: WordShare[][] = [];
    let previous: string | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== "word" && token.type !== "number") continue;
      const form = !design.names && isName(token.value, i === firstWord, lowerForms) ? null : formOf(token.value);
      if (form === null) {
        previous = null;
        continue;
      }
      const own = [...form.own];
      if (design.pairs && previous !== null) {
        const pair = `p=${previous}_${form.word}`;
        shares[shares.length - 1]!.push({ feature: pair, share: 0.5 });
        own.push({ feature: pair, share: 0.5 });
      }
      words.push(i);
      shares.push(own);
      previous = form.word;
    }
    return { words, shares };
  };
}

/** A sentence's feature vector: each feature the vocabulary knows, its value, and each word's part of it. */
export interface ToneVector {
  /** Feature names, in first-seen order. */
  readonly features: readonly string[];
  /** Each feature's value: weighted count × idf (the lexicon feature: the sum of its scores), divided by the vector's length. */
  readonly values: readonly number[];
  /** Per word, its part of each feature value (index into `features`, part); a word's parts sum over words to the values. */
  readonly parts: readonly (readonly (readonly [number, number])[])[];
}

/**
 * A sentence's words' feature shares as a TF-IDF vector (Salton & Buckley 1988, as scikit-learn's
 * TfidfVectorizer with sublinear_tf or binary counts, and l2 norm): a feature's count is the sum of its
 * shares in the sentence (a pair counts 1, ½ from each word), weighted 1 + ln(count) or 1, times its idf
 * (`idf`: the vocabulary; features it lacks are left out); the lexicon feature `lex` is the sum of its
 * scores, unweighted. The vector is divided by its length, and each word's part of a feature is its share of
 * the count, so the parts of all words sum to the vector.
 * @example toneVector([[{ feature: "w=groei", share: 1 }]], new Map([["w=groei", 2]]), "sublinear").values // [1]
 */
export function toneVector(
  shares: readonly (readonly WordShare[])[],
  idf: ReadonlyMap<string, number>,
  counts: ToneDesign["counts"],
  lengths: ToneDesign["lengths"] = "shared",
): ToneVector {
  const column = new Map<string, number>();
  const totals: number[] = [];
  const parts = shares.map((own) => {
    const mine: [number, number][] = [];
    for (const { feature, share } of own) {
      if (!idf.has(feature)) continue;
      let c = column.get(feature);
      if (c === undefined) {
        c = totals.length;
        column.set(feature, c);
        totals.push(0);
      }
      totals[c] = totals[c]! + share;
      mine.push([c, share]);
    }
    return mine;
  });
  const features = [...column.keys()];
  const values = features.map((feature, c) => {
    if (feature === "lex") return totals[c]! * idf.get(feature)!;
    return (counts === "binary" ? 1 : 1 + Math.log(totals[c]!)) * idf.get(feature)!;
  });
  // Per kind of feature (0: words, pairs, lexicon; 1: character n-grams, when they have a length of their own).
  const kindOf = (c: number) => (lengths === "by-kind" && features[c]!.startsWith("c=") ? 1 : 0);
  const squares = [0, 0];
  values.forEach((v, c) => (squares[kindOf(c)]! += v * v));
  const length = squares.map((sum) => Math.sqrt(sum) || 1);
  for (let c = 0; c < values.length; c++) values[c] = values[c]! / length[kindOf(c)]!;
  const partOf = ([c, share]: [number, number]): [number, number] => [
    c,
    features[c] === "lex" ? (share * values[c]!) / (totals[c]! || 1) : (share / totals[c]!) * values[c]!,
  ];
  return { features, values, parts: parts.map((mine) => mine.map(partOf)) };
}

/** In how many sentences each feature occurs. */
export function documentFrequency(sentences: readonly (readonly (readonly WordShare[])[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const shares of sentences)
    for (const feature of new Set(shares.flat().map((s) => s.feature))) df.set(feature, (df.get(feature) ?? 0) + 1);
  return df;
}

/**
 * A feature's inverse document frequency, as scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1, `count`
 * the sentences it occurs in (df) and `documents` all sentences (n); the lexicon feature `lex` always 1.
 * @example inverseDocumentFrequency("w=groei", 1, 3) // 1 + ln 2
 */
export function inverseDocumentFrequency(feature: string, count: number, documents: number): number {
  return feature === "lex" ? 1 : Math.log((1 + documents) / (1 + count)) + 1;
}

/**
 * The idf of every feature of `sentences`, character n-grams only when they occur in at least `minGramCount`
 * of them (default 1: every one): the vocabulary of a model fitted on them.
 */
export function vocabulary(sentences: readonly (readonly (readonly WordShare[])[])[], minGramCount = 1): Map<string, number> {
  const df = documentFrequency(sentences);
  return new Map(
    [...df].flatMap(([feature, count]) =>
      count >= minGramCount || !feature.startsWith("c=")
        ? [[feature, inverseDocumentFrequency(feature, count, sentences.length)] as const]
        : [],
    ),
  );
}
