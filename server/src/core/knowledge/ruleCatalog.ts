// Every rule the analysis can report, in one list: the id (the diagnostic's `code`), what it is about in one
// sentence, and — for the rules about what Cilium does — the versions and the Cilium source it was checked
// against. Each comes from its rule object (rules/defs/<id>.ts), so the catalog cannot disagree with the rule.
// docs/rules.md is generated from this (`npm run gen:rules-doc`), and a test keeps both complete.

import type { RuleGroup } from '../rules/rule';
import { RULES } from '../rules/defs/index';
import type { Severity } from '../types';

export type { RuleGroup } from '../rules/rule';

export interface RuleInfo {
  id: string;
  group: RuleGroup;
  severity: Severity;
  since?: string;
  until?: string;
  cite?: string;
  summary: string;
}

let cached: RuleInfo[] | undefined;

export function allRules(): RuleInfo[] {
  cached ??= RULES.map(({ id, group, severity, since, until, cite, summary }) => ({
    id,
    group,
    severity,
    since,
    until,
    cite,
    summary,
  }));
  return cached;
}

/** Whether `id` names one of our rules (settings, `.cilium-lint.yaml` and suppression comments name rules). */
export function isRuleId(id: string): boolean {
  return allRules().some((r) => r.id === id);
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return allRules().find((r) => r.id === id);
}
