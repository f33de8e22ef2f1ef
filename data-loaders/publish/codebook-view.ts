import type { Codebook } from "../terms/codebook.ts";
import type { CodebookView } from "../schema/site-outputs.ts";

/** The parts of a codebook a reader needs: everything but the compiled patterns. */
export function codebookView(codebook: Codebook): CodebookView {
  return {
    id: codebook.id,
    title: codebook.title,
    version: codebook.version,
    sha256: codebook.sha256,
    licence: codebook.licence,
    source: codebook.source,
    entries: codebook.entries.map((entry) => ({
      id: entry.id,
      label: entry.label,
      definition: entry.definition,
      terms: entry.written,
      detector: entry.detector,
      examples: entry.examples,
      counterExamples: entry.counterExamples,
      source: entry.source,
    })),
  };
}
