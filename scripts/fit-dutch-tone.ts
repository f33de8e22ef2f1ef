/**
 * npm run fit:tone [-- --eval <folder>] [--out <file>]
 * Fits the Dutch news-tone model (corpus/models/dutch-news-tone.json) on the development part of the ecosent
 * headlines (../shared/eval/nl/ecosent_headlines_train.jsonl; van Atteveldt, van der Velden & Boukes 2021,
 * MIT). Only development items are read; the kept-back part is scored by `npm run validate`. Deterministic:
 * the same data give byte-identical weights (split by a hash of the id, seeded item order, rounded weights).
 *
 * The model is fitted on the three coded classes, not on a regression cut afterwards: an all-threshold
 * ordinal logistic regression (Rennie & Srebro 2005), fitted with the project's one logistic fitter
 * (data-loaders/voices/fit-logistic.ts) by giving it every headline twice, once as "more positive than
 * negative?" and once as "positive?", with one shared weight per feature and a cut feature per question.
 * The features belong to words (news-tone-model.ts toneFeatureReader), so a sentence's score is a sum of
 * word contributions. The L2 penalty (by the mean of accuracy and macro-F1) and the class thresholds (by
 * accuracy) are chosen by five-fold cross-validation inside the development part.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { accuracy, bestClassBounds, classBy, macroF1 } from "../data-loaders/tone/evaluate-sentiment.ts";
import { fitLogistic, type FitSettings } from "../data-loaders/voices/fit-logistic.ts";
import { ordinalItems, polarityOf, readToneDevelopment, toneFold, toneItems, weightedSum } from "./tone-development.ts";
import { parseCommandLine } from "./cli-args.ts";

const { values } = parseCommandLine(
  "fit:tone",
  "usage: npm run fit:tone -- [--eval <folder>] [--out <file>]",
  {
    options: {
      eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
      out: { type: "string", default: join(PROJECT_ROOT, "corpus", "models", "dutch-news-tone.json") },
    },
  },
  `
Fits the Dutch news-tone model on the development part of ecosent's headlines (nl/ecosent_headlines_train.jsonl):
fixed seed and split, so a second run writes the same bytes.
  --eval <folder>  the labelled data (default ../shared/eval)
  --out <file>     where the model goes (default corpus/models/dutch-news-tone.json)
Example: npm run fit:tone && git diff --stat corpus/models`,
);
const { rows, tokenized, resources, read } = readToneDevelopment(values.eval!);
// Each headline's word features as the scorer reads them, divided by the headline's feature norm.
const items = toneItems(rows, tokenized, (tokens) => read(tokens).features);
// A feature must occur in at least this many headlines (twice as many items: every headline is given twice).
const MIN_HEADLINES = 1;
const BASE = { epochs: 30, step: 0.1, minCount: 2 * MIN_HEADLINES, decimals: 3, seed: 1 } as const;
// Sentence scores are squashed to -1..1 as the lexicon path's are (sentiment-rules.yaml alpha).
const alpha = resources.rules.nl.alpha;
const squash = (x: number) => x / Math.sqrt(x * x + alpha);
const gold = items.map((item) => polarityOf(item.label));
const all = items.map((_, i) => i);
let chosen = { l2: 0, negative: 0, positive: 0, accuracy: -1, macroF1: -1 };
for (const l2 of [0.003, 0.01, 0.03]) {
  const outOfFold = new Array<number>(items.length);
  for (let k = 0; k < 5; k++) {
    const model = fitLogistic(
      ordinalItems(
        items,
        all.filter((i) => toneFold(items[i]!.id) !== k),
      ),
      { ...BASE, l2 },
    );
    for (const i of all) if (toneFold(items[i]!.id) === k) outOfFold[i] = weightedSum(items[i]!, model.weights);
  }
  const thresholds = bestClassBounds(outOfFold, gold);
  const predicted = outOfFold.map((s) => classBy(s, thresholds));
  const figures = { accuracy: accuracy(gold, predicted), macroF1: macroF1(gold, predicted, ["pos", "neg", "neu"]) };
  process.stderr.write(
    `fit:tone: l2 ${l2}: cross-validated accuracy ${figures.accuracy.toFixed(3)}, macro-F1 ${figures.macroF1.toFixed(3)}\n`,
  );
  // Both targets count: the penalty with the best mean of accuracy and macro-F1 is kept.
  if (figures.accuracy + figures.macroF1 > chosen.accuracy + chosen.macroF1) chosen = { l2, ...thresholds, ...figures };
}
const settings: FitSettings = { ...BASE, l2: chosen.l2 };
const round4 = (x: number) => Math.round(x * 1e4) / 1e4 + 0;
const model = fitLogistic(ordinalItems(items, all), settings);
const cuts = ["cut=above-negative", "cut=positive"];
const weights = Object.fromEntries([...model.weights].filter(([name]) => !cuts.includes(name)).sort(([a], [b]) => compareIds(a, b)));
const output = {
  id: "dutch-news-tone",
  version: "2.0.0",
  licence: "MIT (weights derived from the ecosent data, MIT; no text of it is kept here)",
  source:
    "Fitted by `npm run fit:tone` on the development part (SHA-256 of the id, first byte not divisible by 3) of the ecosent economic news headlines, github vanatteveldt/ecosent.",
  cite: "van Atteveldt, W., van der Velden, M. A. C. G., & Boukes, M. (2021). The Validity of Sentiment Analysis: Comparing Manual Annotation, Crowd-Coding, Dictionary Approaches, and Machine Learning Algorithms. Communication Methods and Measures, 15(2), 121-140.",
  method: `All-threshold ordinal logistic regression (Rennie & Srebro 2005) on the coded tone (-1, 0, 1), fitted by SGD with AdaGrad steps and an L2 penalty (data-loaders/voices/fit-logistic.ts): each headline is given twice, 'above negative?' and 'positive?', with one shared weight per feature and a cut feature per question (the bias and cuts are not kept: they are in the thresholds). Features per word (data-loaders/tone/news-tone-model.ts): its stem (@nlpjs/lang-nl), each pair of neighbouring words with half its value on each word, its Pattern lexicon score; names (capitalised words inside a sentence; an opening word in capitals or whose stem no headline writes in lower case) and function words (@nlpjs/lang-nl's stopwords) other than the sentiment rules' negators, boosters, dampeners and contrast words have none; values divided by the headline's feature norm. The sentence score is the word sum squashed by x / sqrt(x² + alpha), alpha the lexicon path's. Features in at least ${MIN_HEADLINES} headlines; weights rounded to ${BASE.decimals} decimals, zeros dropped. L2 penalty (by the mean of accuracy and macro-F1) and class thresholds (by accuracy) chosen by five-fold cross-validation inside the development part (accuracy ${chosen.accuracy.toFixed(3)}, macro-F1 ${chosen.macroF1.toFixed(3)}).`,
  fittedOn: { items: items.length, part: "development" },
  settings: Object.fromEntries(Object.entries(settings).sort(([a], [b]) => compareIds(a, b))),
  crossValidated: { accuracy: Number(chosen.accuracy.toFixed(3)), macroF1: Number(chosen.macroF1.toFixed(3)) },
  alpha,
  thresholds: { negative: round4(squash(chosen.negative)), positive: round4(squash(chosen.positive)) },
  weights,
};
const target = values.out!;
writeFileSync(target, `${JSON.stringify(output, null, 1)}\n`);
process.stderr.write(
  `fit:tone: ${Object.keys(weights).length} feature weights, l2 ${chosen.l2}, alpha ${alpha}, thresholds ${output.thresholds.negative} / ${output.thresholds.positive}; wrote ${target}\n`,
);
