// Findings of a document whose YAML does not parse: what the parser made of the broken part is a guess, so
// findings that rest on values read from there must not be stated as facts.

import type { Finding, Range } from '../types';

/**
 * Drops the findings of one Cilium document that rest on its broken part, given the document's error-level parse
 * problems. The smallest honest rule:
 * - a finding on a key at or after the first error is dropped (the parser's recovery decides what that key holds);
 * - a finding decided by defaults is dropped (the unparsed part may well set that value);
 * - when the values end right where the error starts (a block scalar such as `valuesContent: |` cut short by a
 *   column-0 comment), every value was read from text the error cut off, so all value findings are dropped.
 * Findings before the error that stand on a written value are kept: a typo on line 3 is still a typo.
 */
export function withoutBrokenYamlGuesses(
  findings: readonly Finding[],
  errors: readonly Range[],
  values: Range,
  text: string,
): Finding[] {
  if (errors.length === 0) return [...findings];
  const firstError = Math.min(...errors.map((e) => e.start));
  const cutShort = values.end <= firstError && text.slice(values.end, firstError).trim() === '';
  const brokenFrom = cutShort ? values.start : firstError;
  return findings.filter((f) => !f.fromDefaults && f.range.start < brokenFrom);
}
