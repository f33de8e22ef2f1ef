/**
 * The difference of two independent estimates with a 95% interval recovered from each estimate's own
 * interval (MOVER, the "method of variance estimates recovery": Newcombe 1998, Statistics in Medicine 17,
 * method 10; Zou & Donner 2008, Statistics in Medicine 27): with estimates a, b and intervals [la, ua],
 * [lb, ub], the difference a − b has limits
 *   a − b − √((a − la)² + (ub − b)²)   and   a − b + √((ua − a)² + (b − lb)²).
 * The pages use it for an outlet's rate against another outlet's (two groups of different articles, each
 * with its bootstrap interval). Against the whole corpus, which contains the outlet, the two are positively
 * correlated and the recovered interval is wider than needed: conservative. Null limits when either
 * interval is missing (a group of one article).
 * @example rateDifference({rate: 0.8, low: 0.6918, high: 0.8770}, {rate: 0.6, low: 0.4905, high: 0.7004})
 * // {difference: 0.2, low: 0.0524…, high: 0.3339…}: Newcombe's 56/70 against 48/80 from the Wilson intervals
 */
export function rateDifference(
  a: { readonly rate: number; readonly low: number | null; readonly high: number | null },
  b: { readonly rate: number; readonly low: number | null; readonly high: number | null },
): { difference: number; low: number | null; high: number | null } {
  const difference = a.rate - b.rate;
  if (a.low === null || a.high === null || b.low === null || b.high === null) return { difference, low: null, high: null };
  return {
    difference,
    low: difference - Math.hypot(a.rate - a.low, b.high - b.rate),
    high: difference + Math.hypot(a.high - a.rate, b.rate - b.low),
  };
}
