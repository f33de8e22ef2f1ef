/**
 * The corpus's fingerprint, the one every page download and the export's build.json name: SHA-256 over each
 * article's input hash (of its id, metadata and text as read) and a line break, in id order. The same corpus
 * gives the same value whatever analysed it (any number of workers, record shards, the cache or not).
 */
import { createHash, type Hash } from "node:crypto";
import type { ArticleRecord } from "../schema/record.ts";

/**
 * SHA-256 (hex) of what was read of an article: its id, metadata and text, as JSON.
 * @example articleInputSha256(record) // "3f1c…" (64 hex digits)
 */
export function articleInputSha256(record: Pick<ArticleRecord, "id" | "meta" | "text">): string {
  return createHash("sha256")
    .update(JSON.stringify([record.id, record.meta, record.text]))
    .digest("hex");
}

/** The corpus hash, fed article input hashes (articleInputSha256) in id order. */
export class CorpusHash {
  private readonly hash: Hash = createHash("sha256");
  private articles = 0;

  /** Adds the next article's input hash. */
  add(inputSha256: string): void {
    this.hash.update(`${inputSha256}\n`);
    this.articles++;
  }

  /** The corpus as index.json and build.json name it: { articles, sha256 }. Call once. */
  digest(): { readonly articles: number; readonly sha256: string } {
    return { articles: this.articles, sha256: this.hash.digest("hex") };
  }
}
