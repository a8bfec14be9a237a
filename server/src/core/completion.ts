// Completion of the keys valid at the cursor for the target version, and of the values a key accepts. The key
// path of the cursor is read from the raw text (indentation of the lines above), because the line being typed
// (`  masq`) is rarely the YAML the parser needs; the analysis only tells which document the cursor is in, its
// target version and which keys it already has.

import { normaliseLineBreaks } from './positions';
import type { Analysis, DocumentAnalysis } from './analyze';
import { configMapKeyMarkdown, helmKeyMarkdown, versionLabel } from './docs/keyInfo';
import { childrenOf, getKey, isOpenMap, keyExistsIn } from './knowledge/catalog';
import { configKeyInfo, configKeysIn, type ConfigKeyInfo } from './knowledge/configKeys';
import { configMapKeyDoc, helmKeysFor } from './knowledge/keyDocs';
import { readersText } from './rules/configMapKeyRules';
import { adviceFor } from './knowledge/keyHistory';
import { allowedIn, enumSpecFor, schemaEnumValues } from './knowledge/enumValues';
import { VALUE_WORD_RULES } from './rules/defs/index';
import { kprDeprecationNote, kprFacts } from './knowledge/kprModes';
import { valueDomain } from './knowledge/valueDomains';
import type { MapView } from './parse/tree';
import type { Range } from './types';
import type { CiliumVersion } from './version';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value';
  insertText: string;
  detail?: string;
  /** Markdown, the same text as the hover (without the parts that depend on the file). */
  documentation?: string;
  replaceRange?: Range;
  deprecated?: boolean;
}

interface EnumValue {
  value: string;
  deprecated?: boolean;
  note?: string;
}

const plain = (...values: string[]): EnumValue[] => values.map((value) => ({ value }));

/**
 * The values an enum-like Helm key takes in a version: kubeProxyReplacement from its table (kprModes.ts), keys
 * whose words no rule checks from what values.yaml documents (valueDomains.ts), everything else from the sets
 * the value checks use (enumValues.ts, the schema's enums).
 */
export function enumValues(path: string, v: CiliumVersion): EnumValue[] | undefined {
  if (path === 'kubeProxyReplacement') {
    const facts = kprFacts(v);
    return facts.words.map((value) => {
      const note = kprDeprecationNote(value, v);
      return note ? { value, deprecated: true, note } : { value };
    });
  }
  const domain = valueDomain(path, v);
  if (domain)
    return domain.values.map((value) =>
      domain.deprecated ? { value, deprecated: true, note: domain.deprecated } : { value },
    );
  const spec = enumSpecFor(VALUE_WORD_RULES, path, v);
  const words = spec ? allowedIn(spec, v) : schemaEnumValues(path, v);
  return words ? plain(...words) : undefined;
}

/** ConfigMap keys whose values are the same as a Helm enum. */
const CONFIGMAP_ENUMS: Record<string, string> = {
  'kube-proxy-replacement': 'kubeProxyReplacement',
  'routing-mode': 'routingMode',
  'tunnel-protocol': 'tunnelProtocol',
  tunnel: 'tunnel',
  'bpf-lb-mode': 'loadBalancer.mode',
  'bpf-lb-dsr-dispatch': 'loadBalancer.dsrDispatch',
  'bpf-lb-algorithm': 'loadBalancer.algorithm',
  'bpf-lb-acceleration': 'loadBalancer.acceleration',
  'datapath-mode': 'bpf.datapathMode',
  ipam: 'ipam.mode',
  'cni-chaining-mode': 'cni.chainingMode',
  'enable-policy': 'policyEnforcementMode',
  'identity-allocation-mode': 'identityAllocationMode',
  'monitor-aggregation': 'bpf.monitorAggregation',
};

const BOOL_VALUES = plain('true', 'false');

function isBooleanKey(path: string): boolean {
  return getKey(path)?.types.includes('boolean') ?? false;
}

function configMapValues(key: string, v: CiliumVersion): EnumValue[] | undefined {
  const helm = CONFIGMAP_ENUMS[key];
  if (helm) return enumValues(helm, v);
  const info = configKeyInfo(key, v);
  if (info) return (info.types.agent ?? info.types.operator) === 'bool' ? BOOL_VALUES : undefined;
  if (helmKeysFor(key).some(isBooleanKey)) return BOOL_VALUES;
  if (
    /^(enable|install|disable)-/.test(key) ||
    key === 'auto-direct-node-routes' ||
    key === 'bpf-lb-sock' ||
    key === 'encrypt-node'
  )
    return BOOL_VALUES;
  return undefined;
}

// ---------------------------------------------------------------------------------------------- text helpers

function lineStartOf(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndOf(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  return n < 0 ? text.length : n;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) i++;
  return i;
}

const MAP_PARENT = /^\s*([\w./-]+|"[^"]+"|'[^']+')\s*:\s*(#.*)?$/;
const DOC_BOUNDARY = /^(---|\.\.\.)(\s|$)/;

function unquote(k: string): string {
  return k.replace(/^["']|["']$/g, '');
}

function isSkippable(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}

interface Context {
  doc: DocumentAnalysis;
  /** Key path of the mapping the cursor's line belongs to ([] = the values root / ConfigMap data). */
  path: string[];
  /** Column of the keys of that mapping. */
  indent: number;
  /** Indentation step between a mapping and its children (for inserting a child mapping). */
  step: number;
  /** Line start offsets of the mapping's block: [first line after the parent, end of block). */
  blockStart: number;
  parentIndent: number;
}

/** A regex for the first line that ends a block whose lines are indented more than `maxIndent` (or a `---`). */
function blockEndRe(maxIndent: number): RegExp {
  return maxIndent >= 0
    ? new RegExp(`^(?: {0,${maxIndent}}[^ \\t\\r\\n#]|(?:---|\\.\\.\\.)(?:\\s|$))`, 'm')
    : /^(?:---|\.\.\.)(?:\s|$)/m;
}

/**
 * The mapping the cursor's line (indented by `indent`) belongs to, inside document `doc`: walks the lines
 * above, one level up for each less indented `key:` line, until the line of the document's first key. Returns
 * undefined when the cursor is not inside the document's values (a wrapper's other fields, another document).
 */
function contextIn(doc: DocumentAnalysis, text: string, lineStart: number, indent: number): Context | undefined {
  const root = doc.source.root;
  const rootStart = root.range.start;
  const rootLineStart = lineStartOf(text, rootStart);
  const rootColumn = rootStart - rootLineStart;
  if (indent < rootColumn) return undefined;
  if (text.slice(rootLineStart, rootStart).trim() !== '') return undefined; // a flow mapping or `- key:`: not handled
  if (lineStart < rootLineStart) {
    // Above the first key of a plain values file (its leading comments, a new first line): still the root.
    if (doc.source.kind !== 'helm-values' || indent !== rootColumn) return undefined;
    const between = text.slice(lineEndOf(text, lineStart) + 1, rootLineStart);
    if (between.split('\n').some((l) => !isSkippable(l) || DOC_BOUNDARY.test(l))) return undefined;
    return { doc, path: [], indent, step: 2, blockStart: rootLineStart, parentIndent: rootColumn - 1 };
  }
  const path: string[] = [];
  let want = indent;
  let pos = lineStart;
  let blockStart = rootLineStart;
  let parentIndent = rootColumn - 1;
  while (pos > rootLineStart) {
    if (want === rootColumn) {
      // Only the root level is left: one search tells whether anything above leaves the values block.
      if (blockEndRe(rootColumn - 1).test(text.slice(rootLineStart, pos))) return undefined;
      break;
    }
    const prevStart = lineStartOf(text, pos - 1);
    const ind = indentOf(text.slice(prevStart, Math.min(pos - 1, prevStart + want + 1)));
    const line = ind < want ? text.slice(prevStart, pos - 1).replace(/\r$/, '') : '';
    pos = prevStart;
    if (ind >= want) {
      if (ind === 0 && DOC_BOUNDARY.test(text.slice(prevStart, prevStart + 4))) return undefined;
      continue;
    }
    if (DOC_BOUNDARY.test(line)) return undefined;
    if (isSkippable(line)) continue;
    if (ind < rootColumn) return undefined; // left the values block (a wrapper's field)
    const m = MAP_PARENT.exec(line);
    if (!m) return undefined; // a list item, a scalar, a block scalar header: no keys go below it
    if (path.length === 0) {
      blockStart = lineEndOf(text, prevStart) + 1;
      parentIndent = ind;
    }
    path.unshift(unquote(m[1]));
    want = ind;
  }
  if (path.length > 0 && want !== rootColumn) return undefined;
  if (path.length === 0 && indent !== rootColumn) return undefined;
  const step = path.length > 0 ? Math.max(1, indent - parentIndent) : 2;
  return { doc, path, indent, step, blockStart, parentIndent };
}

/** Which Cilium document and mapping the cursor is in; the last document that claims the line wins. */
function contextAt(analysis: Analysis, text: string, lineStart: number, indent: number): Context | undefined {
  for (let i = analysis.documents.length - 1; i >= 0; i--) {
    const c = contextIn(analysis.documents[i], text, lineStart, indent);
    if (c) return c;
  }
  return undefined;
}

/** Keys written at the mapping's indentation in its block (text based, so a broken line does not hide them). */
function keysInBlock(text: string, c: Context, skipLineStart: number): Set<string> {
  const out = new Set<string>();
  const rest = text.slice(c.blockStart);
  const end = blockEndRe(c.parentIndent).exec(rest);
  const block = end ? rest.slice(0, end.index) : rest;
  const re = new RegExp(`^ {${c.indent}}([\\w./-]+|"[^"]+"|'[^']+')\\s*:(?:\\s|$)`, 'gm');
  for (let m = re.exec(block); m; m = re.exec(block)) {
    if (c.blockStart + m.index !== skipLineStart) out.add(unquote(m[1]));
  }
  return out;
}

function viewAt(root: MapView, path: string[]): MapView | undefined {
  let view: MapView | undefined = root;
  for (const seg of path) view = view?.child(seg);
  return view;
}

// ---------------------------------------------------------------------------------------------- completion

function helmDocumentation(path: string, v: CiliumVersion): string {
  return helmKeyMarkdown(path, v).join('\n');
}

function valueEntries(
  values: EnumValue[],
  path: string,
  v: CiliumVersion,
  configMap: boolean,
  replaceRange: Range,
): CompletionEntry[] {
  const documentation = configMap ? configMapKeyMarkdown(path, v).join('\n') : helmDocumentation(path, v);
  return values.map((e) => ({
    label: e.value,
    kind: 'value' as const,
    insertText: configMap ? `"${e.value}"` : e.value,
    detail: `${path} · ${configMap ? 'Cilium' : 'cilium chart'} ${versionLabel(v)}${e.note ? ` · ${e.note}` : ''}`,
    documentation,
    replaceRange,
    ...(e.deprecated ? { deprecated: true } : {}),
  }));
}

function completeValue(
  c: Context,
  key: string,
  typed: string,
  quote: string,
  offset: number,
  after: string,
  v: CiliumVersion,
): CompletionEntry[] {
  const configMap = c.doc.source.format === 'configmap';
  const extra = c.path.length === 1 && c.path[0] === 'extraConfig' && !configMap;
  const path = configMap || extra ? key : [...c.path, key].join('.');
  let values: EnumValue[] | undefined;
  if (configMap || extra) values = configMapValues(key, v);
  else if (keyExistsIn(path, v)) values = enumValues(path, v) ?? (isBooleanKey(path) ? BOOL_VALUES : undefined);
  if (!values || values.length === 0) return [];
  // Replace what was typed, the rest of the word after the cursor, and an auto-closed quote.
  const rest = /^[\w.-]*/.exec(after)![0];
  let end = offset + rest.length;
  if (quote && after.slice(rest.length).startsWith(quote)) end += 1;
  const replaceRange = { start: offset - typed.length - quote.length, end };
  const quoted = configMap || extra || quote !== '';
  return valueEntries(values, path, v, quoted, replaceRange).map((e) =>
    quoted ? { ...e, insertText: `${quote || '"'}${e.label}${quote || '"'}` } : e,
  );
}

function completeKey(
  c: Context,
  text: string,
  lineStart: number,
  typed: string,
  offset: number,
  after: string,
  v: CiliumVersion,
): CompletionEntry[] {
  const configMap = c.doc.source.format === 'configmap';
  const rest = /^[\w.-]*/.exec(after)![0];
  const hasColon = /^\s*:/.test(after.slice(rest.length));
  const replaceRange = { start: offset - typed.length, end: offset + rest.length };
  const present = keysInBlock(text, c, lineStart);
  const view = viewAt(c.doc.source.root, c.path);
  for (const e of view?.entries() ?? [])
    if (e.keyRange.start < lineStart || e.keyRange.start > offset + rest.length) present.add(e.key);

  const configMapKeys = configMap ? c.path.length === 0 : c.path.length === 1 && c.path[0] === 'extraConfig';
  if (configMapKeys) {
    // Every key the agent or operator of this version reads; hidden flags (not in `--help`) only when we document
    // them, and keys only the chart writes for other components (etcd-config, cni-uninstall) not at all.
    return configKeysIn(v)
      .map((k) => configKeyInfo(k, v))
      .filter(
        (info): info is ConfigKeyInfo =>
          !!info && !present.has(info.key) && (!info.hidden || !!configMapKeyDoc(info.key)),
      )
      .map((info) => ({
        label: info.key,
        kind: 'key' as const,
        insertText: hasColon ? info.key : `${info.key}: `,
        detail: `cilium-config · ${info.types.agent ?? info.types.operator} · ${readersText(info.components)} · Cilium ${versionLabel(v)}`,
        documentation: configMapKeyMarkdown(info.key, v).join('\n'),
        replaceRange,
        ...(info.deprecated ? { deprecated: true } : {}),
      }));
  }
  if (configMap) return [];
  const parent = c.path.join('.');
  if (parent && (!keyExistsIn(parent, v) || isOpenMap(parent, v))) return [];
  return childrenOf(parent, v)
    .filter((name) => !present.has(name))
    .map((name) => {
      const path = parent ? `${parent}.${name}` : name;
      const children = childrenOf(path, v);
      const types = getKey(path)?.types ?? [];
      const isMapping = (children.length > 0 && !isOpenMap(path, v)) || (types.length === 1 && types[0] === 'object');
      const insertText = hasColon ? name : isMapping ? `${name}:\n${' '.repeat(c.indent + c.step)}` : `${name}: `;
      const advice = adviceFor(path);
      return {
        label: name,
        kind: 'key' as const,
        insertText,
        detail: `${path} · cilium chart ${versionLabel(v)}${types.length ? ` · ${types.join(' | ')}` : ''}`,
        documentation: helmDocumentation(path, v),
        replaceRange,
        ...(advice ? { deprecated: true } : {}),
      };
    });
}

const VALUE_LINE = /^(\s*)([\w./-]+|"[^"]+"|'[^']+')\s*:\s+(["']?)([\w.-]*)$/;
const KEY_LINE = /^(\s*)([\w.-]*)$/;

export function completeAt(analysis: Analysis, input: string, offset: number): CompletionEntry[] {
  // Lone `\r` breaks lines as for the analysis (same length, so offsets hold).
  const text = normaliseLineBreaks(input);
  if (analysis.documents.length === 0 || offset < 0 || offset > text.length) return [];
  const lineStart = lineStartOf(text, offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEndOf(text, offset)).replace(/\r$/, '');
  const value = VALUE_LINE.exec(before);
  const key = value ? undefined : KEY_LINE.exec(before);
  if (!value && !key) return [];
  const indent = (value ?? key)![1].length;
  const c = contextAt(analysis, text, lineStart, indent);
  if (!c) return [];
  const v = c.doc.version;
  if (value) return completeValue(c, unquote(value[2]), value[4], value[3], offset, after, v);
  return completeKey(c, text, lineStart, key![2], offset, after, v);
}
