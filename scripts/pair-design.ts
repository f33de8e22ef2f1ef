/**
 * The span-pair design of English attribution (issue 28), for scripts/compare-attribution-designs.ts: the
 * cue detector proposes cues from a low probability (CUE_FLOOR), and a logistic model over (cue, candidate
 * speaker) pairs (voices/pair-features.ts, voices/pair-model.ts) keeps a less sure cue only with a
 * plausible speaker in a plausible pattern. The pair model is fitted on cue probabilities the cue model
 * did not fit (stacking: the fit fold in two halves by a hash of the id, a cue model fitted on each half
 * scoring the other), so its `cue-p=` features mean at fitting what they mean on unseen articles.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { attributionInput, cueReading, readText, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { cueTrainingItems, pairTrainingItems, type GoldAttribution } from "../data-loaders/pipeline/attribution-training.ts";
import { attributeQuotes } from "../data-loaders/voices/attribute-quotes.ts";
import type { AttributionModelFile, ThresholdModel } from "../data-loaders/voices/attribution-model.ts";
import { detectCues } from "../data-loaders/voices/detect-cues.ts";
import type { PredictedAttribution } from "../data-loaders/voices/evaluate-attribution.ts";
import { fitLogistic, type FitSettings } from "../data-loaders/voices/fit-logistic.ts";
import type { LinearModel } from "../data-loaders/voices/linear-model.ts";
import { detectOutlets } from "../data-loaders/voices/outlets.ts";
import type { PairDecision } from "../data-loaders/voices/pair-model.ts";

/** The cue probability from which the detector proposes cues to the pair model. */
export const CUE_FLOOR = 0.1;
/** The pair model's fit (seeded; weights rounded). */
export const PAIR_FIT: FitSettings = { epochs: 5, l2: 1e-4, step: 0.1, minCount: 2, decimals: 4, seed: 3 };

type Article = { readonly id: string; readonly text: string; readonly attributions: readonly GoldAttribution[] };

/** Which half of the articles a stacking fit leaves out: the first byte of SHA-256("stack:" + id), even or odd. */
export function stackingHalf(id: string): 0 | 1 {
  return (createHash("sha256").update(`stack:${id}`, "utf8").digest()[0]! % 2) as 0 | 1;
}

/**
 * The pair model fitted on `articles`: each article's pairs are made with the cues of a cue model fitted
 * (with `cueSettings`, on `rulesOnly`'s features) on the other half of the articles, proposed from CUE_FLOOR.
 * `resources` give the speaker heads, the ranker the candidates are read with and the cue threshold.
 */
export function fitPairModel(
  articles: readonly Article[],
  rulesOnly: AnalysisResources,
  resources: AnalysisResources,
  cueSettings: FitSettings,
): { model: LinearModel; items: number } {
  const halves = [0, 1].map((h) => articles.filter((a) => stackingHalf(a.id) === h));
  // The halves' cue models score the same candidate families as the model they stand in for.
  const { threshold, candidates } = resources.attributionModel.cue!;
  const families = new Set(candidates ?? []);
  const cueModels = halves.map((half) =>
    fitLogistic(
      half.flatMap((a) => cueTrainingItems(a.id, a.text, a.attributions, rulesOnly, families)),
      cueSettings,
    ),
  );
  const items = halves.flatMap((half, h) => {
    const other: ThresholdModel = { ...cueModels[1 - h]!, threshold, ...(candidates ? { candidates } : {}) };
    return half.flatMap((a) => pairTrainingItems(a.id, a.text, a.attributions, resources, other, CUE_FLOOR));
  });
  return { model: fitLogistic(items, PAIR_FIT), items: items.length };
}

/**
 * One article's attributions under each pair decision: the cue model's cues from CUE_FLOOR, each decision
 * keeping or dropping them with their speakers (content as the shipped design finds it).
 */
export function pairPredictions(
  text: string,
  resources: AnalysisResources,
  cueModel: ThresholdModel,
  decisions: readonly PairDecision[],
): PredictedAttribution[][] {
  const read = readText(text, "en", resources);
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, "en");
  const cues = detectCues(cueReading(read, resources), cueModel, CUE_FLOOR);
  const input = attributionInput(read, "en", outlets, resources, cues);
  return decisions.map((pairDecision) =>
    attributeQuotes({ ...input, pairDecision }).map((a) => ({
      cue: a.cueSpan,
      source: a.speaker === null ? null : a.speakerSpan,
      content: a.quote,
    })),
  );
}

/** The pair probabilities from which a less sure cue is kept, tried for a precision–recall trade-off. */
const PAIR_THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8];
/** The pair probabilities from which a cue's best candidate is named its speaker. */
const SPEAKER_THRESHOLDS = [0.4, 0.5, 0.6, 0.7];
/** The shipped ranker's own thresholds, raised: what the shipped design gives at a higher precision. */
const RANKER_THRESHOLDS = [0.6, 0.7];

/** The cue fit's settings, as the baseline model file's provenance records them. */
function cueSettingsOf(baselineFile: string): FitSettings {
  const settings = (JSON.parse(readFileSync(baselineFile, "utf8")) as AttributionModelFile).fittedOn.settings;
  const setting = (name: string) => settings[`cue.${name}`]!;
  return {
    epochs: setting("epochs"),
    l2: setting("l2"),
    step: setting("step"),
    minCount: setting("minCount"),
    decimals: setting("decimals"),
    seed: setting("seed"),
  };
}

/**
 * The pair designs measured on the tune fold: the pair model fitted on `fitFold` at several operating
 * points, beside the shipped design at stricter ranker thresholds (the fair comparison for a precision
 * gain). "pairs off" keeps only the sure cues with the shipped ranker, so it must score as the shipped
 * design does (a check of the harness).
 */
export function pairDesigns(
  fitFold: readonly Article[],
  rulesOnly: AnalysisResources,
  shipped: AnalysisResources,
  baselineFile: string,
): Array<{ name: string; decision: PairDecision }> {
  const { model, items } = fitPairModel(fitFold, rulesOnly, shipped, cueSettingsOf(baselineFile));
  process.stderr.write(
    `compare-attribution-designs: pair model on ${items} pairs of ${fitFold.length} articles, ${model.weights.size} features\n`,
  );
  const ranker = shipped.attributionModel.speaker!;
  const accept = shipped.attributionModel.cue!.threshold;
  const at = (pairThreshold: number, speakerThreshold: number, byRanker: ThresholdModel | null): PairDecision => ({
    model,
    accept,
    pairThreshold,
    speakerThreshold,
    ranker: byRanker,
  });
  return [
    { name: `pairs off (cues >= ${accept}, ranker)`, decision: at(2, 2, ranker) },
    ...RANKER_THRESHOLDS.map((r) => ({ name: `pairs off, ranker >= ${r}`, decision: at(2, 2, { ...ranker, threshold: r }) })),
    ...PAIR_THRESHOLDS.map((t) => ({ name: `pairs >= ${t}, sure cues by ranker`, decision: at(t, 2, ranker) })),
    ...PAIR_THRESHOLDS.flatMap((t) =>
      SPEAKER_THRESHOLDS.map((s) => ({ name: `pairs >= ${t}, speakers >= ${s}`, decision: at(t, s, null) })),
    ),
  ];
}
