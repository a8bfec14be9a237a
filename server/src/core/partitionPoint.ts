// The one binary search the core needs: over indices 0..count-1 where a predicate is false for a prefix and true
// for the rest (offsets and ranges kept in file order), the first index where it is true. Callers state what they
// look for in the predicate ("the first template that ends after the range starts") instead of each writing the
// loop again with its own off-by-one risks.

/** The first index in [0, count) for which `isPast(i)` holds, or `count` when none does; `isPast` must be monotone. */
export function partitionPoint(count: number, isPast: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isPast(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
