/**
 * A linear-chain sequence model over named features (Collins 2002, "Discriminative Training Methods for
 * Hidden Markov Models"): each token has emission features, each tag a weight per feature, and each pair
 * of neighbouring tags a transition weight. The best tag sequence of a sentence is found by the Viterbi
 * algorithm, linear in the number of tokens (tags² work per token). Every decision is explained by the
 * features and transitions that added up to it (`tokenContributions`).
 */

/** A fitted sequence model: its tags, a weight per feature and tag, and the tag-to-tag transitions. */
export interface SequenceModel {
  /** The tags, in a fixed order; index 0 is the "outside" tag. */
  readonly tags: readonly string[];
  /** Per feature name, one weight per tag (in `tags` order). */
  readonly emissions: ReadonlyMap<string, Float64Array>;
  /** (tags + 1) × tags weights: row `p` is the previous tag, row `tags.length` the start of the sentence. */
  readonly transitions: Float64Array;
  /** Tag pairs that may not follow each other (an inside tag after another kind), as -Infinity. */
  readonly allowed: (previous: number, next: number) => boolean;
}

/** One token's share of a decision: a feature (or "transition:<from>→<to>") and the weight it gave the chosen tag. */
export interface TagContribution {
  readonly feature: string;
  readonly weight: number;
}

/**
 * The emission scores of a sentence: for token t and tag k, entry t·K + k is the sum of the tag's weights
 * over the token's features (a feature the model does not know weighs 0). Features are added in the
 * order given, so the same input gives the same numbers on every machine.
 * @example emissionScores(model, [["w=said"]])[1] // the weight of w=said for tag 1
 */
export function emissionScores(model: SequenceModel, tokens: readonly (readonly string[])[]): Float64Array {
  const K = model.tags.length;
  const scores = new Float64Array(tokens.length * K);
  tokens.forEach((features, t) => {
    for (const feature of features) {
      const row = model.emissions.get(feature);
      if (!row) continue;
      for (let k = 0; k < K; k++) scores[t * K + k]! += row[k]!;
    }
  });
  return scores;
}

/**
 * The highest-scoring tag sequence (Viterbi 1967) for emission scores `scores` (tokens × K) and
 * transitions (K + 1) × K, under `allowed`. Ties go to the lower tag index, so the result is the same on
 * every machine. O(tokens · K²) time and O(tokens · K) memory.
 * @example viterbi(new Float64Array([0, 1]), new Float64Array(6), 2, () => true) // [1]
 */
export function viterbi(
  scores: Float64Array,
  transitions: Float64Array,
  K: number,
  allowed: (previous: number, next: number) => boolean,
): number[] {
  const n = scores.length / K;
  if (n === 0) return [];
  const best = new Float64Array(n * K);
  const back = new Int32Array(n * K);
  for (let k = 0; k < K; k++) best[k] = allowed(K, k) ? transitions[K * K + k]! + scores[k]! : -Infinity;
  for (let t = 1; t < n; t++) {
    for (let k = 0; k < K; k++) {
      let top = -Infinity;
      let from = 0;
      for (let p = 0; p < K; p++) {
        if (!allowed(p, k)) continue;
        const s = best[(t - 1) * K + p]! + transitions[p * K + k]!;
        if (s > top) [top, from] = [s, p];
      }
      best[t * K + k] = top + scores[t * K + k]!;
      back[t * K + k] = from;
    }
  }
  let last = 0;
  for (let k = 1; k < K; k++) if (best[(n - 1) * K + k]! > best[(n - 1) * K + last]!) last = k;
  const path = new Array<number>(n);
  path[n - 1] = last;
  for (let t = n - 1; t > 0; t--) path[t - 1] = back[t * K + path[t]!]!;
  return path;
}

/**
 * The tags of one sentence, by name: the model's emission scores of the tokens' features, then Viterbi.
 * @example tagSentence(model, [["w=Trump"], ["w=said"]]) // ["B-SOURCE", "B-CUE"]
 */
export function tagSentence(model: SequenceModel, tokens: readonly (readonly string[])[]): string[] {
  const K = model.tags.length;
  return viterbi(emissionScores(model, tokens), model.transitions, K, model.allowed).map((k) => model.tags[k]!);
}

/**
 * Why token t got tag `tag`: the transition from the previous token's tag and each of its features'
 * weights for that tag, strongest first (ties by name). Their sum is the token's share of the sentence's
 * score, so a reader sees exactly what decided.
 * @example tokenContributions(model, [["w=said"]], ["B-CUE"], 0, 2)[0].feature // "w=said"
 */
export function tokenContributions(
  model: SequenceModel,
  tokens: readonly (readonly string[])[],
  tags: readonly string[],
  t: number,
  count: number,
): TagContribution[] {
  const K = model.tags.length;
  const k = model.tags.indexOf(tags[t]!);
  const previous = t === 0 ? K : model.tags.indexOf(tags[t - 1]!);
  const from = t === 0 ? "start" : model.tags[previous]!;
  const out: TagContribution[] = [{ feature: `transition:${from}→${model.tags[k]}`, weight: model.transitions[previous * K + k]! }];
  for (const feature of new Set(tokens[t]!)) {
    const weight = model.emissions.get(feature)?.[k];
    if (weight) out.push({ feature, weight });
  }
  out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return out.slice(0, count);
}

/**
 * The BIO constraint of tags named "O", "B-X" and "I-X": an inside tag follows only its own kind's begin
 * or inside tag, and no sentence opens with one.
 * @example bioAllowed(["O", "B-CUE", "I-CUE"])(0, 2) // false
 */
export function bioAllowed(tags: readonly string[]): (previous: number, next: number) => boolean {
  const K = tags.length;
  const table = new Uint8Array((K + 1) * K);
  for (let p = 0; p <= K; p++)
    for (let k = 0; k < K; k++) {
      const next = tags[k]!;
      const kind = next.startsWith("I-") ? next.slice(2) : null;
      const previous = p < K ? tags[p]! : "";
      table[p * K + k] = kind === null || previous === `B-${kind}` || previous === `I-${kind}` ? 1 : 0;
    }
  return (previous, next) => table[previous * K + next] === 1;
}

/** The forward and backward log scores of a sentence and its log partition function (sum over all tag sequences). */
export interface ForwardBackward {
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly logPartition: number;
}

/** log(exp(a) + exp(b)), without overflow; -Infinity is the log of 0. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The forward–backward algorithm in log space (Lafferty, McCallum & Pereira 2001) for emission scores
 * (tokens × K) and transitions (K + 1) × K under `allowed`: forward[t·K + k] is the log of the summed
 * exp-scores of all tag prefixes ending in k at t, backward[t·K + k] of all suffixes after it. O(tokens ·
 * K²), like Viterbi.
 * @example forwardBackward(new Float64Array([0, 0]), new Float64Array(6), 2, () => true).logPartition // Math.log(2)
 */
export function forwardBackward(
  scores: Float64Array,
  transitions: Float64Array,
  K: number,
  allowed: (previous: number, next: number) => boolean,
): ForwardBackward {
  const n = scores.length / K;
  const forward = new Float64Array(n * K).fill(-Infinity);
  const backward = new Float64Array(n * K).fill(-Infinity);
  if (n === 0) return { forward, backward, logPartition: 0 };
  for (let k = 0; k < K; k++) if (allowed(K, k)) forward[k] = transitions[K * K + k]! + scores[k]!;
  for (let t = 1; t < n; t++)
    for (let k = 0; k < K; k++) {
      let sum = -Infinity;
      for (let p = 0; p < K; p++) if (allowed(p, k)) sum = logAdd(sum, forward[(t - 1) * K + p]! + transitions[p * K + k]!);
      forward[t * K + k] = sum + scores[t * K + k]!;
    }
  for (let k = 0; k < K; k++) backward[(n - 1) * K + k] = 0;
  for (let t = n - 2; t >= 0; t--)
    for (let p = 0; p < K; p++) {
      let sum = -Infinity;
      for (let k = 0; k < K; k++)
        if (allowed(p, k)) sum = logAdd(sum, transitions[p * K + k]! + scores[(t + 1) * K + k]! + backward[(t + 1) * K + k]!);
      backward[t * K + p] = sum;
    }
  let logPartition = -Infinity;
  for (let k = 0; k < K; k++) logPartition = logAdd(logPartition, forward[(n - 1) * K + k]!);
  return { forward, backward, logPartition };
}

/**
 * The probability of every tag at every token under the model (a linear-chain CRF's marginals): entry
 * t·K + k is P(tag k at token t | sentence). What a threshold on "this token is part of a cue" reads.
 * @example tagMarginals(model, [["w=said"]]) // a Float64Array of K probabilities summing to 1
 */
export function tagMarginals(model: SequenceModel, tokens: readonly (readonly string[])[]): Float64Array {
  const K = model.tags.length;
  const scores = emissionScores(model, tokens);
  const { forward, backward, logPartition } = forwardBackward(scores, model.transitions, K, model.allowed);
  return Float64Array.from(forward, (f, i) => Math.exp(f + backward[i]! - logPartition));
}
