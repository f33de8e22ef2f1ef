import type { ReuseFindings } from "../schema/reuse-file.ts";
import type { Fingerprint } from "./fingerprint.ts";
import { COPY_JACCARD, PASSAGE_OVERLAP } from "./reuse-thresholds.ts";

/** One verified pair, by positions in the id-ordered fingerprints. */
export type VerifiedPair = Omit<ReuseFindings["pairs"][number], "a" | "b"> & { readonly a: number; readonly b: number };

/**
 * Verified pairs in the order verified (ascending a, then b), each as its two articles, its kind and its size
 * for the listing (a copy above any number of shared paragraphs): 9 bytes a pair, in typed arrays that double
 * when full.
 */
export class VerifiedPairs {
  private a: Int32Array = new Int32Array(1024);
  private b: Int32Array = new Int32Array(1024);
  private size: Int32Array = new Int32Array(1024);
  private readonly sharing: Uint8Array;
  count = 0;
  partial = 0;

  /** `articles`: how many articles the pairs' positions are of. */
  constructor(articles: number) {
    this.sharing = new Uint8Array(articles);
  }

  /** Adds a pair; `passages` is how many of their paragraphs matched. */
  add(a: number, b: number, kind: VerifiedPair["kind"], passages: number): void {
    if (this.count === this.a.length) for (const field of ["a", "b", "size"] as const) this[field] = grown(this[field]);
    this.a[this.count] = a;
    this.b[this.count] = b;
    // A copy sorts above any pair of partial reuse: it shares every paragraph, however few.
    this.size[this.count++] = kind === "copy" ? COPY_SIZE : passages;
    if (kind === "partial") this.partial++;
    this.sharing[a] = this.sharing[b] = 1;
  }

  /** The articles in any pair. */
  articles(): number {
    return this.sharing.reduce((n, s) => n + s, 0);
  }

  /** The pairs of one kind as [a, b], in the order added. */
  *links(kind: VerifiedPair["kind"]): Generator<readonly [number, number]> {
    for (let i = 0; i < this.count; i++) if ((this.size[i] === COPY_SIZE) === (kind === "copy")) yield [this.a[i]!, this.b[i]!];
  }

  /**
   * The first `limit` pairs by size, largest first, ties in the order added, returned in the order added
   * (as a stable sort by size, cut to `limit` and sorted back by position would give them).
   */
  largest(limit: number): Array<readonly [number, number]> {
    const sizes = this.size.slice(0, this.count).sort();
    // The least size listed: every pair above it is listed, and the first ones of its size fill the rest.
    const least = this.count > limit ? sizes[this.count - limit]! : -1;
    let ofLeast = limit - sizes.reduce((n, size) => n + (size > least ? 1 : 0), 0);
    const out: Array<readonly [number, number]> = [];
    for (let i = 0; i < this.count && out.length < limit; i++) {
      const size = this.size[i]!;
      if (size > least || (size === least && ofLeast-- > 0)) out.push([this.a[i]!, this.b[i]!]);
    }
    return out;
  }
}

/** The size a copy is listed by: above any number of paragraphs a pair can share. */
const COPY_SIZE = 2 ** 31 - 1;

/** A typed array of twice the length, holding the same values first. */
function grown(array: Int32Array): Int32Array {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}

/**
 * A candidate pair verified exactly: copies, partial reuse (at least one matched paragraph), or null. The
 * Jaccard index is the whole texts' (jaccard in shingles.ts); the passages those PASSAGE_OVERLAP finds.
 */
export function verifyPair(prints: readonly Fingerprint[], a: number, b: number, scratch: { shared: Uint32Array }): VerifiedPair | null {
  const [x, y] = [prints[a]!, prints[b]!];
  const common = sharedShingles(x, y, scratch);
  const union = x.distinct + y.distinct - common;
  const similarity = union === 0 ? 0 : common / union;
  const passages = alignedParagraphs(x, y, scratch.shared);
  if (similarity < COPY_JACCARD && passages.length === 0) return null;
  return { a, b, kind: similarity >= COPY_JACCARD ? "copy" : "partial", jaccard: Math.round(similarity * 1e4) / 1e4, passages };
}

/**
 * How many distinct shingles two texts share, and, in `scratch.shared` (grown as needed), how many each pair
 * of their passages shares (p · Q + q for x's passage p and y's q, of Q): all in one merge of their labelled
 * shingles. A shingle in x's passage p and in y's q is one shared by p and q, since a passage's shingles are
 * distinct.
 */
function sharedShingles(x: Fingerprint, y: Fingerprint, scratch: { shared: Uint32Array }): number {
  const [P, Q] = [x.passages.sizes.length, y.passages.sizes.length];
  if (scratch.shared.length < P * Q) scratch.shared = new Uint32Array(2 * P * Q);
  const shared = scratch.shared.fill(0, 0, P * Q);
  const { shingles: xs, labels: xp } = x.shingles;
  const { shingles: ys, labels: yq } = y.shingles;
  let common = 0;
  let i = 0;
  let j = 0;
  while (i < xs.length && j < ys.length) {
    const value = xs[i]!;
    if (value < ys[j]!) i++;
    else if (value > ys[j]!) j++;
    else {
      common++;
      let iEnd = i + 1;
      while (iEnd < xs.length && xs[iEnd] === value) iEnd++;
      let jEnd = j + 1;
      while (jEnd < ys.length && ys[jEnd] === value) jEnd++;
      for (let k = i; k < iEnd; k++) {
        const p = xp[k]!;
        if (p === P) continue;
        for (let l = j; l < jEnd; l++) if (yq[l]! !== Q) shared[p * Q + yq[l]!]!++;
      }
      i = iEnd;
      j = jEnd;
    }
  }
  return common;
}

/**
 * The paragraphs of two texts that are one passage (PASSAGE_OVERLAP), as [first sentence in x, first
 * sentence in y], in x's order, from the shingles each pair shares (sharedShingles).
 */
function alignedParagraphs(x: Fingerprint, y: Fingerprint, shared: Uint32Array): Array<[number, number]> {
  const [P, Q] = [x.passages.sizes.length, y.passages.sizes.length];
  const matched: Array<[number, number]> = [];
  for (let p = 0; p < P; p++)
    for (let q = 0; q < Q; q++)
      if (shared[p * Q + q]! >= PASSAGE_OVERLAP * Math.min(x.passages.sizes[p]!, y.passages.sizes[q]!))
        matched.push([x.passages.sentences[p]!, y.passages.sentences[q]!]);
  return matched;
}
