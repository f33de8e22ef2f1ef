import { mulberry32, shuffleInPlace } from "../portable/seeded-random.ts";
import type { FitSettings } from "./fit-logistic.ts";
import { numberFeatures, scoresOf, type Row, type TaggedSentence } from "./fit-perceptron.ts";
import { forwardBackward, type SequenceModel } from "./sequence-model.ts";

/**
 * How a linear-chain CRF is fitted: the logistic fitter's settings (voices/fit-logistic.ts), with the L2
 * penalty per sentence on the weights it touches and the seed of the order sentences are visited in.
 */
export type CrfSettings = FitSettings;

/** The fitter's state: weights, AdaGrad's sums of squared gradients, transitions and theirs. */
interface State {
  readonly K: number;
  readonly weights: Float64Array;
  readonly squares: Float64Array;
  readonly transitions: Float64Array;
  readonly transitionSquares: Float64Array;
  readonly settings: CrfSettings;
}

/**
 * Fits a linear-chain conditional random field (Lafferty, McCallum & Pereira 2001) by stochastic gradient
 * descent on the log-likelihood with AdaGrad steps (Duchi, Hazan & Singer 2011) and an L2 penalty,
 * visiting sentences in a seeded random order; the expected feature counts come from forward–backward
 * under `allowed`. The same sentences and settings give the same weights on every machine (features
 * numbered in code-unit order of their names, weights rounded).
 * @example fitCrf(sentences, ["O", "B-CUE", "I-CUE"], bioAllowed(tags), { epochs: 3, l2: 1e-4, step: 0.1, minCount: 1, decimals: 3, seed: 1 })
 */
export function fitCrf(
  sentences: readonly TaggedSentence[],
  tags: readonly string[],
  allowed: (previous: number, next: number) => boolean,
  settings: CrfSettings,
): SequenceModel {
  const K = tags.length;
  const { names, rows } = numberFeatures(sentences, tags, settings.minCount);
  const state: State = {
    K,
    weights: new Float64Array(names.length * K),
    squares: new Float64Array(names.length * K).fill(1e-8),
    transitions: new Float64Array((K + 1) * K),
    transitionSquares: new Float64Array((K + 1) * K).fill(1e-8),
    settings,
  };
  const random = mulberry32(settings.seed);
  const order = Array.from(rows.keys());
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) step(state, rows[r]!, allowed);
  }
  const scale = 10 ** settings.decimals;
  const round = (w: number) => Math.round(w * scale) / scale + 0;
  const emissions = new Map<string, Float64Array>();
  names.forEach((name, c) => {
    const row = Float64Array.from({ length: K }, (_, k) => round(state.weights[c * K + k]!));
    if (row.some((w) => w !== 0)) emissions.set(name, row);
  });
  return { tags: [...tags], emissions, transitions: Float64Array.from(state.transitions, round), allowed };
}

/** One AdaGrad step on one sentence: the gradient is the expected counts minus the gold counts. */
function step(state: State, row: Row, allowed: (previous: number, next: number) => boolean): void {
  const { K, weights, squares, transitions, transitionSquares, settings } = state;
  const { columns, gold } = row;
  const n = gold.length;
  if (n === 0) return;
  const scores = scoresOf(columns, weights, K);
  const { forward, backward, logPartition } = forwardBackward(scores, transitions, K, allowed);
  const move = (array: Float64Array, sums: Float64Array, i: number, gradient: number) => {
    const g = gradient + settings.l2 * array[i]!;
    sums[i]! += g * g;
    array[i]! -= (settings.step * g) / Math.sqrt(sums[i]!);
  };
  const transitionGradient = new Float64Array((K + 1) * K);
  for (let t = 0; t < n; t++) {
    for (let k = 0; k < K; k++) {
      const g = Math.exp(forward[t * K + k]! + backward[t * K + k]! - logPartition) - (gold[t] === k ? 1 : 0);
      if (g !== 0) for (const c of columns[t]!) move(weights, squares, c * K + k, g);
    }
    if (t === 0) {
      for (let k = 0; k < K; k++) if (allowed(K, k)) transitionGradient[K * K + k]! += Math.exp(forward[k]! + backward[k]! - logPartition);
      transitionGradient[K * K + gold[0]!]! -= 1;
      continue;
    }
    for (let p = 0; p < K; p++)
      for (let k = 0; k < K; k++) {
        if (!allowed(p, k)) continue;
        const edge = forward[(t - 1) * K + p]! + transitions[p * K + k]! + scores[t * K + k]! + backward[t * K + k]! - logPartition;
        transitionGradient[p * K + k]! += Math.exp(edge);
      }
    transitionGradient[gold[t - 1]! * K + gold[t]!]! -= 1;
  }
  for (let i = 0; i < transitionGradient.length; i++)
    if (transitionGradient[i] !== 0) move(transitions, transitionSquares, i, transitionGradient[i]!);
}
