/**
 * npx tsx scripts/compare-tone-designs.ts [-- --eval <folder>]
 * The Dutch news-tone designs compared for issue 30, by five-fold cross-validation inside the development
 * part of the ecosent headlines (the kept-back part is never read): three feature designs, each feature
 * belonging to one word, and two ways of fitting a single score on the three classes. Prints one line per
 * design, model and L2 penalty: 3-class accuracy and macro-F1 out of fold, the score cut into classes by
 * the two thresholds that classify the out-of-fold scores best (as `npm run fit:tone` does). Every design
 * reads the same words (news-tone-model.ts toneFeatureReader: no names, no function words but the rules').
 * - stems: the shipped features (stem, half of each word pair of stems, Pattern score);
 * - words: the word as written (lower case) instead of its stem, with pairs of words and the Pattern score;
 * - characters: the character 2–5-grams of the word with its boundaries ("<groei>"), and the Pattern score.
 * Models: `ordinal` (all-threshold ordinal logistic regression, shipped) and `one-vs-rest` (two logistic
 * regressions, positive against the rest and negative against the rest; score = the difference of their
 * decision values). Takes a few minutes on one core.
 */
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import type { Token } from "../data-loaders/reading/token.ts";
import { accuracy, bestClassBounds, classBy, macroF1 } from "../data-loaders/tone/evaluate-sentiment.ts";
import type { WordFeature } from "../data-loaders/tone/news-tone-model.ts";
import { fitLogistic, type TrainingItem } from "../data-loaders/voices/fit-logistic.ts";
import { ordinalItems, polarityOf, readToneDevelopment, toneFold, toneItems, weightedSum } from "./tone-development.ts";
import { parseCommandLine } from "./cli-args.ts";

const { values } = parseCommandLine(
  "compare-tone-designs",
  "usage: npx tsx scripts/compare-tone-designs.ts [--eval <folder>]",
  { options: { eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") } } },
  `
Cross-validates the Dutch news-tone designs (features × models) inside ecosent's development part and prints
the table the README gives.
  --eval <folder>  the labelled data (default ../shared/eval)`,
);
const { rows, tokenized, resources, read } = readToneDevelopment(values.eval!);
const lexicon = resources.lexicons.nl;

/** The features of each word the shipped reader keeps, by design. */
const designs: Record<string, (tokens: readonly Token[]) => WordFeature[][]> = {
  stems: (tokens) => read(tokens).features.map((own) => [...own]),
  words: (tokens) => {
    const { words, features } = read(tokens);
    const forms = words.map((i) => tokens[i]!.value.toLowerCase());
    // Pairs where the shipped reader pairs stems (a name between two words breaks a pair).
    const paired = features.map((own, k) => k > 0 && own.some((f) => f.feature.startsWith("p=") && features[k - 1]!.includes(f)));
    return forms.map((word, k) => {
      const own: WordFeature[] = [{ feature: `w=${word}`, value: 1 }];
      if (paired[k]) own.push({ feature: `p=${forms[k - 1]}_${word}`, value: 0.5 });
      if (paired[k + 1]) own.push({ feature: `p=${word}_${forms[k + 1]}`, value: 0.5 });
      const score = lexicon(word);
      if (score) own.push({ feature: "lex", value: score });
      return own;
    });
  },
  characters: (tokens) =>
    read(tokens).words.map((i) => {
      const word = tokens[i]!.value.toLowerCase();
      const padded = `<${word}>`;
      const own: WordFeature[] = [];
      for (let n = 2; n <= 5; n++)
        for (let s = 0; s + n <= padded.length; s++) own.push({ feature: `c=${padded.slice(s, s + n)}`, value: 1 });
      const score = lexicon(word);
      if (score) own.push({ feature: "lex", value: score });
      return own;
    }),
};

const gold = rows.map((row) => polarityOf(row.label));
const BASE = { epochs: 30, step: 0.1, decimals: 3, seed: 1 } as const;
for (const [design, featuresOf] of Object.entries(designs)) {
  const items = toneItems(rows, tokenized, featuresOf);
  const score = (i: number, weights: ReadonlyMap<string, number>) => weightedSum(items[i]!, weights);
  const models: Record<string, (train: readonly number[], l2: number) => (i: number) => number> = {
    ordinal: (train, l2) => {
      const model = fitLogistic(ordinalItems(items, train), { ...BASE, l2, minCount: 2 });
      return (i) => score(i, model.weights);
    },
    "one-vs-rest": (train, l2) => {
      const [positive, negative] = ([1, -1] as const).map((c) =>
        fitLogistic(
          train.map((i): TrainingItem => ({ ...items[i]!, positive: items[i]!.label === c })),
          { ...BASE, l2, minCount: 1 },
        ),
      );
      return (i) => score(i, positive!.weights) - score(i, negative!.weights);
    },
  };
  for (const [kind, fit] of Object.entries(models)) {
    for (const l2 of [0.003, 0.01, 0.03]) {
      const outOfFold = new Array<number>(items.length);
      for (let k = 0; k < 5; k++) {
        const scorer = fit(
          items.flatMap((item, i) => (toneFold(item.id) === k ? [] : [i])),
          l2,
        );
        items.forEach((item, i) => {
          if (toneFold(item.id) === k) outOfFold[i] = scorer(i);
        });
      }
      const thresholds = bestClassBounds(outOfFold, gold);
      const predicted = outOfFold.map((s) => classBy(s, thresholds));
      console.log(
        `${design}, ${kind}, l2 ${l2}: accuracy ${accuracy(gold, predicted).toFixed(3)}, macro-F1 ${macroF1(gold, predicted, ["pos", "neg", "neu"]).toFixed(3)}`,
      );
    }
  }
}
