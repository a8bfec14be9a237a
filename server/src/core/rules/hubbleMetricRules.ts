// Hubble metrics (`hubble.metrics.enabled` in Helm values, `hubble-metrics` in cilium-config): metric names the
// agent does not have, context options it cannot parse, misspelt option names it ignores, and http with
// httpV2. What each costs depends on the version (knowledge/hubbleMetrics.ts).

import { isScalar, isSeq, type Node } from 'yaml';
import {
  CONFLICTING_METRICS,
  CONTEXT_IDENTIFIERS,
  CONTEXT_OPTIONS,
  contextValues,
  failureIn,
  failureText,
  METRIC_NAMES,
  setFor,
} from '../knowledge/hubbleMetrics';
import { agentBool, goTruthy } from '../settings';
import type { State } from '../model/state';
import type { MapView } from '../parse/tree';
import { TEMPLATED } from '../parse/tree';
import type { Finding, Range, Severity } from '../types';
import { inRange, type CiliumVersion } from '../version';
import { nearestWord } from './nearestWord';

/** One metric as written, with the file range of its text. */
interface MetricText {
  text: string;
  range: Range;
}

/** Where `part` sits inside a written scalar, or the whole scalar when it cannot be found verbatim. */
function locate(view: MapView, node: Node, part: string, from = 0): Range {
  const r = node.range;
  const whole = view.rangeOf(node);
  if (!r) return whole;
  const src = view.ctx.text.slice(r[0], r[1]);
  const at = src.indexOf(part, from);
  return at < 0 ? whole : { start: view.ctx.toFile(r[0] + at), end: view.ctx.toFile(r[0] + at + part.length) };
}

function helmMetrics(root: MapView): MetricText[] {
  const entry = root.lookup('hubble.metrics.enabled');
  if (!entry || !isSeq(entry.node)) return [];
  const view = root.lookupMap('hubble.metrics')!;
  const out: MetricText[] = [];
  for (const item of entry.node.items) {
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    if (item.range && view.valueOf({ ...entry, node: item }) === TEMPLATED) continue;
    const text = item.value.trim();
    if (text) out.push({ text, range: locate(view, item as Node, text) });
  }
  return out;
}

function configMapMetrics(root: MapView): MetricText[] {
  const entry = root.get('hubble-metrics');
  if (!entry || !isScalar(entry.node)) return [];
  const v = root.valueOf(entry);
  if (typeof v !== 'string') return [];
  const out: MetricText[] = [];
  let from = 0;
  for (const word of v.split(/\s+/).filter(Boolean)) {
    const range = locate(root, entry.node as Node, word, from);
    const src = root.ctx.text.slice(entry.node!.range![0], entry.node!.range![1]);
    const at = src.indexOf(word, from);
    if (at >= 0) from = at + word.length;
    out.push({ text: word, range });
  }
  return out;
}

/** Hubble metrics are configured at all: Hubble on and a metrics list the chart (or the user) writes. */
function metricsConfigured(s: State, root: MapView, format: 'helm' | 'configmap'): boolean {
  if (format === 'helm') return !!s.helm && goTruthy(s.helm.get('hubble.enabled')?.value);
  const on = agentBool(s.agent.settings.get('enable-hubble')?.value);
  const server = s.agent.settings.get('hubble-metrics-server')?.value;
  return on === true && !!server && !!root.get('hubble-metrics');
}

function sub(range: Range, offset: number, length: number): Range {
  const start = Math.min(range.start + offset, range.end);
  return { start, end: Math.min(start + length, range.end) };
}

function failing(rule: string, v: CiliumVersion, range: Range, key: string, what: string, sourceText: string): Finding {
  const effect = failureIn(v);
  const severity: Severity = effect === 'agent-exit' ? 'error' : 'warning';
  const label = effect === 'agent-exit' ? 'The agent exits with' : 'Cilium says';
  return { rule, severity, message: `${what} ${failureText(effect, v)} ${label}: "${sourceText}"`, range, key };
}

function optionFindings(
  m: MetricText,
  name: string,
  opts: string,
  optsOffset: number,
  v: CiliumVersion,
  key: string,
): Finding[] {
  const out: Finding[] = [];
  const known = setFor(CONTEXT_OPTIONS, v);
  const idents = setFor(CONTEXT_IDENTIFIERS, v);
  let offset = optsOffset;
  for (const option of opts.split(';')) {
    const here = offset;
    offset += option.length + 1;
    if (option === '') continue;
    const eq = option.indexOf('=');
    const optName = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? undefined : option.slice(eq + 1);
    const range = sub(m.range, here, option.length);
    const canonical = known.find((k) => k.toLowerCase() === optName.toLowerCase());
    if (!canonical) {
      const near = nearestWord(optName, known);
      if (near) {
        out.push({
          rule: 'hubble-metric-option-ignored',
          severity: 'warning',
          message: `Hubble metric ${name}: the option "${optName}" is not one Cilium ${v} reads, so it is ignored. Did you mean ${near}?`,
          range: sub(m.range, here, optName.length),
          key,
        });
      }
      continue;
    }
    const labels = canonical === 'labelsContext';
    if (value === undefined) {
      out.push(
        failing(
          'hubble-metric-option-invalid',
          v,
          range,
          key,
          `Hubble metric ${name}: ${canonical} has no value (write ${canonical}=${labels ? 'source_ip,...' : 'pod'}).`,
          labels ? 'invalid labelsContext value: ' : "unknown context ''",
        ),
      );
      continue;
    }
    if (labels) continue; // the label names are checked by the agent against a list we do not carry
    const values = contextValues(value, v);
    if (values.length === 0) continue; // 1.17+: `sourceContext=` just turns the context off
    for (const id of values) {
      if (idents.some((x) => x.toLowerCase() === id.toLowerCase())) continue;
      const near = nearestWord(id, idents);
      const what =
        id === ''
          ? `${canonical} is empty`
          : `"${id}" is not a context Cilium ${v} knows for ${canonical} (${idents.join(', ')})${near ? `; did you mean ${near}?` : ''}`;
      const sep =
        inRange(v, undefined, '1.16') && value.includes(',') && !value.includes('|')
          ? ' Up to 1.16 several contexts are separated by "|", not ",".'
          : '';
      out.push(
        failing(
          'hubble-metric-option-invalid',
          v,
          range,
          key,
          `Hubble metric ${name}: ${what}.${sep}`,
          `unknown context '${id}'`,
        ),
      );
      break; // the agent stops at the first bad context
    }
  }
  return out;
}

export function hubbleMetricFindings(root: MapView, s: State, format: 'helm' | 'configmap'): Finding[] {
  if (!metricsConfigured(s, root, format)) return [];
  const key = format === 'helm' ? 'hubble.metrics.enabled' : 'hubble-metrics';
  const metrics = format === 'helm' ? helmMetrics(root) : configMapMetrics(root);
  const v = s.version;
  const names = setFor(METRIC_NAMES, v);
  const out: Finding[] = [];
  const seen = new Map<string, MetricText>();
  for (const m of metrics) {
    const colon = m.text.indexOf(':');
    const name = colon < 0 ? m.text : m.text.slice(0, colon);
    const nameRange = sub(m.range, 0, name.length);
    if (!names.includes(name)) {
      const near = nearestWord(name, names);
      const effect = inRange(v, '1.18')
        ? `Cilium ${v} skips it with a warning; the other metrics work.`
        : failureIn(v) === 'hubble-off'
          ? failureText('hubble-off', v)
          : failureText('metrics-off', v);
      out.push({
        rule: 'hubble-metric-unknown',
        severity: 'warning',
        message: `"${name}" is not a Hubble metric of Cilium ${v} (${names.join(', ')}).${near ? ` Did you mean ${near}?` : ''} ${effect}`,
        range: nameRange,
        key,
      });
      continue;
    }
    seen.set(name, m);
    if (colon >= 0) out.push(...optionFindings(m, name, m.text.slice(colon + 1), colon + 1, v, key));
  }
  for (const [a, b] of CONFLICTING_METRICS) {
    const ma = seen.get(a);
    const mb = seen.get(b);
    if (!ma || !mb) continue;
    out.push(
      failing(
        'hubble-metrics-conflict',
        v,
        sub(mb.range, 0, b.length),
        key,
        `The Hubble metrics ${a} and ${b} cannot both be enabled; keep one.`,
        `plugin ${b} conflicts with plugin ${a}`,
      ),
    );
  }
  return out;
}
