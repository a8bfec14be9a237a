// Renders the Cilium chart in process, as `helm template cilium <chart> -n <namespace> -f values.yaml` would:
// the user's values coalesced over the chart's values.yaml, the schema check (1.16+), then
// templates/cilium-configmap.yaml and every template that can stop the install (`fail`/`required`, found per
// version by tools/gen-charts.ts), executed in Helm's order with Helm's objects and functions.
//
// Differences from Helm that are on purpose: templates that can neither fail nor write cilium-config are not
// rendered; lookup returns an empty map (as `helm template` does without a cluster); certificate/time
// functions return stand-ins (sprig.ts).
import { GoObject, TemplateError, TemplateSet, withSignature, type GoValue } from '../template/index';
import { loadPackedChart, type PackedChart } from './chartData';
import { coalesceValues, type CoalesceWarning } from './coalesce';
import { fromGoJson, readValuesYaml, YamlReadError } from './goYaml';
import { validateValues, type SchemaError } from './schema';
import { argString, sprigFunctions } from './sprig';
import { extractConfigMap, type RenderedKey } from './configMapOutput';

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
  'v1', 'admissionregistration.k8s.io/v1', 'apiextensions.k8s.io/v1', 'apiregistration.k8s.io/v1', 'apps/v1',
  'authentication.k8s.io/v1', 'authorization.k8s.io/v1', 'autoscaling/v1', 'autoscaling/v2', 'batch/v1',
  'certificates.k8s.io/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1',
  'flowcontrol.apiserver.k8s.io/v1', 'networking.k8s.io/v1', 'node.k8s.io/v1', 'policy/v1',
  'rbac.authorization.k8s.io/v1', 'resource.k8s.io/v1', 'scheduling.k8s.io/v1', 'storage.k8s.io/v1',
];

export interface RenderOptions {
  /** Release namespace (`-n`); default kube-system. */
  namespace?: string;
  /** Extra API versions (`--api-versions`), added to DEFAULT_API_VERSIONS. */
  apiVersions?: readonly string[];
  /** `--kube-version`, e.g. "v1.30.0". */
  kubeVersion?: string;
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
  warnings: CoalesceWarning[];
  /** The coalesced values the templates saw. */
  values: Map<string, GoValue>;
}

/** Thrown for user values Helm cannot read at all (YAML errors, not a map). */
export class ValuesReadError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** Per-render state the template functions need (the set and its functions are shared across renders). */
interface RenderContext {
  root: Map<string, GoValue>;
  fileOutputs: Map<string, string>;
}

interface PreparedChart {
  packed: PackedChart;
  set: TemplateSet;
  defaults: Map<string, GoValue>;
  /** Helm's execution order of the templates we render. */
  order: string[];
  ctx: { current: RenderContext | undefined };
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
function prepareText(text: string): string {
  return text.replace(/\.Values\.AsMap\b/g, '.Values');
}

function prepare(version: string): PreparedChart | undefined {
  const hit = prepared.get(version);
  if (hit) return hit;
  const packed = loadPackedChart(version);
  if (!packed) return undefined;
  const ctx: { current: RenderContext | undefined } = { current: undefined };
  const set = new TemplateSet({ missingKey: 'zero', funcs: sprigFunctions() });
  set.addFuncs({
    include: withSignature((name, data) => {
      const n = argString(name);
      const c = ctx.current;
      // Whole files included for checksums (daemonset → cilium-configmap.yaml): reuse a render already done.
      if (c && n.endsWith('.yaml') && data === c.root && c.fileOutputs.has(n)) return c.fileOutputs.get(n)!;
      return set.executeNested(n, data);
    }, ['string', 'interface {}']),
    tpl: withSignature((text, vals) => {
      const t = argString(text);
      const tmpl = vals instanceof Map ? vals.get('Template') : undefined;
      const name = tmpl instanceof Map ? String(tmpl.get('Name') ?? '') : (set.currentTemplateName() ?? 'tpl');
      return set.executeText(name, t, vals).replaceAll('<no value>', '');
    }, ['string', 'interface {}']),
    required: withSignature((warn, val) => {
      if (val === null || val === undefined || val === '') throw new RequiredError(argString(warn));
      return val;
    }, ['string', 'interface {}']),
  });
  for (const [path, text] of Object.entries(packed.templates)) set.parse(`${CHART_NAME}/${path}`, prepareText(text));
  const defaults = fromGoJson(JSON.stringify(packed.defaults)) as Map<string, GoValue>;
  const p: PreparedChart = {
    packed,
    set,
    defaults,
    order: helmOrder(packed.render.map((r) => `${CHART_NAME}/${r}`)),
    ctx,
  };
  prepared.set(version, p);
  return p;
}

class RequiredError extends Error {}

function filesObject(files: Record<string, string>): GoObject {
  const names = Object.keys(files).sort();
  const globRe = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*')}$`);
  const obj: GoObject = new GoObject('common.Files', {}, {
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
      const m = new Map<string, GoValue>(names.map((n) => [n.slice(n.lastIndexOf('/') + 1), Buffer.from(files[n]!, 'utf8').toString('base64')]));
      return sprigFunctions().toYaml!(m);
    },
    Lines: (name) => {
      const t = files[argString(name)];
      if (t === undefined) return [];
      return t.split('\n');
    },
  });
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
    APIVersions: new GoObject('common.VersionSet', {}, { Has: (v) => apiVersions.includes(argString(v)) }, () => `[${apiVersions.join(' ')}]`),
    KubeVersion: kubeVersionObject(opts.kubeVersion ?? DEFAULT_KUBE_VERSION),
    HelmVersion: new GoObject('version.BuildInfo', { Version: 'v4.1.4', GitCommit: '', GitTreeState: '', GoVersion: 'go1.25.9' }),
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
    ['Template', new Map<string, GoValue>([['Name', ''], ['BasePath', `${CHART_NAME}/templates`]])],
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

/** Offsets in the raw output → offsets after Helm deletes every `<no value>`. */
function noValueShift(raw: string): (offset: number) => number {
  const marks: number[] = [];
  for (let i = raw.indexOf('<no value>'); i >= 0; i = raw.indexOf('<no value>', i + 10)) marks.push(i);
  if (marks.length === 0) return (o) => o;
  return (o) => {
    let n = 0;
    while (n < marks.length && marks[n]! < o) n++;
    return o - n * 10;
  };
}

function valuesPath(path: readonly string[]): string | undefined {
  if (path[0] !== 'Values' || path.length < 2) return undefined;
  return path.slice(1).join('.');
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
export function renderChart(version: string, userValues: Map<string, GoValue> | string, opts: RenderOptions = {}): ChartRender | undefined {
  const p = prepare(version);
  if (!p) return undefined;
  const user = typeof userValues === 'string' ? parseUserValues(userValues) : userValues;
  const warnings: CoalesceWarning[] = [];
  const values = coalesceValues(p.defaults, user, CHART_NAME, warnings);
  const result: ChartRender = {
    version,
    chartVersion: p.packed.chart.version,
    configMap: undefined,
    configMapText: undefined,
    failures: [],
    schemaErrors: validateValues(p.packed.schemaJson, values, user),
    warnings,
    values,
  };
  if (result.schemaErrors.length > 0) return result;

  const root = buildRoot(p, values, opts);
  const ctx: RenderContext = { root, fileOutputs: new Map() };
  p.ctx.current = ctx;
  try {
    // cilium-configmap.yaml first (other templates include it for checksums), then Helm's order for failures.
    const order = [CONFIGMAP_TEMPLATE, ...(opts.templates === 'configmap' ? [] : p.order.filter((t) => t !== CONFIGMAP_TEMPLATE))];
    const failures: { failure: ChartFailure; rank: number }[] = [];
    for (const name of order) {
      (root.get('Template') as Map<string, GoValue>).set('Name', name);
      const reads: { path: string; offset: number }[] = [];
      const tracer = (path: readonly string[], offset: number) => {
        const vp = valuesPath(path);
        if (vp !== undefined) reads.push({ path: vp, offset });
      };
      try {
        const raw = p.set.execute(name, root, { tracer });
        const out = raw.replaceAll('<no value>', '');
        ctx.fileOutputs.set(name, out);
        if (name === CONFIGMAP_TEMPLATE) {
          const shift = noValueShift(raw);
          const shifted = reads.map((r) => ({ path: r.path, offset: shift(r.offset) }));
          result.configMapText = out;
          try {
            result.configMap = extractConfigMap(out, shifted, user);
          } catch (e) {
            failures.push({
              failure: { template: name, message: (e as Error).message, kind: 'yaml', detail: `YAML parse error on ${name}: ${(e as Error).message}`, reads: [] },
              rank: p.order.indexOf(name),
            });
          }
        }
      } catch (e) {
        const cause = failCause(e);
        const detail = e instanceof Error ? e.message : String(e);
        failures.push({
          failure: {
            template: name,
            message: cause?.message ?? detail,
            kind: cause?.kind ?? 'template-error',
            detail,
            reads: [...new Set(reads.map((r) => r.path))],
          },
          rank: p.order.indexOf(name),
        });
      }
    }
    result.failures = failures.sort((a, b) => a.rank - b.rank).map((f) => f.failure);
  } finally {
    p.ctx.current = undefined;
  }
  return result;
}
