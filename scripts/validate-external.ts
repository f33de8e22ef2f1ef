/**
 * Validation on externally labelled news, part of `npm run validate`: the attribution of the 300 PolNeAR
 * articles and the tone of the 6,038 ecosent headlines, each on its development part and its kept-back
 * part (data-loaders/common/evaluation-split.ts), with 95% bootstrap intervals over items. Rules and
 * weights were written and fitted looking at development items only; the kept-back figures are the ones
 * published.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { evaluationPart, type EvaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { krippendorffAlpha } from "../data-loaders/portable/krippendorff-alpha.ts";
import { analyzeArticle, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { accuracy, macroF1, type Polarity } from "../data-loaders/tone/evaluate-sentiment.ts";
import {
  attributionFigures,
  bootstrapOverItems,
  scoreAttributions,
  type AttributionCounts,
  type WithInterval,
} from "../data-loaders/voices/evaluate-attribution.ts";

/** One published row: a dataset part, its size and its figures with intervals. */
export interface ExternalRow {
  readonly dataset: string;
  readonly part: EvaluationPart;
  readonly items: number;
  readonly figures: Readonly<Record<string, WithInterval>>;
}

const PARTS: readonly EvaluationPart[] = ["development", "kept-back"];
const round3 = (x: number) => Math.round(x * 1000) / 1000 + 0;
const rounded = (figures: Record<string, WithInterval>) =>
  Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, { value: round3(v.value), low: round3(v.low), high: round3(v.high) }]));

/** Attribution on PolNeAR's train split: cue, source and content precision, recall and F1, scored as citron scores. */
export function validateAttribution(folder: string, resources: AnalysisResources): ExternalRow[] {
  const file = join(folder, "en", "polnear_train.jsonl");
  if (!existsSync(file)) return [];
  type Span = { start: number; end: number };
  type Gold = { id: string; text: string; attributions: { source: Span[] | null; cue: Span[] | null; content: Span[] | null }[] };
  const articles = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Gold);
  const scored = articles.map((gold) => {
    const record = analyzeArticle(bareArticle(gold.id, gold.text, "en"), resources);
    const predicted = record.attributions.map((a) => ({
      cue: a.cueSpan,
      source: a.speaker === null ? null : a.speakerSpan,
      content: a.quote,
    }));
    return { part: evaluationPart(gold.id), counts: scoreAttributions(gold.attributions, predicted) };
  });
  return PARTS.map((part) => {
    const counts: AttributionCounts[] = scored.filter((s) => s.part === part).map((s) => s.counts);
    const figures = bootstrapOverItems(counts, (sample) => {
      const { cue, source, content } = attributionFigures(sample);
      return {
        cuePrecision: cue.precision,
        cueRecall: cue.recall,
        cueF1: cue.f1,
        sourcePrecision: source.precision,
        sourceRecall: source.recall,
        sourceF1: source.f1,
        contentPrecision: content.precision,
        contentRecall: content.recall,
        contentF1: content.f1,
      };
    });
    return { dataset: "PolNeAR train (English political news, 2016)", part, items: counts.length, figures: rounded(figures) };
  });
}

/** Tone on the ecosent headlines: 3-class accuracy, macro-F1 and Krippendorff's alpha against the coders. */
export function validateNewsTone(folder: string, classify: (text: string) => -1 | 0 | 1): ExternalRow[] {
  const file = join(folder, "nl", "ecosent_headlines_train.jsonl");
  if (!existsSync(file)) return [];
  const rows = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: string; text: string; label: -1 | 0 | 1 });
  const toClass = (value: number): Polarity => (value === 1 ? "pos" : value === -1 ? "neg" : "neu");
  const scored = rows.map((row) => {
    const predicted = classify(row.text);
    return { part: evaluationPart(row.id), gold: row.label, predicted };
  });
  return PARTS.map((part) => {
    const items = scored.filter((s) => s.part === part);
    const figures = bootstrapOverItems(items, (sample) => ({
      accuracy: accuracy(
        sample.map((s) => toClass(s.gold)),
        sample.map((s) => toClass(s.predicted)),
      ),
      macroF1: macroF1(
        sample.map((s) => toClass(s.gold)),
        sample.map((s) => toClass(s.predicted)),
        ["pos", "neg", "neu"],
      ),
      alpha: krippendorffAlpha(
        sample.map((s) => [s.gold, s.predicted]),
        "nominal",
      ),
    }));
    return { dataset: "ecosent Dutch economic news headlines (2015)", part, items: items.length, figures: rounded(figures) };
  });
}
