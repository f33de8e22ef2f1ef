/**
 * Checks a codebook against its own examples: every example must be found by the analysis, every
 * counter-example must not, each in its own language. The bundled codebooks are held to this by their
 * tests; `npm run codebook -- check` and the build hold a user's codebook to it too.
 */
import type { Codebook } from "./codebook.ts";
import type { CorpusError } from "../reading/corpus-error.ts";
import type { Language } from "../schema/record.ts";

/** One finding of an entry in a text: the entry id, the words matched and, for a term, the codebook term. */
export interface EntryFinding {
  readonly entry: string;
  readonly text: string;
  readonly term: string | null;
}

/** Analyses `text` in `language` with the codebook in use and returns what it found. */
export type FindEntries = (text: string, language: Language) => readonly EntryFinding[];

/** How a finding reads in a message: `"vazallen" (term "vazal*")`, or the words alone for a detector. */
function describeFinding(finding: EntryFinding): string {
  return finding.term === null ? JSON.stringify(finding.text) : `${JSON.stringify(finding.text)} (term ${JSON.stringify(finding.term)})`;
}

/**
 * The examples an entry misses and the counter-examples it matches, each named by file, entry and list
 * position (`entries.vassal.counterExamples.0`), with the sentence and what matched. Empty when all agree.
 * @example checkCodebookExamples(codebook, "framing.yaml", find)
 *   // [{ file: "framing.yaml", field: "entries.vassal.examples.1", message: 'nl example "…": not found' }]
 */
export function checkCodebookExamples(codebook: Codebook, file: string, find: FindEntries): CorpusError[] {
  const problems: CorpusError[] = [];
  for (const entry of codebook.entries) {
    const foundIn = (text: string, language: Language) => find(text, language).filter((finding) => finding.entry === entry.id);
    entry.examples.forEach((example, i) => {
      if (foundIn(example.text, example.language).length) return;
      problems.push({
        file,
        field: `entries.${entry.id}.examples.${i}`,
        message: `${example.language} example ${JSON.stringify(example.text)} is not found by any of the entry's terms`,
      });
    });
    entry.counterExamples.forEach((example, i) => {
      const found = foundIn(example.text, example.language);
      if (!found.length) return;
      problems.push({
        file,
        field: `entries.${entry.id}.counterExamples.${i}`,
        message: `${example.language} counter-example ${JSON.stringify(example.text)} is matched: ${found.map(describeFinding).join(", ")}`,
      });
    });
  }
  return problems;
}
