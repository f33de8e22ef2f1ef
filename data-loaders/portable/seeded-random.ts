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

/**
 * Bootstrap resamples as multiplicities, with the numbers mulberry32(seed) would give, computed without a
 * function call per draw (the build draws tens of millions): for each resample r, n draws
 * ⌊random() · n⌋ each add one to out[r·n + draw]. `out` has resamples × n entries, all 0 on entry.
 * @example const out = new Uint8Array(4); multinomialResamples(1, 2, 2, out); out.reduce((a, b) => a + b) // 4
 */
export function multinomialResamples(seed: number, n: number, resamples: number, out: Uint8Array): void {
  let state = seed | 0;
  for (let r = 0, base = 0; r < resamples; r++, base += n) {
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      out[base + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]!++;
    }
  }
}

/**
 * Shuffles `items` in place by Fisher–Yates (Durstenfeld 1964) with the given generator, one draw per
 * position from the last down: the same generator state gives the same order on every machine. The fitters
 * visit their items in this order, reshuffled each epoch.
 * @example const order = [0, 1, 2]; shuffleInPlace(order, mulberry32(1)); order.sort() // [0, 1, 2]
 */
export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
