/**
 * A synthetic corpus for timing who-republishes-whom (data-loaders/reuse/find-reuse.ts), and the time one
 * findReuse over it takes: the bench prints it at two sizes, as microseconds per article, which stay about
 * the same when the cost is linear. Unlike the bench's main corpus (the seeds' sentences recombined, so that
 * nearly every paragraph shares a sentence with thousands of others), these texts are distinct but for the
 * reuse planted in them: every tenth article copies an earlier one whole, and every tenth (offset by five)
 * repeats two paragraphs of an earlier one among its own.
 */
import { mulberry32 } from "../data-loaders/portable/seeded-random.ts";
import { findReuse, type ReuseArticle } from "../data-loaders/reuse/find-reuse.ts";

/** Words of the synthetic vocabulary: w0 … w4999. */
const VOCABULARY = 5000;

/** `count` articles of 4 to 12 paragraphs of 20 to 60 words (mulberry32(seed)), with reuse planted as above. */
export function reuseCorpus(count: number, seed: number): ReuseArticle[] {
  const random = mulberry32(seed);
  const paragraph = () => Array.from({ length: 20 + Math.floor(random() * 41) }, () => `w${Math.floor(random() * VOCABULARY)}`);
  const articles: ReuseArticle[] = [];
  for (let i = 0; i < count; i++) {
    const earlier = i > 0 ? articles[Math.floor(random() * i)]! : null;
    let texts = Array.from({ length: 4 + Math.floor(random() * 9) }, paragraph);
    if (earlier && i % 10 === 0) texts = earlier.paragraphs.map((p) => [...p.words]);
    else if (earlier && i % 10 === 5) texts.splice(1, 0, ...earlier.paragraphs.slice(0, 2).map((p) => [...p.words]));
    articles.push({
      id: `reuse-${String(i).padStart(6, "0")}`,
      title: `Synthetic article ${i + 1}`,
      outlet: `Outlet ${i % 8}`,
      published: `2022-01-01T00:00:${String(i % 60).padStart(2, "0")}Z`,
      paragraphs: texts.map((words, k) => ({ sentence: k, words })),
    });
  }
  return articles;
}

/** Seconds one findReuse over reuseCorpus(count, seed) takes, and what it found. */
export function reuseSeconds(count: number, seed: number): { articles: number; seconds: number; groups: number; pairs: number } {
  const articles = reuseCorpus(count, seed);
  const started = process.hrtime.bigint();
  const { totals } = findReuse(articles);
  return { articles: count, seconds: Number(process.hrtime.bigint() - started) / 1e9, groups: totals.groups, pairs: totals.pairs };
}
