// The allowed word a user most likely meant: shared by the did-you-mean in messages and the quick-fixes, so
// the two always agree.

import { distance } from 'fastest-levenshtein';

/** The same word ignoring case, or the one unique word at most two edits away; undefined when unsure. */
export function nearestWord(raw: string, allowed: readonly string[]): string | undefined {
  const exact = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (exact) return exact;
  if (raw.length < 3) return undefined;
  const scored = allowed.map((a) => ({ a, d: distance(raw.toLowerCase(), a.toLowerCase()) })).sort((x, y) => x.d - y.d);
  if (scored.length === 0 || scored[0].d > 2 || (scored[1] && scored[1].d === scored[0].d)) return undefined;
  return scored[0].a;
}
