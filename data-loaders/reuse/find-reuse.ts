import { compareIds } from "../common/compare-ids.ts";
import type { ReuseFindings } from "../schema/reuse-file.ts";
import { candidateCodes } from "./candidate-pairs.ts";
import { fingerprint, type Fingerprint, type ReuseArticle } from "./fingerprint.ts";
import { BANDS, MIN_HASH_SEED, SIGNATURE_SIZE } from "./min-hash.ts";
import { connectedGroups, likelyOrigin, reuseNetwork } from "./reuse-groups.ts";
import { COPY_JACCARD, MAX_BUCKET, MAX_LISTED_GROUPS, MAX_LISTED_PAIRS, PASSAGE_MIN_WORDS, PASSAGE_OVERLAP } from "./reuse-thresholds.ts";
import { SHINGLE_WORDS } from "./shingles.ts";
import { UniqueCodes } from "./unique-codes.ts";
import { VerifiedPairs, verifyPair } from "./verify-pairs.ts";

/**
 * Who republishes whom: near-duplicate texts and reused paragraphs across a corpus. Each paragraph's word
 * shingles get a MinHash signature; LSH banding of the paragraphs' signatures, and of each text's (the
 * entry-wise minimum of its paragraphs'), proposes candidate pairs of articles in near-linear time; each
 * candidate is then verified exactly: the Jaccard index of the two texts' shingle sets, and every pair of
 * their paragraphs aligned by theirs. Copies (COPY_JACCARD) are grouped, the earliest dated copy named as
 * the likely origin, and an outlet-to-outlet network counted.
 */

// Their parts: an article's fingerprint (fingerprint.ts), the thresholds (reuse-thresholds.ts), a candidate
// pair's exact check and the verified pairs kept (verify-pairs.ts), groups and network (reuse-groups.ts).
export * from "./reuse-thresholds.ts";
export { fingerprint, labelledShingles, type Fingerprint, type LabelledShingles, type ReuseArticle } from "./fingerprint.ts";
export { VerifiedPairs } from "./verify-pairs.ts";

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
