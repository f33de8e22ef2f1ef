import { createHash } from "node:crypto";

/** A share of a corpus: shard `index` (1-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Reads "K/N" (1 ≤ K ≤ N ≤ 100000); anything else is an error message for the caller to print.
 * @example parseShard("2/4") // { shard: { index: 2, count: 4 } }
 */
export function parseShard(value: string): { shard: Shard } | { error: string } {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1 && count <= 100_000) || !(index >= 1 && index <= count))
    return { error: `must be K/N with 1 <= K <= N (for example 2/4), not ${JSON.stringify(value)}` };
  return { shard: { index, count } };
}

/**
 * Whether an article belongs to a shard: the first four bytes of the SHA-256 of its id, as a number, modulo
 * the shard count. Deterministic and independent of the corpus's order or size, so every machine of a
 * cluster picks the same share, and the N shards of a corpus cover it exactly once.
 */
export function inShard(id: string, shard: Shard): boolean {
  return createHash("sha256").update(id).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
