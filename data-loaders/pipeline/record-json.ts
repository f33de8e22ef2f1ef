import { analyzeArticle, codebookStamps, type AnalysisResources } from "./analyze-article.ts";
import { openRecordCache, recordKey, type RecordCache } from "./record-cache.ts";
import { readIndexedArticle, type CorpusEntry } from "../reading/read-corpus.ts";
import type { ArticleRecord } from "../schema/record.ts";

/** What one analysis of an entry needs besides the entry: resources, their stamps, the cache and its fingerprint. */
export interface RecordContext {
  readonly resources: AnalysisResources;
  readonly stamps: ArticleRecord["codebooks"];
  readonly cache: RecordCache;
  readonly fingerprint: string;
}

/**
 * The context of a run in one thread: its resources and their stamps, the cache folder (null: none) and the
 * fingerprint, which is also the cache's generation; the run's own thread opens it with `prune` (its
 * workers without: see openRecordCache).
 */
export function recordContext(
  resources: AnalysisResources,
  cacheFolder: string | null,
  fingerprint: string,
  options: { readonly prune?: boolean } = {},
): RecordContext {
  return {
    resources,
    stamps: codebookStamps(resources),
    cache: openRecordCache(cacheFolder, `records\n${fingerprint}`, options),
    fingerprint,
  };
}

/**
 * The published JSON of one entry's record: read the article, and return the cached record of exactly this
 * article under this run's fingerprint, or analyse it and store the result. The same inputs give the same
 * bytes whether the record was cached or not (records are pure and JSON.stringify is deterministic).
 */
export function recordJson(entry: CorpusEntry, context: RecordContext): string {
  const article = readIndexedArticle(entry);
  const key = recordKey(context.fingerprint, article);
  const cached = context.cache.get(key);
  if (cached !== null) return cached;
  const json = JSON.stringify(analyzeArticle(article, context.resources, context.stamps));
  context.cache.put(key, json);
  return json;
}
