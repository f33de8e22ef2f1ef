/** The thresholds and limits of who republishes whom (find-reuse.ts), as the method block of reuse.json names them. */

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
