import { UniqueCodes } from "./unique-codes.ts";

/**
 * Locality-sensitive hashing's candidate pairs: items whose band keys agree in some band (min-hash.ts).
 * Each item belongs to an owner (an article: its whole text, or one of its paragraphs); pairs are of
 * owners, so an article's own paragraphs never pair with each other. Cost: one pass over the keys per
 * band, and pairs per bucket; a bucket holding more than `maxBucket` owners (a passage dozens of articles
 * share: an agency's standard paragraph, a disclaimer) pairs each owner with its first owner only, so the
 * number of pairs stays linear in the corpus.
 */
export interface CandidatePairs {
  /** Owner pairs [a, b] with a < b, distinct, in ascending order. */
  readonly pairs: ReadonlyArray<readonly [number, number]>;
  /** Buckets paired as a star because they held more than maxBucket owners. */
  readonly crowded: number;
}

/**
 * The candidate pairs of items given as their owners (ascending) and band keys (the same number of bands
 * each).
 * @example candidatePairs([0, 1, 2], [Uint32Array.of(5, 1), Uint32Array.of(6, 1), Uint32Array.of(7, 2)], 64).pairs // [[0, 1]]
 */
export function candidatePairs(owners: readonly number[], keys: readonly Uint32Array[], maxBucket: number): CandidatePairs {
  const span = (owners.at(-1) ?? 0) + 1;
  const { codes, crowded } = candidateCodes(owners, keys, maxBucket, span);
  return { pairs: Array.from(codes, (code) => [Math.floor(code / span), code % span] as const), crowded };
}

/**
 * candidatePairs' pairs as codes a · span + b (`span` above every owner), ascending and distinct, in a typed
 * array: 8 bytes a pair, where a corpus whose texts share many passages has millions of them.
 * @example [...candidateCodes([0, 1, 2], [Uint32Array.of(5), Uint32Array.of(5), Uint32Array.of(7)], 64, 10).codes] // [1]
 */
export function candidateCodes(
  owners: readonly number[],
  keys: readonly Uint32Array[],
  maxBucket: number,
  span: number,
): { codes: Float64Array; crowded: number } {
  const found = new UniqueCodes();
  let crowded = 0;
  const bands = keys[0]?.length ?? 0;
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    keys.forEach((itemKeys, item) => {
      const owner = owners[item]!;
      const bucket = buckets.get(itemKeys[band]!);
      if (!bucket) buckets.set(itemKeys[band]!, [owner]);
      // Items come in owner order: an owner already in the bucket is its last entry.
      else if (bucket.at(-1) !== owner) bucket.push(owner);
    });
    for (const bucket of buckets.values()) {
      if (bucket.length < 2) continue;
      if (bucket.length > maxBucket) crowded++;
      const firsts = bucket.length > maxBucket ? 1 : bucket.length - 1;
      for (let i = 0; i < firsts; i++) for (let j = i + 1; j < bucket.length; j++) found.add(bucket[i]! * span + bucket[j]!);
    }
  }
  return { codes: found.sorted(), crowded };
}
