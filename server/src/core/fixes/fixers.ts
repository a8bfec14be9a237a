// One function per rule that has a safe fix. Each returns the fixes for one finding, computed from the
// document's own tree, so edits land at the right indentation even inside wrappers and block scalars.

import type { DocumentAnalysis } from '../analyze';
import { setPath, renameKey, replaceValue } from '../edit/yamlEdit';
import { adviceFor, KPR_LEGACY_VALUES } from '../knowledge/keyHistory';
import { keyExistsIn } from '../knowledge/catalog';
import type { MapView } from '../parse/tree';
import { suggest } from '../rules/keyRules';
import type { Finding, Fix, TextEdit } from '../types';
import { inRange } from '../version';
import { mapsToFile, valueText } from './edits';

export interface FixContext {
  doc: DocumentAnalysis;
  text: string;
  root: MapView;
  configMap: boolean;
}

type Fixer = (f: Finding, c: FixContext) => Fix[];

/** Sets a Helm path or a ConfigMap key, in the spelling of the document kind. */
function set(c: FixContext, helmPath: string, configMapKey: string, raw: string): TextEdit[] | undefined {
  if (c.configMap) return setPath(c.root, [configMapKey], valueText(raw, c.root.get(configMapKey), true), c.text);
  const parts = helmPath.split('.');
  const parent = parts.length > 1 ? c.root.lookupMap(parts.slice(0, -1).join('.')) : c.root;
  const existing = parent?.get(parts[parts.length - 1]);
  if (existing && !mapsToFile(existing, parts[parts.length - 1], c.text)) return undefined;
  return setPath(c.root, parts, valueText(raw, existing, false), c.text);
}

function one(title: string, edits: TextEdit[] | undefined): Fix[] {
  return edits && edits.length > 0 ? [{ title, edits }] : [];
}

const bpfMasquerade: Fixer = (_f, c) =>
  one(c.configMap ? 'Set enable-bpf-masquerade: "true" (masquerade in eBPF)' : 'Set bpf.masquerade: true (masquerade in eBPF)', set(c, 'bpf.masquerade', 'enable-bpf-masquerade', 'true'));

const kprOn: Fixer = (_f, c) => {
  const mode = inRange(c.doc.version, undefined, '1.13') ? 'strict' : 'true';
  const needsApi = !c.configMap && (!c.root.get('k8sServiceHost') || !c.root.get('k8sServicePort'));
  const also = needsApi ? ' — it also needs k8sServiceHost and k8sServicePort set to your API server' : '';
  return one(
    c.configMap ? `Set kube-proxy-replacement: "${mode}"${also}` : `Set kubeProxyReplacement: ${mode}${also}`,
    set(c, 'kubeProxyReplacement', 'kube-proxy-replacement', mode),
  );
};

const endpointRoutesOff: Fixer = (f, c) => {
  // Only when the user wrote the switch; when eni/azure/gke force it there is nothing safe to change.
  if (f.key !== 'endpointRoutes.enabled' && f.key !== 'enable-endpoint-routes') return [];
  return one(
    c.configMap ? 'Set enable-endpoint-routes: "false"' : 'Set endpointRoutes.enabled: false (this version cannot combine it with BPF host routing)',
    set(c, 'endpointRoutes.enabled', 'enable-endpoint-routes', 'false'),
  );
};

const quotedBoolean: Fixer = (f, c) => {
  if (!f.key) return [];
  const entry = c.root.lookup(f.key);
  if (!entry || !mapsToFile(entry, f.key.split('.').pop()!, c.text)) return [];
  const raw = c.text.slice(entry.valueRange.start, entry.valueRange.end).replace(/^["']|["']$/g, '');
  const value = /^(false|no|off)$/i.test(raw) ? 'false' : 'true';
  return one(`Write ${value} without quotes`, [{ range: entry.valueRange, newText: value }]);
};

const configMapQuote: Fixer = (f, c) => {
  if (!f.key) return [];
  const entry = c.root.get(f.key);
  if (!entry) return [];
  const raw = c.text.slice(entry.valueRange.start, entry.valueRange.end);
  if (entry.valueRange.end <= entry.valueRange.start) return one(`Write ${f.key}: ""`, replaceValue(c.root, f.key, '""', c.text));
  return one(`Quote the value: "${raw}"`, [{ range: entry.valueRange, newText: `"${raw.replace(/["\\]/g, (ch) => `\\${ch}`)}"` }]);
};

/** `tunnel: vxlan` → `routingMode: tunnel` + `tunnelProtocol: vxlan`; `tunnel: disabled` → `routingMode: native`. */
function tunnelSuccessor(c: FixContext): Fix[] {
  if (!keyExistsIn('routingMode', c.doc.version)) return [];
  const entry = c.root.get('tunnel');
  if (!entry || entry.merged || !mapsToFile(entry, 'tunnel', c.text) || c.root.get('routingMode')) return [];
  const value = c.text.slice(entry.valueRange.start, entry.valueRange.end).replace(/^["']|["']$/g, '');
  if (value === 'disabled') return one('Replace tunnel: disabled with routingMode: native', [{ range: { start: entry.keyRange.start, end: entry.valueRange.end }, newText: 'routingMode: native' }]);
  if (value !== 'vxlan' && value !== 'geneve') return [];
  const lineStart = c.text.lastIndexOf('\n', entry.keyRange.start - 1) + 1;
  const indent = c.text.slice(lineStart, entry.keyRange.start);
  if (indent.trim() !== '') return [];
  const tunnelProtocolTaken = !!c.root.get('tunnelProtocol');
  const newText = tunnelProtocolTaken ? 'routingMode: tunnel' : `routingMode: tunnel\n${indent}tunnelProtocol: ${value}`;
  return one(`Replace tunnel: ${value} with routingMode: tunnel${tunnelProtocolTaken ? '' : ` and tunnelProtocol: ${value}`}`, [{ range: { start: entry.keyRange.start, end: entry.valueRange.end }, newText }]);
}

const removedKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  if (f.key === 'tunnel') return tunnelSuccessor(c);
  const advice = adviceFor(f.key);
  const target = advice?.renameTo;
  if (!target || !keyExistsIn(target, c.doc.version)) return [];
  const from = f.key.split('.');
  const to = target.split('.');
  // A rename within the same mapping only: moving a key to another parent could collide with what is there.
  if (from.length !== to.length || from.slice(0, -1).join('.') !== to.slice(0, -1).join('.')) return [];
  const parent = from.length > 1 ? c.root.lookupMap(from.slice(0, -1).join('.')) : c.root;
  if (!parent || parent.get(to[to.length - 1])) return [];
  const entry = parent.get(from[from.length - 1]);
  if (!entry || !mapsToFile(entry, from[from.length - 1], c.text)) return [];
  return one(`Rename ${f.key} to ${target}`, renameKey(parent, from[from.length - 1], to[to.length - 1]));
};

const kprDeprecated: Fixer = (f, c) => {
  const entry = c.root.get('kubeProxyReplacement');
  if (!entry) return [];
  const raw = c.text.slice(entry.valueRange.start, entry.valueRange.end).replace(/^["']|["']$/g, '');
  const modern = KPR_LEGACY_VALUES[raw];
  // Only the one-to-one replacements: partial and probe have no single equivalent.
  if (modern !== 'true' && modern !== 'false') return [];
  return one(`Write kubeProxyReplacement: ${modern}`, replaceValue(c.root, 'kubeProxyReplacement', valueText(modern, entry, false), c.text));
};

const unknownKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  const parts = f.key.split('.');
  const name = parts[parts.length - 1];
  const parentPath = parts.slice(0, -1).join('.');
  const suggestion = suggest(name, parentPath, c.doc.version);
  if (!suggestion) return [];
  const target = suggestion.split('.');
  // Renaming in place is safe only when the suggestion lives in the same mapping.
  if (target.slice(0, -1).join('.') !== parentPath) return [];
  const parent = parentPath ? c.root.lookupMap(parentPath) : c.root;
  const newName = target[target.length - 1];
  if (!parent || parent.get(newName)) return [];
  const entry = parent.get(name);
  if (!entry || !mapsToFile(entry, name, c.text)) return [];
  return one(`Change to ${newName}`, renameKey(parent, name, newName));
};

/** A fix that writes one value, in the document's spelling; `cm` undefined = Helm values only. */
function setTo(helmPath: string, cm: string | undefined, raw: string, why: string): Fixer {
  return (_f, c) => {
    if (c.configMap && !cm) return [];
    const shown = c.configMap ? `${cm}: "${raw}"` : `${helmPath}: ${raw}`;
    return one(`Set ${shown} (${why})`, set(c, helmPath, cm ?? helmPath, raw));
  };
}

export const FIXERS: Record<string, Fixer> = {
  'bpf-masquerade-needs-nodeport': kprOn,
  'chart-envoy-needs-kpr': kprOn,
  'ip-masq-agent-needs-bpf-masquerade': bpfMasquerade,
  'egress-gateway-needs-bpf-masquerade': bpfMasquerade,
  'host-routing-explicit-legacy': setTo('bpf.hostLegacyRouting', 'enable-host-legacy-routing', 'false', 'let the agent use BPF host routing'),
  'l7-proxy-needs-iptables': setTo('installIptablesRules', 'install-iptables-rules', 'true', 'the L7 proxy needs them'),
  'chart-l7-proxy-required': setTo('l7Proxy', undefined, 'true', 'the Ingress controller, Gateway API and Envoy load balancer need it'),
  'chart-hubble-relay-needs-hubble': setTo('hubble.enabled', undefined, 'true', 'Relay needs Hubble'),
  'chart-hubble-ui-needs-relay': setTo('hubble.relay.enabled', undefined, 'true', 'the UI needs Relay'),
  'chart-node-taints': setTo('operator.removeNodeTaints', undefined, 'true', 'the operator must remove the taint it sets'),
  'host-routing-iptables-masquerade': bpfMasquerade,
  'host-routing-kpr-off': kprOn,
  'host-routing-needs-kpr': kprOn,
  'host-routing-endpoint-routes': endpointRoutesOff,
  'quoted-boolean': quotedBoolean,
  'configmap-value-not-string': configMapQuote,
  'key-removed': removedKey,
  'chart-tunnel-removed': (f, c) => (c.configMap ? [] : tunnelSuccessor(c)),
  'kpr-deprecated-value': kprDeprecated,
  'chart-kpr-invalid': (f, c) => (c.configMap ? [] : kprDeprecated(f, c)),
  'unknown-key': unknownKey,
};
