// Fixes for keys: a key removed from the chart gets its successor where the mapping is one-to-one (renamed in
// place, or moved below its new parent), a key the chart dropped for good is removed, a misspelt key gets the
// suggested name. Every target is checked against the key catalog of the target version, and a value that
// would not fit the new key's type is left alone.

import { childrenOf, getKey, keyExistsIn } from '../knowledge/catalog';
import { adviceFor } from '../knowledge/keyHistory';
import { deprecatedRename } from '../knowledge/deprecatedValues';
import { mapAt, moveEntry, removeEntry, renameKey, replaceEntry } from '../edit/yamlEdit';
import { TEMPLATED, type Plain } from '../parse/tree';
import { joinedPathSuggestion, suggest } from '../rules/keyRules';
import type { CiliumVersion } from '../version';
import type { Finding, Fix } from '../types';
import { isScalar, Scalar } from 'yaml';
import { one, revealNote, writtenValue, type Fixer, type FixContext } from './context';

function jsonType(v: Plain): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** The value passes the type check the key rules run on `path` (so the fix brings no wrong-type finding). */
function typeFits(path: string, value: Plain): boolean {
  const types = getKey(path)?.types ?? [];
  if (types.length === 0 || value === null || value === TEMPLATED) return true;
  const actual = jsonType(value);
  if (types.includes(actual) || (actual === 'integer' && types.includes('number'))) return true;
  return (
    actual === 'string' && (types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(String(value))
  );
}

const split = (path: string) => path.split('.');
const parentOf = (parts: readonly string[]) => parts.slice(0, -1).join('.');

/** `10.0.0.0/8` → `[10.0.0.0/8]`, quoted if the text could not stand in a flow sequence as it is. */
function asList(c: FixContext, e: { node: unknown; valueRange: { start: number; end: number } }): string | undefined {
  if (!isScalar(e.node) || typeof e.node.value !== 'string' || e.node.value === '') return undefined;
  const written = c.text.slice(e.valueRange.start, e.valueRange.end);
  if (e.node.type === Scalar.PLAIN && /[,[\]{}#]/.test(written))
    return `["${e.node.value.replace(/["\\]/g, (ch) => `\\${ch}`)}"]`;
  return e.node.type === Scalar.PLAIN || e.node.type === Scalar.QUOTE_DOUBLE || e.node.type === Scalar.QUOTE_SINGLE
    ? `[${written}]`
    : undefined;
}

interface Successor {
  to: string;
  /** The new value as text, when it is not the old one unchanged. */
  value?: (c: FixContext, e: { node: unknown; valueRange: { start: number; end: number } }) => string | undefined;
  note?: string;
}

/**
 * Successors that the advice table (knowledge/keyHistory.ts) does not give as a plain rename. bpf.hostRouting
 * was copied into enable-host-legacy-routing as it was (v1.12.19 values.yaml: "route traffic via host stack
 * (true)"), so the value stays; the cluster-pool CIDR became a list (v1.12.19 values.yaml l.1218-1222).
 */
const SUCCESSORS: Record<string, Successor> = {
  'bpf.hostRouting': {
    to: 'bpf.hostLegacyRouting',
    note: 'same value: hostRouting: true already meant legacy routing',
  },
  'ipam.operator.clusterPoolIPv4PodCIDR': { to: 'ipam.operator.clusterPoolIPv4PodCIDRList', value: asList },
  'ipam.operator.clusterPoolIPv6PodCIDR': { to: 'ipam.operator.clusterPoolIPv6PodCIDRList', value: asList },
};

function successorOf(key: string): Successor | undefined {
  const extra = SUCCESSORS[key];
  if (extra) return extra;
  const renameTo = adviceFor(key)?.renameTo;
  return renameTo ? { to: renameTo } : undefined;
}

/** Renames `from` to `to` in place when they share a parent, else moves a one-line value there. */
function renameOrMove(c: FixContext, from: string, to: string, successor: Successor = { to }): Fix[] {
  const version: CiliumVersion = c.doc.version;
  if (!keyExistsIn(to, version)) return [];
  const fromParts = split(from);
  const toParts = split(to);
  const parent = mapAt(c.root, fromParts.slice(0, -1));
  const entry = parent?.get(fromParts[fromParts.length - 1]);
  if (!parent || !entry || entry.merged || c.root.lookup(toParts)) return [];
  const note = successor.note ? ` (${successor.note})` : '';
  if (successor.value) {
    const value = successor.value(c, entry);
    if (!value || parentOf(fromParts) !== parentOf(toParts)) return [];
    return one(
      `Replace ${from} with ${to}: ${value}${note}`,
      replaceEntry(parent, entry.key, [`${toParts[toParts.length - 1]}: ${value}`], c.text),
    );
  }
  if (!typeFits(to, parent.valueOf(entry))) return [];
  if (parentOf(fromParts) === parentOf(toParts))
    return one(`Rename ${from} to ${to}${note}`, renameKey(parent, entry.key, toParts[toParts.length - 1], c.text));
  return one(`Move ${from} to ${to}${note}`, moveEntry(c.root, fromParts, toParts, c.text));
}

/**
 * A mapping whose every key moved to the same new mapping (hostServices.* → socketLB.*): rename the mapping
 * itself, in place, when the new one is not there yet.
 */
function renameParent(c: FixContext, key: string): Fix[] {
  const parts = split(key);
  const view = mapAt(c.root, parts);
  const children = view?.entries() ?? [];
  if (!view || children.length === 0 || children.some((e) => e.merged)) return [];
  let target: string | undefined;
  for (const e of children) {
    const to = adviceFor(`${key}.${e.key}`)?.renameTo;
    if (!to || !to.endsWith(`.${e.key}`) || !keyExistsIn(to, c.doc.version)) return [];
    const newParent = to.slice(0, -(e.key.length + 1));
    if (target !== undefined && target !== newParent) return [];
    target = newParent;
  }
  if (!target || parentOf(split(target)) !== parentOf(parts) || c.root.lookup(split(target))) return [];
  const parent = mapAt(c.root, parts.slice(0, -1));
  const newName = split(target).pop()!;
  return parent ? one(`Rename ${key} to ${target}`, renameKey(parent, parts[parts.length - 1], newName, c.text)) : [];
}

/** `tunnel: vxlan` → `routingMode: tunnel` + `tunnelProtocol: vxlan`; `tunnel: disabled` → `routingMode: native`. */
export const tunnelSuccessor: Fixer = (_f, c) => {
  if (c.configMap || !keyExistsIn('routingMode', c.doc.version)) return [];
  const entry = c.root.get('tunnel');
  if (!entry || entry.merged || !isScalar(entry.node) || c.root.get('routingMode')) return [];
  const value = writtenValue(c, entry).trim();
  if (value === 'disabled') {
    const masq = c.doc.datapath.masquerading.ipv4 && !c.root.get('ipv4NativeRoutingCIDR');
    const also = masq ? ' (native routing with masquerading also needs ipv4NativeRoutingCIDR, your pod network)' : '';
    const note = revealNote(
      c.predict.revealedBy({
        helm: [
          { path: 'tunnel', value: undefined },
          { path: 'routingMode', value: 'native' },
        ],
      }),
    );
    return one(
      `Replace tunnel: disabled with routingMode: native${also}${note}`,
      replaceEntry(c.root, 'tunnel', ['routingMode: native'], c.text),
    );
  }
  if (value !== 'vxlan' && value !== 'geneve') return [];
  const protocolTaken = !!c.root.get('tunnelProtocol');
  const lines = protocolTaken ? ['routingMode: tunnel'] : ['routingMode: tunnel', `tunnelProtocol: ${value}`];
  return one(`Replace tunnel: ${value} with ${lines.join(' and ')}`, replaceEntry(c.root, 'tunnel', lines, c.text));
};

/**
 * Removes a key the chart dropped without successor (advice "nothing: ..."), or whose presence makes the chart
 * fail. When every key of its mapping is gone from the chart, and the mapping too, the mapping goes instead.
 */
function removeKey(c: FixContext, key: string, why: string): Fix[] {
  const version = c.doc.version;
  let parts = split(key);
  while (parts.length > 1 && !keyExistsIn(parentOf(parts), version)) {
    const parentPath = parts.slice(0, -1);
    const siblings = mapAt(c.root, parentPath)?.entries() ?? [];
    if (siblings.some((e) => e.merged || keyExistsIn([...parentPath, e.key].join('.'), version))) break;
    parts = parentPath;
  }
  const parent = mapAt(c.root, parts.slice(0, -1));
  return parent ? one(`Remove ${parts.join('.')} (${why})`, removeEntry(parent, parts[parts.length - 1], c.text)) : [];
}

const goneForGood = (key: string) => /^nothing\b/.test(adviceFor(key)?.replacement ?? '');

/** key-removed: the successor, the renamed parent, or (for keys with no successor at all) removal. */
export const removedKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  if (f.key === 'tunnel') return tunnelSuccessor(f, c);
  const successor = successorOf(f.key);
  if (successor) return renameOrMove(c, f.key, successor.to, successor);
  const parent = renameParent(c, f.key);
  if (parent.length > 0) return parent;
  return goneForGood(f.key) ? removeKey(c, f.key, 'the chart no longer has it; Helm ignores it') : [];
};

/** key-deprecated: only the renames that keep the meaning (knowledge/deprecatedValues.ts DEPRECATED_RENAMES). */
export const deprecatedKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  const to = deprecatedRename(f.key, c.doc.version);
  return to ? renameOrMove(c, f.key, to) : [];
};

/** A chart `fail` on a removed key: its successor where there is one, else removing it. */
function chartRemovedKey(why: string): Fixer {
  return (f: Finding, c) => {
    if (!f.key || c.configMap) return [];
    const successor = successorOf(f.key);
    if (successor) return renameOrMove(c, f.key, successor.to, successor);
    return removeKey(c, f.key, why);
  };
}

/** Only the suggestion is trusted: the one a sibling typo points at, or the one parent that has this key. */
export const unknownKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  const parts = split(f.key);
  const name = parts[parts.length - 1];
  const parentPath = parentOf(parts);
  const renamed = renameParent(c, f.key);
  if (renamed.length > 0) return renamed;
  const suggestion = suggest(name, parentPath, c.doc.version);
  if (!suggestion) return [];
  const target = split(suggestion);
  if (parentOf(target) === parentPath) return renameOrMove(c, f.key, suggestion);
  // `ipamMode: kubernetes` → `ipam: {mode: kubernetes}`: the name spells the nested path exactly.
  if (joinedPathSuggestion(name, parentPath, c.doc.version) === suggestion) return renameOrMove(c, f.key, suggestion);
  // `masquerade: true` at the top → bpf.masquerade, only if exactly one top-level mapping has that key.
  if (parentPath !== '' || target.length !== 2 || target[1] !== name) return [];
  const holders = childrenOf('', c.doc.version).filter((top) => childrenOf(top, c.doc.version).includes(name));
  return holders.length === 1 ? renameOrMove(c, f.key, suggestion) : [];
};

/**
 * dotted-key: `eni.enabled: true` becomes `eni:` with `enabled: true` below it, merged into an `eni:` mapping
 * that is already there; the value and its comment move as written. Refused when the nested key exists too.
 */
export const nestDottedKey: Fixer = (f, c) => {
  if (!f.key || c.configMap) return [];
  const parts = split(f.key);
  for (let i = 0; i < parts.length - 1; i++) {
    const parentPath = parts.slice(0, i);
    const literal = parts.slice(i).join('.');
    const entry = mapAt(c.root, parentPath)?.get(literal);
    if (!entry || entry.keyRange.start !== f.range.start) continue;
    const into = parts.slice(0, i + 1).join('.');
    return one(`Nest ${literal} under ${into}:`, moveEntry(c.root, [...parentPath, literal], parts, c.text));
  }
  return [];
};

/** The chart refuses a removed key while it is set: rename it to its successor, or remove it. */
export const chartRemoved: Fixer = chartRemovedKey('the chart refuses to install while it is set');
