/**
 * npm run fit:tone [-- --eval <folder>]
 * Fits the Dutch news-tone weights (corpus/lexicons/dutch-news-weights.json) on the development part of
 * the ecosent headlines (../shared/eval/nl/ecosent_headlines_train.jsonl; van Atteveldt, van der Velden &
 * Boukes 2021, MIT). Only development items are read for fitting; the kept-back part is scored by
 * `npm run validate`. Deterministic: the same data give byte-identical weights.
 *
 * The model stays explainable per word: a word's tone is a × its Pattern lexicon score + w(stem), so a
 * sentence's score is still a sum of word contributions. a, w and the intercept are fitted by ridge
 * regression of the coded tone (−1, 0, 1) on the headline's Pattern sum and stem counts; the intercept is
 * not kept (a headline without scored words is neutral), its effect is absorbed by the class thresholds.
 * The ridge penalty and the thresholds are chosen by five-fold cross-validation inside the development part.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import { evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { readSentimentResources } from "../data-loaders/pipeline/read-data-files.ts";
import { sharedNlp } from "../data-loaders/reading/nlp.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import { compoundHead } from "../data-loaders/tone/sentiment-lexicons.ts";
import { parseCommandLine } from "./cli-args.ts";

const { values } = parseCommandLine("fit:tone", "usage: npm run fit:tone -- [--eval <folder>]", {
  options: { eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") } },
});
const file = join(values.eval!, "nl", "ecosent_headlines_train.jsonl");
const rows = readFileSync(file, "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as { id: string; text: string; label: -1 | 0 | 1 })
  .filter((row) => evaluationPart(row.id) === "development");

// The words of each headline as the pipeline reads them, with their stems and Pattern scores.
const resources = readSentimentResources(corpusPaths().sentimentRules, null);
const pattern = resources.lexicons.nl;
const stemmer = new StemmerNl();
const stopwords = new StopwordsNl();
const nlp = sharedNlp();
const MIN_COUNT = 2;
const items = rows.map((row) => {
  const blocks = [{ index: 0, kind: "paragraph" as const, start: 0, end: row.text.length, rule: null }];
  const { tokens } = splitSentences(nlp, row.text, blocks);
  const words = tokens.filter((t) => t.type === "word").map((t) => t.value.toLowerCase());
  const stems = words.filter((w) => !stopwords.isStopword(w)).map((w) => stemmer.stemWord(w));
  const patternSum = words.reduce((sum, w) => sum + (pattern(w) ?? 0), 0);
  return { id: row.id, label: row.label, stems, patternSum };
});
const counts = new Map<string, number>();
for (const item of items) for (const stem of new Set(item.stems)) counts.set(stem, (counts.get(stem) ?? 0) + 1);
const vocabulary = [...counts]
  .filter(([, n]) => n >= MIN_COUNT)
  .map(([stem]) => stem)
  .sort(compareIds);
const column = new Map(vocabulary.map((stem, i) => [stem, i + 2])); // 0: intercept, 1: Pattern sum
const known: Record<string, number> = Object.fromEntries(vocabulary.map((stem) => [stem, 1]));

/** One row of the design matrix, sparse: [column, value] pairs. */
const design = items.map((item) => {
  const entries = new Map<number, number>([
    [0, 1],
    [1, item.patternSum],
  ]);
  for (const stem of item.stems) {
    const c = column.get(compoundHead(stem, known));
    if (c !== undefined) entries.set(c, (entries.get(c) ?? 0) + 1);
  }
  return [...entries];
});

/** Ridge regression by conjugate gradients on (XᵀX + λD)β = Xᵀy, D penalising only the stem weights. */
function fitRidge(rowsIn: readonly number[], lambda: number): Float64Array {
  const size = vocabulary.length + 2;
  const multiply = (v: Float64Array) => {
    const out = new Float64Array(size);
    for (const r of rowsIn) {
      let dot = 0;
      for (const [c, x] of design[r]!) dot += x * v[c]!;
      for (const [c, x] of design[r]!) out[c]! += x * dot;
    }
    for (let c = 2; c < size; c++) out[c]! += lambda * v[c]!;
    return out;
  };
  const b = new Float64Array(size);
  for (const r of rowsIn) for (const [c, x] of design[r]!) b[c]! += x * items[r]!.label;
  const beta = new Float64Array(size);
  const residual = Float64Array.from(b);
  const direction = Float64Array.from(b);
  let rr = residual.reduce((s, v) => s + v * v, 0);
  for (let iteration = 0; iteration < 2000 && rr > 1e-12; iteration++) {
    const q = multiply(direction);
    const step = rr / direction.reduce((s, v, i) => s + v * q[i]!, 0);
    for (let i = 0; i < size; i++) {
      beta[i]! += step * direction[i]!;
      residual[i]! -= step * q[i]!;
    }
    const next = residual.reduce((s, v) => s + v * v, 0);
    for (let i = 0; i < size; i++) direction[i] = residual[i]! + (next / rr) * direction[i]!;
    rr = next;
  }
  return beta;
}

/** A headline's word sum under fitted weights, without the intercept (what the scorer will compute). */
const wordSum = (r: number, beta: Float64Array) => design[r]!.reduce((sum, [c, x]) => (c === 0 ? sum : sum + x * beta[c]!), 0);

/** The thresholds (negative below, positive above) that classify `scores` most accurately. */
function bestThresholds(scores: readonly number[], labels: readonly number[]): { negative: number; positive: number; accuracy: number } {
  const candidates = [...new Set(scores.map((s) => Number(s.toFixed(3))))].sort((a, b) => a - b);
  const grid = candidates.filter((_, i) => i % Math.max(1, Math.floor(candidates.length / 200)) === 0);
  let best = { negative: 0, positive: 0, accuracy: -1 };
  for (const negative of grid) {
    for (const positive of grid) {
      if (positive < negative) continue;
      let hits = 0;
      for (let i = 0; i < scores.length; i++) {
        const predicted = scores[i]! > positive ? 1 : scores[i]! < negative ? -1 : 0;
        if (predicted === labels[i]) hits++;
      }
      if (hits / scores.length > best.accuracy) best = { negative, positive, accuracy: hits / scores.length };
    }
  }
  return best;
}

// Five folds inside the development part, by a second hash of the id.
const fold = (id: string) => createHash("sha256").update(`fold:${id}`).digest()[0]! % 5;
const all = items.map((_, i) => i);
let chosen = { lambda: 0, negative: 0, positive: 0, accuracy: -1 };
for (const lambda of [1, 2, 4, 8, 16, 32]) {
  const outOfFold = new Array<number>(items.length);
  for (let k = 0; k < 5; k++) {
    const beta = fitRidge(
      all.filter((r) => fold(items[r]!.id) !== k),
      lambda,
    );
    for (const r of all) if (fold(items[r]!.id) === k) outOfFold[r] = wordSum(r, beta);
  }
  const best = bestThresholds(
    outOfFold,
    items.map((item) => item.label),
  );
  process.stderr.write(`fit:tone: lambda ${lambda}: cross-validated accuracy ${best.accuracy.toFixed(3)}\n`);
  if (best.accuracy > chosen.accuracy) chosen = { lambda, ...best };
}
const beta = fitRidge(all, chosen.lambda);
const round = (x: number) => Math.round(x * 1e4) / 1e4 + 0;
const alpha = resources.rules.nl.alpha;
const squash = (x: number) => x / Math.sqrt(x * x + alpha);
const weights = Object.fromEntries(vocabulary.map((stem, i) => [stem, round(beta[i + 2]!)]).filter(([, w]) => w !== 0));
const output = {
  id: "dutch-news-weights",
  version: "1.0.0",
  licence: "MIT (derived from the ecosent data, MIT)",
  source:
    "Fitted by `npm run fit:tone` on the development part (SHA-256 of the id, first byte not divisible by 3) of the ecosent economic news headlines: van Atteveldt, van der Velden & Boukes (2021), The Validity of Sentiment Analysis, Communication Methods and Measures; github vanatteveldt/ecosent.",
  method: `ridge regression of the coded tone (-1, 0, 1) on each headline's Pattern lexicon sum and its stem counts (stems by @nlpjs/lang-nl, stopwords left out, stems in at least ${MIN_COUNT} headlines); penalty ${chosen.lambda} on stem weights, chosen with the class thresholds by five-fold cross-validation inside the development part (accuracy ${chosen.accuracy.toFixed(3)}); intercept ${round(beta[0]!)} not kept`,
  fittedOn: { items: items.length, part: "development" },
  patternScale: round(beta[1]!),
  // The class thresholds on the sentence score (the word sum squashed to -1..1 as the scorer does).
  thresholds: { negative: round(squash(chosen.negative)), positive: round(squash(chosen.positive)) },
  weights,
};
writeFileSync(join(PROJECT_ROOT, "corpus", "lexicons", "dutch-news-weights.json"), `${JSON.stringify(output, null, 1)}\n`);
process.stderr.write(
  `fit:tone: ${Object.keys(weights).length} stem weights, Pattern scale ${output.patternScale}, lambda ${chosen.lambda}, thresholds ${chosen.negative} / ${chosen.positive}\n`,
);
