// Rules whose facts sit in a table that an analysis reads as a whole: the chart's failure notes, matched to the
// chart's own `fail` texts while the model renders it (the model does not import rule objects). Their rule object
// takes id, versions, severity and citation from the note, so the two cannot disagree, and adds what the note
// lacks: summary, examples and fix.

import { CHART_FAILURE_NOTES, GENERIC_CHART_FAIL_RULE, SCHEMA_RULE } from '../knowledge/chartFailureNotes';
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
