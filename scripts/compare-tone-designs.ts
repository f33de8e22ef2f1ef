/**
 * npx tsx scripts/compare-tone-designs.ts [-- --eval <folder>] [--only <design,…>]
 * The Dutch news-tone designs compared for issue 30, by five-fold cross-validation inside the development
 * part of the ecosent headlines (the kept-back part is never read). Each design is a set of word features
 * (news-tone-features.ts: words, word pairs, character n-grams within the word, the Pattern score; names
 * and function words read or not; TF-IDF with sublinear or binary counts, idf from the training folds)
 * and a three-class linear model whose class is the argmax of its three class scores: multinomial logistic
 * regression (`softmax`), the Crammer–Singer multiclass linear SVM (`hinge`), three one-vs-rest logistic
 * regressions (`one-vs-rest`), or a naive-Bayes design (`nbsvm…`, `nb-softmax`, `complement-nb…`:
 * tone-naive-bayes.ts), or the multinomial logistic regression fitted exactly by L-BFGS (`lbfgs`, its
 * penalty given as C). Prints, per design, model and L2 penalty, 3-class accuracy and macro-F1 out
 * of fold.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { accuracy, macroF1 } from "../data-loaders/tone/evaluate-sentiment.ts";
import { parseCommandLine } from "./cli-args.ts";
import { DESIGNS, crossValidate, MODELS } from "./tone-designs.ts";
import { readToneDevelopment } from "./tone-development.ts";

const { values } = parseCommandLine(
  "compare-tone-designs",
  "usage: npx tsx scripts/compare-tone-designs.ts [--eval <folder>] [--only <design,…>] [--l2 <values>] [--models <names>]",
  {
    options: {
      eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
      only: { type: "string" },
      l2: { type: "string", default: "0.0001,0.0003,0.001" },
      models: { type: "string", default: Object.keys(MODELS).join(",") },
    },
  },
  `
Cross-validates the Dutch news-tone designs (features × models) inside ecosent's development part and prints
the table docs/validation.md gives.
  --eval <folder>    the labelled data (default ../shared/eval)
  --only <names>     only these designs (comma-separated; default all: ${Object.keys(DESIGNS).join(", ")})
  --l2 <values>      the L2 penalties tried (default 0.0001,0.0003,0.001); for lbfgs, its C (try 1,3,10)
  --models <names>   the models tried (default ${Object.keys(MODELS).join(", ")})
Example: npx tsx scripts/compare-tone-designs.ts --only words+pairs+lex --models softmax`,
);
const names = values.only ? values.only.split(",") : Object.keys(DESIGNS);
// A mistyped design or model is said in one line before the data is read.
for (const [flag, given, known] of [
  ["--only", names, Object.keys(DESIGNS)],
  ["--models", values.models!.split(","), Object.keys(MODELS)],
] as const) {
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length === 0) continue;
  process.stderr.write(`compare-tone-designs: ${flag}: no ${unknown.join(", ")} (known: ${known.join(", ")})\n`);
  process.exit(2);
}
const development = readToneDevelopment(values.eval!);
for (const name of names) {
  const design = DESIGNS[name];
  if (!design) throw new Error(`compare-tone-designs: no design ${name}`);
  for (const model of values.models!.split(",")) {
    // Complement naive Bayes has no penalty: one line for it.
    const penalties = values.l2!.split(",").map(Number);
    for (const l2 of model.startsWith("complement-nb") ? penalties.slice(0, 1) : penalties) {
      const { gold, predicted } = crossValidate(development, design, model, l2);
      console.log(
        `${name}, ${model}, l2 ${l2}: accuracy ${accuracy(gold, predicted).toFixed(3)}, macro-F1 ${macroF1(gold, predicted, ["pos", "neg", "neu"]).toFixed(3)}`,
      );
    }
  }
}
