// One effective setting: its value and where the value came from. Helm values and ConfigMap keys both
// end up as Settings, so every later step can point at the line (or the default) that decided an outcome.

import type { Plain } from './parse/tree';
import type { Origin } from './types';

export interface Setting<T = Plain> {
  value: T;
  origin: Origin;
  /**
   * For an origin worked out only when read (a key the chart renders): false when the origin cannot name the
   * user's key `path`, so a search by key (the hover's "Becomes in cilium-config here") need not work out the
   * origin of every rendered key. True means "maybe": read `origin` to know.
   */
  mayName?(path: string): boolean;
}

/** Go template truthiness, as `{{ if .Values.x }}` sees it: "false" (a string) is true. */
export function goTruthy(v: Plain | undefined): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** How the chart's `toString`/`quote` renders a value into the ConfigMap. */
export function goString(v: Plain | undefined): string {
  if (v === undefined || v === null || typeof v === 'symbol') return ''; // a templated value is unknown
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** The agent's boolean parsing of a ConfigMap string (Go's strconv.ParseBool). */
export function agentBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(t)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', ''].includes(t)) return false;
  return undefined;
}
