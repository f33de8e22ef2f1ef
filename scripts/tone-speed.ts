/**
 * npx tsx scripts/tone-speed.ts <model.json> [<model.json> …] [--rounds <n>]
 * How fast Dutch news-tone models load and score (issue 30), measured the same way for each: the model file
 * read, validated and compiled into a scorer (ms), and every sentence of the Dutch seeds scored 50 times
 * (µs per sentence: the compiled scorer alone, and scoreNewsSentence with its word contributions), and the
 * Dutch seeds analysed whole (analyzeArticle) by a fresh scorer, so each word form is compiled once, as in
 * a new process (ms). The models take turns for `rounds`
 * rounds in one process and the medians are printed. A measurement, not a test: the figures depend on the
 * machine and its load, so compare models only within one run.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { analyzeArticle, readText } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { readNewsToneModel } from "../data-loaders/pipeline/read-data-files.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { indexCorpus, readIndexedArticle } from "../data-loaders/reading/read-corpus.ts";
import type { Token } from "../data-loaders/reading/token.ts";
import { newsToneScorer, scoreNewsSentence } from "../data-loaders/tone/news-tone-model.ts";
import { parseCommandLine } from "./cli-args.ts";

const { values, positionals } = parseCommandLine(
  "tone-speed",
  "usage: npx tsx scripts/tone-speed.ts <model.json> [<model.json> …] [--rounds <n>]",
  { options: { rounds: { type: "string", default: "7" } }, allowPositionals: true },
  `
Times loading and scoring of Dutch news-tone model files on the Dutch seeds' sentences, models in turn.
Example: npx tsx scripts/tone-speed.ts corpus/models/dutch-news-tone.json /tmp/other.json`,
);
if (positionals.length === 0) {
  process.stderr.write(
    "tone-speed: no model file given\nusage: npx tsx scripts/tone-speed.ts <model.json> [<model.json> …] [--rounds <n>]\n",
  );
  process.exit(2);
}
const resources = loadResources(corpusPaths({}));
const { lexicons, rules } = resources.sentiment;
const sentences: { tokens: readonly Token[]; from: number; to: number }[] = [];
const articles = (await indexCorpus(join(PROJECT_ROOT, "corpus", "articles"))).map(readIndexedArticle).filter((a) => a.language === "nl");
for (const article of articles) {
  const { tokens } = readText(article.text, article.language, resources);
  for (let from = 0, to = 0; from < tokens.length; from = to) {
    while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
    sentences.push({ tokens, from, to });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timings = positionals.map(() => ({ load: [] as number[], analysis: [] as number[], scorer: [] as number[], score: [] as number[] }));
const perSentence = (since: number) => ((performance.now() - since) * 1000) / (50 * sentences.length);
let checksum = 0;
for (let round = 0; round < Number(values.rounds); round++) {
  positionals.forEach((file, m) => {
    const start = performance.now();
    const scorer = newsToneScorer(readNewsToneModel(file), lexicons.nl, rules.nl);
    const read = performance.now();
    timings[m]!.load.push(read - start);
    const newsModel = { ...resources.sentiment.newsModel!, scorer };
    for (const article of articles) analyzeArticle(article, { ...resources, sentiment: { ...resources.sentiment, newsModel } });
    const loaded = performance.now();
    timings[m]!.analysis.push(loaded - read);
    for (let r = 0; r < 50; r++) for (const { tokens, from, to } of sentences) checksum += scorer(tokens, from, to).positive;
    timings[m]!.scorer.push(perSentence(loaded));
    const scored = performance.now();
    for (let r = 0; r < 50; r++)
      for (const { tokens, from, to } of sentences) checksum += scoreNewsSentence(tokens, scorer, from, to).score;
    timings[m]!.score.push(perSentence(scored));
  });
}
positionals.forEach((file, m) => {
  const { load, analysis, scorer, score } = timings[m]!;
  const figure = (xs: number[]) => median(xs).toFixed(1);
  console.log(
    `${file}: load ${median(load).toFixed(0)} ms; ${articles.length} Dutch seeds analysed ${median(analysis).toFixed(0)} ms; per sentence (${sentences.length}): scorer ${figure(scorer)} µs, scoreNewsSentence ${figure(score)} µs`,
  );
});
process.stderr.write(`tone-speed: checksum ${checksum.toFixed(3)}\n`);
