// Rules about the keys themselves, checked against the key catalog of the target chart version: keys that do
// not exist (with a did-you-mean), keys removed or not yet added in that version, values of the wrong type,
// and quoted booleans (rules/quotedBoolean.ts).

import { closest, distance } from 'fastest-levenshtein';
import { chartDefaultAt } from '../chart/chartDefaults';
import { allPathsIn, childrenOf, getKey, isOpenMap, keyExistsIn } from '../knowledge/catalog';
import { booleanUses } from '../knowledge/booleanUses';
import { adviceFor, KPR_LEGACY_VALUES } from '../knowledge/keyHistory';
import { kprFacts } from '../knowledge/kprModes';
import { deprecationOf } from '../knowledge/deprecatedValues';
import { isMap, isSeq } from 'yaml';
import type { MapView, Plain, TreeEntry } from '../parse/tree';
import { exceedsPlainNodes, TEMPLATED } from '../parse/tree';
import { TEMPLATE_FILL } from '../parse/templates';
import type { Finding } from '../types';
import { MAX_FINDINGS_PER_DOCUMENT } from './cap';
import { BOOLEAN_WORDS, quotedBooleanFinding } from './quotedBoolean';
import { inRange, minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from '../version';

const MAX_KEYS_VISITED = 20000;

interface WalkState {
  out: Finding[];
  visited: number;
}

/** Key findings under one top-level entry, remembered while its parse is reused (see parse/sections.ts). */
interface CachedEntry {
  findings: Finding[];
  visited: number;
  /** Where the entry's key was when they were found: they move with it. */
  at: number;
}
const entryCache = new WeakMap<object, Map<CiliumVersion, CachedEntry>>();

/** Counter for tests: top-level entries whose findings were reused instead of computed. */
export const keyFindingSteps = { computed: 0, reused: 0 };

export function keyFindings(root: MapView, version: CiliumVersion): Finding[] {
  const state: WalkState = { out: [], visited: 0 };
  for (const entry of root.entries()) {
    if (entry.merged) continue;
    // What is below one top-level entry depends on that entry alone, so an entry whose nodes were reused
    // from the last parse has the same findings, moved with it. The caps count over the whole document: a
    // cached result is used only when it was found, and is used, below them.
    const key = entry.keyNode;
    const cached = typeof key === 'object' && key ? entryCache.get(key)?.get(version) : undefined;
    if (
      cached &&
      state.out.length + cached.findings.length <= MAX_FINDINGS_PER_DOCUMENT &&
      state.visited + cached.visited <= MAX_KEYS_VISITED
    ) {
      const delta = entry.keyRange.start - cached.at;
      for (const f of cached.findings)
        state.out.push({ ...f, range: { start: f.range.start + delta, end: f.range.end + delta } });
      state.visited += cached.visited;
      keyFindingSteps.reused++;
      continue;
    }
    const before = state.out.length;
    const visitedBefore = state.visited;
    visitEntry(root, entry, '', state, version);
    keyFindingSteps.computed++;
    if (
      typeof key === 'object' &&
      key &&
      state.out.length <= MAX_FINDINGS_PER_DOCUMENT &&
      state.visited <= MAX_KEYS_VISITED
    ) {
      const byVersion = entryCache.get(key) ?? new Map<CiliumVersion, CachedEntry>();
      byVersion.set(version, {
        findings: state.out.slice(before).map((f) => ({ ...f })),
        visited: state.visited - visitedBefore,
        at: entry.keyRange.start,
      });
      entryCache.set(key, byVersion);
    }
  }
  return state.out;
}

function visitEntry(view: MapView, entry: TreeEntry, prefix: string, state: WalkState, version: CiliumVersion): void {
  const out = state.out;
  if (entry.merged || ++state.visited > MAX_KEYS_VISITED) return;
  const path = prefix ? `${prefix}.${entry.key}` : entry.key;
  // A key written by a template has an unknown name: nothing can be said about it.
  if (entry.key.includes(TEMPLATE_FILL) || entry.key.includes('${')) return;
  // `helm get values` output starts with this header line; it is not a value.
  if (!prefix && /^(USER-SUPPLIED|COMPUTED) VALUES$/.test(entry.key)) return;
  if (entry.key.includes('.')) {
    const f = dottedKey(path, prefix, entry, version);
    if (f) out.push(f);
    if (f || !keyExistsIn(path, version)) return;
  }
  if (!keyExistsIn(path, version)) {
    // Past the findings cap these are counted, not shown: skip the did-you-mean search for them.
    const f = missingKey(path, prefix, entry, version, out.length < MAX_FINDINGS_PER_DOCUMENT);
    if (f) out.push(f);
    return;
  }
  const value = typeCheckValue(view, entry);
  const typeFinding = typeCheck(path, entry, value, view, version);
  if (typeFinding) out.push(typeFinding);
  if (path === 'kubeProxyReplacement') {
    const f = kprValue(entry, value, version);
    if (f) out.push(f);
  }
  const deprecated = deprecatedKey(path, entry, version);
  if (deprecated) out.push(deprecated);
  const sub = view.viewOf(entry);
  if (sub && !isOpenMap(path, version)) for (const e of sub.entries()) visitEntry(sub, e, path, state, version);
}

/**
 * What the type check needs of a value: scalars as read, mappings and sequences only as their kind (building the
 * whole plain subtree at every depth made the walk quadratic in the depth). One too big to read counts as unknown,
 * as toPlain would have it.
 */
function typeCheckValue(view: MapView, entry: TreeEntry): Plain {
  const n = entry.node;
  if (isMap(n) || isSeq(n)) return exceedsPlainNodes(n, view.ctx) ? TEMPLATED : isMap(n) ? {} : [];
  return view.valueOf(entry);
}

/**
 * `eni.enabled: true` written as one key: YAML (and Helm) keep the dot in the key's name, so `.Values.eni.enabled`
 * never sees it. Reported when the first part is a key of this mapping, or the whole path is a chart value in
 * some version (a dotted key below a free-form map such as annotations is never visited here).
 */
function dottedKey(path: string, parent: string, entry: TreeEntry, version: CiliumVersion): Finding | undefined {
  const parts = entry.key.split('.');
  if (parts.some((p) => p === '')) return undefined;
  const known = childrenOf(parent, version).includes(parts[0]) || SUPPORTED_VERSIONS.some((v) => keyExistsIn(path, v));
  if (!known) return undefined;
  const nested =
    parts.length === 2
      ? `${parts[0]}: with ${parts[1]}: indented below it`
      : `${parts.map((p) => `${p}:`).join(' then ')}, each indented below the one before`;
  return {
    rule: 'dotted-key',
    severity: 'warning',
    message: `"${entry.key}" is a single key with a dot in its name: Helm keeps it as written, and the chart, which reads ${path} as nested mappings, never sees it. Write it nested: ${nested}.`,
    range: entry.keyRange,
    key: path,
  };
}

function versionsHaving(path: string): CiliumVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => keyExistsIn(path, v));
}

function missingKey(
  path: string,
  parent: string,
  entry: TreeEntry,
  version: CiliumVersion,
  withSuggestion = true,
): Finding | undefined {
  const have = versionsHaving(path);
  const advice = adviceFor(path);
  if (have.length > 0) {
    const first = have[0];
    const last = have[have.length - 1];
    const removed = minorOf(last) < minorOf(version);
    const message = removed
      ? `${path} is not in the ${version} chart: it was last there in ${last}${advice ? `. Use ${advice.replacement} instead` : ''}. Helm ignores it silently.`
      : `${path} is not in the ${version} chart yet: it was added in ${first}. Helm ignores it silently for ${version}.`;
    return {
      rule: removed ? 'key-removed' : 'key-not-yet-available',
      severity: 'warning',
      message,
      range: entry.keyRange,
      key: path,
    };
  }
  if (advice) {
    return {
      rule: 'key-removed',
      severity: 'warning',
      message: `${path} is no longer a chart value. Use ${advice.replacement} instead.`,
      range: entry.keyRange,
      key: path,
    };
  }
  // The parent must be a mapping we know completely, otherwise anything may be valid below it.
  if (parent && (!keyExistsIn(parent, version) || isOpenMap(parent, version))) return undefined;
  const suggestion = withSuggestion ? suggest(entry.key, parent, version) : undefined;
  return {
    rule: 'unknown-key',
    severity: 'warning',
    message: `${path} is not a value of the cilium ${version} chart; Helm ignores it silently.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    range: entry.keyRange,
    key: path,
  };
}

/** Nearest sibling key by edit distance, or the same name under another parent (`masquerade` → `bpf.masquerade`). */
export function suggest(name: string, parent: string, version: CiliumVersion): string | undefined {
  // Asked again for every unknown key on every keystroke (the finding and its fix): remembered, since the answer
  // depends on the catalog only. Bounded: a file of thousands of distinct typos starts the memory afresh.
  const memoKey = `${version}\u0000${parent}\u0000${name}`;
  if (suggestions.has(memoKey)) return suggestions.get(memoKey);
  if (suggestions.size >= MAX_REMEMBERED_SUGGESTIONS) suggestions.clear();
  const found = searchSuggestion(name, parent, version);
  suggestions.set(memoKey, found);
  return found;
}

const MAX_REMEMBERED_SUGGESTIONS = 20_000;
const suggestions = new Map<string, string | undefined>();

function searchSuggestion(name: string, parent: string, version: CiliumVersion): string | undefined {
  const siblings = childrenOf(parent, version);
  const lower = name.toLowerCase();
  const caseOnly = siblings.find((s) => s.toLowerCase() === lower);
  if (caseOnly) return parent ? `${parent}.${caseOnly}` : caseOnly;
  const joined = joinedPathSuggestion(name, parent, version);
  if (joined) return joined;
  if (siblings.length > 0) {
    const best = closest(name, siblings);
    const limit = Math.max(2, Math.floor(name.length / 4));
    if (distance(name, best) <= limit) return parent ? `${parent}.${best}` : best;
  }
  if (!parent) {
    const top = parentsByChild(version).get(name);
    if (top) return `${top}.${name}`;
  }
  return undefined;
}

/**
 * A nested value written as one camelCase word below the same parent (`ipamMode` for `ipam.mode`, corpus 001;
 * `hubbleRelayEnabled` for `hubble.relay.enabled`): the one path whose parts, joined, spell the name.
 */
export function joinedPathSuggestion(name: string, parent: string, version: CiliumVersion): string | undefined {
  let index = joinedCache.get(version);
  if (!index) {
    index = new Map();
    for (const path of allPathsIn(version)) {
      const parts = path.split('.');
      for (let i = 0; i < parts.length - 1; i++) {
        const at = parts.slice(0, i).join('.');
        const key = `${at}\u0000${parts.slice(i).join('').toLowerCase()}`;
        // Two paths spelling the same word: no single answer.
        index.set(key, index.has(key) && index.get(key) !== path ? null : path);
      }
    }
    joinedCache.set(version, index);
  }
  return index.get(`${parent}\u0000${name.toLowerCase()}`) ?? undefined;
}
const joinedCache = new Map<CiliumVersion, Map<string, string | null>>();

/** For each second-level key name, the first top-level key holding it (catalog order), built once per version. */
const parentsCache = new Map<CiliumVersion, Map<string, string>>();
function parentsByChild(version: CiliumVersion): Map<string, string> {
  let index = parentsCache.get(version);
  if (!index) {
    index = new Map();
    for (const top of childrenOf('', version))
      for (const child of childrenOf(top, version)) if (!index.has(child)) index.set(child, top);
    parentsCache.set(version, index);
  }
  return index;
}

/**
 * A boolean in this version: the catalog's types are a union over versions (disableEndpointCRD defaulted to the
 * string "false" up to 1.13 and to false from 1.14), so the version's own default (the chart's values.yaml)
 * and schema decide.
 */
function meantAsBoolean(path: string, types: readonly string[], version: CiliumVersion): boolean {
  if (!types.includes('boolean')) return false;
  return (
    !types.includes('string') ||
    typeof chartDefaultAt(version, path) === 'boolean' ||
    booleanUses(path, version)?.schemaRefusesString === true
  );
}

function jsonType(v: Plain): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v === 'object' ? 'object' : typeof v;
}

function typeCheck(
  path: string,
  entry: TreeEntry,
  value: Plain,
  view: MapView,
  version: CiliumVersion,
): Finding | undefined {
  const key = getKey(path);
  const types = key?.types ?? [];
  if (value === TEMPLATED) return templatedType(path, entry, types, view, version);
  if (value === null) return undefined;
  if (types.length === 0) return undefined;
  if (typeof value === 'string' && BOOLEAN_WORDS.test(value) && meantAsBoolean(path, types, version))
    return quotedBooleanFinding(path, entry, value, version);
  const actual = jsonType(value);
  if (types.includes(actual) || (actual === 'integer' && types.includes('number'))) return undefined;
  if (actual === 'string' && (types.includes('integer') || types.includes('number')) && /^-?\d+$/.test(String(value)))
    return undefined;
  return {
    rule: 'wrong-type',
    severity: 'warning',
    message: `${path} expects ${types.filter((t) => t !== 'null').join(' or ')} in the ${version} chart, but the value here is ${article(actual)} ${actual} (${view.sourceOf(entry).slice(0, 40)}).`,
    range: entry.valueRange,
    key: path,
  };
}

/**
 * A template's value is unknown, but quotes fix its type: `"${CLUSTER_ID}"` is a string whatever is substituted
 * (Flux and envsubst replace text before YAML is read). From 1.16 the chart ships values.schema.json and Helm
 * rejects a string where the schema allows none (values.schema.json@v1.16.19: cluster.id {type: integer}).
 */
function templatedType(
  path: string,
  entry: TreeEntry,
  types: readonly string[],
  view: MapView,
  version: CiliumVersion,
): Finding | undefined {
  if (!inRange(version, '1.16') || types.length === 0 || types.includes('string') || !view.quotedTemplate(entry))
    return undefined;
  const want = types.filter((t) => t !== 'null').join(' or ');
  return {
    rule: 'templated-wrong-type',
    severity: 'error',
    message: `${view.sourceOf(entry).slice(0, 60)} is quoted, so it is a string whatever gets substituted; the ${version} chart's values.schema.json wants ${want} for ${path}, so Helm refuses the values. Remove the quotes.`,
    range: entry.valueRange,
    key: path,
  };
}

/**
 * A key the target chart's own values.yaml calls deprecated (knowledge/deprecatedValues.ts): still read in this
 * version, so a warning with what to write instead, never "ignored".
 */
function deprecatedKey(path: string, entry: TreeEntry, version: CiliumVersion): Finding | undefined {
  const d = deprecationOf(path, version);
  if (!d) return undefined;
  const where = `the ${version} chart's values.yaml, line ${d.line}`;
  const gone =
    d.replacement && /^nothing\b/.test(d.replacement) ? d.replacement.replace(/^nothing:?\s*/, '') : undefined;
  const next =
    gone !== undefined
      ? ` Nothing replaces it${gone ? ` (${gone})` : ''}; remove it.`
      : d.replacement
        ? ` Write ${d.replacement} instead.`
        : ' The chart names no replacement.';
  const message = d.noEffect
    ? `${path} is deprecated and has no effect any more, says ${where}; remove it.`
    : `${path} is deprecated (${where}); a later chart may drop it.${next}`;
  return { rule: 'key-deprecated', severity: 'warning', message, range: entry.keyRange, key: path };
}

function article(t: string): string {
  return /^[aeiou]/.test(t) ? 'an' : 'a';
}

function kprValue(entry: TreeEntry, value: Plain, version: CiliumVersion): Finding | undefined {
  if (typeof value !== 'string') return undefined;
  // Only a word this version still accepts but deprecates (strict, partial, disabled on 1.14-1.15); `probe` is
  // refused outright from 1.13 on, which chart-kpr-invalid / kpr-invalid-value say (knowledge/kprModes.ts).
  const deprecated = kprFacts(version).deprecated ?? {};
  if (!Object.prototype.hasOwnProperty.call(deprecated, value)) return undefined;
  const modern = KPR_LEGACY_VALUES[value];
  if (!modern) return undefined;
  return {
    rule: 'kpr-deprecated-value',
    severity: 'warning',
    message: `kubeProxyReplacement: ${value} is deprecated since 1.14, and from 1.16 the chart no longer accepts it. Write ${modern}.`,
    range: entry.valueRange,
    key: 'kubeProxyReplacement',
  };
}
