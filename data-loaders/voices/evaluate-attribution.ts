import { quantileSorted } from "simple-statistics";
import { mulberry32 } from "../portable/seeded-random.ts";

/** A character range `[start, end)`. */
interface Range {
  readonly start: number;
  readonly end: number;
}

/** One gold attribution: its cue, source and content as lists of spans (PolNeAR spans may be discontinuous; null when the annotation has none). */
export interface GoldAttribution {
  readonly cue: readonly Range[] | null;
  readonly source: readonly Range[] | null;
  readonly content?: readonly Range[] | null;
}

/** One predicted attribution: where its cue, its speaker and its content stand (null when the pipeline has none). */
export interface PredictedAttribution {
  readonly cue: Range | null;
  readonly source: Range | null;
  readonly content?: Range | null;
}

/** The counts of one article, which the figures add up over articles (micro-averaging). */
export interface AttributionCounts {
  /** Predicted cues, and those that overlap a gold cue (precision of cues). */
  readonly predictedCues: number;
  readonly correctPredictedCues: number;
  /** Gold attributions with a cue, and those whose cue a predicted cue overlaps (recall of cues). */
  readonly goldCues: number;
  readonly foundGoldCues: number;
  /** Predicted attributions with a speaker, and those right: cue matches a gold cue, speaker overlaps its source. */
  readonly predictedSources: number;
  readonly correctPredictedSources: number;
  /** Gold attributions with a source, and those some predicted attribution gets right. */
  readonly goldSources: number;
  readonly foundGoldSources: number;
  /** The same for contents: the quotation or reported content overlaps the gold content of a cue-matched attribution. */
  readonly predictedContents: number;
  readonly correctPredictedContents: number;
  readonly goldContents: number;
  readonly foundGoldContents: number;
}

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const overlapsAny = (a: Range, list: readonly Range[]) => list.some((b) => overlaps(a, b));

/**
 * Scores one article's predicted attributions against its gold ones as BBC's citron scores PARC 3.0
 * (Newell et al. 2018 use the same overlap criteria for PolNeAR): a predicted cue is correct when it
 * overlaps a gold cue; a predicted source is correct when its cue overlaps the cue of a gold attribution
 * and its speaker span overlaps that attribution's source. A predicted content is correct on the same
 * terms: its cue overlaps a gold cue and its content overlaps that attribution's content.
 * @example scoreAttributions([{ cue: [{ start: 5, end: 9 }], source: [{ start: 0, end: 4 }] }], [{ cue: { start: 5, end: 9 }, source: { start: 0, end: 3 } }]).correctPredictedSources // 1
 */
export function scoreAttributions(annotated: readonly GoldAttribution[], predicted: readonly PredictedAttribution[]): AttributionCounts {
  const gold = annotated.map((g) => ({ cue: g.cue ?? [], source: g.source ?? [], content: g.content ?? [] }));
  type Gold = (typeof gold)[number];
  const withCue = predicted.filter((p): p is PredictedAttribution & { cue: Range } => p.cue !== null);
  const goldWithCue = gold.filter((g) => g.cue.length > 0);
  const sourceRight = (p: PredictedAttribution & { cue: Range }, g: Gold) =>
    p.source !== null && overlapsAny(p.cue, g.cue) && overlapsAny(p.source, g.source);
  const contentRight = (p: PredictedAttribution & { cue: Range }, g: Gold) =>
    !!p.content && overlapsAny(p.cue, g.cue) && overlapsAny(p.content, g.content);
  const withSource = withCue.filter((p) => p.source !== null);
  const goldWithSource = gold.filter((g) => g.source.length > 0);
  const withContent = withCue.filter((p) => !!p.content);
  const goldWithContent = gold.filter((g) => g.content.length > 0 && g.cue.length > 0);
  return {
    predictedCues: withCue.length,
    correctPredictedCues: withCue.filter((p) => goldWithCue.some((g) => overlapsAny(p.cue, g.cue))).length,
    goldCues: goldWithCue.length,
    foundGoldCues: goldWithCue.filter((g) => withCue.some((p) => overlapsAny(p.cue, g.cue))).length,
    predictedSources: withSource.length,
    correctPredictedSources: withSource.filter((p) => gold.some((g) => sourceRight(p, g))).length,
    goldSources: goldWithSource.length,
    foundGoldSources: goldWithSource.filter((g) => withSource.some((p) => sourceRight(p, g))).length,
    predictedContents: withContent.length,
    correctPredictedContents: withContent.filter((p) => gold.some((g) => contentRight(p, g))).length,
    goldContents: goldWithContent.length,
    foundGoldContents: goldWithContent.filter((g) => withContent.some((p) => contentRight(p, g))).length,
  };
}

/** Precision, recall and F1 of one measure. */
export interface PrecisionRecall {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Cue, source and content precision, recall and F1 over all articles (counts added up first). */
export function attributionFigures(articles: readonly AttributionCounts[]): {
  cue: PrecisionRecall;
  source: PrecisionRecall;
  content: PrecisionRecall;
} {
  const sum = (key: keyof AttributionCounts) => articles.reduce((total, a) => total + a[key], 0);
  const figures = (correct: number, predicted: number, found: number, gold: number): PrecisionRecall => {
    const precision = predicted ? correct / predicted : 0;
    const recall = gold ? found / gold : 0;
    return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  return {
    cue: figures(sum("correctPredictedCues"), sum("predictedCues"), sum("foundGoldCues"), sum("goldCues")),
    source: figures(sum("correctPredictedSources"), sum("predictedSources"), sum("foundGoldSources"), sum("goldSources")),
    content: figures(sum("correctPredictedContents"), sum("predictedContents"), sum("foundGoldContents"), sum("goldContents")),
  };
}

/** A figure with its 95% percentile bootstrap interval. */
export interface WithInterval {
  readonly value: number;
  readonly low: number;
  readonly high: number;
}

/**
 * 95% percentile bootstrap intervals of `statistic` over items (articles, headlines): `resamples` times,
 * draw as many items with replacement (mulberry32, seeded) and recompute; the 2.5% and 97.5% quantiles.
 * The same items and seed give the same interval on every machine.
 */
export function bootstrapOverItems<T, K extends string>(
  items: readonly T[],
  statistic: (sample: readonly T[]) => Readonly<Record<K, number>>,
  { resamples = 1000, seed = 20261201 }: { resamples?: number; seed?: number } = {},
): Record<K, WithInterval> {
  const point = statistic(items);
  const random = mulberry32(seed);
  const draws = new Map<K, number[]>();
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from({ length: items.length }, () => items[Math.floor(random() * items.length)]!);
    for (const [key, value] of Object.entries(statistic(sample)) as [K, number][]) {
      const list = draws.get(key) ?? [];
      list.push(value);
      draws.set(key, list);
    }
  }
  const out = {} as Record<K, WithInterval>;
  for (const key of Object.keys(point) as K[]) {
    const sorted = (draws.get(key) ?? []).sort((a, b) => a - b);
    out[key] = { value: point[key], low: quantileSorted(sorted, 0.025), high: quantileSorted(sorted, 0.975) };
  }
  return out;
}
