// A cap on findings per document. A generated or mistaken file can produce tens of thousands of findings (one
// per unknown key); every editor request (code actions, hovers, diagnostics) then pays for all of them, and no
// one reads past the first screen anyway. We keep the most severe ones and say, in one finding, how many were
// left out.

import type { Finding, Range, Severity } from '../types';

export const MAX_FINDINGS_PER_DOCUMENT = 500;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * At most `limit` findings, in their original order, plus one that counts the rest. Chosen most severe first;
 * among equals, rarer rules first, so one datapath verdict is not crowded out by a flood of unknown keys.
 */
export function capFindings(findings: Finding[], anchor: Range, limit = MAX_FINDINGS_PER_DOCUMENT): Finding[] {
  if (findings.length <= limit) return findings;
  const keep = limit - 1;
  const perRule = new Map<string, number>();
  for (const f of findings) perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
  const order = findings.map((f, i) => ({ i, rank: RANK[f.severity] ?? 4, count: perRule.get(f.rule)! }));
  order.sort((a, b) => a.rank - b.rank || a.count - b.count || a.i - b.i);
  const kept = new Set(order.slice(0, keep).map((x) => x.i));
  const out = findings.filter((_, i) => kept.has(i));
  const dropped = findings.length - keep;
  out.push({
    rule: 'too-many-findings',
    severity: 'info',
    message: `${dropped} more findings here are not shown: only the first ${keep}, most severe first, are listed so the editor stays responsive. Fix these and the rest will appear.`,
    range: anchor,
  });
  return out;
}
