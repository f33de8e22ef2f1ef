/**
 * npm run bench -- [--articles 10000] [--seed 42]
 *
 * Builds a synthetic corpus of N articles by recombining the sentences and headings of the bundled corpus
 * (a seeded PRNG, so the same N and seed give the same corpus), writes it as JSONL, and measures in one
 * process:
 *   - the full pipeline, exactly as `npm run analyze` runs it (index and validate, read, analyse, serialise);
 *   - bare `nlp.readDoc` over the same article texts, counting tokens;
 * then prints articles/s, tokens/s of each, their ratio, and the peak resident memory of the full run.
 * "Tokens" is the bare tokenizer's count for the same texts, used as the numerator for both rates.
 * The last line printed is one JSON object, for tracking runs over time.
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readText } from "../data-loaders/analyze-article.ts";
import { analyzeCorpus, loadResources } from "../data-loaders/analyze-corpus.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { readCorpus } from "../data-loaders/read-corpus.ts";
import type { Language } from "../data-loaders/types.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, seed: { type: "string", default: "42" } } });
const articleCount = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articleCount) || articleCount < 1) throw new Error(`bench: --articles must be a positive whole number, not ${values.articles}`);

/** mulberry32: a small, fast, seeded PRNG (Tommy Ettinger, public domain); returns floats in [0, 1). */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// 1. Sentence and heading pools from the bundled corpus, per language.
const paths = corpusPaths();
const resources = loadResources(paths);
const pools = new Map<Language, { sentences: string[]; headings: string[] }>();
for await (const article of readCorpus(paths.articles)) {
  const pool = pools.get(article.language) ?? { sentences: [], headings: [] };
  pools.set(article.language, pool);
  const read = readText(article.text, resources);
  for (const sentence of read.sentences) {
    const text = read.masked.slice(sentence.start, sentence.end).replace(/\s+/g, " ");
    (read.blocks[sentence.block]!.kind === "heading" ? pool.headings : pool.sentences).push(text);
  }
}
const languages = [...pools.keys()].sort();

/** Article `i` of the synthetic corpus: a heading and 4–12 paragraphs of 2–5 sentences. */
function* syntheticArticles(): Generator<{ id: string; language: Language; text: string }> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < articleCount; i++) {
    const language = pick(languages);
    const pool = pools.get(language)!;
    const paragraphs = [pool.headings.length ? pick(pool.headings) : pick(pool.sentences)];
    const paragraphCount = 4 + Math.floor(random() * 9);
    for (let p = 0; p < paragraphCount; p++) {
      const sentenceCount = 2 + Math.floor(random() * 4);
      paragraphs.push(Array.from({ length: sentenceCount }, () => pick(pool.sentences)).join(" "));
    }
    yield { id: `bench-${String(i).padStart(6, "0")}`, language, text: `${paragraphs.join("\n\n")}\n` };
  }
}

const work = mkdtempSync(join(tmpdir(), "bench-"));
const corpusFile = join(work, "synthetic.jsonl");
try {
  const out = createWriteStream(corpusFile);
  for (const article of syntheticArticles()) if (!out.write(`${JSON.stringify(article)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");

  // Warm up wink-nlp and the JIT on a few texts, so neither timed phase pays for it alone.
  let warm = 0;
  for (const article of syntheticArticles()) {
    resources.nlp.readDoc(article.text);
    if (++warm === 200) break;
  }

  // 2. The full pipeline, as the CLI runs it, serialising every record.
  const fullStart = process.hrtime.bigint();
  let outputBytes = 0;
  let records = 0;
  for await (const record of analyzeCorpus({ ...paths, articles: corpusFile }, resources)) {
    outputBytes += JSON.stringify(record).length + 1;
    records++;
  }
  const fullSeconds = Number(process.hrtime.bigint() - fullStart) / 1e9;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;

  // 3. Bare tokenisation of the same texts.
  const texts = Array.from(syntheticArticles(), (article) => article.text);
  const bareStart = process.hrtime.bigint();
  let tokens = 0;
  for (const text of texts) tokens += resources.nlp.readDoc(text).tokens().length();
  const bareSeconds = Number(process.hrtime.bigint() - bareStart) / 1e9;

  const round = (value: number, digits = 0) => Number(value.toFixed(digits));
  const result = {
    articles: records,
    tokens,
    seed,
    fullSeconds: round(fullSeconds, 2),
    articlesPerSecond: round(records / fullSeconds),
    tokensPerSecond: round(tokens / fullSeconds),
    bareTokensPerSecond: round(tokens / bareSeconds),
    ratio: round(bareSeconds / fullSeconds, 3),
    peakRssMB: round(peakRssMB),
    outputMB: round(outputBytes / 1e6, 1),
    node: process.version,
  };
  console.log(`synthetic corpus: ${records} articles, ${tokens.toLocaleString("en")} tokens (seed ${seed})`);
  console.log(`full pipeline:    ${result.articlesPerSecond.toLocaleString("en")} articles/s, ${result.tokensPerSecond.toLocaleString("en")} tokens/s (${result.fullSeconds} s)`);
  console.log(`bare readDoc:     ${result.bareTokensPerSecond.toLocaleString("en")} tokens/s`);
  console.log(`ratio full/bare:  ${result.ratio}`);
  console.log(`peak RSS:         ${result.peakRssMB} MB (output ${result.outputMB} MB, streamed)`);
  console.log(JSON.stringify(result));
} finally {
  rmSync(work, { recursive: true, force: true });
}
