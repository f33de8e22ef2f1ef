/**
 * Word shingles for finding reused text: every run of SHINGLE_WORDS consecutive words of a paragraph,
 * hashed to 32 bits. Words are the search index's folded words (lower case, no diacritics, no
 * punctuation), so a copy that only changes case, accents or punctuation shingles the same. Shingles never
 * cross a paragraph's end, so an article's shingles are the union of its paragraphs'.
 * Method: Broder, "On the resemblance and containment of documents" (1997), §2.
 */

/** Words per shingle: five, long enough that common phrases of unrelated texts rarely share one. */
export const SHINGLE_WORDS = 5;

/**
 * The 32-bit finaliser of MurmurHash3 (Austin Appleby, public domain): spreads every input bit over
 * every output bit.
 * @example mix32(1) // 1364076727
 */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * FNV-1a over a word's UTF-16 code units, 32 bits (Fowler, Noll and Vo; public domain).
 * @example hashWord("hegemon") === hashWord("hegemon") // true
 */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The distinct shingles of a paragraph's words as 32-bit hashes, sorted ascending: one per run of
 * SHINGLE_WORDS words, or one for the whole paragraph when it is shorter; none for no words.
 * @example shingleHashes(["a", "b", "c", "d", "e", "f"]).length // 2
 */
export function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(hashWord);
  const width = Math.min(SHINGLE_WORDS, words.length);
  const out = new Uint32Array(words.length - width + 1);
  for (let start = 0; start < out.length; start++) {
    let h = width;
    for (let k = start; k < start + width; k++) h = mix32(Math.imul(h ^ wordHashes[k]!, 0x9e3779b1) + k - start);
    out[start] = h;
  }
  return distinctSorted(out);
}

/** The distinct values of `values`, sorted ascending (sorts `values` in place). */
export function distinctSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let kept = 0;
  for (let i = 0; i < values.length; i++) if (i === 0 || values[i] !== values[kept - 1]) values[kept++] = values[i]!;
  return values.subarray(0, kept);
}

/**
 * How many values two ascending arrays of distinct values share (a merge, linear in their lengths).
 * @example sharedCount(Uint32Array.of(1, 2, 5), Uint32Array.of(2, 5, 9)) // 2
 */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
}

/**
 * The Jaccard index of two shingle sets, |A ∩ B| / |A ∪ B| (0 for two empty sets).
 * @example jaccard(Uint32Array.of(1, 2, 5), Uint32Array.of(2, 5, 9)) // 0.5
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}
