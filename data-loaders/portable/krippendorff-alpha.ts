/** How far apart two values are for Krippendorff's alpha: nominal (equal or not) or interval (squared difference). */
export type AlphaLevel = "nominal" | "interval";

/**
 * Krippendorff's alpha, the reliability of coding by any number of coders with missing values:
 * 1 − D_o / D_e, observed over expected disagreement, from the coincidence matrix of pairable values
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011). `units` holds one array per unit
 * with each coder's value, or null where that coder did not code it; units with fewer than two values
 * are not pairable and left out. Returns NaN when there is no pairable unit or no variation at all.
 * @example krippendorffAlpha([[1, 1], [2, 2], [1, 2]], "nominal") // 0.444… (4/9)
 */
export function krippendorffAlpha(units: ReadonlyArray<ReadonlyArray<number | null>>, level: AlphaLevel = "nominal"): number {
  const coincidences = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, weight: number) => {
    const row = coincidences.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + weight);
    coincidences.set(c, row);
  };
  for (const unit of units) {
    const values = unit.filter((v): v is number => v !== null && v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i]!, values[j]!, 1 / (m - 1));
  }
  const delta = (c: number, k: number) => (level === "nominal" ? (c === k ? 0 : 1) : (c - k) ** 2);
  const marginals = new Map<number, number>();
  for (const [c, row] of coincidences)
    marginals.set(
      c,
      [...row.values()].reduce((a, b) => a + b, 0),
    );
  const n = [...marginals.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  for (const [c, row] of coincidences) for (const [k, o] of row) observed += o * delta(c, k);
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * delta(c, k);
  if (n < 2 || expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}
