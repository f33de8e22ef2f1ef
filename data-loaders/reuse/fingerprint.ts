import type { ReuseFindings } from "../schema/reuse-file.ts";
import { bandKeys, emptySignature, mergeSignature, minHashSignature } from "./min-hash.ts";
import { PASSAGE_MIN_WORDS } from "./reuse-thresholds.ts";
import { shingleHashes } from "./shingles.ts";

/** An article as reuse needs it: its paragraphs' folded words (searchWords), each with its first sentence's index. */
export interface ReuseArticle {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly paragraphs: ReadonlyArray<{ readonly sentence: number; readonly words: readonly string[] }>;
}

/** What is kept of an article once its words are shingled: a few numbers per word. */
export interface Fingerprint {
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
