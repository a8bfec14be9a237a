// Every rule written as one object in one file (rules/rule.ts). Adding a rule: its file here, and in the list
// of the analysis that runs it when the order matters (the host-routing reasons, in the agent's order).
// The catalog (knowledge/ruleCatalog.ts), docs/rules.md, SARIF metadata, the fix registry
// (fixes/registry.ts) and test/core/ruleExamples.test.ts all read RULES.

import type { DatapathRules } from '../../model/datapath';
import type { AgentExitRule, ChartNoteRule, HostRoutingRule, MasqueradeRule, Rule, ValueWordsRule } from '../rule';
import autoDirectNodeRoutesTunnel from './auto-direct-node-routes-tunnel';
import bbrNeedsBpfHostRouting from './bbr-needs-bpf-host-routing';
import bbrNeedsKernel518 from './bbr-needs-kernel-5.18';
import bigTcpPrerequisites from './big-tcp-prerequisites';
import bpfMasqueradeInterfaces from './bpf-masquerade-interfaces';
import bpfMasqueradeNeedsNodeport from './bpf-masquerade-needs-nodeport';
import bpfMasqueradeNeedsSocketLb from './bpf-masquerade-needs-socket-lb';
import bpfMasqueradeRouteSource from './bpf-masquerade-route-source';
import bpfMasqueradeWithoutMasquerading from './bpf-masquerade-without-masquerading';
import chartAksbyocniNeedsTunnel from './chart-aksbyocni-needs-tunnel';
import chartBackoffEnvConflict from './chart-backoff-env-conflict';
import chartBgpNoAnnouncements from './chart-bgp-no-announcements';
import chartCesLegacyRemoved from './chart-ces-legacy-removed';
import chartClusterIdEniPolicyBug from './chart-cluster-id-eni-policy-bug';
import chartClusterNameInvalid from './chart-cluster-name-invalid';
import chartClusterPoolIpv4CidrRemoved from './chart-cluster-pool-ipv4-cidr-removed';
import chartClusterPoolIpv6CidrRemoved from './chart-cluster-pool-ipv6-cidr-removed';
import chartClustermeshCaRemoved from './chart-clustermesh-ca-removed';
import chartClustermeshCertmanagerIssuer from './chart-clustermesh-certmanager-issuer';
import chartCnpStatusRemoved from './chart-cnp-status-removed';
import chartCriIntegrationRemoved from './chart-cri-integration-removed';
import chartEncryptionLegacyKeysRemoved from './chart-encryption-legacy-keys-removed';
import chartEndpointSliceModeRemoved from './chart-endpoint-slice-mode-removed';
import chartEndpointSliceNeedsEndpointCrd from './chart-endpoint-slice-needs-endpoint-crd';
import chartEndpointStatusRemoved from './chart-endpoint-status-removed';
import chartEnvoyBaseId from './chart-envoy-base-id';
import chartEnvoyNeedsKpr from './chart-envoy-needs-kpr';
import chartEtcdManagedRemoved from './chart-etcd-managed-removed';
import chartEventHandoverRemoved from './chart-event-handover-removed';
import chartFail from './chart-fail';
import chartGatewayApiExternalTrafficPolicy from './chart-gateway-api-external-traffic-policy';
import chartGkeNeedsNative from './chart-gke-needs-native';
import chartHubbleCertmanagerIssuer from './chart-hubble-certmanager-issuer';
import chartHubbleRedactAllowAndDeny from './chart-hubble-redact-allow-and-deny';
import chartHubbleRelayNeedsHubble from './chart-hubble-relay-needs-hubble';
import chartHubbleUiImageTooOld from './chart-hubble-ui-image-too-old';
import chartHubbleUiNeedsRelay from './chart-hubble-ui-needs-relay';
import chartHubbleUiStandaloneTls from './chart-hubble-ui-standalone-tls';
import chartIngressExternalTrafficPolicy from './chart-ingress-external-traffic-policy';
import chartIngressNeedsKpr from './chart-ingress-needs-kpr';
import chartK8sServiceHostAutoLookup from './chart-k8s-service-host-auto-lookup';
import chartK8sServiceHostTwice from './chart-k8s-service-host-twice';
import chartKprInvalid from './chart-kpr-invalid';
import chartL7ProxyRequired from './chart-l7-proxy-required';
import chartMaxConnectedClusters from './chart-max-connected-clusters';
import chartNativeRoutingCidrIpv4 from './chart-native-routing-cidr-ipv4';
import chartNativeRoutingCidrIpv6 from './chart-native-routing-cidr-ipv6';
import chartNetkitTproxy from './chart-netkit-tproxy';
import chartNodeTaints from './chart-node-taints';
import chartProxyPrometheusRemoved from './chart-proxy-prometheus-removed';
import chartRemoteNodeIdentityRemoved from './chart-remote-node-identity-removed';
import chartRenderTrimmed from './chart-render-trimmed';
import chartSchema from './chart-schema';
import chartSchemaEnum from './chart-schema-enum';
import chartServicemonitorCrds from './chart-servicemonitor-crds';
import chartSpireNeedsAuthentication from './chart-spire-needs-authentication';
import chartStandaloneDnsProxyPort from './chart-standalone-dns-proxy-port';
import chartTunnelRemoved from './chart-tunnel-removed';
import chartValuesNull from './chart-values-null';
import cniChainingModeInvalid from './cni-chaining-mode-invalid';
import configmapKeyDeprecated from './configmap-key-deprecated';
import configmapKeyNotYetAvailable from './configmap-key-not-yet-available';
import configmapKeyRemoved from './configmap-key-removed';
import configmapUnknownKey from './configmap-unknown-key';
import configmapValueNotString from './configmap-value-not-string';
import configmapValueStopsAgent from './configmap-value-stops-agent';
import configmapWrongType from './configmap-wrong-type';
import datapathModeInvalid from './datapath-mode-invalid';
import dottedKey from './dotted-key';
import dsrGeneveDispatchNeedsGeneve from './dsr-geneve-dispatch-needs-geneve';
import dsrTunnelNeedsGeneveDispatch from './dsr-tunnel-needs-geneve-dispatch';
import dsrOffInTunnel from './dsr-off-in-tunnel';
import xdpAccelerationNotEncrypted from './xdp-acceleration-not-encrypted';
import dsrWithTunnel from './dsr-with-tunnel';
import dsrWithVxlan from './dsr-with-vxlan';
import egressGatewayNeedsBpfMasquerade from './egress-gateway-needs-bpf-masquerade';
import encryptionTypeInvalid from './encryption-type-invalid';
import eniInTunnelMode from './eni-in-tunnel-mode';
import fileTooLarge from './file-too-large';
import helmTemplateParseError from './helm-template-parse-error';
import hostRoutingBpfMasqueradeFallback from './host-routing-bpf-masquerade-fallback';
import hostRoutingCniChaining from './host-routing-cni-chaining';
import hostRoutingEndpointRoutes from './host-routing-endpoint-routes';
import hostRoutingExplicitLegacy from './host-routing-explicit-legacy';
import hostRoutingIpsec from './host-routing-ipsec';
import hostRoutingIptablesMasquerade from './host-routing-iptables-masquerade';
import hostRoutingKprOff from './host-routing-kpr-off';
import hostRoutingNeedsKpr from './host-routing-needs-kpr';
import hostRoutingOldKernel from './host-routing-old-kernel';
import hostRoutingWireguard from './host-routing-wireguard';
import hubbleMetricOptionIgnored from './hubble-metric-option-ignored';
import hubbleMetricOptionInvalid from './hubble-metric-option-invalid';
import hubbleMetricUnknown from './hubble-metric-unknown';
import hubbleMetricsConflict from './hubble-metrics-conflict';
import identityAllocationModeInvalid from './identity-allocation-mode-invalid';
import internalError from './internal-error';
import invalidSetting from './invalid-setting';
import ipMasqAgentNeedsBpfMasquerade from './ip-masq-agent-needs-bpf-masquerade';
import ipamModeInvalid from './ipam-mode-invalid';
import ipamPoolModeRouting from './ipam-pool-mode-routing';
import ipsecWithNodeport from './ipsec-with-nodeport';
import kernelTooOld from './kernel-too-old';
import keyDeprecated from './key-deprecated';
import keyNotYetAvailable from './key-not-yet-available';
import keyRemoved from './key-removed';
import kprApiServerViaService from './kpr-api-server-via-service';
import kprDeprecatedValue from './kpr-deprecated-value';
import kprInvalidValue from './kpr-invalid-value';
import l7ProxyNeedsIptables from './l7-proxy-needs-iptables';
import lbAccelerationInvalid from './lb-acceleration-invalid';
import lbAlgorithmInvalid from './lb-algorithm-invalid';
import lbDsrDispatchInvalid from './lb-dsr-dispatch-invalid';
import lbDsrDispatchUnchecked from './lb-dsr-dispatch-unchecked';
import lbL7AlgorithmInvalid from './lb-l7-algorithm-invalid';
import lbModeInvalid from './lb-mode-invalid';
import lbModeWithoutKpr from './lb-mode-without-kpr';
import monitorAggregationInvalid from './monitor-aggregation-invalid';
import nativeRoutingCidrIpv4 from './native-routing-cidr-ipv4';
import nativeRoutingCidrIpv6 from './native-routing-cidr-ipv6';
import netkitNeedsKernel67 from './netkit-needs-kernel-6.7';
import netkitTproxy from './netkit-tproxy';
import noConntrackRulesPrerequisites from './no-conntrack-rules-prerequisites';
import notText from './not-text';
import quotedBoolean from './quoted-boolean';
import routingModeInvalid from './routing-mode-invalid';
import templateSyntax from './template-syntax';
import templatedWrongType from './templated-wrong-type';
import tooManyFindings from './too-many-findings';
import tunnelModeInvalid from './tunnel-mode-invalid';
import underlayProtocolInvalid from './underlay-protocol-invalid';
import unknownKey from './unknown-key';
import unsupportedVersion from './unsupported-version';
import unusedSuppression from './unused-suppression';
import versionCommentDisagrees from './version-comment-disagrees';
import wrongType from './wrong-type';
import yamlDuplicateKey from './yaml-duplicate-key';
import yamlSyntax from './yaml-syntax';
import yamlTabIndent from './yaml-tab-indent';
import yamlTooDeep from './yaml-too-deep';

/**
 * Why BPF host routing falls back, in the order the agent decides it: the silent reasons (settled before its
 * logging switch) first, then the switch's cases, of which only the first match is logged.
 */
export const HOST_ROUTING_RULES: readonly HostRoutingRule[] = [
  hostRoutingCniChaining,
  hostRoutingExplicitLegacy,
  hostRoutingKprOff,
  hostRoutingIpsec,
  hostRoutingIptablesMasquerade,
  hostRoutingNeedsKpr,
  hostRoutingEndpointRoutes,
  hostRoutingWireguard,
  hostRoutingOldKernel,
];

/** The prerequisites of BPF masquerading, in the order the agent checks them. */
export const MASQUERADE_RULES: readonly MasqueradeRule[] = [
  bpfMasqueradeWithoutMasquerading,
  bpfMasqueradeNeedsNodeport,
  bpfMasqueradeInterfaces,
  bpfMasqueradeNeedsSocketLb,
  bpfMasqueradeRouteSource,
];

/** The combinations that stop the agent; findings list them in this order. */
export const AGENT_EXIT_RULES: readonly AgentExitRule[] = [
  kprInvalidValue,
  ipsecWithNodeport,
  nativeRoutingCidrIpv4,
  nativeRoutingCidrIpv6,
  autoDirectNodeRoutesTunnel,
  eniInTunnelMode,
  dsrOffInTunnel,
  dsrWithTunnel,
  dsrWithVxlan,
  dsrTunnelNeedsGeneveDispatch,
  dsrGeneveDispatchNeedsGeneve,
  xdpAccelerationNotEncrypted,
  noConntrackRulesPrerequisites,
  ipMasqAgentNeedsBpfMasquerade,
  egressGatewayNeedsBpfMasquerade,
  bbrNeedsBpfHostRouting,
  bigTcpPrerequisites,
  l7ProxyNeedsIptables,
  routingModeInvalid,
  kernelTooOld,
  netkitNeedsKernel67,
  ipamPoolModeRouting,
  netkitTproxy,
  bbrNeedsKernel518,
];

/**
 * The chart checks we explain, in the order a failure is matched to them (the first whose pattern fits); the
 * model is handed this list (model/chartModel.ts).
 */
export const CHART_NOTE_RULES: readonly ChartNoteRule[] = [
  chartValuesNull,
  chartKprInvalid,
  chartTunnelRemoved,
  chartNativeRoutingCidrIpv4,
  chartNativeRoutingCidrIpv6,
  chartGkeNeedsNative,
  chartAksbyocniNeedsTunnel,
  chartHubbleRelayNeedsHubble,
  chartHubbleUiNeedsRelay,
  chartEventHandoverRemoved,
  chartCnpStatusRemoved,
  chartRemoteNodeIdentityRemoved,
  chartEndpointStatusRemoved,
  chartCriIntegrationRemoved,
  chartEtcdManagedRemoved,
  chartEncryptionLegacyKeysRemoved,
  chartProxyPrometheusRemoved,
  chartCesLegacyRemoved,
  chartEndpointSliceModeRemoved,
  chartIngressNeedsKpr,
  chartEnvoyNeedsKpr,
  chartL7ProxyRequired,
  chartHubbleUiStandaloneTls,
  chartHubbleCertmanagerIssuer,
  chartClustermeshCertmanagerIssuer,
  chartHubbleUiImageTooOld,
  chartServicemonitorCrds,
  chartBgpNoAnnouncements,
  chartClusterPoolIpv4CidrRemoved,
  chartClusterPoolIpv6CidrRemoved,
  chartNodeTaints,
  chartClustermeshCaRemoved,
  chartHubbleRedactAllowAndDeny,
  chartIngressExternalTrafficPolicy,
  chartGatewayApiExternalTrafficPolicy,
  chartSpireNeedsAuthentication,
  chartEndpointSliceNeedsEndpointCrd,
  chartClusterNameInvalid,
  chartClusterIdEniPolicyBug,
  chartMaxConnectedClusters,
  chartEnvoyBaseId,
  chartK8sServiceHostTwice,
  chartK8sServiceHostAutoLookup,
  chartBackoffEnvConflict,
  chartStandaloneDnsProxyPort,
  chartNetkitTproxy,
];

/** The values that take one of a fixed set of words (rules/enumRules.ts runs them, completion offers their words). */
export const VALUE_WORD_RULES: readonly ValueWordsRule[] = [
  encryptionTypeInvalid,
  ipamModeInvalid,
  tunnelModeInvalid,
  lbModeInvalid,
  lbAlgorithmInvalid,
  lbAccelerationInvalid,
  lbDsrDispatchInvalid,
  lbDsrDispatchUnchecked,
  datapathModeInvalid,
  identityAllocationModeInvalid,
  monitorAggregationInvalid,
  cniChainingModeInvalid,
  lbL7AlgorithmInvalid,
  underlayProtocolInvalid,
];

/** What model/datapath.ts deriveDatapath runs. */
export const DATAPATH_RULES: DatapathRules = {
  hostRouting: HOST_ROUTING_RULES,
  masquerade: MASQUERADE_RULES,
  agentExits: AGENT_EXIT_RULES,
};

/** Every rule. */
export const RULES: readonly Rule[] = [
  ...HOST_ROUTING_RULES,
  hostRoutingBpfMasqueradeFallback,
  ...MASQUERADE_RULES,
  ...AGENT_EXIT_RULES,
  // chart
  ...CHART_NOTE_RULES,
  chartFail,
  chartSchema,

  // values
  ...VALUE_WORD_RULES,
  hubbleMetricUnknown,
  hubbleMetricOptionInvalid,
  hubbleMetricOptionIgnored,
  hubbleMetricsConflict,
  lbModeWithoutKpr,
  kprApiServerViaService,
  chartSchemaEnum,

  // keys
  unknownKey,
  dottedKey,
  keyRemoved,
  keyNotYetAvailable,
  keyDeprecated,
  wrongType,
  quotedBoolean,
  templatedWrongType,
  kprDeprecatedValue,

  // configmap
  configmapValueNotString,
  configmapUnknownKey,
  configmapKeyRemoved,
  configmapKeyNotYetAvailable,
  configmapKeyDeprecated,
  configmapValueStopsAgent,
  configmapWrongType,

  // file
  yamlSyntax,
  yamlDuplicateKey,
  yamlTabIndent,
  templateSyntax,
  fileTooLarge,
  chartRenderTrimmed,
  notText,
  yamlTooDeep,
  tooManyFindings,
  unsupportedVersion,
  versionCommentDisagrees,
  helmTemplateParseError,
  invalidSetting,
  internalError,
  unusedSuppression,
];
