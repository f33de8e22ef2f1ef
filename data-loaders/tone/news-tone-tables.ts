import { inverseDocumentFrequency, type ToneDesign } from "./news-tone-features.ts";

/**
 * A Dutch news-tone model file's tables as the scorer (news-tone-scorer.ts) reads them: its features
 * numbered once at load, with their idf and class weights in typed arrays by number, and its word pairs
 * listed by their first and second word's forms.
 */

/** What a model file gives the scorer: its design, document count, class constants and features. */
export interface NewsToneTables {
  readonly design: ToneDesign;
  readonly documents: number;
  readonly bias: readonly [number, number, number];
  /** Per feature: [headlines it occurs in, weight negative, weight neutral, weight positive]. */
  readonly features: Readonly<Record<string, readonly [number, number, number, number]>>;
}

/** The model's numbers by feature number: idf, and the three class weights with w₊ − w₋ (four numbers a feature, side by side). */
export interface Weights {
  readonly idf: Float64Array;
  readonly weights: Float64Array;
  /** The number of the lexicon feature `lex`, or −1. */
  readonly lexicon: number;
  readonly binary: boolean;
  /** Per feature, which length divides it: 0 the words' (all features, unless the design gives character n-grams their own), 1 the character n-grams'. */
  readonly kind: Uint8Array;
  /** Whether the character n-grams have a length of their own (else one length, and `kind` is not read). */
  readonly byKind: boolean;
  readonly bias: readonly [number, number, number];
}

/** Numbers a model's features (in the file's order) and lists its weights by number. */
export function numberFeatures(tables: NewsToneTables): { readonly index: Map<string, number>; readonly numbers: Weights } {
  const names = Object.keys(tables.features);
  const index = new Map(names.map((name, f) => [name, f]));
  const idf = new Float64Array(names.length);
  const weights = new Float64Array(4 * names.length);
  const kind = new Uint8Array(names.length);
  const byKind = tables.design.lengths === "by-kind";
  names.forEach((name, f) => {
    if (byKind && name.startsWith("c=")) kind[f] = 1;
    const [count, negative, neutral, positive] = tables.features[name]!;
    idf[f] = inverseDocumentFrequency(name, count, tables.documents);
    weights.set([negative, neutral, positive, positive - negative], 4 * f);
  });
  const lexicon = index.get("lex") ?? -1;
  return {
    index,
    numbers: { idf, weights, lexicon, binary: tables.design.counts === "binary", kind, byKind, bias: tables.bias },
  };
}

/** The pair features by their first word's form and then the second's: "p=a_b_c" is listed under both ways of cutting it, only one of which a sentence can give. */
export function pairTable(index: ReadonlyMap<string, number>): Map<string, Map<string, number>> {
  const pairs = new Map<string, Map<string, number>>();
  for (const [feature, f] of index) {
    if (!feature.startsWith("p=")) continue;
    for (let cut = feature.indexOf("_", 2); cut >= 0; cut = feature.indexOf("_", cut + 1)) {
      const first = feature.slice(2, cut);
      let next = pairs.get(first);
      if (!next) pairs.set(first, (next = new Map()));
      next.set(feature.slice(cut + 1), f);
    }
  }
  return pairs;
}
