/**
 * Index of the last item whose `start` is at or before `offset` in items sorted by `start`, or -1 if none
 * (binary search).
 * @example lastStartingAtOrBefore([{ start: 0 }, { start: 10 }], 9) // 0
 */
export function lastStartingAtOrBefore(items: readonly { readonly start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
