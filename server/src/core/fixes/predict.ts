// Would a change of cilium-config settings cure a problem without causing another? We rerun the agent model
// (no parsing) on the document's settings with some keys changed and compare the problems before and after.
// Fixes that turn a feature on are offered only when this says yes: setting bpf.masquerade: true with
// kube-proxy replacement off would make the 1.16 agent refuse to start, which is no fix.

import type { DocumentAnalysis } from '../analyze';
import { buildAgentConfig } from '../model/agentConfig';
import { deriveDatapath } from '../model/datapath';
import { HelmValues } from '../model/helmValues';
import type { RenderedConfig } from '../model/agentConfig';
import { buildState } from '../model/state';
import { withoutEchoes } from '../rules/rootCause';

function problemIds(doc: DocumentAnalysis, settings: RenderedConfig): Set<string> {
  const agent = buildAgentConfig(settings, doc.version);
  const helm = doc.source.format === 'helm' ? new HelmValues(doc.source.root, doc.version) : undefined;
  // The same view as the findings: consequences of one root cause are not counted as problems of their own.
  // The chart's stops come from the values, which a change of cilium-config settings leaves as they are.
  const dp = withoutEchoes(deriveDatapath(buildState(agent, helm, doc.kernel, doc.chart)), agent);
  return new Set([...dp.hostRouting.reasons, ...dp.masquerading.reasons, ...dp.agentErrors, ...dp.chartErrors].map((r) => r.id));
}

/** The problems of each document as it is, computed once however many fixes ask. */
const current = new WeakMap<DocumentAnalysis, Set<string>>();

function patched(doc: DocumentAnalysis, overrides: Record<string, string>): Set<string> {
  const settings: RenderedConfig = new Map(doc.configMap);
  for (const [key, value] of Object.entries(overrides)) {
    settings.set(key, { value, origin: { kind: 'user', key, range: { start: 0, end: 0 }, valueText: value } });
  }
  return problemIds(doc, settings);
}

function before(doc: DocumentAnalysis): Set<string> {
  let ids = current.get(doc);
  if (!ids) current.set(doc, (ids = problemIds(doc, doc.configMap)));
  return ids;
}

/** The problems that would appear with these cilium-config settings changed (that the document has not now). */
export function revealedBy(doc: DocumentAnalysis, overrides: Record<string, string>): string[] {
  const now = before(doc);
  return [...patched(doc, overrides)].filter((id) => !now.has(id));
}

/**
 * True when, with these agent settings changed, no new problem appears and (when `rule` is given) that
 * problem is gone. Chart checks read the Helm values, which we do not change here: pass no `rule` for them.
 */
export function cures(doc: DocumentAnalysis, overrides: Record<string, string>, rule?: string): boolean {
  const after = patched(doc, overrides);
  if (rule && after.has(rule)) return false;
  const now = before(doc);
  for (const id of after) if (!now.has(id)) return false;
  return true;
}

/** A note for a fix title naming the problems the change brings to light, or ''. */
export function revealNote(ids: readonly string[]): string {
  return ids.length > 0 ? ` — then: ${ids.join(', ')}` : '';
}
