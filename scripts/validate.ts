/**
 * npm run validate -- [--eval <folder>] [--write]
 * Scores the externally labelled data in ../shared/eval (or --eval) with the project's sentiment scorer and
 * prints, per dataset: size, Pearson r against the human ratings where they are continuous, and accuracy and
 * macro-F1 on the sign. Reference points in the same run: wink-nlp's own sentiment (English) and the plain
 * average of the Dutch lexicon with a 0.1 threshold (the method the eval README reports 0.77 for).
 * Each text is scored as one paragraph: the mean of its sentence scores, as for an article.
 * The last line is one JSON object with every figure; --write also saves it to
 * corpus/checks/sentiment-validation.json, which the Methods page publishes (the evaluation texts themselves
 * may not be copied into the project) and a test keeps in step with a fresh run.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { validateAttribution, validateNewsTone } from "./validate-external.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { accuracy, macroF1, pearson, polarity, type Polarity } from "../data-loaders/tone/evaluate-sentiment.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { articleSentiment, type ToneRegister } from "../data-loaders/tone/article-sentiment.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import type { Language } from "../data-loaders/schema/record.ts";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { scoreNewsSentence } from "../data-loaders/tone/news-tone-model.ts";
import { lexiconToneClass } from "../data-loaders/tone/score-sentiment.ts";

const { values } = parseCommandLine(
  "validate",
  "usage: npm run validate -- [--eval <folder>] [--write]",
  { options: { eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") }, write: { type: "boolean" } } },
  `
Measures the analysis on externally labelled data: sentiment on VADER's English sets and Dutch reviews,
Dutch news tone on ecosent's headlines and attribution on PolNeAR, each on its development and kept-back
part (split by a hash of the id), with 95% bootstrap intervals.
  --eval <folder>  the labelled data (default ../shared/eval)
  --write          also update corpus/checks/sentiment-validation.json, which the site publishes
Example: npm run validate -- --write`,
);
const folder = values.eval!;
if (!existsSync(folder)) {
  process.stderr.write(`validate: no evaluation data at ${folder} (the team's shared/eval folder); pass --eval <folder>\n`);
  process.exit(1);
}
const resources = loadResources(corpusPaths());
const nlp = resources.nlp;
// wink-nlp's own sentiment, the baseline, needs its default pipeline (the analysis runs only sentence boundaries).
const winkDefault = winkNLP(model);

/**
 * The project's score for a text: its article tone (mean sentence score), the whole text read as one
 * paragraph, read as news (Dutch: the news-tone model) or as a review (the lexicon path).
 */
function score(text: string, language: Language, register: ToneRegister = "news"): number {
  const blocks = [{ index: 0, kind: "paragraph" as const, start: 0, end: text.length, rule: null }];
  const { sentences, tokens } = splitSentences(nlp, text, blocks);
  return articleSentiment(language, blocks, sentences, tokens, [], resources.sentiment, register).score ?? 0;
}

const read = (file: string) =>
  readFileSync(join(folder, file), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { text: string; mean?: number; label?: string });
const round = (x: number) => Number(x.toFixed(3));
const results: Record<string, unknown>[] = [];

for (const [file, name] of [
  ["en/tweets.jsonl", "VADER tweets"],
  ["en/movieReviewSnippets.jsonl", "VADER movie review snippets"],
  ["en/amazonReviewSnippets.jsonl", "VADER Amazon review snippets"],
] as const) {
  if (!existsSync(join(folder, file))) continue;
  const rows = read(file);
  const gold = rows.map((r) => r.mean!);
  const ours = rows.map((r) => score(r.text, "en"));
  const wink = rows.map((r) => winkDefault.readDoc(r.text).out(winkDefault.its.sentiment) as unknown as number);
  const goldClass = gold.map((g) => polarity(g, 0.05));
  const three: Polarity[] = ["pos", "neg", "neu"];
  const row = {
    dataset: name,
    language: "en",
    n: rows.length,
    pearson: round(pearson(ours, gold)),
    accuracy3: round(
      accuracy(
        goldClass,
        ours.map((s) => polarity(s, 0.05)),
      ),
    ),
    macroF1_3: round(
      macroF1(
        goldClass,
        ours.map((s) => polarity(s, 0.05)),
        three,
      ),
    ),
    winkPearson: round(pearson(wink, gold)),
    winkAccuracy3: round(
      accuracy(
        goldClass,
        wink.map((s) => polarity(s, 0.05)),
      ),
    ),
    winkMacroF1_3: round(
      macroF1(
        goldClass,
        wink.map((s) => polarity(s, 0.05)),
        three,
      ),
    ),
  };
  results.push(row);
  console.log(
    `${name} (en, n=${row.n}): r = ${row.pearson}, 3-class accuracy ${row.accuracy3}, macro-F1 ${row.macroF1_3}   | wink-nlp: r = ${row.winkPearson}, accuracy ${row.winkAccuracy3}, macro-F1 ${row.winkMacroF1_3}`,
  );
}

const dutch = "nl/bolcom_books_pattern.jsonl";
if (existsSync(join(folder, dutch))) {
  const rows = read(dutch);
  const gold = rows.map((r) => r.label as Polarity);
  // Reviews are scored by the lexicon path (the register they belong to); the news model is measured beside it.
  const ours = rows.map((r) => score(r.text, "nl", "reviews"));
  const predicted = ours.map((s) => polarity(s, 0));
  const asNews = rows.map((r) => polarity(score(r.text, "nl", "news"), 0));
  // Reference: the plain mean of the lexicon scores of matched words, positive above 0.1.
  const lexicon = resources.sentiment.lexicons.nl;
  const plain = rows.map((r) => {
    const found = (r.text.toLowerCase().match(/\p{L}+/gu) ?? []).map((w) => lexicon(w)).filter((v): v is number => v !== undefined);
    return found.length ? found.reduce((a, b) => a + b, 0) / found.length : 0;
  });
  const plainPredicted = plain.map((s): Polarity => (s >= 0.1 ? "pos" : "neg"));
  const row = {
    dataset: "bol.com book reviews (CLiPS Pattern test corpus)",
    language: "nl",
    n: rows.length,
    accuracy: round(accuracy(gold, predicted)),
    macroF1: round(macroF1(gold, predicted, ["pos", "neg"])),
    undecided: predicted.filter((p) => p === "neu").length,
    recallNeg: round(gold.filter((g, i) => g === "neg" && predicted[i] === "neg").length / gold.filter((g) => g === "neg").length),
    newsModelAccuracy: round(accuracy(gold, asNews)),
    plainAccuracy: round(accuracy(gold, plainPredicted)),
    plainMacroF1: round(macroF1(gold, plainPredicted, ["pos", "neg"])),
  };
  results.push(row);
  console.log(
    `${row.dataset} (nl, n=${row.n}): sign accuracy ${row.accuracy}, macro-F1 ${row.macroF1}, negative recall ${row.recallNeg}, ${row.undecided} scored 0 (counted wrong)   | read as news (the news-tone model): accuracy ${row.newsModelAccuracy}   | plain lexicon mean, 0.1 threshold: accuracy ${row.plainAccuracy}, macro-F1 ${row.plainMacroF1}`,
  );
}
/**
 * A Dutch headline's tone class: the news-tone model's class of the headline read as one sentence, as it was
 * fitted (the lexicon path's class of its tone without the model).
 */
function headlineClass(text: string): -1 | 0 | 1 {
  const news = resources.sentiment.newsModel;
  if (!news) return lexiconToneClass(score(text, "nl"));
  const blocks = [{ index: 0, kind: "paragraph" as const, start: 0, end: text.length, rule: null }];
  return scoreNewsSentence(splitSentences(nlp, text, blocks).tokens, news.scorer).class;
}

// Externally labelled news, split into development and kept-back parts (validate-external.ts).
const external = {
  tone: validateNewsTone(folder, headlineClass),
  attribution: validateAttribution(folder, resources),
};
for (const row of [...external.tone, ...external.attribution]) {
  const figures = Object.entries(row.figures).map(([name, f]) => `${name} ${f.value} [${f.low}, ${f.high}]`);
  console.log(`${row.dataset}, ${row.part} (n=${row.items}): ${figures.join(", ")}`);
}
const summary = {
  rules: resources.sentiment.rules.en.version,
  lexicons: resources.sentiment.sources,
  newsToneModel: resources.sentiment.newsModel
    ? { name: resources.sentiment.newsModel.source, crossValidated: resources.sentiment.newsModel.crossValidated }
    : null,
  results,
  external,
};
console.log(JSON.stringify(summary));
if (values.write) {
  const file = join(PROJECT_ROOT, "corpus", "checks", "sentiment-validation.json");
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  process.stderr.write(`validate: wrote ${file}\n`);
}
