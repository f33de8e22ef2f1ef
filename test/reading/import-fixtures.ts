// What the import tests share (import-corpus.test.ts, import-table.test.ts): the fixtures' folder, a few
// sentences in each language, and a corpus read or rejected with the import's report collected.
import { join } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import type { CorpusError } from "../../data-loaders/reading/corpus-error.ts";
import { indexCorpus, readIndexedArticle, type IndexOptions } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { corpusErrors } from "../helpers.ts";

export const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "import");
export const EN = "The council met on Monday and agreed a plan for the new bridge over the river.";
export const EN2 = "The school opened a new library for its pupils and parents came to see it on Friday.";
export const DE = "Die Regierung hat heute beschlossen, dass die Steuern im nächsten Jahr steigen werden, sagte der Minister.";

/** Reads a corpus with the import's report collected; returns the articles in id order and the report. */
export async function read(input: string, options: IndexOptions = {}): Promise<{ articles: Article[]; report: string[] }> {
  const report: string[] = [];
  const entries = await indexCorpus(input, { report: (line) => report.push(line), ...options });
  return { articles: entries.map(readIndexedArticle), report };
}

/** The errors a corpus is rejected with, its report collected (not printed). */
export async function errorsOf(input: string, options: IndexOptions = {}): Promise<CorpusError[]> {
  return corpusErrors(input, { report: () => {}, ...options });
}
