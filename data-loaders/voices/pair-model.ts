import { linearScore, logistic, round3, strongestFeatures, type LinearModel } from "./linear-model.ts";
import { pairFeatures } from "./pair-features.ts";
import { rankSpeaker, speakerCandidates, type SpeakerCandidate } from "./speaker-features.ts";
import type { Cue, CueSpeaker, SieveContext } from "./sieve-context.ts";
import type { ThresholdModel } from "./attribution-model.ts";

/**
 * How (cue, source) pairs decide attribution (issue 28's span-pair design): the cue detector proposes cues
 * from a low probability, and a logistic model over pair features (voices/pair-features.ts) scores each cue
 * with each of its candidate speakers. A cue the detector is sure of (probability from `accept`) stands
 * alone, as before; a less sure one is kept only when its best pair reaches `pairThreshold`, and then with
 * that pair's speaker: a cue with a plausible source in a plausible pattern is accepted at a lower cue
 * probability.
 */
export interface PairDecision {
  readonly model: LinearModel;
  /** The cue probability from which a cue is kept without a pair. */
  readonly accept: number;
  /** The pair probability from which a less sure cue is kept, with that pair's speaker. */
  readonly pairThreshold: number;
  /** The pair probability from which a sure cue's best candidate is named its speaker (when `ranker` is null). */
  readonly speakerThreshold: number;
  /** When set, a sure cue's speaker is chosen by this ranker (speaker-features.ts) rather than by the pair model. */
  readonly ranker: ThresholdModel | null;
}

/** A candidate speaker with its pair probability. */
export interface ScoredPair {
  readonly candidate: SpeakerCandidate;
  readonly probability: number;
}

/**
 * A cue's speaker by the pair model, or null when the cue is dropped (below `accept` and no pair reaching
 * `pairThreshold`). The rule is the first sieve that proposed the chosen mention, or "speaker-model".
 * @example choosePair(ctx, cue, [], decision, heads)?.speaker?.name // "Mike Pence"
 */
export function choosePair(
  ctx: SieveContext,
  cue: Cue,
  earlier: readonly CueSpeaker[],
  decision: PairDecision,
  heads: ReadonlySet<string>,
): CueSpeaker | null {
  const sure = (cue.evidence?.probability ?? 1) >= decision.accept;
  if (sure && decision.ranker) return rankSpeaker(ctx, cue, earlier, decision.ranker, heads);
  const best = bestPair(ctx, cue, speakerCandidates(ctx, cue, earlier, heads), decision.model);
  const threshold = sure ? decision.speakerThreshold : decision.pairThreshold;
  if (!best || best.probability < threshold) return sure ? { cue, speaker: null, rule: null, side: null } : null;
  const { mention, sieves } = best.candidate;
  const side = mention.end <= cue.start ? "before" : "after";
  const rule = sieves[0] ?? "speaker-model";
  if (sure || !cue.evidence) return { cue, speaker: mention, rule, side };
  // Kept by its pair: the record says so, with the pair's own strongest features beside the cue detector's.
  const reasons = strongestFeatures(decision.model, pairFeatures(ctx, cue, best.candidate), PAIR_REASONS);
  const pair = { probability: round3(best.probability), reasons: reasons.map((r) => ({ feature: r.feature, weight: round3(r.weight) })) };
  return { cue, speaker: mention, rule, side, evidence: { ...cue.evidence, pair } };
}

/** How many of the pair model's features a record names as the reasons a cue was kept. */
const PAIR_REASONS = 3;

/** The candidate whose pair with the cue the model scores highest (the first of equals), or null when there is none. */
export function bestPair(ctx: SieveContext, cue: Cue, candidates: readonly SpeakerCandidate[], model: LinearModel): ScoredPair | null {
  let best: ScoredPair | null = null;
  for (const candidate of candidates) {
    const probability = logistic(linearScore(model, pairFeatures(ctx, cue, candidate)));
    if (!best || probability > best.probability) best = { candidate, probability };
  }
  return best;
}
