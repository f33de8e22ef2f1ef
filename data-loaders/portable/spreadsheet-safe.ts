// The formula guard for every CSV the site offers (downloads, coding files): a cell that a spreadsheet would
// run as a formula gets a ' before it, so Excel, LibreOffice and Google Sheets show it as text. Pure and
// dependency-free: the pages run it (src/components/portable links to this folder), the tests in Node.

/**
 * Characters that make a spreadsheet evaluate a cell when they come first, after any whitespace: = + - @,
 * their full-width forms (＝ ＋ － ＠, which Excel folds to ASCII in formulas), and tab and carriage return
 * (OWASP's "CSV injection" list).
 */
const FORMULA_START = /^[\s\p{Zs}\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** A plain decimal number, as a spreadsheet reads one ("-0.25", "+3", "1e-5"): a value, not a formula. */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Whether a spreadsheet would run `text` as a formula: it starts, after any whitespace (spaces, tabs, line
 * breaks, Unicode spaces), with = + - @ or their full-width forms, or it starts with a tab or carriage
 * return; a plain number ("-0.25") is not, but "-1+cmd|' /C calc'!A0" is.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 * @example runsAsFormula(" =1+1") // true
 * @example runsAsFormula("-0.25") // false
 */
export function runsAsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/**
 * `text` as a CSV cell a spreadsheet shows as text: with a ' before it when runsAsFormula, else unchanged.
 * @example spreadsheetSafe("=HYPERLINK(1)") // "'=HYPERLINK(1)"
 */
export function spreadsheetSafe(text: string): string {
  return runsAsFormula(text) ? `'${text}` : text;
}

/**
 * A cell read back from a file spreadsheetSafe wrote: the guard's ' removed where spreadsheetSafe would have
 * added it, so a value survives the round trip; any other ' is the cell's own.
 * @example withoutFormulaGuard("'=Evil") // "=Evil"
 */
export function withoutFormulaGuard(cell: string): string {
  return cell.startsWith("'") && runsAsFormula(cell.slice(1)) ? cell.slice(1) : cell;
}
