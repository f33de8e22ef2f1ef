import { analyzeArticle, codebookStamps, prepareResources, type AnalysisResources } from "./analyze-article.ts";
import { readAnalysisStamp } from "./analysis-stamp.ts";
import { sharedNlp } from "../reading/nlp.ts";
import type { CorpusPaths } from "../project-paths.ts";
import { CorpusValidationError, type CorpusError } from "../reading/corpus-error.ts";
import { indexCorpus, readIndexedArticle } from "../reading/read-corpus.ts";
import {
  readBoilerplatePatterns,
  readCodebook,
  readGazetteer,
  readOutlets,
  readSentimentResources,
  readSpeechCues,
} from "./read-data-files.ts";
import type { ArticleRecord } from "../schema/record.ts";

/**
 * Loads the data files and the shared wink-nlp instance: once per run. Problems in all data files are
 * reported together.
 */
export function loadResources(paths: CorpusPaths): AnalysisResources {
  const errors: CorpusError[] = [];
  const attempt = <T>(load: () => T): T | null => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof CorpusValidationError)) throw error;
      errors.push(...error.errors);
      return null;
    }
  };
  const boilerplate = attempt(() => readBoilerplatePatterns(paths.boilerplate));
  const framing = attempt(() => readCodebook(paths.framing, { requireTerms: true }));
  const devices = attempt(() => readCodebook(paths.devices, { requireTerms: false }));
  const speechCues = attempt(() => readSpeechCues(paths.speechCues));
  const sentiment = attempt(() => readSentimentResources(paths.sentimentRules));
  const gazetteer = attempt(() => readGazetteer(paths.actors));
  const outlets = attempt(() => readOutlets(paths.outlets));
  if (!boilerplate || !framing || !devices || !speechCues || !sentiment || !gazetteer || !outlets) throw new CorpusValidationError(errors);
  return prepareResources({
    analysis: readAnalysisStamp(),
    nlp: sharedNlp(),
    boilerplate,
    framing,
    devices,
    speechCues,
    sentiment,
    gazetteer,
    outlets,
  });
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
  const stamps = codebookStamps(resources);
  let done = 0;
  for (const entry of entries) {
    yield analyzeArticle(readIndexedArticle(entry), resources, stamps);
    onProgress?.(++done, entries.length);
  }
}
