/**
 * Runs the example check of codebook-check.ts with the real analysis: each example is analysed as an
 * article, with the codebook under check in place of the framing or devices codebook, so an example is
 * found exactly when an article's sentence would be (same tokens, same word rule, same detectors).
 */
import { analyzeArticle, prepareResources, type AnalysisResources } from "./analyze-article.ts";
import type { Codebook } from "../terms/codebook.ts";
import { checkCodebookExamples, type FindEntries } from "../terms/codebook-check.ts";
import { versionWarning } from "../terms/codebook-version.ts";
import { CorpusValidationError, type CorpusError } from "../reading/corpus-error.ts";
import type { CorpusPaths } from "../project-paths.ts";
import { bareArticle } from "../reading/bare-article.ts";

/** Which codebook of the analysis a file stands in for. */
export type CodebookKind = "framing" | "devices";

/** What the analysis finds in a text with `codebook` as its `kind` codebook. */
export function entryFinder(resources: AnalysisResources, codebook: Codebook, kind: CodebookKind): FindEntries {
  const withCodebook = prepareResources({ ...resources, [kind]: codebook });
  return (text, language) => {
    const record = analyzeArticle(bareArticle("example", text, language, "example.md"), withCodebook);
    return kind === "framing"
      ? record.markers.map((m) => ({ entry: m.frame, text: m.term, term: m.codebookTerm }))
      : record.devices.map((m) => ({ entry: m.device, text: m.term, term: null }));
  };
}

/** The examples `codebook` misses and the counter-examples it matches, analysed as its `kind` codebook. */
export function checkExamplesWithAnalysis(
  resources: AnalysisResources,
  codebook: Codebook,
  file: string,
  kind: CodebookKind,
): CorpusError[] {
  return checkCodebookExamples(codebook, file, entryFinder(resources, codebook, kind));
}

/**
 * The example check of the framing and devices codebooks the analysis uses, as the build runs it before
 * analysing: throws one {@link CorpusValidationError} naming file, entry and sentence for every problem.
 * Returns the build log's warnings: a codebook whose content changed under an unchanged version.
 */
export function checkCodebooksInUse(resources: AnalysisResources, paths: Pick<CorpusPaths, "framing" | "devices">): string[] {
  const problems = [
    ...checkExamplesWithAnalysis(resources, resources.framing, paths.framing, "framing"),
    ...checkExamplesWithAnalysis(resources, resources.devices, paths.devices, "devices"),
  ];
  if (problems.length) throw new CorpusValidationError(problems);
  return [
    versionWarning(resources.framing.versionCheck, paths.framing, resources.framing.version),
    versionWarning(resources.devices.versionCheck, paths.devices, resources.devices.version),
  ].filter((line): line is string => line !== null);
}
