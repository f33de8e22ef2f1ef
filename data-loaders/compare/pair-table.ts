// The growable arrays and the hash table of word pairs that KeynessBuilder (keyness-lists.ts) numbers
// phrases with: a two-word phrase is a pair of word numbers, looked up without making a string.

/** An Int32Array that doubles when written past its end (reads past it are 0). */
class Growable<T extends Int32Array> {
  constructor(
    public values: T,
    private readonly make: (n: number) => T,
  ) {}
  at(i: number): number {
    return i < this.values.length ? this.values[i]! : 0;
  }
  add(i: number, n: number): void {
    if (i >= this.values.length) {
      const grown = this.make(Math.max(2 * this.values.length, i + 1));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[i]! += n;
  }
}

/** A growable Int32Array of 1024 zeros to start. */
export const int32s = () => new Growable(new Int32Array(1024), (n) => new Int32Array(n));

/**
 * A number per pair of numbers (a phrase's feature by its two words'): an open-addressing hash table in
 * typed arrays, since a Map keyed by one 52-bit number hashes a heap number on every look-up and a corpus
 * looks a phrase up once per word it has.
 */
export class PairTable {
  /** Per slot, the pair's first and second numbers (first −1: empty), and its value. */
  private pairs = new Int32Array(2 * 1024).fill(-1);
  private values = new Int32Array(1024);
  private size = 0;

  /** The value of pair (a, b), or, when it has none, −1 − the slot `put` gives it one in. */
  find(a: number, b: number): number {
    const mask = this.values.length - 1;
    let slot = slotOf(a, b, mask);
    for (;;) {
      const first = this.pairs[2 * slot]!;
      if (first === -1) return -1 - slot;
      if (first === a && this.pairs[2 * slot + 1] === b) return this.values[slot]!;
      slot = (slot + 1) & mask;
    }
  }

  /** Gives pair (a, b) its value in `slot` (from `find`, with no other pair put since). */
  put(slot: number, a: number, b: number, value: number): void {
    this.pairs[2 * slot] = a;
    this.pairs[2 * slot + 1] = b;
    this.values[slot] = value;
    if (++this.size * 2 > this.values.length) this.grow();
  }

  private grow(): void {
    const { pairs, values } = this;
    this.pairs = new Int32Array(2 * pairs.length).fill(-1);
    this.values = new Int32Array(2 * values.length);
    const mask = this.values.length - 1;
    for (let old = 0; old < values.length; old++) {
      const a = pairs[2 * old]!;
      if (a === -1) continue;
      const b = pairs[2 * old + 1]!;
      let slot = slotOf(a, b, mask);
      while (this.pairs[2 * slot] !== -1) slot = (slot + 1) & mask;
      this.pairs[2 * slot] = a;
      this.pairs[2 * slot + 1] = b;
      this.values[slot] = values[old]!;
    }
  }
}

/** Where pair (a, b) is first looked for in a table of mask + 1 slots (a power of two). */
function slotOf(a: number, b: number, mask: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) & mask;
}
