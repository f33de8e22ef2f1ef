/**
 * npm run fit:tone [-- --eval <folder>] [--out <file>]
 * Fits the Dutch news-tone model (corpus/models/dutch-news-tone.json) on the development part of the ecosent
 * headlines (../shared/eval/nl/ecosent_headlines_train.jsonl; van Atteveldt, van der Velden & Boukes 2021,
 * MIT). Only development items are read; the kept-back part is scored by `npm run validate`. Deterministic:
 * the same data give byte-identical weights (split by a hash of the id, seeded item order, rounded weights).
 *
 * The model is fitted directly on the three coded classes: a multinomial logistic regression over TF-IDF word
 * features (news-tone-features.ts), its class the highest of three class scores. The design (features and
 * model) was chosen among those scripts/compare-tone-designs.ts compares, by five-fold cross-validation inside
 * the development part; here the L2 penalty is chosen the same way, by the mean of accuracy and macro-F1.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { accuracy, macroF1 } from "../data-loaders/tone/evaluate-sentiment.ts";
import { fitMulticlass } from "../data-loaders/tone/fit-multiclass.ts";
import { documentFrequency, toneVector, vocabulary } from "../data-loaders/tone/news-tone-features.ts";
import { parseCommandLine } from "./cli-args.ts";
import { crossValidate, designShares, DESIGNS, SHIPPED } from "./tone-designs.ts";
import { readToneDevelopment } from "./tone-development.ts";

const { values } = parseCommandLine(
  "fit:tone",
  "usage: npm run fit:tone -- [--eval <folder>] [--out <file>]",
  {
    options: {
      eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
      out: { type: "string", default: join(PROJECT_ROOT, "corpus", "models", "dutch-news-tone.json") },
      design: { type: "string", default: SHIPPED.design },
    },
  },
  `
Fits the Dutch news-tone model on the development part of ecosent's headlines (nl/ecosent_headlines_train.jsonl):
fixed seed and split, so a second run writes the same bytes.
  --eval <folder>  the labelled data (default ../shared/eval)
  --out <file>     where the model goes (default corpus/models/dutch-news-tone.json)
Example: npm run fit:tone && git diff --stat corpus/models`,
);
const development = readToneDevelopment(values.eval!);
const design = DESIGNS[values.design!];
if (!design) {
  process.stderr.write(`fit:tone: no design ${values.design} (designs: ${Object.keys(DESIGNS).join(", ")})\n`);
  process.exit(2);
}
let chosen = { l2: 0, accuracy: -1, macroF1: -1 };
for (const l2 of SHIPPED.l2) {
  const { gold, predicted } = crossValidate(development, design, SHIPPED.model, l2);
  const figures = { accuracy: accuracy(gold, predicted), macroF1: macroF1(gold, predicted, ["pos", "neg", "neu"]) };
  process.stderr.write(
    `fit:tone: l2 ${l2}: cross-validated accuracy ${figures.accuracy.toFixed(3)}, macro-F1 ${figures.macroF1.toFixed(3)}\n`,
  );
  // Both targets count: the penalty with the best mean of accuracy and macro-F1 is kept.
  if (figures.accuracy + figures.macroF1 > chosen.accuracy + chosen.macroF1) chosen = { l2, ...figures };
}
const shares = designShares(development, design);
const idf = vocabulary(shares);
const counts = documentFrequency(shares);
const items = development.rows.map((row, i) => ({ ...toneVector(shares[i]!, idf, design.counts, design.lengths), label: row.label + 1 }));
const settings = { ...SHIPPED.settings, l2: chosen.l2 };
const model = fitMulticlass(items, 3, settings);
// Every feature of the vocabulary is kept, with its weights or none (0): its idf is part of every sentence's vector length.
const features = Object.fromEntries(
  [...counts.keys()].sort(compareIds).map((feature) => [feature, [counts.get(feature)!, ...(model.weights.get(feature) ?? [0, 0, 0])]]),
);
const output = {
  id: "dutch-news-tone",
  version: "3.1.0",
  licence: "MIT (weights derived from the ecosent data, MIT; no text of it is kept here)",
  source:
    "Fitted by `npm run fit:tone` on the development part (SHA-256 of the id, first byte not divisible by 3) of the ecosent economic news headlines, github vanatteveldt/ecosent.",
  cite: "van Atteveldt, W., van der Velden, M. A. C. G., & Boukes, M. (2021). The Validity of Sentiment Analysis: Comparing Manual Annotation, Crowd-Coding, Dictionary Approaches, and Machine Learning Algorithms. Communication Methods and Measures, 15(2), 121-140.",
  method: `Multinomial logistic regression on the coded tone (negative, neutral, positive), fitted by SGD with AdaGrad steps and an L2 penalty (data-loaders/tone/fit-multiclass.ts); a sentence's class is the highest of its three class scores (bias + features · weights). Features per word (data-loaders/tone/news-tone-features.ts, design '${values.design}'): the word as written in lower case, each pair of neighbouring words with half on each word, and the word's Pattern lexicon score; names (capitalised words inside a sentence, and a capitalised opening word the headlines never write in lower case inside a sentence) ${design.names ? "included" : "left out"}; function words other than the sentiment rules' own ${design.functionWords ? "included" : "left out"}; TF-IDF with ${design.counts} counts and smooth idf over the ${development.rows.length} headlines, divided by the vector's length. The tone score is the model's expected tone, P(positive) − P(negative) of the class probabilities (softmax of the class scores), which lies in −1..1; each word's contribution is its share of the positive minus the negative class score (constants included, their difference a baseline beside the words), scaled so the words and the baseline sum to the score. Design and L2 penalty chosen by five-fold cross-validation inside the development part (accuracy ${chosen.accuracy.toFixed(3)}, macro-F1 ${chosen.macroF1.toFixed(3)}); weights rounded to ${settings.decimals} decimals. features: [headlines the feature occurs in, weight negative, weight neutral, weight positive].`,
  fittedOn: { items: items.length, part: "development" },
  settings: Object.fromEntries(Object.entries(settings).sort(([a], [b]) => compareIds(a, b))),
  design,
  crossValidated: { accuracy: Number(chosen.accuracy.toFixed(3)), macroF1: Number(chosen.macroF1.toFixed(3)) },
  documents: development.rows.length,
  bias: model.bias,
  features,
};
const target = values.out!;
// One line per feature, so a refit's diff reads feature by feature.
const lines = Object.entries(features).map(([feature, row]) => `  ${JSON.stringify(feature)}: ${JSON.stringify(row)}`);
const head = JSON.stringify({ ...output, features: {} }, null, 1).replace(/"features": \{\}\n\}$/, "");
writeFileSync(target, `${head}"features": {\n${lines.join(",\n")}\n }\n}\n`);
process.stderr.write(`fit:tone: ${Object.keys(features).length} features, l2 ${chosen.l2}; wrote ${target}\n`);
