/**
 * npm run bench -- [--articles 10000] [--seed 42] [--long 0.1,1,10] [--workers N] [--site N]
 *
 * Builds a synthetic corpus of N articles by recombining the sentences and headings of the bundled corpus
 * (a seeded PRNG, so the same N and seed give the same corpus), writes it as JSONL, and measures in one
 * process:
 *   - the full pipeline as `npm run analyze` runs it: index and validate the whole corpus, then for each
 *     article read it, analyse it and serialise its record;
 *   - bare `nlp.readDoc` over the same article texts, counting tokens, with a wink-nlp instance in its
 *     default configuration (what a wink user calls), and with only sentence boundary detection ("sbd");
 *   - after that, on up to PIPELINE_READ_ARTICLES of the texts, "sbd" alone against wink as the pipeline
 *     calls it (data-loaders/reading/nlp.ts: "sbd" and wink's part-of-speech tagger for English, "sbd" alone
 *     for Dutch), interleaved the same way, which gives the full pipeline's ratio to that call through the
 *     sbd ratio (a fourth phase in the main loop would change the conditions of the figures that releases
 *     compare: another tokeniser between the full pipeline's batches).
 * The two are interleaved in batches of 100 articles (full, then bare, on the same batch), so that load from
 * elsewhere on a shared machine slows both alike and the ratio stays comparable from run to run.
 * It prints articles/s, tokens/s of each, their ratio, and the peak resident memory; then the same corpus
 * analysed by this thread and worker threads (`--workers`, default one per core, cache off) as the CLI runs it,
 * with its wall time and speed-up over the single-thread pass above (worker start-up included), and the CPU
 * time of each (the process's, all threads: how many cores each pass really kept busy, and at what cost);
 * and the ceiling that speed-up is to be read against: warmed worker threads analysing the same articles side
 * by side against one alone (scripts/thread-ceiling.ts).
 * "Tokens" is the bare tokenizer's count for the same texts, used as the numerator for both rates.
 * With --site N it then builds the site from a synthetic corpus of N articles, cold, warm and after editing
 * one article, and reports the times and the data each page downloads (scripts/site-bench.ts).
 * It also times one parse of front matter with 10,000 and 100,000 fields (scripts/front-matter-bench.ts),
 * and who-republishes-whom on a tenth of --articles and on all of them (scripts/reuse-bench.ts: distinct
 * texts with copies and shared paragraphs planted).
 * The last line printed is one JSON object, for tracking runs over time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { analyzeArticle, codebookStamps } from "../data-loaders/pipeline/analyze-article.ts";
import { speechDenseTexts } from "./speech-dense-texts.ts";
import { frontMatterSeconds } from "./front-matter-bench.ts";
import { reuseSeconds } from "./reuse-bench.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { indexCorpus, readIndexedArticle } from "../data-loaders/reading/read-corpus.ts";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { analyzeInOrder, parseWorkers } from "../data-loaders/pipeline/analyze-parallel.ts";
import { sentencePools, syntheticArticles, writeSyntheticCorpus } from "./synthetic-corpus.ts";
import { benchSite, type SiteBench } from "./site-bench.ts";
import { measureThreadCeiling } from "./thread-ceiling.ts";
import { printBench, printSiteBench } from "./bench-report.ts";

/** How many texts the second pass (sbd alone against wink as the pipeline calls it) reads. */
const PIPELINE_READ_ARTICLES = 2000;

const { values } = parseCommandLine(
  "bench",
  "usage: npm run bench -- [--articles 10000] [--seed 42] [--long 0.1,1,10] [--workers N] [--site N]",
  {
    options: {
      workers: { type: "string" },
      site: { type: "string" },
      articles: { type: "string", default: "10000" },
      seed: { type: "string", default: "42" },
      long: { type: "string", default: "0.1,1,10" },
    },
  },
  `
Measures speed and memory on a synthetic corpus made from the bundled corpus's sentences (seeded): the full
pipeline against wink-nlp's own readDoc on the same texts (the ratio), worker threads and the machine's
thread ceiling, single long articles and speech-dense texts; the last line is JSON. Never part of npm test.
  --articles <n>  synthetic articles (default 10000)
  --seed <n>      the corpus's seed (default 42)
  --long <MB,…>   sizes of single long articles (default 0.1,1,10)
  --workers <n>   threads for the parallel pass (default one per core)
  --site <n>      also build a site of n articles five times: cold, warm, and after editing one article
Example: npm run bench -- --articles 2000 --long 0.1`,
);
const articleCount = Number(values.articles);
const longSizes = values.long!.split(",").map(Number);
const seed = Number(values.seed);
const siteArticles = values.site === undefined ? null : Number(values.site);
if (siteArticles !== null && !(Number.isInteger(siteArticles) && siteArticles >= 1)) {
  process.stderr.write(`bench: --site must be a positive whole number of articles, not ${values.site}\n`);
  process.exit(2);
}
const workerCount = parseWorkers(values.workers);
if ("error" in workerCount) {
  process.stderr.write(`bench: --workers ${workerCount.error}\n`);
  process.exit(2);
}
if (!Number.isInteger(articleCount) || articleCount < 1 || !Number.isInteger(seed) || longSizes.some((mb) => !(mb > 0))) {
  process.stderr.write(
    `bench: --articles must be a positive whole number, --seed a whole number and --long sizes in MB, not ${values.articles}, ${values.seed} and ${values.long}\n`,
  );
  process.exit(2);
}

// 1. Sentence and heading pools from the bundled corpus, per language.
const paths = corpusPaths();
const resources = loadResources(paths);
const pools = await sentencePools(paths.articles, resources);
const languages = [...pools.keys()].sort();

const work = mkdtempSync(join(tmpdir(), "bench-"));
const corpusFile = join(work, "synthetic.jsonl");
try {
  await writeSyntheticCorpus(corpusFile, pools, articleCount, seed);

  // The reference: wink-nlp as a user sets it up, with its default pipeline.
  const bareNlp = winkNLP(model);
  // Warm up wink-nlp, the analysers and the JIT on a few texts, so no timed phase pays for it alone (up to
  // 0.18.0 only the two readDoc phases were warmed, and the full pipeline's share was about 1.5 s per 2,000
  // articles: its ratio read lower than a long run's).
  let warm = 0;
  const warmStamps = codebookStamps(resources);
  for (const article of syntheticArticles(pools, articleCount, seed)) {
    JSON.stringify(analyzeArticle(bareArticle(article.id, article.text, article.language), resources, warmStamps));
    resources.nlp.readDoc(article.text);
    if (article.language === "en") resources.tagger.readDoc(article.text);
    bareNlp.readDoc(article.text);
    if (++warm === 200) break;
  }
  let leanSeconds = 0;

  // 2 and 3. The full pipeline and bare tokenisation, interleaved batch by batch.
  const clock = () => Number(process.hrtime.bigint()) / 1e9;
  // CPU time of the whole process (every thread: V8's collector and compiler helpers, and the workers), in s.
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const round = (value: number, digits = 0) => Number(value.toFixed(digits));
  let fullSeconds = 0;
  let fullCpuSeconds = 0;
  let bareSeconds = 0;
  let outputBytes = 0;
  let records = 0;
  let tokens = 0;
  let started = clock();
  const entries = await indexCorpus(corpusFile);
  const stamps = codebookStamps(resources);
  fullSeconds += clock() - started;
  const BATCH = 100;
  // The first PIPELINE_READ_ARTICLES articles, kept for the second pass (so it reads none again).
  const kept: Array<{ readonly text: string; readonly english: boolean }> = [];
  for (let from = 0; from < entries.length; from += BATCH) {
    const batch = entries.slice(from, from + BATCH);
    const texts: string[] = [];
    const cpuStarted = cpu();
    started = clock();
    for (const entry of batch) {
      const article = readIndexedArticle(entry);
      texts.push(article.text);
      if (kept.length < PIPELINE_READ_ARTICLES) kept.push({ text: article.text, english: article.language === "en" });
      outputBytes += Buffer.byteLength(JSON.stringify(analyzeArticle(article, resources, stamps))) + 1;
      records++;
    }
    fullSeconds += clock() - started;
    fullCpuSeconds += cpu() - cpuStarted;
    started = clock();
    for (const text of texts) tokens += bareNlp.readDoc(text).tokens().length();
    bareSeconds += clock() - started;
    started = clock();
    for (const text of texts) resources.nlp.readDoc(text);
    leanSeconds += clock() - started;
  }
  // wink as the pipeline calls it, against sbd alone on the same texts (batches interleaved as above).
  let sbdAgainSeconds = 0;
  let pipelineReadSeconds = 0;
  for (let from = 0; from < kept.length; from += BATCH) {
    const batch = kept.slice(from, from + BATCH);
    started = clock();
    for (const { text } of batch) resources.nlp.readDoc(text);
    sbdAgainSeconds += clock() - started;
    started = clock();
    for (const { text, english } of batch) (english ? resources.tagger : resources.nlp).readDoc(text);
    pipelineReadSeconds += clock() - started;
  }
  // How much longer wink takes as the pipeline calls it than with sentence boundaries alone.
  const pipelineReadFactor = pipelineReadSeconds / sbdAgainSeconds;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  // 5. The same corpus through the worker pool, as `npm run analyze` runs it (no cache: every article analysed).
  started = clock();
  const parallelCpuStarted = cpu();
  let parallelBytes = 0;
  for await (const json of analyzeInOrder(entries, paths, resources, { workers: workerCount.workers, cacheFolder: null }))
    parallelBytes += json.length + 1;
  const parallelSeconds = clock() - started;
  const parallelCpuSeconds = cpu() - parallelCpuStarted;
  if (parallelBytes !== outputBytes) throw new Error(`the pool wrote ${parallelBytes} bytes, one thread ${outputBytes}`);

  // 6. What the machine gives the same analysis on more threads at all: the pool's speed-up's ceiling.
  const ceiling = await measureThreadCeiling(entries, paths, workerCount.workers);

  // 4. Long single articles: time per word must stay flat as an article grows (attribution, quotation and
  // mention look-ups are indexed, never a scan of the whole article per item), and a 200 KB run without
  // white space must not stall wink-nlp's tokeniser.
  const longArticles: Array<{ megabytes: number; words: number; seconds: number; microsecondsPerWord: number }> = [];
  const englishPool = pools.get("en") ?? pools.get(languages[0]!)!;
  for (const megabytes of longSizes) {
    const paragraphs: string[] = [];
    let length = 0;
    for (let i = 0; length < megabytes * 1024 * 1024; i++) {
      const paragraph = Array.from({ length: 4 }, (_, k) => englishPool.sentences[(4 * i + k) % englishPool.sentences.length]).join(" ");
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    const article = bareArticle(`long-${megabytes}`, `${paragraphs.join("\n\n")}\n`, "en");
    const t0 = clock();
    const record = analyzeArticle(article, resources, stamps);
    const seconds = clock() - t0;
    longArticles.push({
      megabytes,
      words: record.words,
      seconds: round(seconds, 2),
      microsecondsPerWord: round((1e6 * seconds) / record.words, 1),
    });
  }
  const t0 = clock();
  analyzeArticle(bareArticle("long-word", `A sentence first. ${"a-".repeat(100_000)} The end.\n`, "en"), resources, stamps);
  const longWordSeconds = clock() - t0;

  // 5. Speech-dense texts: one sentence of nothing but cues and speakers, at two lengths, against plain text of
  // the same length (scripts/speech-dense-texts.ts). Flat means the larger size costs about the same per word.
  const speechDense: Array<{ text: string; words: number; microsecondsPerWord: number }> = [];
  for (const words of [4000, 16000]) {
    for (const { name, text } of speechDenseTexts(words)) {
      const started = clock();
      const record = analyzeArticle(bareArticle(`dense-${name}`, text, "en"), resources, stamps);
      speechDense.push({ text: name, words: record.words, microsecondsPerWord: round((1e6 * (clock() - started)) / record.words, 1) });
    }
  }

  // 6. Front matter with 10,000 and 100,000 fields (scripts/front-matter-bench.ts): linear when the time per
  // key stays about the same.
  const frontMatter = [10_000, 100_000].map((keys) => {
    const seconds = frontMatterSeconds(keys);
    return { keys, seconds: round(seconds, 2), microsecondsPerKey: round((1e6 * seconds) / keys, 1) };
  });

  // 7. Who republishes whom on a tenth of the articles and on all (scripts/reuse-bench.ts): near linear when the
  // time per article stays about the same.
  const reuse = [Math.max(1, Math.round(articleCount / 10)), articleCount].map((count) => {
    const { seconds, groups, pairs } = reuseSeconds(count, seed);
    return { articles: count, seconds: round(seconds, 2), microsecondsPerArticle: round((1e6 * seconds) / count), groups, pairs };
  });

  const result = {
    articles: records,
    tokens,
    seed,
    fullSeconds: round(fullSeconds, 2),
    articlesPerSecond: round(records / fullSeconds),
    tokensPerSecond: round(tokens / fullSeconds),
    bareTokensPerSecond: round(tokens / bareSeconds),
    sbdOnlyTokensPerSecond: round(tokens / leanSeconds),
    // wink as the pipeline calls it: "sbd" and the tagger for English, "sbd" alone for Dutch.
    pipelineReadDocTokensPerSecond: round(tokens / (leanSeconds * pipelineReadFactor)),
    ratio: round(bareSeconds / fullSeconds, 3),
    sbdOnlyRatio: round(leanSeconds / fullSeconds, 3),
    pipelineReadDocRatio: round((leanSeconds * pipelineReadFactor) / fullSeconds, 3),
    peakRssMB: round(peakRssMB),
    workers: workerCount.workers,
    parallelSeconds: round(parallelSeconds, 2),
    speedUp: round(fullSeconds / parallelSeconds, 2),
    // CPU seconds of the process in each phase (all its threads, V8's helpers and the workers included): with
    // the wall times, the cores each pass kept busy and the CPU the same articles cost on one thread and on N.
    fullCpuSeconds: round(fullCpuSeconds, 2),
    parallelCpuSeconds: round(parallelCpuSeconds, 2),
    ceiling,
    outputMB: round(outputBytes / 1e6, 1),
    longArticles,
    longWordSeconds: round(longWordSeconds, 2),
    speechDense,
    frontMatter,
    reuse,
    node: process.version,
    site: null as SiteBench | null,
  };
  printBench(result, { fullSeconds, fullCpuSeconds, parallelSeconds, parallelCpuSeconds });
  if (siteArticles !== null) {
    const siteCorpus = join(work, "site.jsonl");
    await writeSyntheticCorpus(siteCorpus, pools, siteArticles, seed);
    const site = await benchSite(siteCorpus, work, siteArticles);
    result.site = site;
    printSiteBench(site);
  }
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}
