// Would a change of one setting cure a problem without causing another? We redo the analysis of the document
// with the setting changed and compare the problems before and after. Fixes that turn a feature on are offered
// only when this says yes: setting bpf.masquerade: true with kube-proxy replacement off would make the 1.16
// agent refuse to start, which is no fix.
// - Helm values: the change is made to the values as Helm reads them, and the real chart of the target version
//   is rendered again (memoised): what the chart then writes into cilium-config (which need not be the key the
//   fix names: the chart may ignore the value, or write the key from something else) goes to the agent model,
//   and the chart's own `fail` checks and schema run on the changed values.
// - A cilium-config ConfigMap: the key is changed and only the agent model runs again (no chart is involved).

import type { DocumentAnalysis } from '../analysisTypes';
import { sourceValues } from '../chart/renderSource';
import { YamlReadError } from '../chart/helm/goYaml';
import type { GoValue } from '../chart/template/index';
import { buildAgentConfig, type RenderedConfig } from '../model/agentConfig';
import { chartModel, type ChartModel } from '../model/chartModel';
import { deriveDatapath, type Datapath } from '../model/datapath';
import { CHART_NOTE_RULES, DATAPATH_RULES } from '../rules/defs/index';
import { HelmValues } from '../model/helmValues';
import { buildState } from '../model/state';
import { causeOf, withoutEchoes } from '../rules/rootCause';
import type { AgentConfig } from '../model/agentConfig';

import type { Prediction, SettingChange } from './context';

export type { SettingChange } from './context';

/** Schema refusals count as one problem: Helm stops before rendering anything. */
const SCHEMA_REFUSAL = 'values.schema.json';

/** The problem ids of one datapath as the findings show them (consequences of one root cause not counted twice). */
function problemIds(dp: Datapath, agent: AgentConfig, chart: ChartModel | undefined): Set<string> {
  const d = withoutEchoes(dp, agent);
  const ids = [...d.hostRouting.reasons, ...d.masquerading.reasons, ...d.agentErrors, ...d.chartErrors].map(
    (r) => r.id,
  );
  if ((chart?.schema.length ?? 0) > 0) ids.push(SCHEMA_REFUSAL);
  return new Set(ids);
}

/** The problems of each document as it is, computed once however many fixes ask. */
const current = new WeakMap<DocumentAnalysis, Set<string>>();

function before(doc: DocumentAnalysis): Set<string> {
  let ids = current.get(doc);
  if (!ids) current.set(doc, (ids = problemIds(doc.datapath, doc.agent, doc.chart)));
  return ids;
}

/**
 * A copy of the values with `path` set, or removed for an undefined value (maps on the way copied, or made when
 * missing or not a map).
 */
function withValue(values: Map<string, GoValue>, parts: readonly string[], value: GoValue): Map<string, GoValue> {
  const out = new Map(values);
  const [head, ...rest] = parts;
  if (head === undefined) return out;
  if (rest.length === 0) {
    if (value === undefined) out.delete(head);
    else out.set(head, value);
  } else {
    const child = out.get(head);
    out.set(head, withValue(child instanceof Map ? child : new Map<string, GoValue>(), rest, value));
  }
  return out;
}

/** The Helm document analysed again with values changed: the chart rendered anew, then the agent model. */
function helmProblems(doc: DocumentAnalysis, changes: NonNullable<SettingChange['helm']>): Set<string> | undefined {
  let values: Map<string, GoValue>;
  try {
    values = sourceValues(doc.source);
  } catch (e) {
    if (e instanceof YamlReadError) return undefined;
    throw e;
  }
  for (const { path, value } of changes) values = withValue(values, path.split('.'), value);
  const chart = chartModel(doc.source, doc.version, CHART_NOTE_RULES, values);
  if (!chart) return undefined;
  const agent = buildAgentConfig(chart.settings, doc.version);
  const helm = new HelmValues(doc.source.root, doc.version, chart.render.values);
  return problemIds(deriveDatapath(buildState(agent, helm, doc.kernel, chart), DATAPATH_RULES), agent, chart);
}

/** The ConfigMap document with one key changed: only the agent model runs again. */
function configMapProblems(doc: DocumentAnalysis, key: string, value: string): Set<string> {
  const settings: RenderedConfig = new Map(doc.configMap);
  settings.set(key, { value, origin: { kind: 'user', key, range: { start: 0, end: 0 }, valueText: value } });
  const agent = buildAgentConfig(settings, doc.version);
  return problemIds(
    deriveDatapath(buildState(agent, undefined, doc.kernel, undefined), DATAPATH_RULES),
    agent,
    undefined,
  );
}

/** The problems after the change, or undefined when it cannot be predicted for this document. */
function after(doc: DocumentAnalysis, change: SettingChange): Set<string> | undefined {
  if (doc.source.format === 'helm') return change.helm ? helmProblems(doc, change.helm) : undefined;
  return change.configMap ? configMapProblems(doc, change.configMap.key, change.configMap.value) : undefined;
}

/** The ids of `next` whose cause `now` does not have (rules/rootCause.ts: one cause may go by two ids). */
function newProblems(now: Set<string>, next: Set<string>): string[] {
  const causes = new Set([...now].map(causeOf));
  return [...next].filter((id) => !causes.has(causeOf(id)));
}

/** The problems that would appear with this change (that the document has not now). */
export function revealedBy(doc: DocumentAnalysis, change: SettingChange): string[] {
  return newProblems(before(doc), after(doc, change) ?? new Set());
}

/**
 * True when, with this change, no new problem appears and (when `rule` is given) that problem is gone. False
 * when the outcome cannot be predicted (values Helm cannot read, a version without chart data).
 */
export function cures(doc: DocumentAnalysis, change: SettingChange, rule?: string): boolean {
  const next = after(doc, change);
  if (!next) return false;
  if (rule && [...next].some((id) => causeOf(id) === causeOf(rule))) return false;
  return newProblems(before(doc), next).length === 0;
}

/** The predictions for one document, as fixers get them (FixContext.predict). */
export function predictionFor(doc: DocumentAnalysis): Prediction {
  return { cures: (change, rule) => cures(doc, change, rule), revealedBy: (change) => revealedBy(doc, change) };
}
