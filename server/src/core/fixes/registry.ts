// Which rule gets which fix: a rule object's `fix` (rules/defs/<id>.ts), and for the rules not yet written as
// rule objects, the table below. A rule without either has no fix we could call safe:
// - the way out is the user's choice: turn one feature off or another on (IPsec or WireGuard forcing legacy
//   routing, BPF masquerading without masquerading, DSR with VXLAN, netkit with tproxy, BIG TCP, BBR, pool
//   IPAM modes, CNI chaining, egressMasqueradeInterfaces vs devices, masquerading to the route source);
// - it needs a value we cannot know: a CIDR (native-routing-cidr-*), the API server's address, a port
//   (chart-standalone-dns-proxy-port), a cert-manager issuer, a cluster name or id, image tags;
// - it is about the cluster or the file rather than the values (kernel versions, ServiceMonitor CRDs, YAML
//   syntax, tabs, duplicate keys, templates, an unsupported version), or a key is only missing from an older
//   chart (key-not-yet-available: the target version is what to change).

import { configMapRename } from './configMapFixers';
import type { Fixer } from './context';
import { kprFalseForEnvoy, setTo } from './datapathFixers';
import { chartRemovedKey, deprecatedKey, nestDottedKey, removedKey, tunnelSuccessor, unknownKey } from './keyFixers';
import { configMapQuote, enumValue, hubbleMetricWord, kprValue, nearestAllowed, quotedBoolean } from './valueFixers';
import { ENUM_SPECS, SCHEMA_ENUM_RULE } from '../knowledge/enumValues';
import { RULES } from '../rules/defs/index';

const chartRemoved = chartRemovedKey('the chart refuses to install while it is set');

const LEGACY_FIXERS: Readonly<Record<string, Fixer>> = {
  // The chart refuses to install.
  'chart-kpr-invalid': kprValue,
  'chart-envoy-needs-kpr': kprFalseForEnvoy,
  'chart-tunnel-removed': tunnelSuccessor,
  'chart-l7-proxy-required': setTo('l7Proxy', 'true', 'the Ingress controller, Gateway API and Envoy load balancer need it', { agent: 'enable-l7-proxy', helmOnly: true }),
  'chart-hubble-relay-needs-hubble': setTo('hubble.enabled', 'true', 'Relay needs Hubble'),
  'chart-hubble-ui-needs-relay': setTo('hubble.relay.enabled', 'true', 'the UI needs Relay'),
  'chart-node-taints': setTo('operator.removeNodeTaints', 'true', 'the operator must remove the taint it sets'),
  'chart-spire-needs-authentication': setTo('authentication.enabled', 'true', 'SPIRE mutual authentication needs it'),
  'chart-aksbyocni-needs-tunnel': setTo('routingMode', 'tunnel', 'AKS bring-your-own-CNI needs tunnel mode', { agent: 'routing-mode', helmOnly: true }),
  'chart-ingress-external-traffic-policy': nearestAllowed({ 'ingressController.service.externalTrafficPolicy': ['Cluster', 'Local'] }),
  'chart-gateway-api-external-traffic-policy': nearestAllowed({ 'gatewayAPI.externalTrafficPolicy': ['Cluster', 'Local'] }),
  'chart-event-handover-removed': chartRemoved,
  'chart-cnp-status-removed': chartRemoved,
  'chart-remote-node-identity-removed': chartRemoved,
  'chart-endpoint-status-removed': chartRemoved,
  'chart-cri-integration-removed': chartRemoved,
  'chart-etcd-managed-removed': chartRemoved,
  'chart-proxy-prometheus-removed': chartRemoved,
  'chart-encryption-legacy-keys-removed': chartRemoved,
  'chart-ces-legacy-removed': chartRemoved,
  'chart-endpoint-slice-mode-removed': chartRemoved,
  'chart-cluster-pool-ipv4-cidr-removed': chartRemoved,
  'chart-cluster-pool-ipv6-cidr-removed': chartRemoved,

  // Keys and values.
  'quoted-boolean': quotedBoolean,
  'configmap-value-not-string': configMapQuote,
  'kpr-deprecated-value': kprValue,
  'key-removed': removedKey,
  'key-deprecated': deprecatedKey,
  'unknown-key': unknownKey,
  'dotted-key': nestDottedKey,
  'hubble-metric-unknown': hubbleMetricWord,
  'hubble-metric-option-ignored': hubbleMetricWord,
  'configmap-unknown-key': configMapRename,
  'configmap-key-removed': configMapRename,
  'configmap-key-deprecated': configMapRename,

  // Words outside a fixed set: the nearest word of the set.
  ...Object.fromEntries([...ENUM_SPECS.map((s) => s.id), SCHEMA_ENUM_RULE.id].map((id) => [id, enumValue])),
};

/** Every rule's fix, by rule id. */
export const FIXERS: Readonly<Record<string, Fixer>> = {
  ...LEGACY_FIXERS,
  ...Object.fromEntries(RULES.flatMap((r) => (r.fix ? [[r.id, r.fix] as const] : []))),
};
