/**
 * Dates as news databases print them ("March 5, 2024 Tuesday" in a Nexis Uni header, "5 March 2024" in
 * Factiva's PD field, "5 maart 2024 dinsdag" in a Dutch Nexis export), read as ISO 8601 calendar dates. The
 * patterns are LexisNexisTools' (`\w+ \d+, \d+`, `\d+ \w+ \d+`, `\d+. \w+ \d+`), with the month named in
 * English or Dutch, in full or abbreviated; a time after the date is not read.
 */

/** Month names and abbreviations, English and Dutch, lower case, to the month's number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ["january", "jan", "januari"],
    ["february", "feb", "februari"],
    ["march", "mar", "maart", "mrt"],
    ["april", "apr"],
    ["may", "mei"],
    ["june", "jun", "juni"],
    ["july", "jul", "juli"],
    ["august", "aug", "augustus"],
    ["september", "sep", "sept"],
    ["october", "oct", "oktober", "okt"],
    ["november", "nov"],
    ["december", "dec"],
  ].flatMap((names, index) => names.map((name) => [name, index + 1] as const)),
);

/** "March 5, 2024" (month day, year) or "5 March 2024" / "5. März 2024" (day month year). */
const MONTH_FIRST = /(?<!\p{L})(\p{L}+)\.? (\d{1,2}), (\d{4})\b/u;
const DAY_FIRST = /\b(\d{1,2})\.? (\p{L}+)\.? (\d{4})\b/u;

/**
 * The ISO date (`2024-03-05`) a news database's date line holds, or null when it holds none this reads: no
 * such pattern, a month name that is neither English nor Dutch, or a day the month does not have.
 * @example newsDate("March 5, 2024 Tuesday") // "2024-03-05"
 * @example newsDate("5 maart 2024 dinsdag") // "2024-03-05"
 */
export function newsDate(line: string): string | null {
  const monthFirst = MONTH_FIRST.exec(line);
  const dayFirst = DAY_FIRST.exec(line);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!]
    : dayFirst
      ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!]
      : [null, null, null];
  if (monthName === null) return null;
  const month = MONTHS.get(monthName.toLowerCase());
  if (month === undefined) return null;
  const [y, d] = [Number(year), Number(day)];
  const daysInMonth = new Date(Date.UTC(y, month, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Whether a line holds something shaped like a date (whatever its month's language): worth an error when unread. */
export function looksLikeDate(line: string): boolean {
  return MONTH_FIRST.test(line) || DAY_FIRST.test(line);
}
