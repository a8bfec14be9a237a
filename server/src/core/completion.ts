// Completion of keys valid at the cursor for the target version, and of the values a key accepts. Works on the
// raw text around the cursor, because a half-typed line (`  masq`) is rarely the YAML the parser would need.

import type { Analysis, DocumentAnalysis } from './analyze';
import { childrenOf, defaultIn, getKey, isOpenMap, keyExistsIn } from './knowledge/catalog';
import { configMapKeyDoc, helmKeyDoc, keyDocs } from './knowledge/keyDocs';
import type { Range } from './types';
import { inRange, type CiliumVersion } from './version';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value';
  insertText: string;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  replaceRange?: Range;
  deprecated?: boolean;
}

/** The values each enum-like key takes; kubeProxyReplacement depends on the version. */
function enumValues(path: string, v: CiliumVersion): string[] | undefined {
  switch (path) {
    case 'kubeProxyReplacement':
      if (inRange(v, undefined, '1.12')) return ['disabled', 'partial', 'strict', 'probe'];
      if (inRange(v, undefined, '1.13')) return ['disabled', 'partial', 'strict'];
      if (inRange(v, undefined, '1.15')) return ['true', 'false', 'strict', 'partial', 'disabled'];
      return ['true', 'false'];
    case 'routingMode':
      return ['tunnel', 'native'];
    case 'tunnelProtocol':
      return ['vxlan', 'geneve'];
    case 'tunnel':
      return ['vxlan', 'geneve', 'disabled'];
    case 'loadBalancer.mode':
      return ['snat', 'dsr', 'hybrid'];
    case 'loadBalancer.dsrDispatch':
      return ['opt', 'ipip', 'geneve'];
    case 'loadBalancer.algorithm':
      return ['random', 'maglev'];
    case 'loadBalancer.acceleration':
      return ['disabled', 'native', 'best-effort'];
    case 'bpf.datapathMode':
      return ['veth', 'netkit', 'netkit-l2'];
    case 'ipam.mode':
      return ['cluster-pool', 'kubernetes', 'multi-pool', 'eni', 'azure', 'alibabacloud', 'crd'];
    case 'encryption.type':
      return ['ipsec', 'wireguard'];
    case 'cni.chainingMode':
      return ['none', 'aws-cni', 'flannel', 'generic-veth', 'portmap'];
    case 'policyEnforcementMode':
      return ['default', 'always', 'never'];
  }
  return undefined;
}

/** Agent option values, by ConfigMap key. */
function configMapValues(key: string, v: CiliumVersion): string[] | undefined {
  const helm: Record<string, string> = { 'kube-proxy-replacement': 'kubeProxyReplacement', 'routing-mode': 'routingMode', 'tunnel-protocol': 'tunnelProtocol', tunnel: 'tunnel', 'bpf-lb-mode': 'loadBalancer.mode' };
  if (helm[key]) return enumValues(helm[key], v);
  if (key.startsWith('enable-') || key.startsWith('install-') || key === 'auto-direct-node-routes' || key === 'bpf-lb-sock') return ['true', 'false'];
  return undefined;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** The document the cursor is in: the one whose values start before it, last first. */
function docFor(analysis: Analysis, offset: number): DocumentAnalysis | undefined {
  let found: DocumentAnalysis | undefined;
  for (const d of analysis.documents) if (d.source.root.range.start <= offset + 1 || d.source.anchor.start <= offset) found = d;
  return found;
}

/**
 * The key path of the mapping that a line at `indent` belongs to, read from the lines above: each less indented
 * `key:` line is one level up, until the indentation of the values root.
 */
function parentPath(text: string, lineStart: number, indent: number, rootIndent: number): string[] | undefined {
  const path: string[] = [];
  let want = indent;
  let pos = lineStart;
  while (pos > 0 && want > rootIndent) {
    const prevStart = lineStartOf(text, pos - 1);
    const line = text.slice(prevStart, pos - 1).replace(/\r$/, '');
    pos = prevStart;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const ind = indentOf(line);
    if (ind >= want) continue;
    const m = /^\s*([\w.-]+|"[^"]+"|'[^']+'):\s*(#.*)?$/.exec(line);
    if (!m) return undefined; // a list item, a flow value, a block scalar: no key completion there
    path.unshift(m[1].replace(/^["']|["']$/g, ''));
    want = ind;
  }
  return want <= rootIndent ? path : undefined;
}

function keyDocumentation(path: string, v: CiliumVersion, configMap: boolean): string {
  const d = configMap ? configMapKeyDoc(path) : helmKeyDoc(path) ?? helmKeyDoc(`${path}.enabled`);
  const parts: string[] = [];
  if (!configMap) {
    const info = getKey(path);
    if (info) parts.push(`Type: \`${info.types.length ? info.types.join(' | ') : 'any'}\` · Default in ${v}: \`${JSON.stringify(defaultIn(path, v)) ?? 'none'}\``);
  }
  if (d) parts.push(d.summary, ...(d.datapath ? [`Datapath: ${d.datapath}`] : []));
  return parts.join('\n\n');
}

export function completeAt(analysis: Analysis, text: string, offset: number): CompletionEntry[] {
  const doc = docFor(analysis, offset);
  if (!doc) return [];
  const v = doc.version;
  const configMap = doc.source.format === 'configmap';
  const start = lineStartOf(text, offset);
  const before = text.slice(start, offset);
  const rootColumn = doc.source.anchor.start - lineStartOf(text, doc.source.anchor.start);

  const valueMatch = /^(\s*)([\w.-]+):\s+(["']?)([\w.-]*)$/.exec(before);
  if (valueMatch) {
    const indent = valueMatch[1].length;
    const parents = configMap ? [] : parentPath(text, start, indent, rootColumn);
    if (!parents) return [];
    const path = [...parents, valueMatch[2]].join('.');
    const typed = valueMatch[4];
    const replaceRange = { start: offset - typed.length - valueMatch[3].length, end: offset };
    const values = configMap ? configMapValues(path, v) : enumValues(path, v) ?? (getKey(path)?.types.includes('boolean') ? ['true', 'false'] : undefined);
    return (values ?? []).map((value) => ({
      label: value,
      kind: 'value' as const,
      insertText: configMap ? `"${value}"` : value,
      detail: `${path} · Cilium ${v}`,
      documentation: keyDocumentation(path, v, configMap),
      replaceRange,
      deprecated: path === 'kubeProxyReplacement' && inRange(v, '1.14') && ['strict', 'partial', 'disabled'].includes(value),
    }));
  }

  const keyMatch = /^(\s*)([\w.-]*)$/.exec(before);
  if (!keyMatch) return [];
  const indent = keyMatch[1].length;
  if (indent < rootColumn) return [];
  const replaceRange = { start: offset - keyMatch[2].length, end: offset };
  if (configMap) {
    const present = new Set(doc.source.root.entries().map((e) => e.key));
    return Object.keys(keyDocs().configMap)
      .filter((k) => !present.has(k))
      .map((k) => ({ label: k, kind: 'key' as const, insertText: `${k}: `, detail: `cilium-config · Cilium ${v}`, documentation: keyDocumentation(k, v, true), replaceRange }));
  }
  const parents = parentPath(text, start, indent, rootColumn);
  if (!parents) return [];
  const parent = parents.join('.');
  if (parent && (!keyExistsIn(parent, v) || isOpenMap(parent, v))) return [];
  const view = parent ? doc.source.root.lookupMap(parent) : doc.source.root;
  const present = new Set((view?.entries() ?? []).filter((e) => e.keyRange.start < start || e.keyRange.start > offset).map((e) => e.key));
  const step = 2;
  return childrenOf(parent, v)
    .filter((name) => !present.has(name))
    .map((name) => {
      const path = parent ? `${parent}.${name}` : name;
      const hasChildren = childrenOf(path, v).length > 0 && !isOpenMap(path, v);
      return {
        label: name,
        kind: 'key' as const,
        insertText: hasChildren ? `${name}:\n${' '.repeat(indent + step)}` : `${name}: `,
        detail: `${path} · cilium chart ${v}`,
        documentation: keyDocumentation(path, v, false),
        replaceRange,
      };
    });
}
