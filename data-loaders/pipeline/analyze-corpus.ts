import { prepareResources, type AnalysisResources } from "./analyze-article.ts";
import { readAnalysisStamp } from "./analysis-stamp.ts";
import { sharedNlp, sharedTagger } from "../reading/nlp.ts";
import { readingOptions, RULES_ONLY_MODEL, type CorpusPaths } from "../project-paths.ts";
import { RULES_ONLY, type AttributionModel } from "../voices/attribution-model.ts";
import { CorpusValidationError, type CorpusError } from "../reading/corpus-error.ts";
import { indexCorpus, type CorpusEntry, type IndexOptions } from "../reading/read-corpus.ts";
import {
  readAttributionModel,
  readBoilerplatePatterns,
  readCodebook,
  readGazetteer,
  readOutlets,
  readSentimentResources,
  readSpeechCues,
} from "./read-data-files.ts";

/**
 * Loads the data files and the shared wink-nlp instance: once per run. Problems in all data files are
 * reported together. `given.attributionModel` stands in for the model file (the fit script's models in
 * the making).
 */
export function loadResources(paths: CorpusPaths, given: { readonly attributionModel?: AttributionModel } = {}): AnalysisResources {
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
  const sentiment = attempt(() => readSentimentResources(paths.sentimentRules, paths.toneWeights));
  const gazetteer = attempt(() => readGazetteer(paths.actors));
  const outlets = attempt(() => readOutlets(paths.outlets));
  const attributionModel =
    given.attributionModel ??
    (paths.attributionModel === RULES_ONLY_MODEL ? RULES_ONLY : attempt(() => readAttributionModel(paths.attributionModel)));
  if (!boilerplate || !framing || !devices || !speechCues || !sentiment || !gazetteer || !outlets || !attributionModel)
    throw new CorpusValidationError(errors);
  return prepareResources({
    analysis: readAnalysisStamp(),
    nlp: sharedNlp(),
    tagger: sharedTagger(),
    boilerplate,
    framing,
    devices,
    speechCues,
    sentiment,
    gazetteer,
    outlets,
    attributionModel,
  });
}

/**
 * Reads and validates everything a run needs: the data files and the corpus index. Problems in both are
 * reported together in one {@link CorpusValidationError} (data-file errors first), so a user fixing a
 * codebook does not discover the corpus's errors only on the next run. `options` say where the import's report
 * and a skipped-language list go (default: stderr).
 */
export async function loadInputs(
  paths: CorpusPaths,
  options: Pick<IndexOptions, "report" | "onSkipped"> = {},
): Promise<{ resources: AnalysisResources; entries: CorpusEntry[] }> {
  const errors: CorpusError[] = [];
  const collect = (error: unknown) => {
    if (!(error instanceof CorpusValidationError)) throw error;
    errors.push(...error.errors);
    return null;
  };
  let resources: AnalysisResources | null = null;
  try {
    resources = loadResources(paths);
  } catch (error) {
    collect(error);
  }
  const entries = await indexCorpus(paths.articles, { ...readingOptions(paths), ...options }).catch(collect);
  if (!resources || !entries) throw new CorpusValidationError(errors);
  return { resources, entries };
}
