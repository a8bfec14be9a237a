// Renders the Cilium chart in process, as `helm template cilium <chart> -n <namespace> -f values.yaml` would:
// the user's values coalesced over the chart's values.yaml, the schema check (1.16+), then
// templates/cilium-configmap.yaml and every template that can stop the install (`fail`/`required`, found per
// version by tools/gen-charts.ts), executed in Helm's order with Helm's objects and functions.
//
// Differences from Helm that are on purpose: templates that can neither fail nor write cilium-config are not
// rendered; lookup returns an empty map (as `helm template` does without a cluster); certificate/time
// functions return stand-ins (sprig.ts).
import {
  decodeParsedFile,
  dottedTail,
  encodeParsedFile,
  GoObject,
  TemplateError,
  TemplateSet,
  withSignature,
  type DataPath,
  type EncodedFile,
  type GoValue,
} from '../template/index';
import { loadPackedChart, loadPackedTrees, treeOf, type PackedChart, type PackedTrees } from './chartData';
import { coalesceValues, type CoalesceWarning } from './coalesce';
import { fromGoJson, readValuesYaml, YamlReadError } from './goYaml';
import { validateValues, type SchemaError } from './schema';
import { argMap, argString, sprigFunctions } from './sprig';
import {
  configMapKeys,
  withOrigins,
  type ConfigMapKeys,
  type OutputSpan,
  type ReadLog,
  type RenderedKey,
} from './configMapOutput';
import {
  activeRecorder,
  ANY_TEXT,
  newRecordedMap,
  observations,
  sameObservations,
  withPaths,
  startRecording,
  stopRecording,
  type Observations,
  type RecordedMap,
} from './recordedValues';

export type { RenderedKey } from './configMapOutput';
export type { SchemaError } from './schema';
export type { CoalesceWarning } from './coalesce';

export const CHART_NAME = 'cilium';
export const CONFIGMAP_TEMPLATE = `${CHART_NAME}/templates/cilium-configmap.yaml`;
/** The Kubernetes version `helm template` assumes without a cluster (Helm 4.1.4 prints v1.35.0). */
export const DEFAULT_KUBE_VERSION = 'v1.35.0';

/**
 * API versions Helm 4 assumes without a cluster: the built-in groups of Kubernetes. CRD groups such as
 * monitoring.coreos.com/v1 are absent, so the chart's checks for them behave as under `helm template`.
 */
export const DEFAULT_API_VERSIONS: readonly string[] = [
  'v1',
  'admissionregistration.k8s.io/v1',
  'apiextensions.k8s.io/v1',
  'apiregistration.k8s.io/v1',
  'apps/v1',
  'authentication.k8s.io/v1',
  'authorization.k8s.io/v1',
  'autoscaling/v1',
  'autoscaling/v2',
  'batch/v1',
  'certificates.k8s.io/v1',
  'coordination.k8s.io/v1',
  'discovery.k8s.io/v1',
  'events.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1',
  'networking.k8s.io/v1',
  'node.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
  'resource.k8s.io/v1',
  'scheduling.k8s.io/v1',
  'storage.k8s.io/v1',
];

export interface RenderOptions {
  /** Release namespace (`-n`); default kube-system. */
  namespace?: string;
  /** Extra API versions (`--api-versions`), added to DEFAULT_API_VERSIONS. */
  apiVersions?: readonly string[];
  /** `--kube-version`, e.g. "v1.30.0". */
  kubeVersion?: string;
  /**
   * Best effort for a model of what the chart would write: `fail` and `required` do not stop the template (they
   * write nothing, `required` passes its value on). The failures are still listed. Never what Helm does.
   */
  lenient?: boolean;
  /**
   * Schema errors this returns true for are reported in `undecidedSchemaErrors` and do not stop the render
   * (the analysis passes the errors on templated values, whose real value is unknown).
   */
  schemaUndecided?: (e: SchemaError) => boolean;
  /**
   * `configmap`: render only cilium-configmap.yaml (its own `fail`s still count), skipping the other templates
   * that can stop the install — for callers that need the keys fast. Default `all`.
   */
  templates?: 'all' | 'configmap';
}

export interface ChartFailure {
  /** The template whose rendering stopped, e.g. "cilium/templates/validate.yaml". */
  template: string;
  /** `fail`/`required`: the chart's own message; otherwise the template error. */
  message: string;
  kind: 'fail' | 'required' | 'template-error' | 'yaml';
  /** The full Go-style error text (location + context). */
  detail: string;
  /** Values paths ("bpf.masquerade") read while the failing template ran up to the failure. */
  reads: string[];
  /**
   * Values paths the failing action itself depended on: the conditions around the `fail`/`required` and what
   * its arguments read (a subset of `reads`; what decided the failure, for placing it on the user's key).
   */
  deps: string[];
  /**
   * What the failing action depended on that comes from the cluster, not from the values: `lookup` (objects in the
   * cluster), `.Capabilities.APIVersions`, `.Capabilities.KubeVersion`. Non-empty: whether Helm stops here
   * depends on the cluster it installs into (`helm template`, with no cluster, decides it as rendered here).
   */
  cluster: string[];
}

export interface ChartRender {
  version: string;
  chartVersion: string;
  /** cilium-config data, key → value (in the rendered order), or undefined when it could not be rendered. */
  configMap: Map<string, RenderedKey> | undefined;
  /** The rendered cilium-configmap.yaml text (after Helm's `<no value>` clean-up). */
  configMapText: string | undefined;
  /**
   * Install-stopping failures in Helm's execution order; Helm reports the first one only. Empty when the
   * schema check failed (Helm does not render then).
   */
  failures: ChartFailure[];
  schemaErrors: SchemaError[];
  /** Schema errors set aside by `RenderOptions.schemaUndecided` (the render went on). */
  undecidedSchemaErrors: SchemaError[];
  warnings: CoalesceWarning[];
  /** The coalesced values the templates saw. */
  values: Map<string, GoValue>;
}

/** Thrown for user values Helm cannot read at all (YAML errors, not a map). */
export class ValuesReadError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Per-render state the template functions need (the set and its functions are shared across renders). */
interface RenderContext {
  root: Map<string, GoValue>;
  fileOutputs: Map<string, string>;
  /** RenderOptions.lenient: fail/required record their message here instead of stopping. */
  lenient?: { kind: 'fail' | 'required'; message: string; reads: string[]; deps: string[]; cluster: string[] }[];
  /** The values paths read so far by the running template (for lenient failures). */
  reads?: () => string[];
  /** The template being rendered (by renderChart, not a define it calls). */
  running?: string;
  /** >0 while `tpl` runs text that came from the values (its includes are not the chart's own). */
  tplDepth: number;
}

interface PreparedChart {
  packed: PackedChart;
  set: TemplateSet;
  defaults: Map<string, GoValue>;
  /** Helm's execution order of the templates we render. */
  order: string[];
  ctx: { current: RenderContext | undefined };
  /** Every whole-file `include` of the chart's templates is `… | sha256sum | quote` (see hashOnlyIncludes). */
  hashOnlyIncludes: boolean;
}

const prepared = new Map<string, PreparedChart>();

/** Helm executes templates with more path segments first, then by name, both in reverse (engine.go sortTemplates). */
function helmOrder(names: string[]): string[] {
  return [...names].sort((a, b) => {
    const da = a.split('/').length;
    const db = b.split('/').length;
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

/**
 * Go's template names of Helm: "cilium/templates/x.yaml". `.Values.AsMap` (a method of Helm's Values type that
 * returns the same map) is written as `.Values`, since our Values is a plain map.
 */
export function prepareText(text: string): string {
  return text.replace(/\.Values\.AsMap\b/g, '.Values');
}

function prepare(version: string): PreparedChart | undefined {
  const hit = prepared.get(version);
  if (hit) return hit;
  const packed = loadPackedChart(version);
  if (!packed) return undefined;
  const p = preparePacked(packed, loadPackedTrees(version));
  prepared.set(version, p);
  return p;
}

function preparePacked(packed: PackedChart, trees: PackedTrees): PreparedChart {
  const ctx: { current: RenderContext | undefined } = { current: undefined };
  const hashOnly = hashOnlyIncludes(Object.values(packed.templates));
  const set = chartTemplateSet(ctx, hashOnly);
  // Parsed when first needed: a render reaches only some of the helper files (defines are found by a quick scan).
  // The trees were made by tools/gen-charts.ts (encodeChartTemplates): decoding one is far cheaper than parsing.
  for (const [path, text] of Object.entries(packed.templates)) {
    const name = `${CHART_NAME}/${path}`;
    const source = prepareText(text);
    const has = Object.prototype.hasOwnProperty.call(trees, path);
    // (The set drops the thunk once the file is parsed, and with it the encoded tree.)
    set.parseLazy(name, source, has ? () => decodeParsedFile(name, source, treeOf(trees, path)!) : undefined);
  }
  const defaults = fromGoJson(JSON.stringify(packed.defaults)) as Map<string, GoValue>;
  const p: PreparedChart = {
    packed,
    set,
    defaults,
    order: helmOrder(packed.render.map((r) => `${CHART_NAME}/${r}`)),
    ctx,
    hashOnlyIncludes: hashOnly,
  };
  return p;
}

/** How the chart of `version` got its template trees so far (files parsed vs decoded from the shipped trees). */
export function chartTemplateLoads(version: string): { parsed: number; preparsed: number } | undefined {
  const p = prepared.get(version);
  return p ? { ...p.set.loadStats } : undefined;
}

/**
 * Each template file of a packed chart parsed as the renderer parses it (same text, same function check),
 * encoded for shipping beside the chart (tools/gen-charts.ts). A file that does not parse is left out: it is
 * parsed, and fails, at run time as before.
 */
export function encodeChartTemplates(packed: PackedChart): Record<string, EncodedFile> {
  const set = chartTemplateSet({ current: undefined }, false);
  const out: Record<string, EncodedFile> = {};
  for (const [path, text] of Object.entries(packed.templates)) {
    const source = prepareText(text);
    try {
      out[path] = encodeParsedFile(set.parseFile(`${CHART_NAME}/${path}`, source), source);
    } catch (e) {
      if (!(e instanceof TemplateError)) throw e;
    }
  }
  return out;
}

/** The chart's template set with Helm's functions; they read the render under way from `ctx`. */
function chartTemplateSet(ctx: { current: RenderContext | undefined }, hashOnly: boolean): TemplateSet {
  const sprig = sprigFunctions();
  const digFn = sprig.dig!;
  const set = new TemplateSet({ missingKey: 'zero', funcs: sprig });
  /**
   * In a lenient render, a `fail` or `required` that would stop the chart is recorded instead, with the values
   * and cluster reads it depends on, and the render goes on (true). False in a strict render: the caller stops.
   */
  const liftStop = (kind: 'fail' | 'required', message: string): boolean => {
    const c = ctx.current;
    if (!c?.lenient) return false;
    const deps = set.currentDeps();
    c.lenient.push({ kind, message, reads: c.reads?.() ?? [], deps: valuesPaths(deps), cluster: clusterPaths(deps) });
    return true;
  };
  set.addFuncs({
    include: withSignature(
      (name, data) => {
        const n = argString(name);
        const c = ctx.current;
        // Whole files included for checksums (daemonset → cilium-configmap.yaml): reuse a render already done.
        if (c && n.endsWith('.yaml') && data === c.root) {
          // What this template got from the file's earlier render is part of what it saw (for reuse), unless the
          // chart only prints its hash (a checksum annotation): then it decides nothing but that output text,
          // which no result of a render shows for templates other than cilium-configmap.yaml.
          const hashedOnly = hashOnly && c.tplDepth === 0 && c.running !== CONFIGMAP_TEMPLATE;
          // (Whether the file rendered at all still counts: without it, include renders it here, and may fail.)
          activeRecorder()?.files.set(n, hashedOnly && c.fileOutputs.has(n) ? ANY_TEXT : c.fileOutputs.get(n));
          if (c.fileOutputs.has(n)) return c.fileOutputs.get(n)!;
        }
        return set.executeNested(n, data);
      },
      ['string', 'interface {}'],
    ),
    tpl: withSignature(
      (text, vals) => {
        const t = argString(text);
        const tmpl = vals instanceof Map ? vals.get('Template') : undefined;
        const name = tmpl instanceof Map ? String(tmpl.get('Name') ?? '') : (set.currentTemplateName() ?? 'tpl');
        const c = ctx.current;
        if (c) c.tplDepth++;
        try {
          return set.executeText(name, t, vals).replaceAll('<no value>', '');
        } finally {
          if (c) c.tplDepth--;
        }
      },
      ['string', 'interface {}'],
    ),
    required: withSignature(
      (warn, val) => {
        if (val === null || val === undefined || val === '') {
          if (liftStop('required', argString(warn))) return val;
          throw new RequiredError(argString(warn));
        }
        return val;
      },
      ['string', 'interface {}'],
    ),
    // Which key `hasKey .Values "x"` asked about is provenance: the chart's removed-value checks are written so.
    hasKey: withSignature(
      (d, key) => {
        set.traceRead(d, argString(key));
        return argMap(d).has(argString(key));
      },
      ['map[string]interface {}', 'string'],
    ),
    // `dig "a" "b" "" .Values.AsMap` reads .Values.a.b: the chart's removed-value checks are written so.
    dig: withSignature(
      (...ps) => {
        let cur = ps[ps.length - 1];
        for (const k of ps.slice(0, -2)) {
          set.traceRead(cur ?? null, argString(k));
          cur = cur instanceof Map ? cur.get(argString(k)) : undefined;
          if (cur === undefined) break;
        }
        return digFn(...ps);
      },
      [],
      'interface {}',
    ),
    // Helm's `lookup` asks the cluster; `helm template` has none and gets an empty map. What the chart decides
    // from it (an `if` on it, a `fail` under that `if`) depends on the cluster: the engine is told where it came from.
    lookup: withSignature(() => {
      const found = new Map<string, GoValue>();
      set.traceSource(LOOKUP_SOURCE, found);
      return found;
    }, ['string', 'string', 'string', 'string']),
    fail: withSignature(
      (msg) => {
        if (!liftStop('fail', argString(msg))) throw new Error(argString(msg));
        return LIFTED_STOP;
      },
      ['string'],
    ),
  });
  return set;
}

/**
 * True when every `include` in the chart's templates that can name a whole file is the checksum annotation
 * `include (print $.Template.BasePath "/x.yaml") . | sha256sum | quote`: the included text then only ever becomes a
 * hash in the output, never a condition or a failure. Any other shape (a literal "….yaml" name, a name from a
 * variable or another expression) and reuse keeps comparing the included text.
 */
export function hashOnlyIncludes(templates: readonly string[]): boolean {
  const checksum = /\{\{-?\s*include \(print \$\.Template\.BasePath "[^"]+"\) \. \| sha256sum \| quote\s*-?\}\}/g;
  for (const text of templates) {
    const computed = (text.match(/\binclude\s+[($]/g) ?? []).length;
    const literalFile = /\binclude\s+"[^"]*\.yaml"/.test(text);
    if (literalFile || computed !== (text.match(checksum) ?? []).length) return false;
  }
  return true;
}

class RequiredError extends Error {}

function filesObject(files: Record<string, string>): GoObject {
  const names = Object.keys(files).sort();
  const globRe = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*/g, '\u0000')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/\u0000/g, '.*')}$`,
    );
  const obj: GoObject = new GoObject(
    'common.Files',
    {},
    {
      Get: (name) => files[argString(name)] ?? '',
      GetBytes: (name) => files[argString(name)] ?? '',
      Glob: (pattern) => {
        const re = globRe(argString(pattern));
        return filesObject(Object.fromEntries(names.filter((n) => re.test(n)).map((n) => [n, files[n]!])));
      },
      AsConfig: () => {
        const m = new Map<string, GoValue>(names.map((n) => [n.slice(n.lastIndexOf('/') + 1), files[n]!]));
        return sprigFunctions().toYaml!(m);
      },
      AsSecrets: () => {
        const m = new Map<string, GoValue>(
          names.map((n) => [n.slice(n.lastIndexOf('/') + 1), Buffer.from(files[n]!, 'utf8').toString('base64')]),
        );
        return sprigFunctions().toYaml!(m);
      },
      Lines: (name) => {
        const t = files[argString(name)];
        if (t === undefined) return [];
        return t.split('\n');
      },
    },
  );
  return obj;
}

function kubeVersionObject(version: string): GoObject {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  const v = version.startsWith('v') ? version : `v${version}`;
  return new GoObject(
    'common.KubeVersion',
    { Version: v, Major: m?.[1] ?? '1', Minor: m?.[2] ?? '0' },
    { String: () => v, GitVersion: () => v },
    () => v,
  );
}

function buildRoot(p: PreparedChart, values: Map<string, GoValue>, opts: RenderOptions): Map<string, GoValue> {
  const c = p.packed.chart;
  const apiVersions = [...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])];
  const capabilities = new GoObject('*common.Capabilities', {
    APIVersions: new GoObject(
      'common.VersionSet',
      {},
      { Has: (v) => apiVersions.includes(argString(v)) },
      () => `[${apiVersions.join(' ')}]`,
    ),
    KubeVersion: kubeVersionObject(opts.kubeVersion ?? DEFAULT_KUBE_VERSION),
    HelmVersion: new GoObject('version.BuildInfo', {
      Version: 'v4.1.4',
      GitCommit: '',
      GitTreeState: '',
      GoVersion: 'go1.25.9',
    }),
  });
  // Helm 4 hands .Chart to templates as a map (`{{ .Chart }}` prints map[APIVersion:v2 ...], and a missing
  // field gives nothing instead of an error).
  const chart = new Map<string, GoValue>([
    ['Name', c.name],
    ['Home', c.home ?? ''],
    ['Version', c.version],
    ['Description', c.description ?? ''],
    ['APIVersion', c.apiVersion],
    ['AppVersion', c.appVersion ?? ''],
    ['KubeVersion', c.kubeVersion ?? ''],
    ['Type', c.type ?? ''],
    ['Icon', c.icon ?? ''],
  ]);
  const release = new Map<string, GoValue>([
    ['Name', 'cilium'],
    ['Namespace', opts.namespace ?? 'kube-system'],
    ['IsUpgrade', false],
    ['IsInstall', true],
    ['Revision', 1n],
    ['Service', 'Helm'],
  ]);
  return new Map<string, GoValue>([
    ['Values', values],
    ['Release', release],
    ['Chart', chart],
    ['Capabilities', capabilities],
    ['Files', filesObject(p.packed.files)],
    [
      'Template',
      new Map<string, GoValue>([
        ['Name', ''],
        ['BasePath', `${CHART_NAME}/templates`],
      ]),
    ],
  ]);
}

/** The innermost `fail`/`required` call behind a template error, if that is what stopped the render. */
function failCause(e: unknown): { kind: 'fail' | 'required'; message: string } | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 50 && cur instanceof TemplateError; i++) {
    const call = cur.call;
    if (!call) return undefined;
    if (call.func === 'fail' && call.cause instanceof Error) return { kind: 'fail', message: call.cause.message };
    if (call.cause instanceof RequiredError) return { kind: 'required', message: call.cause.message };
    cur = call.cause;
  }
  return undefined;
}

/** The data paths the innermost failing action depended on (errors of nested includes wrap the real one). */
function failPaths(e: unknown): readonly DataPath[] {
  let deps: readonly DataPath[] | undefined;
  let cur: unknown = e;
  for (let i = 0; i < 50 && cur instanceof TemplateError; i++) {
    if (cur.deps) deps = cur.deps;
    cur = cur.call?.cause;
  }
  return deps ?? [];
}

/** The values paths among data paths, without repeats. */
function uniqueValuesPaths(paths: readonly DataPath[]): string[] {
  return [...new Set(valuesPaths(paths))];
}

/** The path under which the engine reports what `lookup` returned (a name no template can write as a field). */
const LOOKUP_SOURCE = 'lookup()';

/**
 * The cluster's part of what a failing action depended on (ChartFailure.cluster): reads of `lookup` results and of
 * `.Capabilities` (the Helm version is Helm's, not the cluster's), as "lookup" / ".Capabilities.APIVersions".
 */
function clusterPaths(paths: readonly DataPath[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    if (p[0] === LOOKUP_SOURCE) out.add('lookup');
    else if (p[0] === 'Capabilities' && p.length >= 2 && p[1] !== 'HelmVersion') out.add(`.Capabilities.${p[1]}`);
  }
  return [...out];
}

/** What a lifted `fail` writes in a lenient render: removed with the indentation before it, like the action. */
const LIFTED_STOP = '\u0001lifted\u0001';
const NO_VALUE = '<no value>';

/**
 * The output after Helm deletes every `<no value>` (and a lenient render its lifted stops), and a map from
 * offsets in the raw output to offsets in it.
 */
function cleanOutput(raw: string): { out: string; shift: (offset: number) => number; cut: boolean } {
  const cuts: [number, number][] = [];
  let out = '';
  let from = 0;
  for (;;) {
    const nv = raw.indexOf(NO_VALUE, from);
    const ls = raw.indexOf(LIFTED_STOP, from);
    if (nv < 0 && ls < 0) break;
    let at: number;
    let end: number;
    if (ls < 0 || (nv >= 0 && nv < ls)) {
      at = nv;
      end = nv + NO_VALUE.length;
    } else {
      at = ls;
      end = ls + LIFTED_STOP.length;
      // The indentation the action was written with goes too.
      while (at > from && (raw[at - 1] === ' ' || raw[at - 1] === '\t')) at--;
    }
    out += raw.slice(from, at);
    cuts.push([at, end - at]);
    from = end;
  }
  out += raw.slice(from);
  if (cuts.length === 0) return { out, shift: (o) => o, cut: false };
  let i = 0;
  let passed = 0;
  let lastAsked = 0;
  return {
    out,
    cut: true,
    // Offsets mostly come in rising order (reads, then spans): continue from the cuts already passed.
    shift: (o) => {
      if (o < lastAsked) {
        i = 0;
        passed = 0;
      }
      lastAsked = o;
      while (i < cuts.length && cuts[i]![0] + cuts[i]![1] <= o) passed += cuts[i++]![1];
      const c = cuts[i];
      return o - passed - (c && c[0] < o ? o - c[0] : 0);
    },
  };
}

/** The dotted values paths of a list of engine paths (others left out). */
function valuesPaths(paths: readonly DataPath[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    const vp = valuesPath(path);
    if (vp !== undefined) out.push(vp);
  }
  return out;
}

/** The dotted values path of an engine path ("bpf.masquerade"), or undefined outside .Values (kept on the interned path). */
function valuesPath(path: DataPath): string | undefined {
  if (path.length < 2 || path[0] !== 'Values') return undefined;
  return dottedTail(path);
}

/** Reads the user's values text as Helm reads a `-f` file. Throws ValuesReadError. */
export function parseUserValues(text: string): Map<string, GoValue> {
  try {
    return readValuesYaml(text);
  } catch (e) {
    if (e instanceof YamlReadError) throw new ValuesReadError(e.message, e.line);
    throw e;
  }
}

/** Chart versions this build can render ("1.12" … "1.21"). */
export { packedChartVersions as renderableVersions } from './chartData';

/**
 * Renders the chart of `version` for the user's values (a parsed map, or the text of a values file).
 * Returns undefined for a version without chart data. Throws ValuesReadError for unreadable values text.
 */
export function renderChart(
  version: string,
  userValues: Map<string, GoValue> | string,
  opts: RenderOptions = {},
): ChartRender | undefined {
  const p = prepare(version);
  return p && renderPrepared(p, version, userValues, opts);
}

/** Charts given whole (tests' synthetic charts), prepared once per object. */
const preparedData = new WeakMap<PackedChart, PreparedChart>();

/**
 * Renders a chart given whole rather than a packed version (tests: a few templates of one's own, run with the
 * same Helm objects, functions, memo and provenance as the real chart). Its templates must include
 * templates/cilium-configmap.yaml, which renders first.
 */
export function renderChartData(
  packed: PackedChart,
  userValues: Map<string, GoValue> | string,
  opts: RenderOptions = {},
): ChartRender {
  let p = preparedData.get(packed);
  if (!p) preparedData.set(packed, (p = preparePacked(packed, {})));
  return renderPrepared(p, packed.minor, userValues, opts);
}

function renderPrepared(
  p: PreparedChart,
  version: string,
  userValues: Map<string, GoValue> | string,
  opts: RenderOptions,
): ChartRender {
  const user = typeof userValues === 'string' ? parseUserValues(userValues) : userValues;
  const warnings: CoalesceWarning[] = [];
  const values = withPaths(coalesceValues(p.defaults, user, CHART_NAME, warnings, newRecordedMap));
  const result: ChartRender = {
    version,
    chartVersion: p.packed.chart.version,
    configMap: undefined,
    configMapText: undefined,
    failures: [],
    schemaErrors: [],
    undecidedSchemaErrors: [],
    warnings,
    values,
  };
  for (const e of validateValues(p.packed.schemaJson, values, user, p.defaults))
    (opts.schemaUndecided?.(e) ? result.undecidedSchemaErrors : result.schemaErrors).push(e);
  if (result.schemaErrors.length > 0) return result;

  const root = buildRoot(p, values, opts);
  const ctx: RenderContext = { root, fileOutputs: new Map(), lenient: opts.lenient ? [] : undefined, tplDepth: 0 };
  const memo = memoFor(p, opts);
  const seen = new Map<string, RecordedMap | undefined>();
  let valuesChanged = false;
  renderStats.executed = [];
  p.ctx.current = ctx;
  try {
    // cilium-configmap.yaml first (other templates include it for checksums), then Helm's order for failures.
    const order = [
      CONFIGMAP_TEMPLATE,
      ...(opts.templates === 'configmap' ? [] : p.order.filter((t) => t !== CONFIGMAP_TEMPLATE)),
    ];
    const failures: { failure: ChartFailure; rank: number }[] = [];
    for (const name of order) {
      let run: TemplateRun | undefined;
      const earlier = memo.get(name) ?? [];
      const hit = memoEnabled ? earlier.findIndex((e) => sameObservations(e.seen, values, ctx.fileOutputs, seen)) : -1;
      if (hit >= 0) {
        const e = earlier[hit]!;
        earlier.splice(hit, 1);
        earlier.unshift(e);
        run = e.run;
        renderStats.hits++;
      } else {
        renderStats.renders++;
        renderStats.executed.push(name);
        const recorder = startRecording();
        try {
          run = runTemplate(p, ctx, root, name);
        } finally {
          stopRecording();
        }
        // After a template changed the values, maps it put there are not watched: nothing is kept from then on.
        if (recorder.mutated) valuesChanged = true;
        if (!valuesChanged && memoEnabled) {
          earlier.unshift({ seen: observations(recorder), run });
          if (earlier.length > MEMO_PER_TEMPLATE) earlier.pop();
          memo.set(name, earlier);
        }
        // Values changed by this template: what later templates saw before may differ now.
        if (recorder.mutated) seen.clear();
      }
      const mine: ChartFailure[] = [];
      if (run.out !== undefined) {
        ctx.fileOutputs.set(name, run.out);
        if (name === CONFIGMAP_TEMPLATE) {
          result.configMapText = run.out;
          // Read once per template result (a reused result is not read again); origins depend on the user's file.
          let keys = run.keys;
          if (keys === undefined) {
            try {
              keys = configMapKeys(run.out, run.reads, run.spans) ?? null;
            } catch (e) {
              keys = e as Error;
            }
            run.keys = keys;
          }
          if (keys instanceof Error) {
            mine.push({
              template: name,
              message: keys.message,
              kind: 'yaml',
              detail: `YAML parse error on ${name}: ${keys.message}`,
              reads: [],
              deps: [],
              cluster: [],
            });
          } else if (keys) result.configMap = withOrigins(keys, user);
        }
      }
      for (const failure of [...run.failures, ...mine]) failures.push({ failure, rank: p.order.indexOf(name) });
    }
    result.failures = failures.sort((a, b) => a.rank - b.rank).map((f) => f.failure);
  } finally {
    p.ctx.current = undefined;
  }
  return result;
}

/** What one template's execution gave: everything the render takes from it. */
interface TemplateRun {
  /** The output after Helm's clean-up; undefined when the template stopped. */
  out: string | undefined;
  /** cilium-configmap.yaml: the values read and the output spans, at offsets of `out`. */
  reads: ReadLog;
  spans: OutputSpan[];
  /** Lenient renders' lifted stops, then whatever ended the template. */
  failures: ChartFailure[];
  /** cilium-configmap.yaml: its keys once read (null: no cilium-config in it; an Error: not YAML). */
  keys?: ConfigMapKeys | null | Error;
}

/**
 * Executes one template. Only cilium-configmap.yaml needs provenance for its output; the others are run without
 * it (much cheaper) and again with it only when they stop, to say what the stop read.
 */
function runTemplate(p: PreparedChart, ctx: RenderContext, root: Map<string, GoValue>, name: string): TemplateRun {
  if (name === CONFIGMAP_TEMPLATE) return runTemplateOnce(p, ctx, root, name, true);
  const lenientBefore = ctx.lenient?.length ?? 0;
  const quick = runTemplateOnce(p, ctx, root, name, false);
  if (quick.failures.length === 0) return quick;
  if (ctx.lenient) ctx.lenient.length = lenientBefore;
  return runTemplateOnce(p, ctx, root, name, true);
}

function runTemplateOnce(
  p: PreparedChart,
  ctx: RenderContext,
  root: Map<string, GoValue>,
  name: string,
  traced: boolean,
): TemplateRun {
  (root.get('Template') as Map<string, GoValue>).set('Name', name);
  ctx.running = name;
  // Reads as two flat lists (the interned path, the output offset): no object per read, and the dotted path is
  // made once per path (it stays on the interned array) and only when asked for.
  const readPaths: DataPath[] = [];
  const readAt: number[] = [];
  const readSet = () => [...new Set(readPaths.map(dottedTail))];
  ctx.reads = readSet;
  const lenientBefore = ctx.lenient?.length ?? 0;
  const tracer = (path: DataPath, offset: number) => {
    if (path.length >= 2 && path[0] === 'Values') {
      readPaths.push(path);
      readAt.push(offset);
    }
  };
  const spans: OutputSpan[] = [];
  const onSpan = (start: number, end: number, paths: readonly DataPath[], own: readonly DataPath[]) => {
    spans.push({ start, end, paths, own });
  };
  const run: TemplateRun = { out: undefined, reads: { paths: [], offsets: [] }, spans: [], failures: [] };
  let stopped: ChartFailure | undefined;
  try {
    const raw = p.set.execute(
      name,
      root,
      traced ? { tracer, spans: name === CONFIGMAP_TEMPLATE ? onSpan : undefined } : {},
    );
    const { out, shift, cut } = cleanOutput(raw);
    run.out = out;
    if (name === CONFIGMAP_TEMPLATE) {
      run.reads = { paths: readPaths, offsets: cut ? readAt.map(shift) : readAt };
      if (cut) {
        for (const x of spans) {
          x.start = shift(x.start);
          x.end = shift(x.end);
        }
      }
      run.spans = spans;
    }
  } catch (e) {
    const cause = failCause(e);
    const detail = e instanceof Error ? e.message : String(e);
    const paths = failPaths(e);
    stopped = {
      template: name,
      message: cause?.message ?? detail,
      kind: cause?.kind ?? 'template-error',
      detail,
      reads: readSet(),
      deps: uniqueValuesPaths(paths),
      cluster: clusterPaths(paths),
    };
  }
  const lifted = (ctx.lenient?.slice(lenientBefore) ?? []).map((l): ChartFailure => ({
    template: name,
    message: l.message,
    kind: l.kind,
    detail: l.message,
    reads: l.reads,
    deps: l.deps,
    cluster: l.cluster,
  }));
  run.failures = stopped ? [...lifted, stopped] : lifted;
  return run;
}

/** Counters for tests and the bench: templates executed, and template results reused because nothing they saw changed. */
export const renderStats = { renders: 0, hits: 0, executed: [] as string[] };

/** Off only to compare memoised results with fresh ones (tests). */
let memoEnabled = true;
export function setRenderMemo(on: boolean): void {
  memoEnabled = on;
}

/** Forgets every kept template result (the bench measures the first render of an edit; tests start clean). */
export function clearRenderMemo(): void {
  for (const p of prepared.values()) memos.delete(p);
}

/** Results kept per template and render options: the analysis renders a few variants (lenient, configmap only). */
const MEMO_PER_TEMPLATE = 4;
const memos = new WeakMap<PreparedChart, Map<string, Map<string, { seen: Observations; run: TemplateRun }[]>>>();

/** The memo of one chart version for the options that change what templates see (the schema check is not one). */
function memoFor(p: PreparedChart, opts: RenderOptions): Map<string, { seen: Observations; run: TemplateRun }[]> {
  const key = JSON.stringify([opts.namespace ?? '', opts.apiVersions ?? [], opts.kubeVersion ?? '', !!opts.lenient]);
  let byOpts = memos.get(p);
  if (!byOpts) memos.set(p, (byOpts = new Map<string, Map<string, { seen: Observations; run: TemplateRun }[]>>()));
  let m = byOpts.get(key);
  if (!m) {
    if (byOpts.size >= 8) byOpts.delete(byOpts.keys().next().value!);
    byOpts.set(key, (m = new Map<string, { seen: Observations; run: TemplateRun }[]>()));
  }
  return m;
}
