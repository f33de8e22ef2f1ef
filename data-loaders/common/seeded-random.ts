/**
 * mulberry32: a small, fast, seeded pseudo-random number generator (Tommy Ettinger, public domain).
 * Returns a function giving floats in [0, 1); the same seed always gives the same sequence.
 * @example mulberry32(42)() // 0.6011037519201636
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
