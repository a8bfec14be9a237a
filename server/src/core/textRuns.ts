// Small string helpers that replace regexes like `/0+$/` or `/(\d+)$/`. Those look harmless but are quadratic:
// the engine retries the run from every position when something follows it (`000…0x`). These loops are linear,
// and test/core/regexSafety.test.ts keeps the regexes out.

/** `s` without the run of `ch` (one character) at its end. */
export function stripTrailing(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return s.slice(0, end);
}

/** The digits at the end of `s` ('' when it does not end with a digit). */
export function trailingDigits(s: string): string {
  let start = s.length;
  while (start > 0 && s.charCodeAt(start - 1) >= 48 && s.charCodeAt(start - 1) <= 57) start--;
  return s.slice(start);
}

/** `s` without leading and trailing characters for which `strip` is true. */
export function trimWhere(s: string, strip: (c: string) => boolean): string {
  let start = 0;
  let end = s.length;
  while (start < end && strip(s[start])) start++;
  while (end > start && strip(s[end - 1])) end--;
  return s.slice(start, end);
}
