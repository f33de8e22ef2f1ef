import { analyzeArticle, type AnalysisResources } from "./analyze-article.ts";
import { sharedNlp } from "./nlp.ts";
import type { CorpusPaths } from "./project-paths.ts";
import { indexCorpus, readBoilerplatePatterns, readIndexedArticle } from "./read-corpus.ts";
import type { ArticleRecord } from "./types.ts";

/** Loads the data files and the shared wink-nlp instance: once per run. */
export function loadResources(paths: CorpusPaths): AnalysisResources {
  return { nlp: sharedNlp(), boilerplate: readBoilerplatePatterns(paths.boilerplate) };
}

/**
 * Validates the whole corpus (throwing with every error if any), then analyses its articles one at a time
 * in id order, yielding each record. Only the index and one article are in memory at once, so a caller that
 * writes records out as they come (the CLI) uses memory independent of corpus size.
 * @param onProgress called after each article with (done, total)
 */
export async function* analyzeCorpus(
  paths: CorpusPaths,
  resources: AnalysisResources = loadResources(paths),
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<ArticleRecord> {
  const entries = await indexCorpus(paths.articles);
  let done = 0;
  for (const entry of entries) {
    yield analyzeArticle(readIndexedArticle(entry), resources);
    onProgress?.(++done, entries.length);
  }
}
