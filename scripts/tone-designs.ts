/**
 * The Dutch news-tone designs of issue 30 and their cross-validation inside the development part, shared by
 * scripts/compare-tone-designs.ts (every design) and `npm run fit:tone` (the chosen one).
 */
import type { Polarity } from "../data-loaders/tone/evaluate-sentiment.ts";
import { fitMulticlass, type MulticlassItem, type MulticlassModel } from "../data-loaders/tone/fit-multiclass.ts";
import { fitMultinomialLogistic } from "../data-loaders/tone/fit-multinomial-logistic.ts";
import {
  EVERY_WORD,
  lowerCaseForms,
  newsToneReader,
  toneVector,
  vocabulary,
  type ToneDesign,
} from "../data-loaders/tone/news-tone-features.ts";
import { ruleWords } from "../data-loaders/tone/news-tone-model.ts";
import { fitLogistic } from "../data-loaders/voices/fit-logistic.ts";
import { toneFold, type readToneDevelopment } from "./tone-development.ts";
import { fitComplementNaiveBayes, fitNaiveBayesLogistic, fitNaiveBayesSoftmax } from "./tone-naive-bayes.ts";

const ALL = EVERY_WORD;
/** Words, pairs, character 2–5-grams and the Pattern score, names left out, lengths by kind: issue 30's L-BFGS design and the base of its smaller variants. */
const CHARACTERS: ToneDesign = { ...ALL, characters: true, names: false, lengths: "by-kind" };
/** The designs compared, by name. */
export const DESIGNS: Readonly<Record<string, ToneDesign>> = {
  "words+pairs+lex": ALL,
  "words+pairs": { ...ALL, lexicon: false },
  "words+pairs+lex binary": { ...ALL, counts: "binary" },
  "words+pairs+lex without names": { ...ALL, names: false },
  "words+pairs+lex binary without names": { ...ALL, names: false, counts: "binary" },
  "words+pairs+lex without function words": { ...ALL, functionWords: false },
  "words+pairs+lex without names or function words": { ...ALL, names: false, functionWords: false },
  "chars2-5+lex": { ...ALL, words: false, pairs: false, characters: true },
  "chars2-5": { ...ALL, words: false, pairs: false, characters: true, lexicon: false },
  "chars2-5+pairs+lex": { ...ALL, words: false, characters: true },
  "words+chars2-5+pairs+lex": { ...ALL, characters: true },
  "words+chars2-5+pairs+lex without names": { ...ALL, characters: true, names: false },
  "words+chars2-5+pairs+lex by kind": { ...ALL, characters: true, lengths: "by-kind" },
  "words+chars2-5+pairs+lex by kind without names": CHARACTERS,
  "words+chars2-4+pairs+lex by kind without names": { ...CHARACTERS, maxGram: 4 },
  "words+chars3-5+pairs+lex by kind without names": { ...CHARACTERS, minGram: 3 },
  "words+chars3-4+pairs+lex by kind without names": { ...CHARACTERS, minGram: 3, maxGram: 4 },
  "words+chars2-5+pairs+lex by kind without names (n-grams in 2+)": { ...CHARACTERS, minGramCount: 2 },
  "words+chars2-5+pairs+lex by kind without names (n-grams in 3+)": { ...CHARACTERS, minGramCount: 3 },
  "words+chars2-4+pairs+lex by kind without names (n-grams in 2+)": { ...CHARACTERS, maxGram: 4, minGramCount: 2 },
  "words+chars3-5+pairs+lex by kind without names (n-grams in 2+)": { ...CHARACTERS, minGram: 3, minGramCount: 2 },
  "words+chars3-4+pairs+lex by kind without names (n-grams in 2+)": { ...CHARACTERS, minGram: 3, maxGram: 4, minGramCount: 2 },
  "words+chars3-4+pairs+lex by kind without names (n-grams in 3+)": { ...CHARACTERS, minGram: 3, maxGram: 4, minGramCount: 3 },
};

/** The classes in the order of a model's class scores. */
export const CLASSES: readonly Polarity[] = ["neg", "neu", "pos"];
const BASE = { epochs: 30, step: 0.1, minCount: 1, decimals: 4, seed: 1 } as const;
/** The exact multinomial fit's settings (C given by the caller). */
const EXACT = { iterations: 1000, memory: 10, decimals: 4 } as const;

/** The shipped design (chosen by compare-tone-designs.ts), the L2 penalties `npm run fit:tone` chooses among, and the fitter's settings. */
export const SHIPPED = {
  design: "words+pairs+lex without names",
  model: "softmax",
  l2: [0.0001, 0.0003, 0.001],
  settings: { ...BASE, decimals: 3, loss: "softmax" },
} as const;

/** A model's fitter; `l2` is the L2 penalty of the SGD fitters and C (its inverse) for `lbfgs`. */
type Fitter = (items: readonly MulticlassItem[], l2: number) => MulticlassModel;
/**
 * The three-class models compared: multinomial logistic regression, Crammer–Singer SVM, one-vs-rest logistic
 * regressions, NBSVM (one-vs-rest logistic regressions on naive-Bayes-scaled features, without and with Wang
 * & Manning's interpolation β = 0.25; with a hinge loss; other smoothing α), multinomial logistic regression on
 * naive-Bayes-scaled features, complement naive Bayes (smoothing α; the L2 penalty unused), and the
 * multinomial logistic regression fitted exactly by L-BFGS (`lbfgs`, fit-multinomial-logistic.ts).
 */
export const MODELS: Readonly<Record<string, Fitter>> = {
  softmax: (items, l2) => fitMulticlass(items, 3, { ...BASE, l2, loss: "softmax" }),
  hinge: (items, l2) => fitMulticlass(items, 3, { ...BASE, l2, loss: "hinge" }),
  "one-vs-rest": (items, l2) => {
    const models = CLASSES.map((_, c) =>
      fitLogistic(
        items.map((item) => ({ features: item.features, values: item.values, positive: item.label === c })),
        { ...BASE, l2 },
      ),
    );
    const names = [...new Set(models.flatMap((m) => [...m.weights.keys()]))];
    return { bias: models.map((m) => m.bias), weights: new Map(names.map((n) => [n, models.map((m) => m.weights.get(n) ?? 0)])) };
  },
  nbsvm: (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 1, beta: 1, loss: "logistic" }),
  "nbsvm-alpha-0.25": (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 0.25, beta: 1, loss: "logistic" }),
  "nbsvm-alpha-4": (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 4, beta: 1, loss: "logistic" }),
  "nbsvm-interpolated": (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 1, beta: 0.25, loss: "logistic" }),
  "nbsvm-hinge": (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 1, beta: 1, loss: "hinge" }),
  "nbsvm-hinge-interpolated": (items, l2) => fitNaiveBayesLogistic(items, 3, { ...BASE, l2, alpha: 1, beta: 0.25, loss: "hinge" }),
  "nb-softmax": (items, l2) => fitNaiveBayesSoftmax(items, 3, { ...BASE, l2, alpha: 1 }),
  // Its penalty is scikit-learn's C, the inverse of an L2 strength (1, 3, 10 as scripts/tone-reference.py).
  lbfgs: (items, c) => fitMultinomialLogistic(items, 3, { ...EXACT, c }),
  "complement-nb": (items) => fitComplementNaiveBayes(items, 3, 1),
  "complement-nb-alpha-0.3": (items) => fitComplementNaiveBayes(items, 3, 0.3),
  "complement-nb-alpha-3": (items) => fitComplementNaiveBayes(items, 3, 3),
  "complement-nb-alpha-0.1": (items) => fitComplementNaiveBayes(items, 3, 0.1),
};

/** The argmax class of an item's features under a model (ties to the first class). */
export function classOf(model: MulticlassModel, features: readonly string[], values: readonly number[]): number {
  const scores = [...model.bias];
  features.forEach((f, k) => {
    const w = model.weights.get(f);
    if (w) for (let c = 0; c < scores.length; c++) scores[c] = scores[c]! + w[c]! * values[k]!;
  });
  let best = 0;
  for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
  return best;
}

type Development = ReturnType<typeof readToneDevelopment>;

/** Each development headline's word shares under a design. */
export function designShares(development: Development, design: ToneDesign) {
  const { resources, tokenized } = development;
  const lower = design.names ? undefined : lowerCaseForms(tokenized);
  const read = newsToneReader(design, resources.lexicons.nl, ruleWords(resources.rules.nl), lower);
  return tokenized.map((tokens) => read(tokens).shares);
}

/** Out-of-fold classes of every development headline (five folds; idf from the training folds). */
export function crossValidate(development: Development, design: ToneDesign, model: string, l2: number) {
  const { rows } = development;
  const shares = designShares(development, design);
  const gold = rows.map((row) => CLASSES[row.label + 1]!);
  const predicted = new Array<Polarity>(rows.length);
  for (let k = 0; k < 5; k++) {
    const train = rows.flatMap((row, i) => (toneFold(row.id) === k ? [] : [i]));
    const idf = vocabulary(
      train.map((i) => shares[i]!),
      design.minGramCount,
    );
    const vector = (i: number) => toneVector(shares[i]!, idf, design.counts, design.lengths);
    const items = train.map((i) => ({ ...vector(i), label: rows[i]!.label + 1 }));
    const fitted = MODELS[model]!(items, l2);
    rows.forEach((row, i) => {
      if (toneFold(row.id) !== k) return;
      const { features, values } = vector(i);
      predicted[i] = CLASSES[classOf(fitted, features, values)]!;
    });
  }
  return { gold, predicted };
}
