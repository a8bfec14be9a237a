// Decides which YAML documents are Cilium configuration and where their values live: plain Helm values,
// an umbrella chart's `cilium:` block, the cilium-config ConfigMap, or values wrapped in a Flux HelmRelease,
// Argo CD Application(Set), helmfile release, kustomize helmCharts entry or RKE2/k3s HelmChart(Config).
// Anything else is left alone so that unrelated YAML never gets a diagnostic from us.

import { Document, isMap, isScalar, isSeq, Node } from 'yaml';
import type { Range } from '../types';
import { parseEmbedded } from './embedded';
import { MapView, resolveAlias, type TreeContext, type TreeEntry } from './tree';
import type { ParsedYaml, ParseProblem } from './yamlFile';

export type DocumentKind =
  'helm-values' | 'configmap' | 'helmrelease' | 'argocd-application' | 'helmfile' | 'kustomize' | 'helmchart';

export interface CiliumSource {
  /** Index of the YAML document in the file. */
  docIndex: number;
  kind: DocumentKind;
  /** `helm`: chart values; `configmap`: the agent's own keys. */
  format: 'helm' | 'configmap';
  root: MapView;
  /** Where findings about the document as a whole are shown (the first line of the values). */
  anchor: Range;
  /** A chart version written in the wrapper (HelmRelease, Argo, helmfile, kustomize, HelmChart). */
  chartVersion?: { text: string; range: Range };
  /** Problems found while parsing values embedded as a string, already in file offsets. */
  problems: ParseProblem[];
  /** A short human name: "HelmRelease kube-system/cilium". */
  label: string;
  /** Where more values come from that this file does not show (`valuesFrom: ConfigMap x`), when it says so. */
  valuesElsewhere?: string;
}

/**
 * Top-level keys that only the cilium chart has. One of them is enough to call a plain values file Cilium's;
 * generic keys such as `image` or `operator` are deliberately absent.
 */
const CILIUM_ONLY_KEYS = new Set([
  'kubeProxyReplacement',
  'k8sServiceHost',
  'k8sServicePort',
  'routingMode',
  'tunnelProtocol',
  'tunnel',
  'autoDirectNodeRoutes',
  'ipv4NativeRoutingCIDR',
  'ipv6NativeRoutingCIDR',
  'nativeRoutingCIDR',
  'bpf',
  'hubble',
  'encryption',
  'endpointRoutes',
  'enableIPv4Masquerade',
  'enableIPv6Masquerade',
  'ipMasqAgent',
  'bandwidthManager',
  'l2announcements',
  'bgpControlPlane',
  'egressGateway',
  'hostFirewall',
  'socketLB',
  'hostServices',
  'clustermesh',
  'loadBalancer',
  'l7Proxy',
  'policyEnforcementMode',
  'eni',
  'aksbyocni',
  'alibabacloud',
  'localRedirectPolicy',
  'enableIPv4BIGTCP',
  'enableIPv6BIGTCP',
  'installNoConntrackIptablesRules',
  'upgradeCompatibility',
  'identityAllocationMode',
  'kubeProxyReplacementHealthzBindAddr',
  'enableCiliumEndpointSlice',
  'ciliumEndpointSlice',
  'wellKnownIdentities',
  'rollOutCiliumPods',
  'enableRuntimeDeviceDetection',
  'cgroup',
  'envoyConfig',
  'authentication',
  'externalWorkloads',
  'enableK8sEventHandover',
  'enableCnpStatusUpdates',
  'remoteNodeIdentity',
  'installIptablesRules',
  'ipv4',
  'ipv6',
  'enableMasqueradeRouteSource',
  'egressMasqueradeInterfaces',
  'highScaleIPcache',
  'k8sServiceHostRef',
  'nodeIPAM',
  'localRedirectPolicies',
  'dnsProxy',
  'sctp',
  'srv6',
]);
/** `ipv4`, `ipv6` are common words in other charts: they count only together with a second Cilium key. */
const WEAK_KEYS = new Set(['ipv4', 'ipv6', 'cgroup', 'sctp', 'dnsProxy', 'hubble', 'loadBalancer', 'authentication']);

/**
 * Keys only Cilium's `hubble:` mapping has (from the chart's values.yaml, 1.12-1.20): a top-level `hubble:` with
 * one of them is Cilium's, even alone (a Hubble-only values file); `enabled` or `annotations` alone are not enough.
 */
const HUBBLE_ONLY_KEYS = new Set([
  'relay',
  'ui',
  'metrics',
  'tls',
  'peerService',
  'export',
  'redact',
  'listenAddress',
  'socketPath',
  'eventBufferCapacity',
  'eventQueueSize',
  'dropEventEmitter',
  'networkPolicyCorrelation',
  'skipUnknownCGroupIDs',
  'preferIpv6',
  'lostEventSendInterval',
]);

function isCiliumHubble(view: MapView, e: TreeEntry): boolean {
  if (e.key !== 'hubble' || !isMap(e.node)) return false;
  const hubble = view.child('hubble');
  return !!hubble && hubble.entries().some((h) => HUBBLE_ONLY_KEYS.has(h.key));
}

function isCiliumValues(view: MapView, hinted: boolean): boolean {
  let strong = 0;
  let weak = 0;
  for (const e of view.entries()) {
    if (!CILIUM_ONLY_KEYS.has(e.key)) continue;
    if (isCiliumHubble(view, e)) strong++;
    else if (WEAK_KEYS.has(e.key)) weak++;
    else strong++;
  }
  // A `# cilium-version:` comment (or a file named after Cilium) is the user telling us what this is, so even a
  // mapping of misspelt keys is checked: that is when the did-you-mean matters most.
  return strong >= 1 || weak >= 2 || (hinted && view.entries().length > 0);
}

function scalarText(view: MapView | undefined, path: string): { text: string; range: Range } | undefined {
  const e = view?.lookup(path);
  if (!e || !isScalar(e.node) || e.node.value === null || e.node.value === undefined) return undefined;
  return { text: String(e.node.value), range: e.valueRange };
}

function itemsOf(view: MapView, path: string): MapView[] {
  const e = view.lookup(path);
  if (!e || !isSeq(e.node)) return [];
  const out: MapView[] = [];
  for (const item of e.node.items) {
    const node = resolveAlias(item, view.ctx.doc);
    if (isMap(node)) out.push(new MapView(node, view.ctx));
  }
  return out;
}

/** The values map itself, or the `cilium:` block of an umbrella chart (RKE2's rke2-cilium chart is one). */
function valuesRoot(view: MapView, hinted: boolean): MapView | undefined {
  if (isCiliumValues(view, false)) return view;
  const sub = view.child('cilium');
  if (sub && isCiliumValues(sub, true)) return sub;
  return isCiliumValues(view, hinted) ? view : undefined;
}

/** Values given as a YAML string (`helm.values: |`, `valuesContent: |`), parsed and mapped into the file. */
function embeddedValues(
  view: MapView,
  entry: TreeEntry | undefined,
): { root: MapView; problems: ParseProblem[] } | undefined {
  if (!entry || !isScalar(entry.node) || typeof entry.node.value !== 'string') return undefined;
  const emb = parseEmbedded(entry.node, view.ctx.text, view.ctx.toFile);
  if (!emb) return undefined;
  const problems = emb.parsed.problems.map((p) => ({
    ...p,
    range: { start: emb.toFile(p.range.start), end: emb.toFile(p.range.end) },
  }));
  const doc = emb.parsed.documents[0];
  if (!doc || !isMap(doc.contents)) {
    return problems.length > 0 ? { root: emptyView(view, entry), problems } : undefined;
  }
  const ctx: TreeContext = {
    doc,
    text: emb.parsed.text,
    toFile: emb.toFile,
    templates: emb.parsed.templates,
    original: view.ctx.original,
  };
  return { root: new MapView(doc.contents, ctx), problems };
}

/** A stand-in for values we could not parse: rules see no keys, the parse problems still show. */
function emptyView(view: MapView, entry: TreeEntry): MapView {
  const doc = new Document({}) as unknown as Document.Parsed;
  const map = doc.contents as unknown as Node;
  (map as { range?: [number, number, number] }).range = [
    entry.valueRange.start,
    entry.valueRange.start,
    entry.valueRange.start,
  ];
  return new MapView(map as never, { ...view.ctx, doc, toFile: (n) => n });
}

function anchorOf(root: MapView): Range {
  const first = root.entries().find((e) => !e.merged);
  return first ? first.keyRange : { start: root.range.start, end: root.range.start };
}

function chartNameMatches(name: string | undefined): boolean {
  return !!name && /(^|[/-])cilium$/.test(name.trim());
}

/** A path without its trailing slashes (a loop: `/\/+$/` is quadratic on a long run of slashes). */
function withoutTrailingSlashes(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let end = path.length;
  while (end > 0 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

/** A Helm chart named cilium, or a git source pointing at the chart's folder (`install/kubernetes/cilium`). */
function argoSourceIsCilium(source: MapView): boolean {
  return (
    chartNameMatches(scalarText(source, 'chart')?.text) ||
    chartNameMatches(withoutTrailingSlashes(scalarText(source, 'path')?.text))
  );
}

/** `helm.valuesObject` (a map) and `helm.values` (a YAML string) of one Argo CD source. */
function argoHelmValues(holder: MapView, source: MapView, docIndex: number, label: string): CiliumSource[] {
  const out: CiliumSource[] = [];
  const version = scalarText(source, 'targetRevision');
  const object = holder.lookupMap('helm.valuesObject');
  const objectRoot = object && valuesRoot(object, true);
  if (objectRoot) out.push(make('argocd-application', docIndex, objectRoot, label, { chartVersion: version }));
  const embedded = embeddedValues(holder, holder.lookup('helm.values'));
  if (embedded) {
    const root = valuesRoot(embedded.root, true) ?? embedded.root;
    out.push(make('argocd-application', docIndex, root, label, { chartVersion: version, problems: embedded.problems }));
  }
  return out;
}

export interface RecogniseOptions {
  /** The file path, if any: a values file whose name says "cilium" needs less evidence. */
  path?: string;
  /** True when the file carries a `# cilium-version:` comment: the user told us it is Cilium configuration. */
  hinted?: boolean;
}

export function recognise(parsed: ParsedYaml, options: RecogniseOptions = {}): CiliumSource[] {
  const hinted = !!options.hinted || /cilium/i.test(options.path?.split(/[\\/]/).pop() ?? '');
  const out: CiliumSource[] = [];
  parsed.documents.forEach((doc, docIndex) => {
    if (!isMap(doc.contents)) return;
    const ctx: TreeContext = {
      doc,
      text: parsed.text,
      toFile: (n) => n,
      templates: parsed.templates,
      original: parsed.source,
    };
    const top = new MapView(doc.contents, ctx);
    out.push(...recogniseDocument(top, docIndex, hinted));
  });
  return out;
}

function make(
  kind: DocumentKind,
  docIndex: number,
  root: MapView,
  label: string,
  extra: Partial<CiliumSource> = {},
): CiliumSource {
  return { kind, docIndex, root, format: 'helm', anchor: anchorOf(root), problems: [], label, ...extra };
}

function recogniseDocument(top: MapView, docIndex: number, hinted: boolean): CiliumSource[] {
  const kind = scalarText(top, 'kind')?.text;
  const apiVersion = scalarText(top, 'apiVersion')?.text ?? '';
  const name = scalarText(top, 'metadata.name')?.text;
  const namespace = scalarText(top, 'metadata.namespace')?.text;
  const fullName = namespace ? `${namespace}/${name ?? '?'}` : (name ?? '?');

  if (kind === 'ConfigMap') {
    const data = top.lookupMap('data');
    if (!data) return [];
    if (name === 'cilium-config')
      return [{ ...make('configmap', docIndex, data, `ConfigMap ${fullName}`), format: 'configmap' }];
    // Helm values kept in a ConfigMap for a HelmRelease's valuesFrom (Flux reads the `values.yaml` key by
    // default): a YAML file as a string, analysed when it looks like Cilium's values.
    const out: CiliumSource[] = [];
    for (const e of data.entries()) {
      if (!/\.ya?ml$|^values$/.test(e.key)) continue;
      const embedded = embeddedValues(data, e);
      const root = embedded && valuesRoot(embedded.root, false);
      if (root)
        out.push(
          make('helm-values', docIndex, root, `Helm values in ConfigMap ${fullName} (${e.key})`, {
            problems: embedded.problems,
          }),
        );
    }
    return out;
  }

  if (kind === 'HelmRelease' && apiVersion.includes('fluxcd.io')) {
    const chart = scalarText(top, 'spec.chart.spec.chart')?.text ?? scalarText(top, 'spec.chartRef.name')?.text ?? name;
    if (!chartNameMatches(chart) && !/cilium/.test(name ?? '')) return [];
    const values = top.lookupMap('spec.values');
    const root = values && valuesRoot(values, true);
    if (!root) return [];
    // valuesFrom entries are merged under the inline values (Flux HelmRelease API): they may set anything.
    const from = itemsOf(top, 'spec.valuesFrom').map(
      (v) => `${scalarText(v, 'kind')?.text ?? 'ConfigMap'} ${scalarText(v, 'name')?.text ?? '?'}`,
    );
    const valuesElsewhere = from.length > 0 ? `valuesFrom (${from.join(', ')})` : undefined;
    return [
      make('helmrelease', docIndex, root, `HelmRelease ${fullName}`, {
        chartVersion: scalarText(top, 'spec.chart.spec.version'),
        valuesElsewhere,
      }),
    ];
  }

  if ((kind === 'Application' || kind === 'ApplicationSet') && apiVersion.includes('argoproj.io')) {
    const spec = kind === 'ApplicationSet' ? top.lookupMap('spec.template.spec') : top.lookupMap('spec');
    if (!spec) return [];
    const sources = [...(spec.child('source') ? [spec.child('source')!] : []), ...itemsOf(spec, 'sources')];
    const out: CiliumSource[] = [];
    for (const source of sources) {
      if (!argoSourceIsCilium(source)) continue;
      out.push(...argoHelmValues(source, source, docIndex, `${kind} ${fullName}`));
    }
    return out;
  }

  if ((kind === 'HelmChart' || kind === 'HelmChartConfig') && apiVersion.includes('helm.cattle.io')) {
    const chart = scalarText(top, 'spec.chart')?.text;
    if (!chartNameMatches(chart) && !/cilium/.test(name ?? '')) return [];
    const embedded = embeddedValues(top, top.lookup('spec.valuesContent'));
    const out: CiliumSource[] = [];
    if (embedded) {
      const root = valuesRoot(embedded.root, true) ?? embedded.root;
      out.push(
        make('helmchart', docIndex, root, `${kind} ${fullName}`, {
          chartVersion: scalarText(top, 'spec.version'),
          problems: embedded.problems,
        }),
      );
    }
    // `spec.set` uses --set syntax (dotted keys); not analysed yet.
    return out;
  }

  if (kind === 'Kustomization' || (!kind && top.get('helmCharts'))) {
    const out: CiliumSource[] = [];
    for (const chart of itemsOf(top, 'helmCharts')) {
      if (!chartNameMatches(scalarText(chart, 'name')?.text)) continue;
      const values = chart.lookupMap('valuesInline');
      const root = values && valuesRoot(values, true);
      if (root)
        out.push(
          make(
            'kustomize',
            docIndex,
            root,
            `kustomize helmCharts ${scalarText(chart, 'releaseName')?.text ?? 'cilium'}`,
            { chartVersion: scalarText(chart, 'version') },
          ),
        );
    }
    return out;
  }

  if (kind) return []; // some other Kubernetes object

  // An ApplicationSet generator's per-app config file: `app: {source: …, helm: {values: |…}}`. The generator
  // copies these into the Application, so they are Argo CD values even though no `kind` says so.
  for (const e of top.entries()) {
    if (!isMap(e.node)) continue;
    const app = new MapView(e.node, top.ctx);
    const source = app.child('source');
    if (!app.get('helm') || !source) continue;
    if (!argoSourceIsCilium(source) && !/cilium/.test(scalarText(app, 'name')?.text ?? '')) continue;
    const found = argoHelmValues(app, source, docIndex, `Argo CD app ${scalarText(app, 'name')?.text ?? e.key}`);
    if (found.length > 0) return found;
  }

  const releases = top.get('releases');
  if (releases && isSeq(releases.node)) {
    const out: CiliumSource[] = [];
    for (const release of itemsOf(top, 'releases')) {
      if (!chartNameMatches(scalarText(release, 'chart')?.text)) continue;
      const valuesEntry = release.get('values');
      const maps = valuesEntry && isSeq(valuesEntry.node) ? itemsOf(release, 'values') : [];
      for (const values of maps) {
        const root = valuesRoot(values, true);
        if (root)
          out.push(
            make('helmfile', docIndex, root, `helmfile release ${scalarText(release, 'name')?.text ?? 'cilium'}`, {
              chartVersion: scalarText(release, 'version'),
            }),
          );
      }
    }
    if (out.length > 0 || top.get('helmDefaults') || top.get('repositories')) return out;
  }

  const root = valuesRoot(top, hinted);
  return root
    ? [make('helm-values', docIndex, root, root === top ? 'Helm values' : 'Helm values (cilium: block)')]
    : [];
}
