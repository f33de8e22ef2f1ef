/**
 * A set of whole numbers (pair codes such as a · n + b) kept as a sorted typed array rather than a Set: added
 * numbers go to a buffer, which is sorted and cleared of repeats whenever it fills and grows only when more
 * than half of it is distinct numbers. Millions of candidate pairs, each added once per LSH band that finds
 * it, take 8 bytes a distinct pair (at most twice that while adding), where a Set of numbers takes several
 * times as much and its iteration order is the order of insertion, not of the numbers.
 * @example const codes = new UniqueCodes(); codes.add(7); codes.add(3); codes.add(7); [...codes.sorted()] // [3, 7]
 */
export class UniqueCodes {
  private buffer: Float64Array;
  private length = 0;
  /** How many leading numbers of the buffer are sorted and distinct already. */
  private settled = 0;

  constructor(capacity = 1024) {
    this.buffer = new Float64Array(Math.max(16, capacity));
  }

  /** Adds a number (a whole number below 2^53, so that it is exact). */
  add(code: number): void {
    if (this.length === this.buffer.length) this.compact();
    this.buffer[this.length++] = code;
  }

  /** The distinct numbers added, ascending (a view of the buffer: read it before adding more). */
  sorted(): Float64Array {
    this.settle();
    return this.buffer.subarray(0, this.length);
  }

  /** Sorts the buffer and drops repeats; doubles it when it is still more than half full. */
  private compact(): void {
    this.settle();
    if (this.length * 2 > this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
  }

  private settle(): void {
    if (this.settled === this.length) return;
    const all = this.buffer.subarray(0, this.length).sort();
    let kept = 0;
    for (let i = 0; i < all.length; i++) if (kept === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i]!;
    this.length = this.settled = kept;
  }
}
