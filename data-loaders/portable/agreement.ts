// Agreement between coders: percent agreement, Cohen's kappa, Krippendorff's alpha, each with a bootstrap
// interval over units, and confusion tables. Pure and dependency-free: the Agreement page runs this module
// in the browser (src/components/portable is a link to this folder) and the tests run it in Node.
import { krippendorffAlpha, type AlphaLevel } from "./krippendorff-alpha.js";
import { mulberry32 } from "./seeded-random.js";

/** A code: a number (present 1 / absent 0, tone −1/0/+1) or a text (a speaker). */
export type Code = number | string;

/** One coded unit: every coder's code, or null where that coder did not code it. */
export type CodedUnit = ReadonlyArray<Code | null>;

/** A statistic with its 95% bootstrap interval; NaN where it is undefined (no unit, or no variation). */
export interface Estimate {
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** Units the statistic was computed on. */
  readonly units: number;
  /** Resamples on which it was undefined (left out of the interval). */
  readonly undefinedResamples: number;
}

/**
 * Percent agreement: of all pairs of codes given to the same unit by two different coders, the share that
 * agree (for two coders, the share of units both coded alike). Units with fewer than two codes are left out.
 * NaN without a pairable unit.
 * @example percentAgreement([[1, 1], [0, 1], [0, 0]]) // 2/3
 */
export function percentAgreement(units: readonly CodedUnit[]): number {
  let agreeing = 0;
  let pairs = 0;
  for (const unit of units) {
    const codes = unit.filter((c): c is Code => c !== null);
    for (let i = 0; i < codes.length; i++)
      for (let j = i + 1; j < codes.length; j++) {
        pairs++;
        if (codes[i] === codes[j]) agreeing++;
      }
  }
  return pairs ? agreeing / pairs : Number.NaN;
}

/**
 * Cohen's kappa for two coders: (p_o − p_e) / (1 − p_e), observed agreement against the agreement expected
 * from each coder's own marginal distribution (J. Cohen, "A coefficient of agreement for nominal scales",
 * Educational and Psychological Measurement 20, 1960). Only units both coders coded count. NaN without such
 * a unit, or when both coders used one and the same code throughout (p_e = 1).
 * @example cohenKappa([[1, 1], [1, 1], [0, 0], [1, 0]]) // 0.5
 */
export function cohenKappa(units: readonly CodedUnit[]): number {
  const pairs = units.filter((u) => u[0] !== null && u[0] !== undefined && u[1] !== null && u[1] !== undefined);
  const n = pairs.length;
  if (!n) return Number.NaN;
  const first = new Map<Code, number>();
  const second = new Map<Code, number>();
  let observed = 0;
  for (const [a, b] of pairs) {
    first.set(a!, (first.get(a!) ?? 0) + 1);
    second.set(b!, (second.get(b!) ?? 0) + 1);
    if (a === b) observed++;
  }
  let expected = 0;
  for (const [code, count] of first) expected += (count / n) * ((second.get(code) ?? 0) / n);
  if (expected === 1) return Number.NaN;
  return (observed / n - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha of units coded with numbers or texts: texts are nominal categories (mapped to
 * numbers in order of first appearance), so `level` must be "nominal" when any code is a text.
 * @throws when an interval alpha is asked of text codes
 * @example alpha([["a", "a"], ["b", "b"], ["a", "b"]], "nominal") // 0.444… (4/9)
 */
export function alpha(units: readonly CodedUnit[], level: AlphaLevel): number {
  if (!units.some((u) => u.some((c) => typeof c === "string")))
    return krippendorffAlpha(units as ReadonlyArray<ReadonlyArray<number | null>>, level);
  if (level === "interval") throw new Error("agreement: an interval alpha needs numeric codes, not texts");
  // Texts (and any numbers among them) are categories: each distinct code becomes a number of its own.
  const categories = new Map<Code, number>();
  const category = (code: Code) => {
    if (!categories.has(code)) categories.set(code, categories.size);
    return categories.get(code)!;
  };
  return krippendorffAlpha(
    units.map((u) => u.map((c) => (c === null ? null : category(c)))),
    level,
  );
}

/** Resamples in every bootstrap interval of this module. */
export const AGREEMENT_RESAMPLES = 2000;

/**
 * `statistic` on `units`, with a 95% percentile bootstrap interval from `resamples` resamples of the units
 * with replacement (mulberry32 seeded with `seed`, so the interval is the same on every machine). Resampling
 * units, not pairs of values, keeps each unit's codes together (as in Zapf et al., "Measuring inter-rater
 * reliability for nominal data", BMC Medical Research Methodology 16, 2016). Resamples on which the
 * statistic is undefined (NaN: e.g. no variation) are left out and counted.
 * @example bootstrapEstimate([[1, 1], [0, 0]], percentAgreement).value // 1
 */
export function bootstrapEstimate(
  units: readonly CodedUnit[],
  statistic: (units: readonly CodedUnit[]) => number,
  { seed = 1, resamples = AGREEMENT_RESAMPLES }: { seed?: number; resamples?: number } = {},
): Estimate {
  const value = statistic(units);
  const random = mulberry32(seed);
  const values: number[] = [];
  let undefinedResamples = 0;
  const n = units.length;
  const sample: CodedUnit[] = new Array<CodedUnit>(n);
  for (let r = 0; r < resamples && n > 0; r++) {
    for (let i = 0; i < n; i++) sample[i] = units[Math.floor(random() * n)]!;
    const v = statistic(sample);
    if (Number.isNaN(v)) undefinedResamples++;
    else values.push(v);
  }
  values.sort((a, b) => a - b);
  return {
    value,
    low: quantileSorted(values, 0.025),
    high: quantileSorted(values, 0.975),
    units: n,
    undefinedResamples,
  };
}

/** The p-quantile of sorted values, interpolating between neighbours (R's type 7); NaN when empty. */
function quantileSorted(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  return sorted[lower]! + (h - lower) * ((sorted[Math.min(lower + 1, sorted.length - 1)] ?? sorted[lower]!) - sorted[lower]!);
}

/** One cell of a confusion table: what each of the two coders coded, and which units. */
export interface ConfusionCell {
  readonly first: Code;
  readonly second: Code;
  /** Indices into the units given. */
  readonly units: readonly number[];
}

/**
 * The confusion table of two coders over the units both coded: one cell per pair of codes that occurs,
 * with the units in it, ordered by the first coder's code then the second's (`order` sorts codes).
 * @example confusionTable([[1, 1], [1, 0], [1, 0]]).map((c) => c.units.length) // [2, 1] (1→0 twice, 1→1 once)
 */
export function confusionTable(units: readonly CodedUnit[], order: (a: Code, b: Code) => number = compareCodes): ConfusionCell[] {
  const cells = new Map<string, { first: Code; second: Code; units: number[] }>();
  units.forEach((unit, index) => {
    const [first, second] = unit;
    if (first === null || first === undefined || second === null || second === undefined) return;
    const key = JSON.stringify([first, second]);
    const cell = cells.get(key) ?? { first, second, units: [] };
    cell.units.push(index);
    cells.set(key, cell);
  });
  return [...cells.values()].sort((a, b) => order(a.first, b.first) || order(a.second, b.second));
}

/** Numbers before texts, numbers ascending, texts in code-point order. */
export function compareCodes(a: Code, b: Code): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Agreement of one pair of coders. */
export interface PairAgreement {
  readonly coders: readonly [string, string];
  readonly percent: Estimate;
  readonly kappa: Estimate;
  readonly confusion: readonly ConfusionCell[];
}

/** Agreement of a set of coders on one task. */
export interface AgreementReport {
  readonly coders: readonly string[];
  /** Units coded by at least two coders. */
  readonly pairableUnits: number;
  readonly percent: Estimate;
  readonly alphaNominal: Estimate;
  /** Interval alpha, for numeric codes on a scale (tone); null for categories. */
  readonly alphaInterval: Estimate | null;
  readonly pairs: readonly PairAgreement[];
}

/**
 * Everything the Agreement page shows: over all coders, percent agreement and Krippendorff's alpha (nominal,
 * and interval when `interval` is set), and for every pair of coders percent agreement, Cohen's kappa and the
 * confusion table, each estimate with its bootstrap interval (one seed for all, so the page's figures are the
 * same on every machine). `units[u][c]` is coder c's code of unit u, or null. Pairs keep units indices into
 * `units`, so a cell's units can be listed.
 */
export function agreementReport(
  coders: readonly string[],
  units: readonly CodedUnit[],
  { interval = false, seed = 1, resamples = AGREEMENT_RESAMPLES }: { interval?: boolean; seed?: number; resamples?: number } = {},
): AgreementReport {
  const pairable = units.filter((u) => u.filter((c) => c !== null).length >= 2);
  const options = { seed, resamples };
  const pairs: PairAgreement[] = [];
  for (let i = 0; i < coders.length; i++)
    for (let j = i + 1; j < coders.length; j++) {
      const both = units.map((u) => [u[i] ?? null, u[j] ?? null] as const);
      const coded = both.filter(([a, b]) => a !== null && b !== null);
      pairs.push({
        coders: [coders[i]!, coders[j]!],
        percent: bootstrapEstimate(coded, percentAgreement, options),
        kappa: bootstrapEstimate(coded, cohenKappa, options),
        confusion: confusionTable(both),
      });
    }
  return {
    coders,
    pairableUnits: pairable.length,
    percent: bootstrapEstimate(pairable, percentAgreement, options),
    alphaNominal: bootstrapEstimate(pairable, (u) => alpha(u, "nominal"), options),
    alphaInterval: interval ? bootstrapEstimate(pairable, (u) => alpha(u, "interval"), options) : null,
    pairs,
  };
}
