/**
 * Collocates of a node word or phrase: the words within a window of it, counted, and scored with the three
 * association measures AntConc's Collocates tool reports (log-likelihood, MI, t-score). Pure and
 * dependency-free: the Search page runs it in the browser (src/components/portable is a link to this folder).
 *
 * Method. For a collocate c of node n, with O the times c stands within the window of n, f(n) the node's
 * frequency, f(c) the collocate's frequency in the corpus, N the corpus size in words and S the span
 * (words left + words right):
 * - E = f(n) · f(c) · S / N, the expected frequency of c in the node's windows if words were placed at
 *   random (Clear's Cobuild formulation: a node occurrence offers S slots, each filled by c with probability
 *   f(c) / N); the E of English-Corpora.org's MI, checked against its published worked example in the test;
 * - MI = log2(O / E) (Church and Hanks 1990);
 * - t-score = (O − E) / √O;
 * - log-likelihood G² = 2 Σ O_ij ln(O_ij / E_ij) over the 2 × 2 table of window slots × c (Dunning 1993):
 *   rows "in the node's windows" (R1 = f(n) · S slots) and "elsewhere" (N − R1), columns "c" (C1 = f(c)) and
 *   "not c", E_ij = R_i · C_j / N, so that E_11 is the E above; a cell with O_ij = 0 adds 0.
 *
 * Sources: L. Anthony, AntConc Help (build 4.2.4, 2023), Collocate tool, and his note on the
 * AntConc-Discussion list (12 May 2022) that the measures follow the standard literature (A. Hardie's
 * equations); J. Clear's expected-frequency formula with span as quoted on corpus4u.org (f(post) · span ·
 * relative frequency); T. Dunning, "Accurate methods for the statistics of surprise and coincidence",
 * Computational Linguistics 19(1), 1993; K. Church and P. Hanks, "Word association norms, mutual information
 * and lexicography", Computational Linguistics 16(1), 1990; M. Davies, "Mutual Information",
 * english-corpora.org (MI = log2(AB · N / (A · B · span)), worked for purple/color in the BNC: 11.30, and
 * found to agree with BNCweb's). AntConc's help text itself was not readable to us, so whether its E
 * includes the span is not checked.
 */

/** Window settings: how many words left and right of the node count. */
export interface CollocateWindow {
  readonly left: number;
  readonly right: number;
}

/** The counts one collocate's scores are computed from. */
export interface CollocateCounts {
  /** O: the collocate's occurrences within the node's windows. */
  readonly observed: number;
  /** f(n): the node's occurrences. */
  readonly nodeFrequency: number;
  /** f(c): the collocate's occurrences in the corpus. */
  readonly collocateFrequency: number;
  /** N: the corpus's words. */
  readonly corpusSize: number;
  /** S: words left + words right. */
  readonly span: number;
}

/** The three measures, and the expected frequency they compare O with. */
export interface CollocateScores {
  readonly expected: number;
  readonly logLikelihood: number;
  readonly mutualInformation: number;
  readonly tScore: number;
}

/** O ln(O / E), with 0 ln 0 = 0. */
const term = (observed: number, expected: number): number => (observed > 0 ? observed * Math.log(observed / expected) : 0);

/**
 * Scores one collocate: expected frequency, log-likelihood (G²), MI and t-score, as set out above.
 * @throws when a count is negative, N or S is not positive, O > f(c), or the window slots exceed N.
 * @example collocateScores({observed: 702, nodeFrequency: 1183, collocateFrequency: 1251, corpusSize: 5763049, span: 1}).mutualInformation // 11.4166…
 */
export function collocateScores(counts: CollocateCounts): CollocateScores {
  const { observed: o, nodeFrequency: fn, collocateFrequency: fc, corpusSize: n, span } = counts;
  if (![o, fn, fc].every((x) => Number.isFinite(x) && x >= 0)) throw new Error(`collocateScores: counts must be 0 or more`);
  if (!(n > 0) || !(span > 0)) throw new Error(`collocateScores: corpus size and span must be positive`);
  const slots = fn * span;
  if (o > fc || slots > n)
    throw new Error(`collocateScores: observed ${o} exceeds the collocate's ${fc} or the window slots ${slots} exceed ${n}`);
  const expected = (slots * fc) / n;
  const cells: Array<[number, number]> = [
    [o, expected],
    [slots - o, (slots * (n - fc)) / n],
    [fc - o, ((n - slots) * fc) / n],
    [n - slots - fc + o, ((n - slots) * (n - fc)) / n],
  ];
  return {
    expected,
    logLikelihood: 2 * cells.reduce((sum, [obs, exp]) => sum + term(obs, exp), 0),
    mutualInformation: Math.log2(o / expected),
    tScore: (o - expected) / Math.sqrt(o),
  };
}

/** One hit of the node: the sentence's words (folded) and where the node stands in them. */
export interface NodeHit {
  readonly words: readonly string[];
  readonly position: number;
  readonly length: number;
}

/** A collocate counted in the node's windows: in all, left of the node, right of it. */
export interface WindowCount {
  readonly word: string;
  readonly frequency: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Counts the words within `window` words of each hit, inside the hit's sentence (a window stops at the
 * sentence's edge); the node's own words are not counted. Sorted by frequency, then word (code units).
 * @example windowCounts([{words: ["a", "b", "c"], position: 1, length: 1}], {left: 1, right: 1}) // a: 1 (left), c: 1 (right)
 */
export function windowCounts(hits: readonly NodeHit[], window: CollocateWindow): WindowCount[] {
  const counts = new Map<string, { left: number; right: number }>();
  const add = (word: string | undefined, side: "left" | "right") => {
    if (word === undefined) return;
    let count = counts.get(word);
    if (!count) counts.set(word, (count = { left: 0, right: 0 }));
    count[side] += 1;
  };
  for (const hit of hits) {
    for (let i = Math.max(0, hit.position - window.left); i < hit.position; i++) add(hit.words[i], "left");
    const end = hit.position + hit.length;
    for (let i = end; i < Math.min(hit.words.length, end + window.right); i++) add(hit.words[i], "right");
  }
  return [...counts]
    .map(([word, { left, right }]) => ({ word, frequency: left + right, left, right }))
    .sort((a, b) => b.frequency - a.frequency || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
}

/**
 * A word's occurrences in the search index's postings (article gap, count, then count sentence/position
 * pairs; a closed article of a public build: the count negated, and no pairs).
 */
export function postingsFrequency(postings: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < postings.length;) {
    const n = postings[i + 1]!;
    total += Math.abs(n);
    i += 2 + 2 * Math.max(n, 0);
  }
  return total;
}
