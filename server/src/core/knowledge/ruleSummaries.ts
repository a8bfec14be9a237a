// One sentence per rule id, for docs/rules.md, hovers and settings UIs. The facts behind each rule (versions,
// conditions, citations) live in the knowledge entry with the same id; these only say what the rule is about.

export type RuleGroup = 'host-routing' | 'masquerade' | 'agent-exit' | 'chart' | 'keys' | 'configmap' | 'file';

export const RULE_SUMMARIES: Record<string, string> = {
  // Host routing: why the agent ends up on the legacy path.
  'host-routing-cni-chaining': 'In CNI chaining mode the chart itself writes enable-host-legacy-routing, so host routing is Legacy.',
  'host-routing-explicit-legacy': 'Legacy host routing was chosen explicitly (bpf.hostLegacyRouting or the ConfigMap key).',
  'host-routing-kpr-off': 'Without kube-proxy replacement BPF host routing cannot be used; the agent picks Legacy.',
  'host-routing-needs-kpr': 'BPF host routing needs the full kube-proxy replacement; a partial or probing mode falls back to Legacy.',
  'host-routing-iptables-masquerade': 'Masquerading done by iptables (masquerading on, bpf.masquerade off) forces Legacy host routing.',
  'host-routing-bpf-masquerade-fallback': 'BPF masquerading was requested but a prerequisite is missing, so iptables masquerades and host routing is Legacy.',
  'host-routing-ipsec': 'IPsec encryption forces Legacy host routing in the versions that cannot combine the two.',
  'host-routing-endpoint-routes': 'Per-endpoint routes (endpointRoutes.enabled, or what forces it: ENI, Azure, Alibaba Cloud, GKE) forced Legacy host routing up to 1.13; from 1.14 the two work together.',
  'host-routing-wireguard': 'WireGuard encryption forced Legacy host routing in the oldest supported versions.',
  'host-routing-no-l2-devices': 'Devices without an L2 (Ethernet) address forced Legacy host routing in the oldest supported versions.',
  'host-routing-old-kernel': 'The nodes\' kernel lacks the helpers BPF host routing needs (Linux 5.10), so the agent picks Legacy.',

  // BPF masquerading prerequisites.
  'bpf-masquerade-without-masquerading': 'bpf.masquerade is on while both IPv4 and IPv6 masquerading are off.',
  'bpf-masquerade-needs-nodeport': 'BPF masquerading needs the BPF NodePort datapath (kube-proxy replacement) in the versions that require it.',
  'bpf-masquerade-needs-socket-lb': 'BPF masquerading in tunnel mode needs socket-level load balancing in the versions that check it.',
  'bpf-masquerade-interfaces': 'egressMasqueradeInterfaces only applies to iptables masquerading and conflicts with BPF masquerading.',
  'bpf-masquerade-route-source': 'Masquerading to the route\'s source address only works with iptables masquerading.',

  // Combinations that stop the agent, or change what it does.
  'kpr-invalid-value': 'The kube-proxy replacement mode is not one this version accepts.',
  'routing-mode-invalid': 'The routing mode is neither tunnel nor native.',
  'ipsec-with-nodeport': 'IPsec and the BPF NodePort datapath could not be combined in older versions.',
  'ip-masq-agent-needs-bpf-masquerade': 'The BPF ip-masq-agent only works with BPF masquerading.',
  'egress-gateway-needs-bpf-masquerade': 'The egress gateway needs BPF masquerading for IPv4.',
  'auto-direct-node-routes-tunnel': 'autoDirectNodeRoutes only makes sense with native routing.',
  'eni-in-tunnel-mode': 'AWS ENI mode is a native-routing mode; tunnelling with it is refused or ignored depending on the version.',
  'dsr-with-vxlan': 'Direct server return cannot work over a VXLAN tunnel.',
  'dsr-tunnel-needs-geneve-dispatch': 'Direct server return inside a tunnel needs the Geneve dispatch mode.',
  'dsr-geneve-dispatch-needs-geneve': 'The Geneve DSR dispatch mode needs the Geneve tunnel protocol.',
  'no-conntrack-rules-prerequisites': 'installNoConntrackIptablesRules needs kube-proxy replacement, BPF masquerading and native routing.',
  'l7-proxy-needs-iptables': 'The L7 proxy needs Cilium\'s iptables rules.',
  'bbr-needs-bpf-host-routing': 'BBR congestion control for pods needs BPF host routing.',
  'bbr-needs-kernel-5.18': 'BBR congestion control for pods needs Linux 5.18 or newer.',
  'big-tcp-prerequisites': 'BIG TCP needs kube-proxy replacement, BPF masquerading (IPv4) and a recent kernel.',
  'netkit-needs-kernel-6.7': 'The netkit datapath mode needs Linux 6.7 or newer.',
  'native-routing-cidr-ipv4': 'Native routing with IPv4 masquerading needs ipv4NativeRoutingCIDR, the range that is routed without masquerading.',
  'native-routing-cidr-ipv6': 'Native routing with IPv6 masquerading needs ipv6NativeRoutingCIDR.',
  'kernel-too-old': 'The nodes\' kernel is older than the minimum this Cilium version supports.',

  // The chart's own checks: helm install stops before anything is deployed.
  'chart-kpr-invalid': 'The chart rejects this kubeProxyReplacement value.',
  'chart-tunnel-removed': 'The removed `tunnel` value is still set; the chart refuses it.',
  'chart-gke-needs-native': 'GKE mode needs native routing; the chart refuses other routing modes.',
  'chart-aksbyocni-needs-tunnel': 'AKS bring-your-own-CNI mode needs tunnel routing; the chart refuses native routing.',
  'chart-native-routing-cidr-ipv4': 'The chart requires ipv4NativeRoutingCIDR with native routing and IPv4 masquerading.',
  'chart-native-routing-cidr-ipv6': 'The chart requires ipv6NativeRoutingCIDR with native routing and IPv6 masquerading.',
  'chart-event-handover-removed': 'enableK8sEventHandover was removed; the chart refuses it when set.',
  'chart-cnp-status-removed': 'enableCnpStatusUpdates was removed; the chart refuses it when set.',
  'chart-remote-node-identity-removed': 'remoteNodeIdentity was removed (remote-node identities are always on); the chart refuses it when set.',
  'chart-endpoint-status-removed': 'endpointStatus was removed; the chart refuses it when set.',
  'chart-cri-integration-removed': 'The container runtime integration values were removed; the chart refuses them when set.',
  'chart-etcd-managed-removed': 'The managed etcd mode was removed; the chart refuses it when set.',
  'chart-encryption-legacy-keys-removed': 'The old top-level encryption keys (keyFile, mountPath, secretName, interface) moved under encryption.ipsec; the chart refuses the old ones.',
  'chart-proxy-prometheus-removed': 'The proxy Prometheus values were removed; the chart refuses them when set.',
  'chart-ces-legacy-removed': 'enableCiliumEndpointSlice was replaced by ciliumEndpointSlice.enabled; the chart refuses the old key.',
  'chart-hubble-relay-needs-hubble': 'Hubble Relay needs Hubble itself to be enabled.',
  'chart-hubble-ui-needs-relay': 'The Hubble UI needs Hubble Relay to be enabled.',

  // Keys and values.
  'unknown-key': 'A key the target version\'s chart does not have; a likely intended key is suggested.',
  'key-removed': 'A key that was removed or renamed before the target version; the replacement is named.',
  'key-not-yet-available': 'A key that only appears in a later chart version than the target.',
  'wrong-type': 'A value whose type differs from what the chart expects.',
  'quoted-boolean': 'A boolean written as a string: a Go template treats "false" as true.',
  'kpr-deprecated-value': 'A kubeProxyReplacement value from before 1.14 (strict, partial, probe, disabled).',
  'configmap-value-not-string': 'ConfigMap data values must be strings; unquoted booleans and numbers are rejected by the API server.',

  // The file itself.
  'yaml-syntax': 'The YAML does not parse here.',
  'yaml-duplicate-key': 'A key appears twice in one mapping; Helm keeps only the last.',
  'yaml-tab-indent': 'Tabs cannot indent YAML.',
  'template-syntax': 'The file contains template expressions; templated values are treated as unknown.',
  'file-too-large': 'The file is larger than the analysis limit and was skipped.',
  'not-text': 'The file does not look like text and was skipped.',
  'unsupported-version': 'The requested Cilium version is outside 1.12–1.20; the newest supported one is used.',
  'invalid-setting': 'A setting (kernel version, target version) could not be read; its default is used.',
};
