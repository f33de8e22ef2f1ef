import { compareIds } from "../common/compare-ids.ts";
import type { ReuseFindings } from "../schema/reuse-file.ts";
import { candidateCodes } from "./candidate-pairs.ts";
import { UniqueCodes } from "./unique-codes.ts";
import { BANDS, MIN_HASH_SEED, SIGNATURE_SIZE, bandKeys, emptySignature, mergeSignature, minHashSignature } from "./min-hash.ts";
import { connectedGroups, likelyOrigin, reuseNetwork } from "./reuse-groups.ts";
import { SHINGLE_WORDS, shingleHashes } from "./shingles.ts";

/**
 * Who republishes whom: near-duplicate texts and reused paragraphs across a corpus. Each paragraph's word
 * shingles get a MinHash signature; LSH banding of the paragraphs' signatures, and of each text's (the
 * entry-wise minimum of its paragraphs'), proposes candidate pairs of articles in near-linear time; each
 * candidate is then verified exactly: the Jaccard index of the two texts' shingle sets, and every pair of
 * their paragraphs aligned by theirs. Copies (COPY_JACCARD) are grouped, the earliest dated copy named as
 * the likely origin, and an outlet-to-outlet network counted.
 */

/** Two texts whose shingle sets have at least this Jaccard index are copies of one text. */
export const COPY_JACCARD = 0.8;
/**
 * Two paragraphs sharing at least this share of the smaller one's shingles (the overlap coefficient,
 * |A ∩ B| / min(|A|, |B|)) are one passage: a word edited costs a paragraph up to five shingles, which
 * the Jaccard index of a short paragraph does not survive, and a paragraph lengthened by a clause is
 * still the passage it lengthens.
 */
export const PASSAGE_OVERLAP = 0.5;
/** Paragraphs of fewer words are not compared on their own (datelines, one-line quotes), nor texts of fewer. */
export const PASSAGE_MIN_WORDS = 12;
/** An LSH bucket of more articles is paired as a star (candidate-pairs.ts). */
export const MAX_BUCKET = 64;
/**
 * The most groups and pairs reuse.json lists (the largest groups; copies, then the pairs sharing most
 * paragraphs), so that the pages loading it stay within their data budget on a corpus where many texts
 * share passages; the totals and the network count them all.
 */
export const MAX_LISTED_GROUPS = 2000;
export const MAX_LISTED_PAIRS = 4000;

/** An article as reuse needs it: its paragraphs' folded words (searchWords), each with its first sentence's index. */
export interface ReuseArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly paragraphs: ReadonlyArray<{ readonly sentence: number; readonly words: readonly string[] }>;
}

/** What is kept of an article once its words are shingled: a few numbers per word. */
interface Fingerprint {
  readonly article: ReuseFindings["articles"][number];
  /**
   * Its paragraphs long enough to compare (passages): each one's first sentence, its number of distinct
   * shingles, and its band keys.
   */
  readonly passages: { readonly sentences: Int32Array; readonly sizes: Uint32Array; readonly keys: readonly Uint32Array[] };
  /** Every paragraph's shingles in one ascending array, each labelled with its passage (labelledShingles). */
  readonly shingles: LabelledShingles;
  /** How many distinct shingles the whole text has. */
  readonly distinct: number;
  /** The whole text's band keys, or null for a text too short to compare. */
  readonly keys: Uint32Array | null;
}

/** Shingles of several paragraphs in one ascending array, each with a label saying which paragraph it came from. */
export interface LabelledShingles {
  readonly shingles: Uint32Array;
  readonly labels: Uint16Array | Uint32Array;
}

/**
 * The shingles of several paragraphs (each ascending and distinct) as one ascending array, with `labels[k]`
 * beside each shingle of paragraph k; a shingle two paragraphs share is there twice. Merged in pairs of runs
 * (a merge sort's passes), so the cost is the shingles times log₂ of the paragraphs.
 * @example labelledShingles([Uint32Array.of(2, 9), Uint32Array.of(5, 9)], [0, 1]) // { shingles: [2, 5, 9, 9], labels: [0, 1, 0, 1] }
 */
export function labelledShingles(runs: readonly Uint32Array[], labels: readonly number[]): LabelledShingles {
  const Labels = labels.every((label) => label <= 0xffff) ? Uint16Array : Uint32Array;
  let parts: LabelledShingles[] = runs.map((shingles, k) => ({ shingles, labels: new Labels(shingles.length).fill(labels[k]!) }));
  while (parts.length > 1) {
    const merged: LabelledShingles[] = [];
    for (let k = 0; k < parts.length; k += 2) merged.push(k + 1 < parts.length ? mergeTwo(parts[k]!, parts[k + 1]!, Labels) : parts[k]!);
    parts = merged;
  }
  return parts[0] ?? { shingles: new Uint32Array(0), labels: new Labels(0) };
}

/** Two ascending runs of labelled shingles as one (of equal shingles, the first run's first). */
function mergeTwo(x: LabelledShingles, y: LabelledShingles, Labels: Uint16ArrayConstructor | Uint32ArrayConstructor): LabelledShingles {
  const shingles = new Uint32Array(x.shingles.length + y.shingles.length);
  const labels = new Labels(shingles.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < shingles.length; k++) {
    const fromX = j >= y.shingles.length || (i < x.shingles.length && x.shingles[i]! <= y.shingles[j]!);
    shingles[k] = fromX ? x.shingles[i]! : y.shingles[j]!;
    labels[k] = fromX ? x.labels[i++]! : y.labels[j++]!;
  }
  return { shingles, labels };
}

/**
 * An article's fingerprint: its shingles and band keys, by paragraph and for the whole text. A paragraph's
 * shingles are labelled with its passage's number, a paragraph too short to be a passage with the number of
 * passages (one past the last).
 */
export function fingerprint({ id, title, outlet, published, paragraphs }: ReuseArticle): Fingerprint {
  const whole = emptySignature();
  const passages: Array<{ sentence: number; size: number; keys: Uint32Array }> = [];
  const all: Uint32Array[] = [];
  const passageOf: Array<number | null> = [];
  let words = 0;
  for (const { sentence, words: paragraph } of paragraphs) {
    const shingles = shingleHashes(paragraph);
    const signature = minHashSignature(shingles);
    mergeSignature(whole, signature);
    all.push(shingles);
    words += paragraph.length;
    const passage = paragraph.length >= PASSAGE_MIN_WORDS;
    passageOf.push(passage ? passages.length : null);
    if (passage) passages.push({ sentence, size: shingles.length, keys: bandKeys(signature) });
  }
  const shingles = labelledShingles(
    all,
    passageOf.map((k) => k ?? passages.length),
  );
  let distinct = 0;
  for (let k = 0; k < shingles.shingles.length; k++) if (k === 0 || shingles.shingles[k] !== shingles.shingles[k - 1]) distinct++;
  return {
    article: { id, title, outlet, published, paragraphs: paragraphs.length },
    passages: {
      sentences: Int32Array.from(passages, (p) => p.sentence),
      sizes: Uint32Array.from(passages, (p) => p.size),
      keys: passages.map((p) => p.keys),
    },
    shingles,
    distinct,
    keys: words >= PASSAGE_MIN_WORDS ? bandKeys(whole) : null,
  };
}

/** Collects fingerprints article by article (in any order), then finds the reuse among them. */
export class ReuseFinder {
  private readonly prints: Fingerprint[] = [];

  add(article: ReuseArticle): void {
    this.prints.push(fingerprint(article));
  }

  findings(): ReuseFindings {
    return reuseAmong(this.prints);
  }
}

/**
 * The reuse among `articles`: groups of copies with their likely origins, verified pairs of copies and
 * of partial reuse, and the network between outlets; the same whatever order the articles come in.
 * @example findReuse([]).pairs // []
 */
export function findReuse(articles: readonly ReuseArticle[]): ReuseFindings {
  const finder = new ReuseFinder();
  for (const article of articles) finder.add(article);
  return finder.findings();
}

/** One verified pair, by positions in the id-ordered fingerprints. */
type VerifiedPair = Omit<ReuseFindings["pairs"][number], "a" | "b"> & { readonly a: number; readonly b: number };

/**
 * reuseAmong's steps: id order, candidates, verification, groups and network over all, then what is listed.
 * A corpus whose texts share many passages has millions of verified pairs: each is kept as a few numbers
 * (its articles, kind and size: VerifiedPairs), and only the pairs listed are verified again for their
 * paragraphs.
 */
function reuseAmong(unordered: readonly Fingerprint[]): ReuseFindings {
  const prints = [...unordered].sort((x, y) => compareIds(x.article.id, y.article.id));
  const all = prints.map((p) => p.article);
  const { codes, crowded } = candidatesOf(prints);
  const verified = new VerifiedPairs(prints.length);
  const scratch = { shared: new Uint32Array(64) };
  for (const code of codes) {
    const [a, b] = [Math.floor(code / prints.length), code % prints.length];
    const pair = verifyPair(prints, a, b, scratch);
    if (pair) verified.add(a, b, pair.kind, pair.passages.length);
  }
  const groups = connectedGroups(all.length, verified.links("copy")).map((members) => {
    const { origin, basis } = likelyOrigin(members, all);
    return { members, origin, originBasis: basis };
  });
  const network = reuseNetwork(all, groups, verified.links("partial"));
  // What is listed, within a page's data budget: the largest groups and the pairs sharing most paragraphs.
  const listedGroups = largestFirst(groups, (g) => g.members.length, MAX_LISTED_GROUPS).sort((x, y) => x.members[0]! - y.members[0]!);
  const listedPairs = verified.largest(MAX_LISTED_PAIRS).map(([a, b]) => verifyPair(prints, a, b, scratch)!);
  const listed = [...new Set([...listedGroups.flatMap((g) => g.members), ...listedPairs.flatMap((p) => [p.a, p.b])])].sort((x, y) => x - y);
  const position = new Map(listed.map((p, i) => [p, i]));
  const at = (p: number) => position.get(p)!;
  return {
    method: {
      shingleWords: SHINGLE_WORDS,
      signatureSize: SIGNATURE_SIZE,
      bands: BANDS,
      seed: MIN_HASH_SEED,
      copyJaccard: COPY_JACCARD,
      passageOverlap: PASSAGE_OVERLAP,
      passageMinWords: PASSAGE_MIN_WORDS,
      maxBucket: MAX_BUCKET,
      maxListedGroups: MAX_LISTED_GROUPS,
      maxListedPairs: MAX_LISTED_PAIRS,
    },
    totals: { articles: verified.articles(), groups: groups.length, pairs: verified.count, partial: verified.partial },
    articles: listed.map((p) => all[p]!),
    groups: listedGroups.map((g) => ({ ...g, members: g.members.map(at), origin: g.origin === null ? null : at(g.origin) })),
    pairs: listedPairs.map((p) => ({ ...p, a: at(p.a), b: at(p.b) })),
    network,
    crowded,
  };
}

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

/** The first `limit` of `items` by `size`, largest first (ties keep their order). */
function largestFirst<T>(items: readonly T[], size: (item: T) => number, limit: number): T[] {
  return items
    .map((item, i) => [item, size(item), i] as const)
    .sort((x, y) => y[1] - x[1] || x[2] - y[2])
    .slice(0, limit)
    .map(([item]) => item);
}

/**
 * Candidate pairs of articles from their whole texts' band keys and their paragraphs', merged: codes
 * a · articles + b, ascending.
 */
function candidatesOf(prints: readonly Fingerprint[]): { codes: Float64Array; crowded: number } {
  const texts = prints.flatMap((p, i) => (p.keys ? [i] : []));
  const whole = candidateCodes(
    texts,
    texts.map((i) => prints[i]!.keys!),
    MAX_BUCKET,
    prints.length,
  );
  const owners = prints.flatMap((p, i) => p.passages.keys.map(() => i));
  const passages = candidateCodes(
    owners,
    prints.flatMap((p) => p.passages.keys),
    MAX_BUCKET,
    prints.length,
  );
  const codes = new UniqueCodes(whole.codes.length + passages.codes.length);
  for (const list of [whole.codes, passages.codes]) for (const code of list) codes.add(code);
  return { codes: codes.sorted(), crowded: whole.crowded + passages.crowded };
}

/**
 * A candidate pair verified exactly: copies, partial reuse (at least one matched paragraph), or null. The
 * Jaccard index is the whole texts' (jaccard in shingles.ts); the passages those PASSAGE_OVERLAP finds.
 */
function verifyPair(prints: readonly Fingerprint[], a: number, b: number, scratch: { shared: Uint32Array }): VerifiedPair | null {
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
