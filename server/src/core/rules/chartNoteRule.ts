// The one way a chart note rule (rules/rule.ts ChartNoteRule) is written: its file gives the note and the rule's
// summary, examples and fix; the group is always `chart`, and the severity follows from the note (a check that
// reads the live cluster is a warning, any other refusal an error).

import type { ChartNoteRule } from './rule';

export function chartNoteRule(rule: Omit<ChartNoteRule, 'group' | 'severity'>): ChartNoteRule {
  return { ...rule, group: 'chart', severity: rule.readsCluster ? 'warning' : 'error' };
}
