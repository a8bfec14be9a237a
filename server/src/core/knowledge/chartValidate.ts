// The rest of the chart's `fail` checks (templates/validate.yaml and a few in cilium-configmap.yaml), one entry
// per check, versions as in ../shared/cilium-rules.md §6.1 and the 1.12/1.13 charts (checked in
// templates/validate.yaml@v1.12.19 l.1-55, @v1.13.18 l.1-67, @v1.14.19 .. @v1.19.1, and the diffs between
// them). `text` is the chart's own fail message, quoted because it is what `helm install` prints; a trailing
// "..." marks where we cut a long one.

import type { HelmValues } from '../model/helmValues';
import type { State } from '../model/state';
import { goString, goTruthy } from '../settings';
import type { Origin, Severity } from '../types';
import { inRange, type CiliumVersion } from '../version';
import type { Check, Hit } from './checkTypes';
import { undecided } from '../model/unknown';

interface Spec {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite: string;
  severity?: Severity;
  /** The keys that decide it (the finding sits on the first one the user wrote); undefined = does not fail. */
  when: (h: HelmValues, s: State) => string[] | undefined;
  message: string | ((s: State) => string);
  text: string | ((s: State) => string);
}

const on = (h: HelmValues, path: string) => goTruthy(h.get(path)?.value);
const str = (h: HelmValues, path: string) => goString(h.get(path)?.value);
/** A value the chart compares as a number; undefined when it is not one (a template, a word). */
const num = (h: HelmValues, path: string): number | undefined => {
  const v = h.get(path)?.value;
  if (typeof v === 'number') return v;
  return typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : undefined;
};
const nonEmpty = (h: HelmValues, path: string) => {
  const v = h.get(path)?.value;
  return Array.isArray(v) ? v.length > 0 : goTruthy(v);
};

function toCheck(spec: Spec): Check<State> {
  return {
    id: spec.id,
    since: spec.since,
    until: spec.until,
    severity: spec.severity ?? 'error',
    cite: spec.cite,
    test: (s): Hit | undefined => {
      const h = s.helm;
      if (!h) return undefined;
      const { result: keys, templated } = h.reading(() => spec.when(h, s));
      // Whether it fails or passes, an outcome read from a templated value is not known.
      if (templated.length > 0) return undecided(templated);
      if (!keys) return undefined;
      const origins = keys.map((k) => h.user(k)?.origin ?? h.get(k)?.origin).filter((o): o is Origin => !!o);
      const message = typeof spec.message === 'function' ? spec.message(s) : spec.message;
      // Only an error is a certain refusal; a warning's message says itself when helm stops.
      const outcome = (spec.severity ?? 'error') === 'error' ? ` The ${s.version} chart refuses to install.` : '';
      return { origins, message: `${message}${outcome}`, sourceText: typeof spec.text === 'function' ? spec.text(s) : spec.text };
    },
  };
}

/** "v0.8.1" < 0.9.0 ? Only plain version tags are compared; digests and "latest" pass. */
function olderThan09(tag: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(tag);
  return !!m && Number(m[1]) === 0 && Number(m[2]) < 9;
}

/**
 * The monitors templates/validate.yaml checks, per version: each list must be all true (the last key is the
 * ServiceMonitor switch the finding sits on). hubble.metrics' monitor is never part of the check.
 * 1.12/1.13: prometheus.enabled and either monitor (validate.yaml@v1.12.19 l.19-22, @v1.13.18 l.19-25);
 * 1.14/1.15: agent, operator, envoy and relay, the last two behind proxy.prometheus.enabled (@v1.14.19 l.19-25,
 * @v1.15.19 l.33-39); 1.16+: the same four without proxy.prometheus (@v1.16.19 l.63-69, @v1.18.7 l.76-82, @v1.19.1 l.76-82).
 */
function serviceMonitors(v: CiliumVersion): string[][] {
  if (inRange(v, undefined, '1.13')) {
    return [
      ['prometheus.enabled', 'prometheus.serviceMonitor.enabled'],
      ['prometheus.enabled', 'operator.prometheus.serviceMonitor.enabled'],
    ];
  }
  const proxy = inRange(v, undefined, '1.15') ? ['proxy.prometheus.enabled'] : [];
  return [
    ['prometheus.enabled', 'prometheus.serviceMonitor.enabled'],
    ['operator.prometheus.enabled', 'operator.prometheus.serviceMonitor.enabled'],
    [...proxy, 'envoy.prometheus.enabled', 'envoy.prometheus.serviceMonitor.enabled'],
    [...proxy, 'hubble.relay.prometheus.enabled', 'hubble.relay.prometheus.serviceMonitor.enabled'],
  ];
}

const SPECS: Spec[] = [
  {
    id: 'chart-kpr-invalid',
    until: '1.13',
    cite: 'templates/cilium-configmap.yaml@v1.12.19 (KPR default and validity), @v1.13.18 l.14-60',
    when: (h, s) => {
      const ok = s.version === '1.12' ? ['disabled', 'partial', 'probe', 'strict'] : ['disabled', 'partial', 'strict'];
      return ok.includes(s.agent.kpr.raw) ? undefined : ['kubeProxyReplacement', 'upgradeCompatibility'];
    },
    message: (s) => `kubeProxyReplacement ends up "${s.agent.kpr.raw}", which the ${s.version} chart does not accept (${s.version === '1.12' ? 'disabled, partial, probe or strict' : 'disabled, partial or strict; an upgradeCompatibility below 1.12 makes it probe'}).`,
    text: (s) => `kubeproxyReplacement must be explicitly set to a valid value (${s.version === '1.12' ? 'disabled, partial, probe, or strict' : 'disabled, partial, or strict'}) to continue.`,
  },
  {
    id: 'chart-ingress-needs-kpr',
    since: '1.13',
    until: '1.13',
    cite: 'templates/validate.yaml@v1.13.18 l.59-67',
    when: (h) => {
      if (!on(h, 'ingressController.enabled') && !on(h, 'gatewayAPI.enabled')) return undefined;
      const kpr = h.user('kubeProxyReplacement');
      return kpr && ['partial', 'strict'].includes(goString(kpr.value)) ? undefined : ['kubeProxyReplacement', 'ingressController.enabled', 'gatewayAPI.enabled'];
    },
    message: 'The Ingress controller and Gateway API need kubeProxyReplacement written as partial or strict (the default does not count).',
    text: "Ingress/Gateway API controller requires .Values.kubeProxyReplacement to be set to either 'partial' or 'strict'",
  },
  {
    id: 'chart-envoy-needs-kpr',
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    when: (h, s) => ((on(h, 'envoyConfig.enabled') || on(h, 'ingressController.enabled') || on(h, 'gatewayAPI.enabled')) && s.agent.kpr.raw === 'disabled' ? ['kubeProxyReplacement', 'ingressController.enabled', 'gatewayAPI.enabled', 'envoyConfig.enabled'] : undefined),
    message: 'The Ingress controller, Gateway API and CiliumEnvoyConfig need kubeProxyReplacement set to true or false, not disabled.',
    text: "Ingress/Gateway API controller and EnvoyConfig require .Values.kubeProxyReplacement to be explicitly set to 'false' or 'true'",
  },
  {
    id: 'chart-l7-proxy-required',
    cite: 'templates/validate.yaml@v1.12.19 (ingress only), @v1.13.18 .. @v1.19.1',
    when: (h, s) => {
      const l7 = h.user('l7Proxy');
      if (!l7 || l7.value !== false) return undefined;
      const wants = on(h, 'ingressController.enabled') || (inRange(s.version, '1.13') && (on(h, 'gatewayAPI.enabled') || str(h, 'loadBalancer.l7.backend') === 'envoy'));
      return wants ? ['l7Proxy', 'ingressController.enabled', 'gatewayAPI.enabled', 'loadBalancer.l7.backend'] : undefined;
    },
    message: 'The Ingress controller, Gateway API and the Envoy L7 load balancer need the L7 proxy (l7Proxy: true).',
    text: (s) => (s.version === '1.12' ? "Ingress or Gateway API controller requires .Values.l7Proxy to be set to 'true'" : "Ingress or Gateway API controller or Envoy L7 Load Balancer  requires .Values.l7Proxy to be set to 'true'"),
  },
  {
    id: 'chart-hubble-relay-needs-hubble',
    until: '1.13',
    cite: 'templates/validate.yaml@v1.12.19, @v1.13.18',
    when: (h) => (on(h, 'hubble.relay.enabled') && !on(h, 'hubble.enabled') ? ['hubble.relay.enabled', 'hubble.enabled'] : undefined),
    message: 'Hubble Relay needs Hubble itself (hubble.enabled: true).',
    text: 'Hubble Relay requires .Values.hubble.enabled=true',
  },
  {
    id: 'chart-hubble-ui-needs-relay',
    until: '1.13',
    cite: 'templates/validate.yaml@v1.12.19, @v1.13.18',
    when: (h) => (on(h, 'hubble.ui.enabled') && !on(h, 'hubble.ui.standalone.enabled') && !on(h, 'hubble.relay.enabled') ? ['hubble.ui.enabled', 'hubble.relay.enabled'] : undefined),
    message: 'The Hubble UI needs Hubble Relay (hubble.relay.enabled: true).',
    text: 'Hubble UI requires .Values.hubble.relay.enabled=true',
  },
  {
    id: 'chart-hubble-ui-standalone-tls',
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    when: (h) => (on(h, 'hubble.ui.standalone.enabled') && on(h, 'hubble.relay.tls.server.enabled') && !nonEmpty(h, 'hubble.ui.standalone.tls.certsVolume') ? ['hubble.ui.standalone.enabled', 'hubble.relay.tls.server.enabled'] : undefined),
    message: 'A standalone Hubble UI talking to a TLS-enabled Relay needs hubble.ui.standalone.tls.certsVolume with the client certificates.',
    text: 'Hubble UI in standalone with Hubble Relay server TLS enabled requires providing .Values.hubble.ui.standalone.tls.certsVolume for mounting client certificates in the backend pod',
  },
  {
    id: 'chart-hubble-certmanager-issuer',
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    when: (h) => (on(h, 'hubble.tls.auto.enabled') && str(h, 'hubble.tls.auto.method') === 'certmanager' && !nonEmpty(h, 'hubble.tls.auto.certManagerIssuerRef') ? ['hubble.tls.auto.method'] : undefined),
    message: 'Hubble TLS certificates from cert-manager need hubble.tls.auto.certManagerIssuerRef.',
    text: 'Hubble TLS certgen method=certmanager requires that user specifies .Values.hubble.tls.auto.certManagerIssuerRef',
  },
  {
    id: 'chart-clustermesh-certmanager-issuer',
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    when: (h, s) =>
      (on(h, 'clustermesh.useAPIServer') || (inRange(s.version, undefined, '1.17') && on(h, 'externalWorkloads.enabled'))) &&
      on(h, 'clustermesh.apiserver.tls.auto.enabled') &&
      str(h, 'clustermesh.apiserver.tls.auto.method') === 'certmanager' &&
      !nonEmpty(h, 'clustermesh.apiserver.tls.auto.certManagerIssuerRef')
        ? ['clustermesh.apiserver.tls.auto.method']
        : undefined,
    message: 'ClusterMesh TLS certificates from cert-manager need clustermesh.apiserver.tls.auto.certManagerIssuerRef.',
    text: 'ClusterMesh TLS certgen method=certmanager requires that user specifies .Values.clustermesh.apiserver.tls.auto.certManagerIssuerRef',
  },
  {
    id: 'chart-hubble-ui-image-too-old',
    cite: 'templates/validate.yaml@v1.12.19 .. @v1.19.1',
    when: (h) => {
      if (!on(h, 'hubble.ui.enabled')) return undefined;
      const old = ['hubble.ui.backend.image.tag', 'hubble.ui.frontend.image.tag'].filter((k) => h.user(k) && olderThan09(str(h, k)));
      return old.length > 0 ? old : undefined;
    },
    message: 'The Hubble UI images must be v0.9.0 or newer.',
    text: "Hubble UI requires hubble.ui.backend.image.tag to be '>=v0.9.0'",
  },
  {
    id: 'chart-servicemonitor-crds',
    severity: 'warning',
    cite: 'templates/validate.yaml@v1.12.19 l.19-22 (no escape), @v1.13.18 l.19-25, @v1.14.19 l.19-25, @v1.15.19 l.33-39, @v1.16.19 l.63-69, @v1.19.1 l.76-82 (trustCRDsExist)',
    when: (h, s) => {
      if (inRange(s.version, '1.13') && on(h, 'prometheus.serviceMonitor.trustCRDsExist')) return undefined;
      const hits = serviceMonitors(s.version).filter((keys) => keys.every((k) => on(h, k))).map((keys) => keys[keys.length - 1]);
      return hits.length > 0 ? [...new Set(hits)] : undefined;
    },
    // A warning: whether helm stops depends on the cluster (the CRDs may be installed), not on the values alone.
    message: (s) => `A ServiceMonitor is requested: helm install fails on a cluster that does not serve the monitoring.coreos.com/v1 CRDs (and helm template without --api-versions always fails)${inRange(s.version, '1.13') ? '; set prometheus.serviceMonitor.trustCRDsExist: true if they are there' : ''}.`,
    text: 'Service Monitor requires monitoring.coreos.com/v1 CRDs. Please refer to ...',
  },
  {
    id: 'chart-bgp-no-announcements',
    until: '1.16',
    cite: 'templates/cilium-configmap.yaml@v1.12.19 l.868, @v1.13.18 l.892, @v1.14.19 .. @v1.16.19',
    when: (h) => (on(h, 'bgp.enabled') && !on(h, 'bgp.announce.loadbalancerIP') && !on(h, 'bgp.announce.podCIDR') ? ['bgp.enabled'] : undefined),
    message: 'The MetalLB-based BGP mode is on but announces nothing (bgp.announce.loadbalancerIP or bgp.announce.podCIDR).',
    text: 'BGP was enabled, but no announcements were enabled. Please enable one or more announcements.',
  },
  ...(['4', '6'] as const).map(
    (f): Spec => ({
      id: `chart-cluster-pool-ipv${f}-cidr-removed`,
      since: '1.14',
      until: '1.18',
      cite: 'templates/cilium-configmap.yaml@v1.14.19 l.897-909 .. @v1.18.7',
      when: (h) => (h.user(`ipam.operator.clusterPoolIPv${f}PodCIDR`) && on(h, `ipv${f}.enabled`) ? [`ipam.operator.clusterPoolIPv${f}PodCIDR`] : undefined),
      message: `ipam.operator.clusterPoolIPv${f}PodCIDR was replaced by ipam.operator.clusterPoolIPv${f}PodCIDRList.`,
      text: `Value ipam.operator.clusterPoolIPv${f}PodCIDR removed, use ipam.operator.clusterPoolIPv${f}PodCIDRList instead`,
    }),
  ),
  {
    id: 'chart-node-taints',
    since: '1.14',
    cite: 'templates/cilium-configmap.yaml@v1.14.19 .. @v1.19.1',
    when: (h) => (h.user('operator.setNodeTaints') && on(h, 'operator.setNodeTaints') && !on(h, 'operator.removeNodeTaints') ? ['operator.setNodeTaints', 'operator.removeNodeTaints'] : undefined),
    message: 'operator.setNodeTaints needs operator.removeNodeTaints: true (the operator must also remove the taint it sets).',
    text: 'Cannot have operator.setNodeTaintsMaxNodes and not operator.removeNodeTaints = false',
  },
  {
    id: 'chart-clustermesh-ca-removed',
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    when: (h) => {
      const hits = ['clustermesh.apiserver.tls.ca.cert', 'clustermesh.apiserver.tls.ca.key'].filter((k) => nonEmpty(h, k) && h.user(k));
      return hits.length > 0 ? hits : undefined;
    },
    message: 'clustermesh.apiserver.tls.ca.cert and .key were removed in 1.15 (the CA now comes from tls.ca at the top level).',
    text: 'clustermesh.apiserver.tls.ca.cert and clustermesh.apiserver.tls.ca.key were deprecated in v1.14 and has been removed in v1.15. ...',
  },
  {
    id: 'chart-hubble-redact-allow-and-deny',
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    when: (h) => (nonEmpty(h, 'hubble.redact.http.headers.allow') && nonEmpty(h, 'hubble.redact.http.headers.deny') ? ['hubble.redact.http.headers.allow', 'hubble.redact.http.headers.deny'] : undefined),
    message: 'Hubble header redaction takes an allow list or a deny list, not both.',
    text: 'Only one of .Values.hubble.redact.http.headers.allow, .Values.hubble.redact.http.headers.deny can be specified',
  },
  {
    id: 'chart-ingress-external-traffic-policy',
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    when: (h) =>
      on(h, 'ingressController.enabled') && ['LoadBalancer', 'NodePort'].includes(str(h, 'ingressController.service.type')) && !['Cluster', 'Local'].includes(str(h, 'ingressController.service.externalTrafficPolicy'))
        ? ['ingressController.service.externalTrafficPolicy']
        : undefined,
    message: 'Ingress services of type LoadBalancer or NodePort need externalTrafficPolicy Cluster or Local.',
    text: "Cilium Ingress services of type 'LoadBalancer' or 'NodePort' need an externalTrafficPolicy set to 'Cluster' or 'Local'.",
  },
  {
    id: 'chart-gateway-api-external-traffic-policy',
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    when: (h) => (on(h, 'gatewayAPI.enabled') && !['Cluster', 'Local'].includes(str(h, 'gatewayAPI.externalTrafficPolicy')) ? ['gatewayAPI.externalTrafficPolicy'] : undefined),
    message: 'Gateway API needs gatewayAPI.externalTrafficPolicy Cluster or Local.',
    text: "Cilium GatewayAPI needs an externalTrafficPolicy set to 'Cluster' or 'Local'.",
  },
  {
    id: 'chart-spire-needs-authentication',
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    when: (h) => (on(h, 'authentication.mutual.spire.enabled') && !on(h, 'authentication.enabled') ? ['authentication.mutual.spire.enabled', 'authentication.enabled'] : undefined),
    message: 'SPIRE mutual authentication needs authentication.enabled: true.',
    text: 'SPIRE integration requires .Values.authentication.enabled=true and .Values.authentication.mutual.spire.enabled=true',
  },
  {
    id: 'chart-endpoint-slice-needs-endpoint-crd',
    since: '1.14',
    cite: 'templates/validate.yaml@v1.14.19 .. @v1.19.1',
    when: (h, s) => {
      const key = inRange(s.version, '1.16') ? 'ciliumEndpointSlice.enabled' : 'enableCiliumEndpointSlice';
      return on(h, key) && on(h, 'disableEndpointCRD') ? [key, 'disableEndpointCRD'] : undefined;
    },
    message: 'CiliumEndpointSlices are built from CiliumEndpoints: disableEndpointCRD must stay false.',
    text: (s) => `if Cilium Endpoint Slice is enabled (.Values.${inRange(s.version, '1.16') ? 'ciliumEndpointSlice.enabled' : 'enableCiliumEndpointSlice'}=true), it requires .Values.disableEndpointCRD=false`,
  },
  {
    id: 'chart-cluster-name-invalid',
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    when: (h) => {
      const name = str(h, 'cluster.name');
      const malformed = name === '' || name.length > 32 || !/^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/.test(name);
      if (malformed) return ['cluster.name'];
      // cluster.id is read only when the name is "default", so a templated id cannot hide a bad name.
      return name === 'default' && (num(h, 'cluster.id') ?? 0) !== 0 ? ['cluster.name', 'cluster.id'] : undefined;
    },
    message: 'cluster.name must be 1-32 lower-case letters, digits and dashes, start and end with a letter or digit, and not be "default" when cluster.id is set.',
    text: 'The cluster name is invalid: ...',
  },
  {
    id: 'chart-cluster-id-eni-policy-bug',
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    when: (h) => {
      // The mode first: cluster.id only matters (and is only read) in these modes.
      const mode = on(h, 'eni.enabled') || on(h, 'alibabacloud.enabled') || str(h, 'cni.chainingMode') === 'aws-cni';
      if (!mode) return undefined;
      const id = num(h, 'cluster.id') ?? 0;
      const risky = (id >= 128 && id <= 255) || (id >= 384 && id <= 511);
      const escape = str(h, 'extraConfig.allow-unsafe-policy-skb-usage') === 'true';
      return risky && mode && !escape ? ['cluster.id'] : undefined;
    },
    message: 'cluster.id 128-255 or 384-511 in ENI, Alibaba Cloud or aws-cni chaining mode hits a policy bug that drops traffic.',
    text: 'Cilium is currently affected by a bug that causes traffic matched by network policies to be incorrectly dropped when running in either ENI mode ...',
  },
  {
    id: 'chart-max-connected-clusters',
    since: '1.15',
    cite: 'templates/validate.yaml@v1.15.19 .. @v1.19.1',
    when: (h) => {
      const v = h.get('clustermesh.maxConnectedClusters')?.value;
      return v !== undefined && v !== null && ![255, 511, '255', '511'].includes(v as never) ? ['clustermesh.maxConnectedClusters'] : undefined;
    },
    message: 'clustermesh.maxConnectedClusters takes 255 or 511.',
    text: 'max-connected-clusters must be set to 255 or 511',
  },
  {
    id: 'chart-envoy-base-id',
    since: '1.16',
    cite: 'templates/validate.yaml@v1.16.19 .. @v1.19.1',
    when: (h) => {
      const v = h.user('envoy.baseID')?.value;
      if (v === undefined || v === null) return undefined;
      const n = Number(v);
      return Number.isInteger(n) && n >= 0 && n <= 4294967295 ? undefined : ['envoy.baseID'];
    },
    message: 'envoy.baseID must be an integer from 0 to 4294967295.',
    text: 'envoy.baseID must be an int. Supported values 0 - 4294967295',
  },
  {
    id: 'chart-endpoint-slice-mode-removed',
    since: '1.18',
    cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
    when: (h) => (h.user('ciliumEndpointSlice.sliceMode') && on(h, 'ciliumEndpointSlice.sliceMode') ? ['ciliumEndpointSlice.sliceMode'] : undefined),
    message: 'ciliumEndpointSlice.sliceMode was removed in 1.18.',
    text: 'ciliumEndpointSlice.sliceMode has been removed in v1.18. ...',
  },
  {
    id: 'chart-k8s-service-host-twice',
    since: '1.18',
    cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
    when: (h) => (on(h, 'k8sServiceHostRef.name') && on(h, 'k8sServiceHostRef.key') && on(h, 'k8sServiceHost') ? ['k8sServiceHost', 'k8sServiceHostRef.name'] : undefined),
    message: 'Set either k8sServiceHost or k8sServiceHostRef, not both.',
    text: 'Both k8sServiceHostRef and k8sServiceHost are set. Please set only one of them.',
  },
  {
    id: 'chart-backoff-env-conflict',
    since: '1.18',
    cite: 'templates/validate.yaml@v1.18.7, @v1.19.1',
    when: (h) => {
      if (!on(h, 'k8sClientExponentialBackoff.enabled')) return undefined;
      const env = h.get('extraEnv')?.value;
      const names = Array.isArray(env) ? env.map((e) => (e && typeof e === 'object' && !Array.isArray(e) ? goString((e as Record<string, never>).name) : '')) : [];
      return names.some((n) => n === 'KUBE_CLIENT_BACKOFF_BASE' || n === 'KUBE_CLIENT_BACKOFF_DURATION') ? ['k8sClientExponentialBackoff.enabled', 'extraEnv'] : undefined;
    },
    message: 'k8sClientExponentialBackoff conflicts with KUBE_CLIENT_BACKOFF_BASE / KUBE_CLIENT_BACKOFF_DURATION in extraEnv.',
    text: 'k8sClientExponentialBackoff cannot be enabled when extraEnv contains KUBE_CLIENT_BACKOFF_BASE or KUBE_CLIENT_BACKOFF_DURATION',
  },
  {
    id: 'chart-standalone-dns-proxy-port',
    since: '1.19',
    cite: 'templates/validate.yaml@v1.19.1',
    when: (h) => (on(h, 'standaloneDnsProxy.enabled') && !on(h, 'dnsProxy.proxyPort') ? ['standaloneDnsProxy.enabled', 'dnsProxy.proxyPort'] : undefined),
    message: 'The standalone DNS proxy needs dnsProxy.proxyPort set to a port (for example 10094).',
    text: 'standaloneDnsProxy requires dnsProxy.proxyPort to be explicitly set (e.g., 10094)',
  },
  {
    id: 'chart-netkit-tproxy',
    since: '1.19',
    cite: 'templates/validate.yaml@v1.19.1',
    when: (h) => (on(h, 'bpf.tproxy') && ['netkit', 'netkit-l2'].includes(str(h, 'bpf.datapathMode')) ? ['bpf.tproxy', 'bpf.datapathMode'] : undefined),
    message: 'bpf.tproxy cannot be combined with the netkit datapath modes.',
    text: '.Values.bpf.tproxy cannot be enabled with .Values.bpf.datapathMode=netkit or .Values.bpf.datapathMode=netkit-l2',
  },
];

export const CHART_VALIDATE_CHECKS: Check<State>[] = SPECS.map(toCheck);
