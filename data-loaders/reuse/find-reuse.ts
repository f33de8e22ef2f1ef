import { compareIds } from "../common/compare-ids.ts";
import type { ReuseFindings } from "../schema/reuse-file.ts";
import { candidatePairs } from "./candidate-pairs.ts";
import { BANDS, MIN_HASH_SEED, SIGNATURE_SIZE, bandKeys, emptySignature, mergeSignature, minHashSignature } from "./min-hash.ts";
import { connectedGroups, likelyOrigin, reuseNetwork } from "./reuse-groups.ts";
import { SHINGLE_WORDS, distinctSorted, jaccard, shingleHashes, sharedCount } from "./shingles.ts";

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

/** What is kept of an article once its words are shingled: a few hashes per word. */
interface Fingerprint {
  readonly article: ReuseFindings["articles"][number];
  /** Its paragraphs long enough to compare, with their shingles and band keys. */
  readonly passages: ReadonlyArray<{ readonly sentence: number; readonly shingles: Uint32Array; readonly keys: Uint32Array }>;
  /** The whole text's distinct shingles, ascending. */
  readonly shingles: Uint32Array;
  /** The whole text's band keys, or null for a text too short to compare. */
  readonly keys: Uint32Array | null;
}

/** An article's fingerprint: its shingles and band keys, by paragraph and for the whole text. */
export function fingerprint({ id, title, outlet, published, paragraphs }: ReuseArticle): Fingerprint {
  const whole = emptySignature();
  const passages: Array<Fingerprint["passages"][number]> = [];
  const all: Uint32Array[] = [];
  let words = 0;
  for (const { sentence, words: paragraph } of paragraphs) {
    const shingles = shingleHashes(paragraph);
    const signature = minHashSignature(shingles);
    mergeSignature(whole, signature);
    all.push(shingles);
    words += paragraph.length;
    if (paragraph.length >= PASSAGE_MIN_WORDS) passages.push({ sentence, shingles, keys: bandKeys(signature) });
  }
  const shingles = new Uint32Array(all.reduce((n, s) => n + s.length, 0));
  all.reduce((at, s) => (shingles.set(s, at), at + s.length), 0);
  return {
    article: { id, title, outlet, published, paragraphs: paragraphs.length },
    passages,
    shingles: distinctSorted(shingles),
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

/** reuseAmong's steps: id order, candidates, verification, groups and network over all, then what is listed. */
function reuseAmong(unordered: readonly Fingerprint[]): ReuseFindings {
  const prints = [...unordered].sort((x, y) => compareIds(x.article.id, y.article.id));
  const all = prints.map((p) => p.article);
  const { pairs: candidates, crowded } = candidatesOf(prints);
  const verified = candidates.map(([a, b]) => verifyPair(prints, a, b)).filter((p): p is VerifiedPair => p !== null);
  const links = (kind: VerifiedPair["kind"]) => verified.filter((p) => p.kind === kind).map((p) => [p.a, p.b] as const);
  const groups = connectedGroups(all.length, links("copy")).map((members) => {
    const { origin, basis } = likelyOrigin(members, all);
    return { members, origin, originBasis: basis };
  });
  const network = reuseNetwork(all, groups, links("partial"));
  const sharing = new Set(verified.flatMap((p) => [p.a, p.b])).size;
  // What is listed, within a page's data budget: the largest groups and the pairs sharing most paragraphs.
  const listedGroups = largestFirst(groups, (g) => g.members.length, MAX_LISTED_GROUPS).sort((x, y) => x.members[0]! - y.members[0]!);
  const listedPairs = largestFirst(verified, (p) => (p.kind === "copy" ? 1e9 : p.passages.length), MAX_LISTED_PAIRS).sort(
    (x, y) => x.a - y.a || x.b - y.b,
  );
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
    totals: { articles: sharing, groups: groups.length, pairs: verified.length, partial: links("partial").length },
    articles: listed.map((p) => all[p]!),
    groups: listedGroups.map((g) => ({ ...g, members: g.members.map(at), origin: g.origin === null ? null : at(g.origin) })),
    pairs: listedPairs.map((p) => ({ ...p, a: at(p.a), b: at(p.b) })),
    network,
    crowded,
  };
}

/** The first `limit` of `items` by `size`, largest first (ties keep their order). */
function largestFirst<T>(items: readonly T[], size: (item: T) => number, limit: number): T[] {
  return items
    .map((item, i) => [item, size(item), i] as const)
    .sort((x, y) => y[1] - x[1] || x[2] - y[2])
    .slice(0, limit)
    .map(([item]) => item);
}

/** Candidate pairs of articles from their whole texts' band keys and their paragraphs', merged. */
function candidatesOf(prints: readonly Fingerprint[]): { pairs: Array<readonly [number, number]>; crowded: number } {
  const texts = prints.flatMap((p, i) => (p.keys ? [i] : []));
  const whole = candidatePairs(
    texts,
    texts.map((i) => prints[i]!.keys!),
    MAX_BUCKET,
  );
  const owners = prints.flatMap((p, i) => p.passages.map(() => i));
  const passages = candidatePairs(
    owners,
    prints.flatMap((p) => p.passages.map((passage) => passage.keys)),
    MAX_BUCKET,
  );
  const codes = new Set([...whole.pairs, ...passages.pairs].map(([a, b]) => a * prints.length + b));
  const pairs = [...codes].sort((x, y) => x - y).map((code) => [Math.floor(code / prints.length), code % prints.length] as const);
  return { pairs, crowded: whole.crowded + passages.crowded };
}

/** A candidate pair verified exactly: copies, partial reuse (at least one matched paragraph), or null. */
function verifyPair(prints: readonly Fingerprint[], a: number, b: number): VerifiedPair | null {
  const [x, y] = [prints[a]!, prints[b]!];
  const similarity = jaccard(x.shingles, y.shingles);
  const passages = alignParagraphs(x, y);
  if (similarity < COPY_JACCARD && passages.length === 0) return null;
  return { a, b, kind: similarity >= COPY_JACCARD ? "copy" : "partial", jaccard: Math.round(similarity * 1e4) / 1e4, passages };
}

/**
 * The paragraphs of two texts that are one passage (PASSAGE_OVERLAP), as [first sentence in x, first
 * sentence in y], in x's order.
 */
function alignParagraphs(x: Fingerprint, y: Fingerprint): Array<[number, number]> {
  const matched: Array<[number, number]> = [];
  for (const p of x.passages)
    for (const q of y.passages)
      if (sharedCount(p.shingles, q.shingles) >= PASSAGE_OVERLAP * Math.min(p.shingles.length, q.shingles.length))
        matched.push([p.sentence, q.sentence]);
  return matched;
}
