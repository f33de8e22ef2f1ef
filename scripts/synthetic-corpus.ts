/**
 * A synthetic corpus for the benchmarks: N articles recombined from the sentences and headings of the
 * bundled corpus with a seeded PRNG, so the same N and seed always give the same corpus. Each article gets
 * a heading and 4–12 paragraphs of 2–5 sentences (about 760 words), and, from a second PRNG stream so the
 * texts do not depend on it, an outlet, a title and a publication date, as a real corpus would have.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { readText } from "../data-loaders/pipeline/analyze-article.ts";
import type { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { readCorpus } from "../data-loaders/reading/read-corpus.ts";
import { mulberry32 } from "../data-loaders/portable/seeded-random.ts";
import type { Language } from "../data-loaders/schema/record.ts";

export type SentencePools = ReadonlyMap<Language, { readonly sentences: readonly string[]; readonly headings: readonly string[] }>;

export interface SyntheticArticle {
  readonly id: string;
  readonly language: Language;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly text: string;
}

/** The sentences and headings of a corpus, per language, as the pipeline reads them. */
export async function sentencePools(articles: string, resources: ReturnType<typeof loadResources>): Promise<SentencePools> {
  const pools = new Map<Language, { sentences: string[]; headings: string[] }>();
  for await (const article of readCorpus(articles)) {
    const pool = pools.get(article.language) ?? { sentences: [], headings: [] };
    pools.set(article.language, pool);
    const read = readText(article.text, article.language, resources);
    for (const sentence of read.sentences) {
      const text = read.masked.slice(sentence.start, sentence.end).replace(/\s+/g, " ");
      (read.blocks[sentence.block]!.kind === "heading" ? pool.headings : pool.sentences).push(text);
    }
  }
  return pools;
}

const OUTLETS = ["Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E", "Outlet F", "Outlet G", "Outlet H"];

/** Article `i` of the synthetic corpus, for i from 0 to count − 1. */
export function* syntheticArticles(pools: SentencePools, count: number, seed: number): Generator<SyntheticArticle> {
  const languages = [...pools.keys()].sort();
  const random = mulberry32(seed);
  const metaRandom = mulberry32(seed ^ 0x5bd1e995);
  const pick = <T>(list: readonly T[], next = random): T => list[Math.floor(next() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const language = pick(languages);
    const pool = pools.get(language)!;
    const paragraphs = [pool.headings.length ? pick(pool.headings) : pick(pool.sentences)];
    const paragraphCount = 4 + Math.floor(random() * 9);
    for (let p = 0; p < paragraphCount; p++) {
      const sentenceCount = 2 + Math.floor(random() * 4);
      paragraphs.push(Array.from({ length: sentenceCount }, () => pick(pool.sentences)).join(" "));
    }
    const month = 1 + Math.floor(metaRandom() * 12);
    const day = 1 + Math.floor(metaRandom() * 28);
    yield {
      id: `bench-${String(i).padStart(6, "0")}`,
      language,
      title: `Synthetic article ${i + 1}`,
      outlet: pick(OUTLETS, metaRandom),
      published: `2022-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      text: `${paragraphs.join("\n\n")}\n`,
    };
  }
}

/**
 * The same articles with each one's outlet drawn from `outlets` instead (`Outlet 01`, `Outlet 02`, …, padded
 * to the digits of `outlets`): one draw per article, in order, from a third stream, mulberry32(seed ^
 * 0x2545f491), so texts, titles and dates stay those of syntheticArticles. The 10,000-article sites of
 * docs/performance.md spread over 50 outlets are `withOutlets(syntheticArticles(pools, 10000, 42), 50, 42)`.
 * @example [...withOutlets([{ id: "a", outlet: "Outlet A" }], 50, 42)][0].outlet // "Outlet 27"
 */
export function* withOutlets<T extends { readonly outlet: string }>(articles: Iterable<T>, outlets: number, seed: number): Generator<T> {
  const random = mulberry32(seed ^ 0x2545f491);
  const digits = String(outlets).length;
  for (const article of articles)
    yield { ...article, outlet: `Outlet ${String(1 + Math.floor(random() * outlets)).padStart(digits, "0")}` };
}

/** Writes `count` synthetic articles to `file` as JSON Lines, spread over `outlets` outlets if given (withOutlets). */
export async function writeSyntheticCorpus(
  file: string,
  pools: SentencePools,
  count: number,
  seed: number,
  outlets?: number,
): Promise<void> {
  const out = createWriteStream(file);
  const articles = syntheticArticles(pools, count, seed);
  for (const article of outlets ? withOutlets(articles, outlets, seed) : articles)
    if (!out.write(`${JSON.stringify(article)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}
