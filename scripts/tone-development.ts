/**
 * What `npm run fit:tone` and scripts/compare-tone-designs.ts share: the development part of the ecosent
 * headlines read as the scorer reads text, the shipped word-feature reader, headlines as training items, the
 * all-threshold ordinal model's two questions per headline, and the five folds they cross-validate on.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StemmerNl } from "@nlpjs/lang-nl";
import { evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { readSentimentResources } from "../data-loaders/pipeline/read-data-files.ts";
import { sharedNlp } from "../data-loaders/reading/nlp.ts";
import { splitSentences } from "../data-loaders/reading/split-sentences.ts";
import type { Token } from "../data-loaders/reading/token.ts";
import type { Polarity } from "../data-loaders/tone/evaluate-sentiment.ts";
import { featureNorm, ruleWords, toneFeatureReader, type WordFeature } from "../data-loaders/tone/news-tone-model.ts";
import type { TrainingItem } from "../data-loaders/voices/fit-logistic.ts";

/** A coded headline of the development part. */
export interface Headline {
  readonly id: string;
  readonly text: string;
  readonly label: -1 | 0 | 1;
}

/** A headline as a training item: its features, each with its value divided by the headline's feature norm. */
export interface ToneItem {
  readonly id: string;
  readonly label: -1 | 0 | 1;
  readonly features: readonly string[];
  readonly values: readonly number[];
}

/**
 * The development headlines of `<evalFolder>/nl/ecosent_headlines_train.jsonl`, their tokens as the pipeline
 * reads them, the sentiment resources, and the shipped feature reader. A capitalised opening word counts
 * only when the headlines write its stem in lower case somewhere ("Rusland", "Poetin" are names).
 */
export function readToneDevelopment(evalFolder: string) {
  const rows = readFileSync(join(evalFolder, "nl", "ecosent_headlines_train.jsonl"), "utf8")
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
  const stemmer = new StemmerNl();
  const common = new Set(
    tokenized.flatMap((tokens) =>
      tokens.filter((t) => t.type === "word" && !/\p{Lu}/u.test(t.value)).map((t) => stemmer.stemWord(t.value.replace(/’/g, "'"))),
    ),
  );
  const read = toneFeatureReader(resources.lexicons.nl, ruleWords(resources.rules.nl), (stem) => common.has(stem));
  return { rows, tokenized, resources, read };
}

/** Each headline as a training item from its per-word features (see ToneItem). */
export function toneItems(
  rows: readonly Headline[],
  tokenized: readonly (readonly Token[])[],
  featuresOf: (tokens: readonly Token[]) => readonly (readonly WordFeature[])[],
): ToneItem[] {
  return rows.map((row, r) => {
    const features = featuresOf(tokenized[r]!);
    const norm = featureNorm(features) || 1;
    const flat = features.flat();
    return { id: row.id, label: row.label, features: flat.map((f) => f.feature), values: flat.map((f) => f.value / norm) };
  });
}

/** The two binary questions of the all-threshold ordinal model for each item, each with its own cut feature. */
export function ordinalItems(items: readonly ToneItem[], indices: readonly number[]): TrainingItem[] {
  return indices.flatMap((i) => {
    const { features, values: v, label } = items[i]!;
    return [
      { features: [...features, "cut=above-negative"], values: [...v, 1], positive: label > -1 },
      { features: [...features, "cut=positive"], values: [...v, 1], positive: label > 0 },
    ];
  });
}

/** An item's word sum under a model's weights (no bias, no cut): the scorer's score before it is squashed. */
export function weightedSum(item: ToneItem, weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (let k = 0; k < item.features.length; k++) sum += (weights.get(item.features[k]!) ?? 0) * item.values[k]!;
  return sum;
}

/** Which of five folds inside the development part an id is in, by a second hash of the id. */
export function toneFold(id: string): number {
  return createHash("sha256").update(`fold:${id}`).digest()[0]! % 5;
}

/** A coded label as a polarity class. */
export function polarityOf(label: number): Polarity {
  return label === 1 ? "pos" : label === -1 ? "neg" : "neu";
}
