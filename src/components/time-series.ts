// Values by period (YYYY or YYYY-MM) as a time series a chart can draw honestly: every period between the
// first and the last is present, a period without a value is a gap in the line, and a period is placed at
// its start (1 January, the 1st of the month), never at a day the data does not have.

/** One value of one series in one period. */
export interface PeriodValue {
  readonly period: string;
  readonly series: string;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly articles: number;
}

/** The start of a period, as a UTC date. */
export function periodStart(period: string): Date {
  const [year, month] = period.split("-").map(Number) as [number, number | undefined];
  return new Date(Date.UTC(year, (month ?? 1) - 1, 1));
}

/** The start of the period after the one starting at `period`. */
function nextStart(period: string, resolution: "year" | "month"): Date {
  const d = periodStart(period);
  return resolution === "year"
    ? new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1))
    : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** The periods from `first` to `last`, inclusive, at the resolution given. */
export function periodsBetween(first: string, last: string, resolution: "year" | "month"): string[] {
  const out: string[] = [];
  const end = periodStart(last);
  const label = (d: Date) =>
    resolution === "year" ? String(d.getUTCFullYear()) : `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  for (let d = periodStart(first); d <= end; d = nextStart(label(d), resolution)) out.push(label(d));
  return out;
}

/**
 * The points with a value (each with its date), the line data (every period of every series, a missing one
 * with value NaN so the line breaks there), and the x domain (the first period's start to the end of the last).
 */
export function periodSeries<T extends PeriodValue>(
  rows: readonly T[],
  resolution: "year" | "month",
): {
  points: Array<T & { date: Date; value: number }>;
  lines: Array<{ series: string; period: string; date: Date; value: number }>;
  domain: [Date, Date] | undefined;
} {
  const points = rows.filter((r): r is T & { value: number } => r.value !== null).map((r) => ({ ...r, date: periodStart(r.period) }));
  if (!points.length) return { points: [], lines: [], domain: undefined };
  const periods = points.map((p) => p.period).sort();
  const all = periodsBetween(periods[0]!, periods[periods.length - 1]!, resolution);
  const lines = [...new Set(points.map((p) => p.series))].flatMap((series) => {
    const value = new Map(points.filter((p) => p.series === series).map((p) => [p.period, p.value]));
    return all.map((period) => ({ series, period, date: periodStart(period), value: value.get(period) ?? Number.NaN }));
  });
  return { points, lines, domain: [periodStart(all[0]!), nextStart(all[all.length - 1]!, resolution)] };
}
