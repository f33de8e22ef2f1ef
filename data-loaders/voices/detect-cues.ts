import { cueCandidates, type CueReading } from "./cue-features.ts";
import { linearScore, logistic, strongestFeatures, type FeatureWeight } from "./linear-model.ts";
import type { ThresholdModel } from "./attribution-model.ts";
import type { Span } from "../schema/record.ts";

/** A cue the learned detector accepted: its span, its probability and the features that weighed most. */
export interface DetectedCue extends Span {
  readonly probability: number;
  readonly reasons: readonly FeatureWeight[];
}

/** How many features a cue's explanation names. */
const REASONS = 3;

/**
 * The speech and thought cues of an English article by the learned cue detector: every candidate token
 * (voices/cue-features.ts, of the families the model names) whose probability reaches the model's threshold. A token inside a listed phrase
 * stands for the whole phrase ("according to"), and accepted tokens joined only by white space in one
 * sentence make one cue ("has said", "pointed out"); its probability and reasons are its strongest token's.
 * With a `floor` below the threshold (the pair model's proposals, voices/pair-model.ts) tokens from the
 * floor are cues too, but only tokens that reach the threshold join a neighbour: "told" stays "told"
 * beside a less likely "assembled".
 * @example detectCues(reading, model).map((c) => reading.text.slice(c.start, c.end)) // ["said", "according to"]
 */
export function detectCues(reading: CueReading, model: ThresholdModel, floor = model.threshold): DetectedCue[] {
  const out: Array<DetectedCue & { sentence: number }> = [];
  for (const candidate of cueCandidates(reading, new Set(model.candidates ?? []))) {
    const probability = logistic(linearScore(model, candidate.features));
    if (probability < floor) continue;
    const span = candidate.listSpan ?? candidate;
    const sentence = reading.tokens[candidate.token]!.sentence;
    const last = out[out.length - 1];
    const joins = !!last && last.probability >= model.threshold && probability >= model.threshold;
    if (joins && last.sentence === sentence && /^\s*$/u.test(reading.text.slice(last.end, span.start))) {
      const stronger = probability > last.probability;
      out[out.length - 1] = {
        start: Math.min(last.start, span.start),
        end: Math.max(last.end, span.end),
        sentence,
        probability: stronger ? probability : last.probability,
        reasons: stronger ? strongestFeatures(model, candidate.features, REASONS) : last.reasons,
      };
      continue;
    }
    out.push({ start: span.start, end: span.end, sentence, probability, reasons: strongestFeatures(model, candidate.features, REASONS) });
  }
  return out.map(({ start, end, probability, reasons }) => ({ start, end, probability, reasons }));
}
