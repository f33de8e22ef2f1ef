/**
 * Compares strings by UTF-16 code units: the one ordering used for ids, names and keys everywhere, so
 * sorted output never depends on the locale.
 * @example ["b", "B", "a"].sort(compareIds) // ["B", "a", "b"]
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
