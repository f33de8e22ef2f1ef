import { mulberry32 } from "../portable/seeded-random.ts";
import { mix32 } from "./shingles.ts";

/**
 * MinHash signatures and LSH banding (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of Massive
 * Datasets", ch. 3.4): the share of equal entries in two signatures estimates the Jaccard index of their
 * shingle sets, and two sets whose signatures agree on every row of at least one band become a candidate
 * pair. With BANDS bands of ROWS rows, a pair of Jaccard index s is a candidate with probability
 * 1 − (1 − s^ROWS)^BANDS: about 0.23 at s = 0.3, 0.87 at 0.5, 0.99 at 0.6 and above.
 */

/** Hash functions per signature. */
export const SIGNATURE_SIZE = 128;
/** Bands of the signature, each of SIGNATURE_SIZE / BANDS rows. */
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** The fixed seed the hash family is drawn from: the same signatures on every machine and every run. */
export const MIN_HASH_SEED = 20240621;

/** Hash function i is mix32(shingle ^ HASH_KEYS[i]), its key drawn once from mulberry32(MIN_HASH_SEED). */
const HASH_KEYS: Uint32Array = (() => {
  const random = mulberry32(MIN_HASH_SEED);
  return Uint32Array.from({ length: SIGNATURE_SIZE }, () => Math.floor(random() * 4294967296));
})();

/** An empty signature: every entry the largest value, so that any shingle lowers it. */
export function emptySignature(): Uint32Array {
  return new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
}

/**
 * The MinHash signature of a set of shingle hashes: for each of SIGNATURE_SIZE seeded hash functions,
 * the least value it gives any shingle.
 * @example minHashSignature(Uint32Array.of(7, 9)).length // 128
 */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const signature = emptySignature();
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    const key = HASH_KEYS[i]!;
    let least = 0xffffffff;
    for (let k = 0; k < shingles.length; k++) {
      const h = mix32(shingles[k]! ^ key);
      if (h < least) least = h;
    }
    signature[i] = least;
  }
  return signature;
}

/** Lowers `into` to the entry-wise minimum with `other`: the signature of the union of their sets. */
export function mergeSignature(into: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (other[i]! < into[i]!) into[i] = other[i]!;
}

/** A signature's band keys: per band, one 32-bit hash of its ROWS entries (a candidate pair shares one). */
export function bandKeys(signature: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    let h = band;
    for (let row = band * ROWS; row < (band + 1) * ROWS; row++) h = mix32(Math.imul(h, 0x01000193) ^ signature[row]!);
    keys[band] = h;
  }
  return keys;
}
