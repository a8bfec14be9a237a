// Rules for a hand-written cilium-config ConfigMap.

import type { MapView } from '../parse/tree';
import { TEMPLATED } from '../parse/tree';
import type { Finding } from '../types';

/** A ConfigMap's data must be strings: the API server rejects `enable-bpf-masquerade: true` unquoted. */
export function configMapValueFindings(data: MapView): Finding[] {
  const out: Finding[] = [];
  for (const e of data.entries()) {
    const v = data.valueOf(e);
    if (typeof v === 'string' || v === TEMPLATED) continue;
    const shown = data.sourceOf(e) || 'nothing';
    out.push({
      rule: 'configmap-value-not-string',
      severity: 'error',
      message: `ConfigMap data values must be strings, and ${e.key} is ${shown}: the API server rejects the ConfigMap. Quote it: ${e.key}: "${v === null ? '' : String(v)}".`,
      range: e.valueRange.end > e.valueRange.start ? e.valueRange : e.keyRange,
      key: e.key,
    });
  }
  return out;
}
