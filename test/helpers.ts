import { analyzeArticle, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { sharedNlp } from "../data-loaders/reading/nlp.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import type { Token } from "../data-loaders/reading/token.ts";
import { RULES_ONLY } from "../data-loaders/voices/attribution-model.ts";
import { CorpusValidationError, type CorpusError } from "../data-loaders/reading/corpus-error.ts";
import { indexCorpus, type IndexOptions } from "../data-loaders/reading/read-corpus.ts";
import type { ArticleRecord, Language } from "../data-loaders/schema/record.ts";

export {
  FIXTURE_CORPUS,
  FIXTURE_JSONL,
  RECORD_FIELDS,
  runAnalyze,
  runCommand,
  runLoader,
  runTsx,
  SEED_CORPUS,
  writeCorpus,
  type CommandResult,
} from "./commands.ts";
/**
 * Indexes `input` and returns the located errors it is rejected with; fails the test if it is accepted or
 * throws anything else.
 */
export async function corpusErrors(input: string, options: IndexOptions = {}): Promise<CorpusError[]> {
  try {
    await indexCorpus(input, options);
  } catch (error) {
    if (error instanceof CorpusValidationError) return [...error.errors];
    throw error;
  }
  throw new Error("expected the corpus to be rejected");
}

let resources: AnalysisResources | null = null;

/** The bundled data files and wink-nlp, loaded once per test file. */
export function sharedResources(): AnalysisResources {
  resources ??= loadResources(corpusPaths({}));
  return resources;
}

/**
 * Analyses `text` with the speech-cue lists, the verb reading and the speaker sieves alone (no learned
 * model), as the named rules' own tests need.
 */
export function analyzeTextWithRules(text: string, language: Language = "en"): ArticleRecord {
  return analyzeArticle(bareArticle("t", text, language, "t.md"), { ...sharedResources(), attributionModel: RULES_ONLY });
}

/** Analyses `text` as an article with the bundled codebooks. */
export function analyzeText(text: string, language: Language = "en"): ArticleRecord {
  return analyzeArticle(bareArticle("t", text, language, "t.md"), sharedResources());
}

/** The tokens of a text read as one paragraph, as the pipeline reads it. */
export function tokensOf(text: string): Token[] {
  return splitSentences(sharedNlp(), text, [{ index: 0, kind: "paragraph", start: 0, end: text.length, rule: null }]).tokens;
}
