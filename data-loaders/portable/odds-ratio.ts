/**
 * The conditional maximum-likelihood odds ratio of a 2 × 2 table and its exact 95% interval (Cornfield
 * 1956), as R's fisher.test reports them: with the margins fixed, the count `both` follows Fisher's
 * noncentral hypergeometric distribution with odds ratio ψ; the estimate is the ψ whose mean is `both`, the
 * lower limit the ψ at which P(X ≥ both) = 2.5%, the upper the ψ at which P(X ≤ both) = 2.5%. A count at
 * the edge of its range gives 0 or Infinity. The table is given by its margins: `a` units have A, `b` have B,
 * `both` have both, of `units`.
 * @throws {RangeError} when the counts cannot form a table
 * @example oddsRatioExact({both: 3, a: 4, b: 4, units: 8}) // {estimate: 6.408309…, low: 0.2117329…, high: 621.93…} (R: fisher.test(matrix(c(3,1,1,3),2)))
 */
export function oddsRatioExact({ both, a, b, units }: { both: number; a: number; b: number; units: number }): {
  estimate: number;
  low: number;
  high: number;
} {
  const first = Math.max(0, b - (units - a));
  const last = Math.min(a, b);
  if (!(both >= first && both <= last && a <= units && b <= units))
    throw new RangeError(`odds ratio: no 2 × 2 table has ${both} of ${a} and ${b} in ${units}`);
  // Every ψ solved for puts its mass near `both`, within a few standard deviations, and no hypergeometric
  // of these margins has a variance above min(a, b, units − a, units − b) / 4 + 1: terms 40 of those away
  // weigh less than e⁻⁸⁰⁰ and are left out, so large tables cost their window, not their whole range.
  const window = Math.ceil(40 * Math.sqrt(Math.min(a, b, units - a, units - b) / 4 + 1)) + 10;
  const from = Math.max(first, both - window);
  const to = Math.min(last, both + window);
  // log C(a, x) + log C(units − a, b − x) over the support, up to a constant, by the ratio of successive terms.
  const logWeights = new Float64Array(to - from + 1);
  for (let x = from + 1; x <= to; x++)
    logWeights[x - from] =
      logWeights[x - from - 1]! + Math.log(a - x + 1) - Math.log(x) + Math.log(b - x + 1) - Math.log(units - a - b + x);
  const at = (logPsi: number) => distribution(logWeights, from, both, logPsi);
  const solve = (f: (logPsi: number) => number) => Math.exp(bisect(f));
  return {
    estimate: both === first ? 0 : both === last ? Infinity : solve((t) => at(t).mean - both),
    low: both === first ? 0 : solve((t) => at(t).atLeast - 0.025),
    high: both === last ? Infinity : solve((t) => 0.025 - at(t).atMost),
  };
}

/** The distribution's mean and its tails P(X ≥ x) and P(X ≤ x) at log odds ratio `logPsi`. */
function distribution(
  logWeights: Float64Array,
  from: number,
  x: number,
  logPsi: number,
): { mean: number; atLeast: number; atMost: number } {
  let top = -Infinity;
  for (let i = 0; i < logWeights.length; i++) top = Math.max(top, logWeights[i]! + (from + i) * logPsi);
  let total = 0;
  let mean = 0;
  let atLeast = 0;
  let atMost = 0;
  for (let i = 0; i < logWeights.length; i++) {
    const w = Math.exp(logWeights[i]! + (from + i) * logPsi - top);
    total += w;
    mean += (from + i) * w;
    if (from + i >= x) atLeast += w;
    if (from + i <= x) atMost += w;
  }
  return { mean: mean / total, atLeast: atLeast / total, atMost: atMost / total };
}

/** The root of an increasing function of the log odds ratio between −50 and 50, by bisection. */
function bisect(f: (logPsi: number) => number): number {
  let low = -50;
  let high = 50;
  for (let i = 0; i < 80; i++) {
    const middle = (low + high) / 2;
    if (f(middle) < 0) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
