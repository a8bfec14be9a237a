// Rules whose facts sit in a table that an analysis reads as a whole: the chart's failure notes (matched to the
// chart's own `fail` texts while it renders) and the words a value takes (ENUM_SPECS, read by completion and the
// fixes too). Their rule object takes id, versions, severity and citation from the table entry, so the two
// cannot disagree, and adds what the table lacks: summary, examples and fix.

import { CHART_FAILURE_NOTES, GENERIC_CHART_FAIL_RULE, SCHEMA_RULE } from '../knowledge/chartFailureNotes';
import { ENUM_SPECS, SCHEMA_ENUM_RULE } from '../knowledge/enumValues';
import type { Rule } from './rule';

type Meta = Pick<Rule, 'id' | 'group' | 'severity' | 'since' | 'until' | 'cite'>;

/** A chart rule: the failure note with this id (or the generic and schema rules). */
export function chartRuleMeta(id: string): Meta {
  if (id === GENERIC_CHART_FAIL_RULE.id)
    return { id, group: 'chart', severity: GENERIC_CHART_FAIL_RULE.severity, cite: GENERIC_CHART_FAIL_RULE.cite };
  if (id === SCHEMA_RULE.id)
    return { id, group: 'chart', severity: SCHEMA_RULE.severity, since: SCHEMA_RULE.since, cite: SCHEMA_RULE.cite };
  const n = CHART_FAILURE_NOTES.find((x) => x.id === id);
  if (!n) throw new Error(`no chart failure note ${id}`);
  return {
    id,
    group: 'chart',
    severity: n.readsCluster ? 'warning' : 'error',
    since: n.since,
    until: n.until,
    cite: n.cite,
  };
}

/** A rule about the words a value takes: the ENUM_SPECS entry with this id (or the schema-enum rule). */
export function enumRuleMeta(id: string): Meta {
  if (id === SCHEMA_ENUM_RULE.id)
    return {
      id,
      group: 'values',
      severity: SCHEMA_ENUM_RULE.severity,
      since: SCHEMA_ENUM_RULE.since,
      cite: SCHEMA_ENUM_RULE.cite,
    };
  const e = ENUM_SPECS.find((x) => x.id === id);
  if (!e) throw new Error(`no value set ${id}`);
  return { id, group: 'values', severity: e.severity, since: e.since ?? e.sets[0].since, until: e.until, cite: e.cite };
}
