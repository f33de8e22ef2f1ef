/**
 * A Markdown article whose front matter has `keys` fields, and the time one parse of it takes: the bench
 * prints it at two sizes, as microseconds per key, which stay about the same when parsing is linear (the
 * yaml package's own duplicate-key check made 100,000 keys take over 300 s; see reading/front-matter.ts).
 */
import { parseMarkdownArticle } from "../data-loaders/reading/parse-article.ts";

/** The front matter: an id, a language and `keys` further fields. */
export function articleWithKeys(keys: number): string {
  const lines = ["---", "id: many-keys", "language: en"];
  for (let i = 0; i < keys; i++) lines.push(`field${i}: value ${i}`);
  lines.push("---", "The government announced new measures on Tuesday. Critics said the plan came too late.", "");
  return lines.join("\n");
}

/** Seconds one parseMarkdownArticle of an article with `keys` front-matter fields takes (it must succeed). */
export function frontMatterSeconds(keys: number): number {
  const source = articleWithKeys(keys);
  const started = process.hrtime.bigint();
  const result = parseMarkdownArticle(source, "many-keys.md", "many-keys");
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!result.article) throw new Error(`bench: the ${keys}-key article did not parse: ${result.errors[0]?.message}`);
  return seconds;
}
