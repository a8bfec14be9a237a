// Values outside the fixed set of words the chart or the agent knows (the value-word rules, VALUE_WORD_RULES): a typo in
// `loadBalancer.mode` stops the agent, one in `encryption.type` silently leaves traffic unencrypted. Each
// finding names the component that checks the value, what then happens, and the nearest valid word.

import { isMap, isSeq } from 'yaml';
import { allowedIn, isAccepted, schemaEnumPaths, schemaEnumValues, type EnumSpec } from '../knowledge/enumValues';
import chartSchemaEnum from './defs/chart-schema-enum';
import { VALUE_WORD_RULES } from './defs/index';
import type { State } from '../model/state';
import { nearestWord } from './nearestWord';
import type { MapView, TreeEntry } from '../parse/tree';
import { TEMPLATED } from '../parse/tree';
import type { Finding } from '../types';
import { inRange } from '../version';
import { renderMessage } from './wording';

/** A scalar as the chart's `quote` / the agent's string option sees it; undefined for what we cannot judge. */
function scalarText(view: MapView, entry: TreeEntry): string | undefined {
  if (isMap(entry.node) || isSeq(entry.node)) return undefined; // wrong-type speaks for those
  const v = view.valueOf(entry);
  if (v === TEMPLATED || v === null || typeof v === 'object') return undefined;
  return String(v).trim();
}

/** "an IPAM mode", "an XDP acceleration mode", "a DSR dispatch method". */
function article(what: string): string {
  return /^[aeiouAEIOX]/.test(what) ? 'an' : 'a';
}

function didYouMean(raw: string, allowed: readonly string[]): string {
  const near = nearestWord(raw, allowed);
  return near && near !== raw ? ` Did you mean ${near}?` : '';
}

/**
 * An empty value reaches the agent as "": always in a ConfigMap; from Helm values only when the chart writes it
 * through (`datapath-mode: {{ .Values.bpf.datapathMode | quote }}` under `hasKey`, templates/cilium-configmap.yaml
 * of 1.16-1.21), not where it falls back to a default (`coalesce` for ipam.mode, `if .Values.routingMode`).
 */
function blankReachesAgent(spec: EnumSpec, s: State, format: 'helm' | 'configmap'): boolean {
  if (!spec.refusesBlank) return false;
  if (format === 'configmap') return true;
  const written = spec.configMap ? s.agent.settings.get(spec.configMap) : undefined;
  return (
    written !== undefined && written.origin.kind === 'user' && !written.origin.templated && written.value.trim() === ''
  );
}

function specFinding(spec: EnumSpec, root: MapView, s: State, format: 'helm' | 'configmap'): Finding | undefined {
  const key = format === 'helm' ? spec.helm : spec.configMap;
  if (!key) return undefined;
  const allowed = allowedIn(spec, s.version);
  if (!allowed) return undefined;
  const entry = format === 'helm' ? root.lookup(key) : root.get(key);
  if (!entry) return undefined;
  const raw = scalarText(root, entry);
  if (raw === undefined || isAccepted(spec, raw, allowed)) return undefined;
  if (raw === '' && !blankReachesAgent(spec, s, format)) return undefined;
  const effect = spec.consequence(s, raw);
  if (!effect) return undefined;
  // A consequence may name other keys ({key:cni.exclusive}): in the document's spelling.
  const text = renderMessage(effect.text, {}, format);
  const blank = raw === '' ? ' An empty value is not the default here: the agent reads it as written.' : '';
  const message =
    `${key}: "${raw}" is not ${article(spec.what)} ${spec.what} Cilium ${s.version} knows (${allowed.join(', ')}).${didYouMean(raw, allowed)}${blank} ${text}` +
    (effect.sourceText
      ? ` ${text.includes('agent refuses') ? 'The agent exits with' : 'Cilium says'}: "${effect.sourceText}"`
      : '');
  return { rule: spec.id, severity: effect.severity ?? spec.severity, message, range: entry.valueRange, key };
}

function schemaFindings(root: MapView, s: State): Finding[] {
  if (!inRange(s.version, chartSchemaEnum.since)) return [];
  const out: Finding[] = [];
  for (const path of schemaEnumPaths()) {
    const allowed = schemaEnumValues(path, s.version);
    if (!allowed) continue;
    const entry = root.lookup(path);
    if (!entry) continue;
    const v = root.valueOf(entry);
    // The schema compares the typed value: only strings can match; null means "use the default".
    if (v === TEMPLATED || v === null || isMap(entry.node) || isSeq(entry.node)) continue;
    if (typeof v === 'string' && allowed.includes(v)) continue;
    const raw = String(v);
    out.push({
      rule: chartSchemaEnum.id,
      severity: chartSchemaEnum.severity,
      message: `${path}: ${JSON.stringify(v)} is not one of the values the ${s.version} chart's schema allows (${allowed.join(', ')}).${didYouMean(raw, allowed)} Helm refuses to install before rendering anything.`,
      range: entry.valueRange,
      key: path,
    });
  }
  return out;
}

export function enumFindings(root: MapView, s: State, format: 'helm' | 'configmap'): Finding[] {
  const out: Finding[] = [];
  for (const spec of VALUE_WORD_RULES) {
    const f = specFinding(spec, root, s, format);
    if (f) out.push(f);
  }
  if (format === 'helm') out.push(...schemaFindings(root, s));
  return out;
}
