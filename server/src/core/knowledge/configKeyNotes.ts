// Keys the chart writes into cilium-config that neither cilium-agent nor cilium-operator reads as a setting, and
// who uses them instead. They must never be reported as unknown. Checked against the chart templates and the
// scripts named below at each release tag (see ../shared/cilium-config-keys/README.md, "Chart keys").

export const CHART_ONLY_KEY_NOTES: Readonly<Record<string, string>> = {
  // templates/cilium-agent/daemonset.yaml mounts it as the file /var/lib/etcd-config/etcd.config (configMap items);
  // the agent finds it through kvstore-opt.
  'etcd-config':
    'Mounted as the file /var/lib/etcd-config/etcd.config for the agent and operator; `kvstore-opt` points at it.',
  // images/cilium/init-container.sh reads CILIUM_ALL_STATE / CILIUM_BPF_STATE, set from these keys.
  'clean-cilium-state':
    'Read by the clean-cilium-state init container (environment CILIUM_ALL_STATE), not by the agent.',
  'clean-cilium-bpf-state':
    'Read by the clean-cilium-state init container (environment CILIUM_BPF_STATE), not by the agent.',
  // plugins/cilium-cni/cni-uninstall.sh, run by the agent's preStop hook, reads the mounted file cni-uninstall.
  'cni-uninstall': "Read by the CNI uninstall script of the agent pod's preStop hook, not by the agent.",
  // 1.12–1.13: environment CILIUM_CUSTOM_CNI_CONF of the agent container, read by plugins/cilium-cni/cni-install.sh;
  // from 1.14 no template maps it and no script reads it.
  'custom-cni-conf':
    'Up to 1.13 read by the CNI install script (environment CILIUM_CUSTOM_CNI_CONF); from 1.14 nothing reads it.',
  // v1.12: flag removed upstream (commit 6f739effdd) while the chart still writes it.
  'bpf-lb-bypass-fib-lookup': 'The chart still writes it, but the agent no longer has this option; it is ignored.',
  // v1.12: the chart block is marked deprecated; no code reads the key.
  'hubble-flow-buffer-size': 'The chart still writes it, but no Cilium component reads it; it is ignored.',
  // v1.18/v1.19: flag removed in 1.18 (commit 4797966d3d); chart writes it with loadBalancer.standalone.
  'bpf-lb-only':
    'The chart still writes it (loadBalancer.standalone), but the agent no longer has this option; it is ignored.',
  // v1.19: flag registration removed (commit 16fcff06d5); the unknown flag error of MarkDeprecated is ignored.
  'enable-ipsec-encrypted-overlay':
    'The chart still writes it, but the 1.19 agent no longer registers it; it is ignored.',
  // v1.19: flag removed (commit be69af2f7d); chart writes it when interfacePattern is empty.
  'l2-pod-announcements-interface':
    'The chart still writes it, but the agent no longer has this option (it reads l2-pod-announcements-interface-pattern); it is ignored.',
  // v1.20.0-pre.4: flag removed with proxylib (commit 17d9df006d); dropped from the chart in 1.21.
  'hubble-redact-kafka-apikey': 'The chart still writes it, but the agent no longer has this option; it is ignored.',
};
