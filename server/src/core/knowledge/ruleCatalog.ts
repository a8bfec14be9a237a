// Every rule the analysis can report, in one list: the id (the diagnostic's `code`), what it is about in one
// sentence, and — for the datapath rules — the versions and the Cilium source it was checked against. A rule
// written as one object (rules/defs/<id>.ts) brings all of that itself; the rules not yet moved there are read
// from their knowledge entries, with their sentence from ruleSummaries.ts. docs/rules.md is generated from this
// (`npm run gen:rules-doc`), and a test keeps both complete.

import { API_SERVER_ADDRESS_CITE } from './apiServerAddress';
import { CHART_FAILURE_NOTES, GENERIC_CHART_FAIL_RULE, SCHEMA_RULE } from './chartFailureNotes';
import { ENUM_SPECS, SCHEMA_ENUM_RULE } from './enumValues';
import { HUBBLE_METRICS_CITE } from './hubbleMetrics';
import { LB_MODE_WITHOUT_NODEPORT_CITE } from './noEffect';
import { RULE_SUMMARIES } from './ruleSummaries';
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

/** Rules not yet written as rule objects that are not datapath checks: from the parser, the key catalog or the ConfigMap rules. */
const OTHER_RULES: { id: string; group: RuleGroup; severity: Severity }[] = [
  { id: 'unknown-key', group: 'keys', severity: 'warning' },
  { id: 'dotted-key', group: 'keys', severity: 'warning' },
  { id: 'key-removed', group: 'keys', severity: 'warning' },
  { id: 'key-not-yet-available', group: 'keys', severity: 'warning' },
  { id: 'key-deprecated', group: 'keys', severity: 'warning' },
  { id: 'wrong-type', group: 'keys', severity: 'warning' },
  { id: 'quoted-boolean', group: 'keys', severity: 'error' },
  { id: 'templated-wrong-type', group: 'keys', severity: 'error' },
  { id: 'kpr-deprecated-value', group: 'keys', severity: 'warning' },
  { id: 'configmap-value-not-string', group: 'configmap', severity: 'error' },
  { id: 'configmap-unknown-key', group: 'configmap', severity: 'warning' },
  { id: 'configmap-key-removed', group: 'configmap', severity: 'warning' },
  { id: 'configmap-key-not-yet-available', group: 'configmap', severity: 'warning' },
  { id: 'configmap-key-deprecated', group: 'configmap', severity: 'warning' },
  { id: 'configmap-wrong-type', group: 'configmap', severity: 'error' },
  { id: 'yaml-syntax', group: 'file', severity: 'error' },
  { id: 'yaml-duplicate-key', group: 'file', severity: 'error' },
  { id: 'yaml-tab-indent', group: 'file', severity: 'error' },
  { id: 'template-syntax', group: 'file', severity: 'info' },
  { id: 'file-too-large', group: 'file', severity: 'info' },
  { id: 'chart-render-trimmed', group: 'file', severity: 'info' },
  { id: 'not-text', group: 'file', severity: 'info' },
  { id: 'yaml-too-deep', group: 'file', severity: 'warning' },
  { id: 'too-many-findings', group: 'file', severity: 'info' },
  { id: 'unsupported-version', group: 'file', severity: 'info' },
  { id: 'version-comment-disagrees', group: 'file', severity: 'info' },
  { id: 'helm-template-parse-error', group: 'file', severity: 'error' },
  { id: 'invalid-setting', group: 'file', severity: 'warning' },
  { id: 'internal-error', group: 'file', severity: 'error' },
  { id: 'unused-suppression', group: 'file', severity: 'info' },
];

let cached: RuleInfo[] | undefined;

export function allRules(): RuleInfo[] {
  if (cached) return cached;
  const raw: (Omit<RuleInfo, 'summary'> & { summary?: string })[] = [
    ...RULES.map(({ id, group, severity, since, until, cite, summary }) => ({ id, group, severity, since, until, cite, summary })),
    ...CHART_FAILURE_NOTES.map((n) => ({ id: n.id, group: 'chart' as const, severity: n.severity ?? ('error' as const), since: n.since, until: n.until, cite: n.cite })),
    { id: GENERIC_CHART_FAIL_RULE.id, group: 'chart' as const, severity: GENERIC_CHART_FAIL_RULE.severity, cite: GENERIC_CHART_FAIL_RULE.cite },
    { id: SCHEMA_RULE.id, group: 'chart' as const, severity: SCHEMA_RULE.severity, since: SCHEMA_RULE.since, cite: SCHEMA_RULE.cite },
    ...ENUM_SPECS.map((e) => ({ id: e.id, group: 'values' as const, severity: e.severity, since: e.since ?? e.sets[0].since, until: e.until, cite: e.cite })),
    { id: 'hubble-metric-unknown', group: 'values' as const, severity: 'warning' as const, cite: HUBBLE_METRICS_CITE },
    { id: 'hubble-metric-option-invalid', group: 'values' as const, severity: 'error' as const, cite: HUBBLE_METRICS_CITE },
    { id: 'hubble-metric-option-ignored', group: 'values' as const, severity: 'warning' as const, cite: HUBBLE_METRICS_CITE },
    { id: 'hubble-metrics-conflict', group: 'values' as const, severity: 'error' as const, since: '1.13', cite: `${HUBBLE_METRICS_CITE}; pkg/hubble/metrics/http/plugin.go@v1.13.18 l.29-53` },
    { id: 'lb-mode-without-kpr', group: 'values' as const, severity: 'info' as const, cite: LB_MODE_WITHOUT_NODEPORT_CITE },
    { id: 'kpr-api-server-via-service', group: 'values' as const, severity: 'info' as const, cite: API_SERVER_ADDRESS_CITE },
    { id: SCHEMA_ENUM_RULE.id, group: 'values' as const, severity: SCHEMA_ENUM_RULE.severity, since: SCHEMA_ENUM_RULE.since, cite: SCHEMA_ENUM_RULE.cite },
    ...OTHER_RULES,
  ];
  // A rule may appear in several tables (for example once per version range); its doc entry is one.
  const byId = new Map<string, RuleInfo>();
  for (const r of raw) {
    const prev = byId.get(r.id);
    if (prev) {
      prev.since = earliest(prev.since, r.since);
      prev.until = latest(prev.until, r.until);
      if (r.cite && prev.cite && !prev.cite.includes(r.cite)) prev.cite += `; ${r.cite}`;
      continue;
    }
    byId.set(r.id, { ...r, summary: r.summary ?? RULE_SUMMARIES[r.id] ?? '' });
  }
  cached = [...byId.values()];
  return cached;
}

/** Whether `id` names one of our rules (settings, `.cilium-lint.yaml` and suppression comments name rules). */
export function isRuleId(id: string): boolean {
  return allRules().some((r) => r.id === id);
}

export function ruleInfo(id: string): RuleInfo | undefined {
  return allRules().find((r) => r.id === id);
}

function minor(v: string): number {
  return Number(v.split('.')[1]);
}

function earliest(a?: string, b?: string): string | undefined {
  if (!a || !b) return undefined; // one of them has no lower bound
  return minor(a) <= minor(b) ? a : b;
}

function latest(a?: string, b?: string): string | undefined {
  if (!a || !b) return undefined;
  return minor(a) >= minor(b) ? a : b;
}
