import { compareIds } from "../common/compare-ids.ts";
import { mulberry32, shuffleInPlace } from "../portable/seeded-random.ts";
import { viterbi, type SequenceModel } from "./sequence-model.ts";

/** One training sentence: each token's feature names and its gold tag. */
export interface TaggedSentence {
  readonly tokens: readonly (readonly string[])[];
  readonly tags: readonly string[];
}

/** How a sequence model is fitted; every field belongs in the weights file's provenance. */
export interface PerceptronSettings {
  /** Passes over the sentences. */
  readonly epochs: number;
  /** A feature seen on fewer tokens is left out of the model. */
  readonly minCount: number;
  /** Averaged weights are rounded to this many decimals, and features whose weights all round to 0 are dropped. */
  readonly decimals: number;
  /** The seed of the order sentences are visited in (mulberry32, reshuffled each epoch). */
  readonly seed: number;
}

/** A sentence with its features as column numbers and its tags as indices. */
export interface Row {
  readonly columns: readonly Int32Array[];
  readonly gold: Int32Array;
}

/**
 * Fits a linear-chain sequence model by the averaged structured perceptron (Collins 2002): for each
 * sentence, in a seeded random order, decode with the current weights (Viterbi under `allowed`) and, where
 * the decoded tags differ from the gold ones, add the gold tags' features and transitions and subtract
 * the decoded ones'. The weights returned are the average over every step (Collins' averaging, computed
 * lazily with a step counter), rounded. The same sentences and settings give the same weights on every
 * machine: features are numbered in code-unit order of their names, and updates are whole numbers.
 * @example fitPerceptron(sentences, ["O", "B-CUE", "I-CUE"], bioAllowed(tags), { epochs: 5, minCount: 1, decimals: 3, seed: 1 })
 */
export function fitPerceptron(
  sentences: readonly TaggedSentence[],
  tags: readonly string[],
  allowed: (previous: number, next: number) => boolean,
  settings: PerceptronSettings,
): SequenceModel {
  const K = tags.length;
  const { names, rows } = numberFeatures(sentences, tags, settings.minCount);
  const weights = new Float64Array(names.length * K);
  const totals = new Float64Array(names.length * K);
  const transitions = new Float64Array((K + 1) * K);
  const transitionTotals = new Float64Array((K + 1) * K);
  const random = mulberry32(settings.seed);
  const order = Array.from(rows.keys());
  let step = 1;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const r of order) {
      const { columns, gold } = rows[r]!;
      const predicted = viterbi(scoresOf(columns, weights, K), transitions, K, allowed);
      const add = (t: number, tag: number, amount: number) => {
        for (const c of columns[t]!) {
          weights[c * K + tag]! += amount;
          totals[c * K + tag]! += amount * step;
        }
        const previous = t === 0 ? K : amount > 0 ? gold[t - 1]! : predicted[t - 1]!;
        transitions[previous * K + tag]! += amount;
        transitionTotals[previous * K + tag]! += amount * step;
      };
      for (let t = 0; t < gold.length; t++) {
        const changed = predicted[t] !== gold[t] || (t > 0 && predicted[t - 1] !== gold[t - 1]);
        if (!changed) continue;
        add(t, gold[t]!, 1);
        add(t, predicted[t]!, -1);
      }
      step++;
    }
  }
  return averaged(names, tags, weights, totals, transitions, transitionTotals, step, settings.decimals, allowed);
}

/** Numbers the features seen on at least `minCount` tokens in code-unit order, and turns sentences into rows. */
export function numberFeatures(
  sentences: readonly TaggedSentence[],
  tags: readonly string[],
  minCount: number,
): { names: string[]; rows: Row[] } {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const token of s.tokens) for (const f of new Set(token)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts.keys()].filter((f) => counts.get(f)! >= minCount).sort(compareIds);
  const index = new Map(names.map((name, i) => [name, i]));
  const tagIndex = new Map(tags.map((tag, i) => [tag, i]));
  const rows: Row[] = sentences.map((s) => ({
    columns: s.tokens.map((token) => Int32Array.from(new Set(token.map((f) => index.get(f) ?? -1).filter((c) => c >= 0))).sort()),
    gold: Int32Array.from(s.tags, (tag) => {
      const k = tagIndex.get(tag);
      if (k === undefined) throw new Error(`fitPerceptron: unknown tag ${JSON.stringify(tag)}`);
      return k;
    }),
  }));
  return { names, rows };
}

/** Emission scores of a row under the current weights (K per token, feature-major weights). */
export function scoresOf(columns: readonly Int32Array[], weights: Float64Array, K: number): Float64Array {
  const scores = new Float64Array(columns.length * K);
  columns.forEach((cs, t) => {
    for (const c of cs) for (let k = 0; k < K; k++) scores[t * K + k]! += weights[c * K + k]!;
  });
  return scores;
}

/** The averaged, rounded model: w − totals / step for every weight (Daumé's lazy averaging). */
function averaged(
  names: readonly string[],
  tags: readonly string[],
  weights: Float64Array,
  totals: Float64Array,
  transitions: Float64Array,
  transitionTotals: Float64Array,
  step: number,
  decimals: number,
  allowed: (previous: number, next: number) => boolean,
): SequenceModel {
  const K = tags.length;
  const scale = 10 ** decimals;
  const round = (w: number, total: number) => Math.round((w - total / step) * scale) / scale + 0;
  const emissions = new Map<string, Float64Array>();
  names.forEach((name, c) => {
    const row = Float64Array.from({ length: K }, (_, k) => round(weights[c * K + k]!, totals[c * K + k]!));
    if (row.some((w) => w !== 0)) emissions.set(name, row);
  });
  const averagedTransitions = Float64Array.from(transitions, (w, i) => round(w, transitionTotals[i]!));
  return { tags: [...tags], emissions, transitions: averagedTransitions, allowed };
}
