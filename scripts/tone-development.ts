/**
 * What `npm run fit:tone` and scripts/compare-tone-designs.ts share: the development part of the ecosent
 * headlines read as the scorer reads text, and the five folds they cross-validate on.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { readSentimentResources } from "../data-loaders/pipeline/read-data-files.ts";
import { sharedNlp } from "../data-loaders/reading/nlp.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import { evaluationFile } from "./evaluation-file.ts";

/** A coded headline of the development part. */
export interface Headline {
  readonly id: string;
  readonly text: string;
  readonly label: -1 | 0 | 1;
}

/**
 * The development headlines of `<evalFolder>/nl/ecosent_headlines_train.jsonl`, their tokens as the pipeline
 * reads them (each headline as one paragraph) and the sentiment resources without a news model.
 */
export function readToneDevelopment(evalFolder: string) {
  const rows = readFileSync(evaluationFile(evalFolder, "nl/ecosent_headlines_train.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Headline)
    .filter((row) => evaluationPart(row.id) === "development");
  const resources = readSentimentResources(corpusPaths().sentimentRules, null);
  const nlp = sharedNlp();
  const tokenized = rows.map((row) => {
    const blocks = [{ index: 0, kind: "paragraph" as const, start: 0, end: row.text.length, rule: null }];
    return splitSentences(nlp, row.text, blocks).tokens;
  });
  return { rows, tokenized, resources };
}

/** Which of five folds inside the development part an id is in, by a second hash of the id. */
export function toneFold(id: string): number {
  return createHash("sha256").update(`fold:${id}`).digest()[0]! % 5;
}
