// Helm values each chart version itself documents as deprecated, generated from the values.yaml comment above the
// key by tools/gen-deprecated-values.ts (deprecatedValues.json, with the values.yaml line per version). The key
// still exists in that chart; the warning tells users to move before a later chart drops it.
//
// DEPRECATED_RENAMES are the only migrations offered as a quick-fix: a rename that keeps the meaning because the
// chart reads the old and the new key the same way in every version that deprecates the old one.

import { inRange, type CiliumVersion } from '../version';
import { adviceFor } from './keyHistory';
import data from './deprecatedValues.json';

interface DeprecatedIn {
  line: number;
  replacement?: string;
  noEffect?: boolean;
}

const table = data as Record<string, { in: Record<string, DeprecatedIn> }>;

export interface Deprecation {
  /** values.yaml line of the key in that version's chart */
  line: number;
  /** What to write instead, as users would type it (the chart's own pointer, or this project's advice). */
  replacement?: string;
  /** The chart's comment says the key is a no-op in this version. */
  noEffect?: boolean;
}

export function deprecationOf(path: string, version: CiliumVersion): Deprecation | undefined {
  if (!Object.prototype.hasOwnProperty.call(table, path)) return undefined;
  const at = table[path].in;
  if (!Object.prototype.hasOwnProperty.call(at, version)) return undefined;
  // tunnel's comment names two successors; the advice table says how to write them.
  const replacement = adviceFor(path)?.replacement ?? at[version].replacement;
  return {
    line: at[version].line,
    ...(replacement ? { replacement } : {}),
    ...(at[version].noEffect ? { noEffect: true } : {}),
  };
}

interface DeprecatedRename {
  to: string;
  since: CiliumVersion;
  cite: string;
}

/**
 * Renames that keep the meaning: the chart ORs the two keys, so the new key with the old value renders the same.
 * - localRedirectPolicy: `{{ if or .Values.localRedirectPolicies.enabled .Values.localRedirectPolicy }}`,
 *   templates/cilium-configmap.yaml@v1.18.7 l.730, @v1.19.1 l.805, @v1.20.0-pre.4 l.815, @v1.21.0-pre.0 l.815.
 * - enableCiliumEndpointSlice: `{{- if or .Values.ciliumEndpointSlice.enabled .Values.enableCiliumEndpointSlice }}`,
 *   templates/cilium-configmap.yaml@v1.16.19 l.1160, @v1.17.13 l.1200 (and validate.yaml l.132 of both).
 * The encryption.* → encryption.ipsec.* moves are not here: the 1.12-1.15 charts use the new keys only when both
 * ipsec.mountPath and ipsec.keyFile are set (cilium-configmap.yaml@v1.15.19 l.589-592), so moving one changes
 * the rendered path.
 */
const DEPRECATED_RENAMES: Record<string, DeprecatedRename> = {
  localRedirectPolicy: {
    to: 'localRedirectPolicies.enabled',
    since: '1.18',
    cite: 'templates/cilium-configmap.yaml@v1.18.7 l.730',
  },
  enableCiliumEndpointSlice: {
    to: 'ciliumEndpointSlice.enabled',
    since: '1.16',
    cite: 'templates/cilium-configmap.yaml@v1.16.19 l.1160',
  },
};

/** The meaning-keeping rename of a deprecated key in this version, if there is one. */
export function deprecatedRename(path: string, version: CiliumVersion): string | undefined {
  const r = Object.prototype.hasOwnProperty.call(DEPRECATED_RENAMES, path) ? DEPRECATED_RENAMES[path] : undefined;
  return r && inRange(version, r.since) && deprecationOf(path, version) ? r.to : undefined;
}
