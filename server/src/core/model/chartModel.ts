// The chart side of the analysis for Helm values: the real Cilium chart of the target version, rendered for the
// user's values (chart/helm/render.ts, memoised), turned into what the rest of the model reads:
// - the cilium-config settings the agent model gets (the same input a cilium-config ConfigMap file gives), each
//   with the origin that decided it: the user's line, several user lines, a chart default, or the chart itself;
// - the chart's `fail`/`required` stops and the schema's refusals, placed on the user's keys.
// Templated values (`${X}`, `{{ }}`) are unknown: every key and failure that may depend on one says so instead
// of pretending to know (model/unknown.ts).

import { isMap, isSeq } from 'yaml';
import { keyGuards, sharedDeps, userHas, type RenderedKey } from '../chart/helm/configMapOutput';
import { YamlReadError } from '../chart/helm/goYaml';
import type { ChartFailure, ChartRender, RenderOptions, SchemaError } from '../chart/helm/render';
import { renderChartCached } from '../chart/renderCache';
import { sourceValues } from '../chart/renderSource';
import type { GoValue } from '../chart/template/index';
import { chartFailureNote, GENERIC_CHART_FAIL_RULE, type ChartFailureNote } from '../knowledge/chartFailureNotes';
import { helmKeysFor } from '../knowledge/keyDocs';
import type { CiliumSource } from '../parse/recognise';
import { TEMPLATE_FILL } from '../parse/templates';
import { TEMPLATED, type MapView, type Plain, type TreeEntry } from '../parse/tree';
import type { Hit, Origin, Severity } from '../types';
import type { CiliumVersion } from '../version';
import type { RenderedConfig } from './agentConfig';

type UserOrigin = Extract<Origin, { kind: 'user' }>;

/** One `fail`/`required` (or template error) of the chart, as a check result of the datapath model. */
/** What the chart reads from the cluster, in words (ChartFailure.cluster: "lookup", ".Capabilities.APIVersions", …). */
const CLUSTER_READS: Record<string, string> = {
  lookup: 'an object it looks up in the cluster',
  '.Capabilities.APIVersions': 'the API versions the cluster serves',
  '.Capabilities.KubeVersion': "the cluster's Kubernetes version",
};

/** The sentence that replaces "the chart refuses to install" for a stop that depends on the cluster. */
export function clusterOutcome(cluster: readonly string[]): string {
  const what = cluster.map((c) => CLUSTER_READS[c] ?? `the cluster's ${c}`);
  return `Whether it stops depends on the cluster: the check reads ${what.join(' and ')}, so helm install decides it against the real cluster; rendered without one (helm template), it stops.`;
}

export interface ChartStop {
  id: string;
  severity: Severity;
  cite: string;
  /** "templates/validate.yaml" */
  template: string;
  /** Undecided (`hit.undecided`) when it rests on a templated value. */
  hit: Hit;
}

export interface SchemaRefusal {
  error: SchemaError;
  /** The user's setting at (or above) the refused key; empty when the user wrote none of it. */
  origins: UserOrigin[];
}

export interface ChartModel {
  /** cilium-config as the chart writes it, for the agent model. */
  settings: RenderedConfig;
  /** Install-stopping failures, in Helm's order (certain and undecided). */
  stops: ChartStop[];
  /** Values the schema refuses (Helm renders nothing then). */
  schema: SchemaRefusal[];
  /** Schema refusals of templated values: whether Helm refuses depends on what is substituted. */
  undecidedSchema: SchemaRefusal[];
  /** The render as Helm would do it (for views: the rendered ConfigMap, the chart version). */
  render: ChartRender;
  /** True when `settings` come from a best-effort render (the real one stopped): still the chart's logic. */
  bestEffort: boolean;
  /** Maps or lists of the values cut to MAX_RENDERED_ENTRIES entries for the render (dotted paths). */
  cut: string[];
}

/** a.b and a.b.c, or the same path: reading one reads (part of) the other. */
function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

function containsTemplated(v: Plain): boolean {
  if (v === TEMPLATED) return true;
  if (Array.isArray(v)) return v.some(containsTemplated);
  if (v !== null && typeof v === 'object') return Object.values(v).some(containsTemplated);
  return false;
}

/** What templatedSettings found under one top-level entry, in the order it found it (see below). */
interface TemplatedUnder {
  node: unknown;
  /** Where the entry's key was: the ranges move with it. */
  at: number;
  /** Entries visited (the budget they used). */
  visited: number;
  found: [string, UserOrigin][];
}
const templatedByEntry = new WeakMap<object, TemplatedUnder>();

/** Counter for tests: top-level entries searched for templates, and those whose last answer was reused. */
export const templatedSettingSteps = { searched: 0, reused: 0 };

/** Origins of rendered keys worked out, for tests that check a search by key leaves the others alone. */
export const keyOriginSteps = { worked: 0 };

/**
 * The user's settings whose value (or key) is a template, by dotted path. Bounded. What is below one top-level
 * entry depends on that entry alone, so an entry whose nodes the incremental parse kept (parse/sections.ts) gives
 * what it gave last time, moved with its key, when the budget left covers what it used then.
 */
export function templatedSettings(root: MapView): Map<string, UserOrigin> {
  const out = new Map<string, UserOrigin>();
  let budget = 20_000;
  let found: [string, UserOrigin][] = [];
  const visit = (view: MapView, prefix: string) => {
    for (const e of view.entries()) visitEntry(view, e, prefix);
  };
  const visitEntry = (view: MapView, e: TreeEntry, prefix: string) => {
    if (e.merged || --budget < 0) return;
    const path = prefix ? `${prefix}.${e.key}` : e.key;
    const origin = (): UserOrigin => ({
      kind: 'user',
      key: path,
      range: e.keyRange,
      valueText: view.sourceOf(e),
      templated: true,
    });
    if (e.key.includes(TEMPLATE_FILL) || e.key.includes('${')) {
      found.push([path, origin()]);
      return;
    }
    if (isMap(e.node)) {
      const child = view.viewOf(e);
      if (child && !e.aliased) visit(child, path);
    } else if (isSeq(e.node) ? containsTemplated(view.valueOf(e)) : view.valueOf(e) === TEMPLATED) {
      found.push([path, origin()]);
    }
  };
  for (const e of root.entries()) {
    const key = e.keyNode;
    const known = !e.merged && typeof key === 'object' && key ? templatedByEntry.get(key) : undefined;
    if (known && known.node === e.node && budget - known.visited >= 0) {
      budget -= known.visited;
      templatedSettingSteps.reused++;
      const delta = e.keyRange.start - known.at;
      for (const [path, o] of known.found) {
        out.set(path, { ...o, range: { start: o.range.start + delta, end: o.range.end + delta } });
      }
      continue;
    }
    const before = budget;
    templatedSettingSteps.searched++;
    found = [];
    visitEntry(root, e, '');
    for (const [path, o] of found) out.set(path, o);
    if (!e.merged && typeof key === 'object' && key && budget >= 0)
      templatedByEntry.set(key, { node: e.node, at: e.keyRange.start, visited: before - budget, found });
  }
  return out;
}

/** A copy of the values without the given paths (as if the user had not written them). */
function without(values: Map<string, GoValue>, paths: readonly string[]): Map<string, GoValue> {
  const copy = (m: Map<string, GoValue>, [head, ...rest]: readonly [string, ...string[]]): Map<string, GoValue> => {
    const out = new Map(m);
    if (rest.length === 0) out.delete(head);
    else {
      const child = out.get(head);
      if (child instanceof Map) out.set(head, copy(child, rest as [string, ...string[]]));
    }
    return out;
  };
  let v = values;
  for (const p of paths) v = copy(v, p.split('.') as [string, ...string[]]);
  return v;
}

/** Entries of one map or list the chart is rendered with; beyond, a render would take seconds per keystroke. */
export const MAX_RENDERED_ENTRIES = 2000;

/** Per map or list of the values: nothing in it is over MAX_RENDERED_ENTRIES (values are never changed once read). */
const withinLimits = new WeakMap<object, boolean>();

function fitsLimits(v: GoValue): boolean {
  if (!(v instanceof Map) && !Array.isArray(v)) return true;
  let fits = withinLimits.get(v);
  if (fits === undefined) {
    const size = v instanceof Map ? v.size : v.length;
    fits = size <= MAX_RENDERED_ENTRIES && [...v.values()].every(fitsLimits);
    withinLimits.set(v, fits);
  }
  return fits;
}

/**
 * The values with every map and list cut to MAX_RENDERED_ENTRIES entries, and the paths that were cut. A value
 * with nothing to cut is returned as it is (the values of unchanged entries keep their identity, which the
 * render memo's key reuses).
 */
function trimmed(v: GoValue, path: string, cut: string[]): GoValue {
  if (fitsLimits(v)) return v;
  if (v instanceof Map) {
    if (v.size > MAX_RENDERED_ENTRIES) cut.push(path);
    const out = new Map<string, GoValue>();
    for (const [k, x] of v) {
      if (out.size >= MAX_RENDERED_ENTRIES) break;
      out.set(k, trimmed(x, path ? `${path}.${k}` : k, cut));
    }
    return out;
  }
  if (Array.isArray(v)) {
    if (v.length > MAX_RENDERED_ENTRIES) cut.push(path);
    return v.slice(0, MAX_RENDERED_ENTRIES).map((x) => trimmed(x, path, cut));
  }
  return v;
}

/** A copy of the values without the keys whose value is null (as if the user had not written them). */
function withoutNulls(values: Map<string, GoValue>): Map<string, GoValue> {
  const out = new Map<string, GoValue>();
  for (const [k, v] of values) {
    if (v === null || v === undefined) continue;
    out.set(k, v instanceof Map ? withoutNulls(v) : v);
  }
  return out;
}

/** Paths read to reach others (`bpf` for `bpf.masquerade`) and paths every key reads are no decision. */
function decisive(paths: readonly string[], common: ReadonlySet<string>): string[] {
  const own = paths.filter((p) => !common.has(p));
  return own.filter((p) => !own.some((q) => q.startsWith(`${p}.`)));
}

const MODEL_RENDER: RenderOptions = { templates: 'configmap', lenient: true, schemaUndecided: () => true };

class Builder {
  private readonly userMemo = new Map<string, UserOrigin | undefined>();

  constructor(
    readonly root: MapView,
    readonly values: Map<string, GoValue>,
    readonly templated: Map<string, UserOrigin>,
    readonly version: CiliumVersion,
  ) {}

  /** The user's setting at this values path (as Helm reads the file), if the user wrote it. */
  user(path: string): UserOrigin | undefined {
    if (this.userMemo.has(path)) return this.userMemo.get(path);
    let o: UserOrigin | undefined = this.templated.get(path);
    if (!o && userHas(this.values, path)) {
      const found = this.entryAt(path);
      if (found)
        o = { kind: 'user', key: path, range: found.entry.keyRange, valueText: found.view.sourceOf(found.entry) };
    }
    this.userMemo.set(path, o);
    return o;
  }

  /** True when the values have a map at `path` with an entry `key`. */
  mapHas(path: string, key: string): boolean {
    let cur: GoValue = this.values;
    for (const k of path.split('.')) cur = cur instanceof Map ? cur.get(k) : undefined;
    return cur instanceof Map && cur.has(key);
  }

  /** True when the key's value is the user's value at `path` as the chart prints it. */
  copied(path: string, value: string): boolean {
    let cur: GoValue = this.values;
    for (const k of path.split('.')) cur = cur instanceof Map ? cur.get(k) : undefined;
    if (this.templated.has(path)) return true;
    if (cur === null || cur === undefined) return value === '';
    if (typeof cur === 'string' || typeof cur === 'boolean' || typeof cur === 'bigint') return String(cur) === value;
    if (typeof cur === 'number')
      return String(cur) === value || (Number.isInteger(cur) && BigInt(cur).toString() === value);
    return false;
  }

  private readonly maps = new Map<string, { view: MapView; byKey: Map<string, TreeEntry> } | undefined>();

  /** The user's map at a dotted path, indexed once (a lookup per rendered key must not walk a 100k-key map). */
  private mapAt(path: string): { view: MapView; byKey: Map<string, TreeEntry> } | undefined {
    if (this.maps.has(path)) return this.maps.get(path);
    let view: MapView | undefined;
    if (path === '') view = this.root;
    else {
      const cut = path.lastIndexOf('.');
      const parent = this.mapAt(cut < 0 ? '' : path.slice(0, cut));
      const e = parent?.byKey.get(cut < 0 ? path : path.slice(cut + 1));
      view = e && parent ? parent.view.viewOf(e) : undefined;
    }
    const byKey = new Map<string, TreeEntry>();
    // The last of a repeated key wins, as in Helm.
    if (view) for (const e of view.entries()) byKey.set(e.key, e);
    const out = view ? { view, byKey } : undefined;
    this.maps.set(path, out);
    return out;
  }

  private entryAt(path: string): { view: MapView; entry: TreeEntry } | undefined {
    const cut = path.lastIndexOf('.');
    const parent = this.mapAt(cut < 0 ? '' : path.slice(0, cut));
    const entry = parent?.byKey.get(cut < 0 ? path : path.slice(cut + 1));
    return parent && entry ? { view: parent.view, entry } : undefined;
  }

  /** The templated settings any of these paths may depend on. */
  templatedIn(paths: readonly string[]): UserOrigin[] {
    if (this.templated.size === 0) return [];
    return [...this.templated.entries()].filter(([t]) => paths.some((p) => related(p, t))).map(([, o]) => o);
  }

  /** The templated settings a rendered key read on the way (even through a condition that wrote nothing). */
  templatedRead(rk: RenderedKey): UserOrigin[] {
    return this.templatedIn(decisive([...rk.deps, ...rk.reads], new Set()));
  }

  /** The origin of one rendered cilium-config key. */
  keyOrigin(key: string, rk: RenderedKey, common: ReadonlySet<string>, extraTemplated: readonly UserOrigin[]): Origin {
    keyOriginSteps.worked++;
    // A map copied whole into cilium-config (extraConfig): the entry of that name is what the user wrote.
    const entry = (p: string) => (this.mapHas(p, key) ? `${p}.${key}` : p);
    const valueDeps = decisive(rk.valueDeps, common).map(entry);
    const condDeps = decisive(rk.deps, common)
      .map(entry)
      .filter((p) => !valueDeps.includes(p));
    const vu = valueDeps.map((p) => this.user(p)).filter((o): o is UserOrigin => !!o);
    const cu = condDeps.map((p) => this.user(p)).filter((o): o is UserOrigin => !!o);
    // A templated value read anywhere on the way (even by a condition that wrote nothing) makes the key unknown.
    const templ = [...this.templatedRead(rk), ...extraTemplated];
    // The Helm key documented for this cilium-config key comes first: it is the one users think of.
    const primary = helmKeysFor(key);
    const byPrimary = (a: UserOrigin, b: UserOrigin) =>
      Number(primary.includes(b.key)) - Number(primary.includes(a.key));
    const users = [...vu.sort(byPrimary), ...cu.sort(byPrimary)];
    for (const t of templ) if (!users.includes(t)) users.push(t);
    // The user's own value copied into the key: that line. Anything computed from it is implied by it.
    if (users.length === 1 && vu.length === 1 && this.copied(vu[0]!.key, rk.value)) return users[0]!;
    if (users.length > 0) {
      const named = [...new Set(users.map((u) => u.key))];
      return {
        kind: 'implied',
        key: users[0]!.key,
        by: users,
        note: `the chart writes ${key} from ${named.join(', ')}`,
      };
    }
    // Nothing of the user's: a value computed from chart defaults is the chart default of the path it reads; a
    // value the chart writes as it is (a literal) is the chart's own, whichever defaults decided it is written.
    const main = valueDeps.find((p) => primary.includes(p)) ?? valueDeps[0];
    if (main) return { kind: 'chart-default', key: main, version: this.version };
    const when = keyGuards(rk, common).map(entry);
    return { kind: 'chart-fixed', key, version: this.version, ...(when.length > 0 ? { when } : {}) };
  }

  settings(render: ChartRender, variant: ChartRender | undefined): RenderedConfig {
    const out: RenderedConfig = new Map();
    const cm = render.configMap ?? new Map<string, RenderedKey>();
    const common = sharedDeps(cm.values());
    const other = variant?.configMap;
    const allTemplated = [...this.templated.values()];
    // Origins are worked out when first read: the agent model reads a few dozen keys, and a values file with a
    // 100k-entry extraConfig renders as many keys.
    const originOf = (key: string, rk: RenderedKey, extra: () => readonly UserOrigin[]) =>
      this.keyOrigin(key, rk, common, extra());
    // The user keys an origin can name (keyOrigin): a path the key depends on, that path's entry named like the key
    // (a map copied whole), or a templated setting (the only ones `extra` holds).
    const templatedKeys = new Set(allTemplated.map((o) => o.key));
    const dependsOn = (paths: readonly string[], key: string, path: string) =>
      paths.some((p) => path === p || (path.startsWith(p) && path === `${p}.${key}`));
    const lazy = (key: string, rk: RenderedKey, extra: () => readonly UserOrigin[]) => {
      let origin: Origin | undefined;
      return {
        value: rk.value,
        get origin(): Origin {
          return (origin ??= originOf(key, rk, extra));
        },
        mayName: (path: string) =>
          templatedKeys.has(path) || dependsOn(rk.deps, key, path) || dependsOn(rk.valueDeps, key, path),
      };
    };
    // A key the chart writes differently when the templated values are left out depends on the templated settings
    // it read with them or without them; only when it read none either way may it rest on any of them.
    const differing = (rk: RenderedKey, alt: RenderedKey | undefined) => {
      const read = alt ? this.templatedRead(alt) : [];
      return read.length > 0 || this.templatedRead(rk).length > 0 ? read : allTemplated;
    };
    for (const [key, rk] of cm) {
      const alt = other?.get(key);
      const differs = other !== undefined && alt?.value !== rk.value;
      out.set(
        key,
        lazy(key, rk, () => (differs ? differing(rk, alt) : [])),
      );
    }
    for (const [key, rk] of other ?? [])
      if (!cm.has(key))
        out.set(
          key,
          lazy(key, rk, () => differing(rk, undefined)),
        );
    return out;
  }

  stop(f: ChartFailure, notes: readonly ChartFailureNote[]): ChartStop {
    const note =
      f.kind === 'fail' || f.kind === 'required'
        ? chartFailureNote(notes, f.message)
        : f.kind === 'template-error'
          ? chartFailureNote(notes, f.detail, true)
          : undefined;
    const template = f.template.replace(/^[^/]+\//, '');
    const id = note?.id ?? GENERIC_CHART_FAIL_RULE.id;
    // A stop reached through what the chart reads from the cluster (lookup, .Capabilities; marked by the renderer
    // for every check, listed in a note or not) is decided by the cluster Helm installs into: a warning.
    const dependsOnCluster = f.cluster.length > 0;
    const severity: Severity = dependsOnCluster ? 'warning' : GENERIC_CHART_FAIL_RULE.severity;
    const cite = note?.cite ?? GENERIC_CHART_FAIL_RULE.cite;
    // What the failing check depended on (its conditions and arguments, through variables too); only when the
    // engine could not tell, everything the template had read before it.
    const templ = this.templatedIn(decisive(f.deps.length > 0 ? f.deps : f.reads, new Set()));
    if (templ.length > 0)
      return { id, severity, cite, template, hit: { origins: templ, message: '', undecided: true } };
    // On the user's key: what the failing check itself tested, else anything the template read before it.
    const place = (paths: readonly string[]) =>
      decisive(paths, new Set())
        .map((p) => this.user(p))
        .filter((o): o is UserOrigin => !!o);
    let origins = place(f.deps);
    if (origins.length === 0) origins = place(f.reads).slice(0, 1);
    const v = this.version;
    const ours =
      note?.explain(v) ??
      (f.kind === 'template-error' || f.kind === 'yaml'
        ? `The chart's ${template} stops with an error for these values.`
        : `The chart stops the install in ${template}.`);
    // A note that already says how the cluster decides keeps its own words.
    const outcome = !dependsOnCluster
      ? ` The ${v} chart refuses to install.`
      : note?.readsCluster
        ? ''
        : ` ${clusterOutcome(f.cluster)}`;
    const advice = note?.advice ? ` ${note.advice}` : '';
    const where = ` (It stops in ${template}.)`;
    return {
      id,
      severity,
      cite,
      template,
      hit: {
        origins,
        message: `${ours}${outcome}${advice}${where}`,
        sourceText: f.kind === 'template-error' ? f.detail : f.message,
      },
    };
  }

  refusal(e: SchemaError): SchemaRefusal {
    const parts = e.path ? e.path.split('.') : [];
    for (let n = parts.length; n > 0; n--) {
      const o = this.user(parts.slice(0, n).join('.'));
      if (o) return { error: e, origins: [o] };
    }
    return { error: e, origins: [] };
  }
}

/**
 * The chart model of a Helm-values source, or undefined when the version has no chart data. A chart stop is
 * explained by the first of `notes` that recognises it (the chart rules, rules/defs CHART_NOTE_RULES).
 * `userValues` (the source's values with some settings changed, for fix prediction) replaces what the file says;
 * origins still point at the file's lines.
 */
export function chartModel(
  source: CiliumSource,
  version: CiliumVersion,
  notes: readonly ChartFailureNote[],
  userValues?: Map<string, GoValue>,
): ChartModel | undefined {
  let values: Map<string, GoValue>;
  const cut: string[] = [];
  try {
    values = trimmed(userValues ?? sourceValues(source), '', cut) as Map<string, GoValue>;
  } catch (e) {
    // Values Helm could not read either (an alias bomb, nesting past Go's limits): nothing to render.
    if (e instanceof YamlReadError) return undefined;
    throw e;
  }
  const templated = templatedSettings(source.root);
  const tPaths = [...templated.keys()];
  const b = new Builder(source.root, values, templated, version);
  // The schema refusing a templated value is undecided: Helm would check what gets substituted.
  const schemaUndecided = tPaths.length > 0 ? (e: SchemaError) => tPaths.some((t) => related(e.path, t)) : undefined;
  const schemaKey = tPaths.join('\n');
  const render = renderChartCached(version, values, { schemaUndecided }, schemaKey);
  if (!render) return undefined;

  // Helm reports the first stop of a template; the checks after it are just as real and the user will meet them
  // next. Rendering again with every stop lifted finds them all (only `fail`/`required`: what follows a lifted
  // stop may trip over the missing value, which is no stop of its own).
  const lifted =
    render.failures.length > 0
      ? renderChartCached(version, values, { schemaUndecided, lenient: true }, schemaKey)
      : undefined;
  const seen = new Set(render.failures.map((f) => `${f.template}\u0000${f.message}`));
  const failures = [...render.failures];
  for (const f of lifted?.failures ?? []) {
    if ((f.kind === 'fail' || f.kind === 'required') && !seen.has(`${f.template}\u0000${f.message}`)) failures.push(f);
  }
  // The same stop met again by another template (one that includes cilium-configmap.yaml for a checksum) is
  // one root cause. A check that depends on the cluster (ServiceMonitor CRDs, a lookup) is a warning (stop()).
  // Of the copies, the one that depends on least is the check itself (not the include around it).
  const byCause = new Map<string, ChartFailure>();
  for (const f of failures) {
    const k =
      f.kind === 'template-error' ? f.detail.replace(/^template: [^:]+:\d+:\d+: executing "[^"]+"/, '') : f.message;
    const prev = byCause.get(k);
    if (!prev || f.deps.length < prev.deps.length) byCause.set(k, f);
  }
  // Two stops of one kind on the same user key (an empty `bpf:` breaks several templates) are one finding.
  const onKey = new Set<string>();
  const stops = failures
    .filter((f) => [...byCause.values()].includes(f))
    .map((f) => b.stop(f, notes))
    .filter((s) => {
      const k = s.hit.origins[0]?.key;
      if (k === undefined) return true;
      if (onKey.has(`${s.id}\u0000${k}`)) return false;
      onKey.add(`${s.id}\u0000${k}`);
      return true;
    });

  // The agent model needs cilium-config even when Helm would stop: the chart's own logic, with its stops lifted,
  // and if a Go error still ends the template (an empty `bpf:` deletes every default below it), without the
  // user's empty keys.
  let model = render.configMap
    ? render
    : lifted?.configMap
      ? lifted
      : renderChartCached(version, values, MODEL_RENDER, '*');
  if (!model?.configMap) model = renderChartCached(version, withoutNulls(values), MODEL_RENDER, '*') ?? model;
  // With templated values, the chart also renders without them: keys that differ depend on them.
  const variant =
    tPaths.length > 0 ? renderChartCached(version, without(values, tPaths), MODEL_RENDER, '*') : undefined;
  return {
    settings: b.settings(model ?? render, variant),
    stops,
    schema: render.schemaErrors.map((e) => b.refusal(e)),
    undecidedSchema: render.undecidedSchemaErrors.map((e) => b.refusal(e)),
    render,
    bestEffort: !render.configMap,
    cut,
  };
}
