// The one way a value-word rule (rules/rule.ts ValueWordsRule) is written: its file gives the words, the
// citation, the consequence, summary and examples; the group and the fix (the nearest word of its own set) are
// the same for every one, so they are added here.

import { nearestWordFix } from '../fixes/valueFixers';
import type { ValueWordsRule } from './rule';

export function valueWordsRule(rule: Omit<ValueWordsRule, 'group' | 'fix'>): ValueWordsRule {
  return { ...rule, group: 'values', fix: nearestWordFix(rule) };
}
