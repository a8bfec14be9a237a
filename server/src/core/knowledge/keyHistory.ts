// Keys that moved or changed meaning between chart versions, with what to write instead. Which versions
// have which key comes from the generated catalog; this table only adds the advice a catalog cannot hold.
// Checked against install/kubernetes/cilium/values.yaml at v1.12.19 .. v1.20.0-pre.4 (../shared/cilium-charts).

export interface KeyAdvice {
  /** The key users still write. */
  key: string;
  /** What to write instead, as users would type it. */
  replacement: string;
  /** When set: the key we can rewrite to automatically (same meaning, same value). */
  renameTo?: string;
  note?: string;
}

export const KEY_ADVICE: KeyAdvice[] = [
  {
    key: 'tunnel',
    replacement: 'routingMode: tunnel with tunnelProtocol: vxlan|geneve, or routingMode: native for tunnel: disabled',
  },
  { key: 'nativeRoutingCIDR', replacement: 'ipv4NativeRoutingCIDR', renameTo: 'ipv4NativeRoutingCIDR' },
  {
    key: 'bpf.hostRouting',
    replacement: 'bpf.hostLegacyRouting (note the inverted meaning: hostRouting: true meant legacy routing)',
  },
  { key: 'hostServices.enabled', replacement: 'socketLB.enabled', renameTo: 'socketLB.enabled' },
  {
    key: 'hostServices.hostNamespaceOnly',
    replacement: 'socketLB.hostNamespaceOnly',
    renameTo: 'socketLB.hostNamespaceOnly',
  },
  { key: 'nodePort.enabled', replacement: 'kubeProxyReplacement: true (the separate NodePort switch is gone)' },
  { key: 'hostPort.enabled', replacement: 'kubeProxyReplacement: true (the separate HostPort switch is gone)' },
  { key: 'externalIPs.enabled', replacement: 'kubeProxyReplacement: true (the separate ExternalIPs switch is gone)' },
  {
    key: 'enableCiliumEndpointSlice',
    replacement: 'ciliumEndpointSlice.enabled',
    renameTo: 'ciliumEndpointSlice.enabled',
  },
  {
    key: 'localRedirectPolicy',
    replacement: 'localRedirectPolicies.enabled',
    renameTo: 'localRedirectPolicies.enabled',
  },
  { key: 'encryption.keyFile', replacement: 'encryption.ipsec.keyFile', renameTo: 'encryption.ipsec.keyFile' },
  { key: 'encryption.mountPath', replacement: 'encryption.ipsec.mountPath', renameTo: 'encryption.ipsec.mountPath' },
  { key: 'encryption.secretName', replacement: 'encryption.ipsec.secretName', renameTo: 'encryption.ipsec.secretName' },
  { key: 'encryption.interface', replacement: 'encryption.ipsec.interface', renameTo: 'encryption.ipsec.interface' },
  { key: 'remoteNodeIdentity', replacement: 'nothing: remote-node identities are always on' },
  { key: 'enableRuntimeDeviceDetection', replacement: 'nothing: device detection at run time is always on' },
  { key: 'highScaleIPcache', replacement: 'nothing: the high-scale ipcache mode was removed' },
  { key: 'containerRuntime.integration', replacement: 'nothing: the container runtime integration was removed' },
  { key: 'enableK8sEventHandover', replacement: 'nothing: removed' },
  { key: 'enableCnpStatusUpdates', replacement: 'nothing: removed' },
];

const byKey = new Map(KEY_ADVICE.map((a) => [a.key, a]));

export function adviceFor(key: string): KeyAdvice | undefined {
  return byKey.get(key);
}

/**
 * Deprecated kube-proxy replacement modes and their modern spelling (values changed in 1.14, old ones gone in 1.16;
 * which words a version deprecates is kprModes.ts). `probe` is not here: 1.14 refuses it, agent and chart alike
 * (daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.46-51, templates/cilium-configmap.yaml@v1.14.19 l.69-71).
 */
export const KPR_LEGACY_VALUES: Readonly<Record<string, string>> = {
  strict: 'true',
  disabled: 'false',
  partial: 'false (then enable the individual features you need)',
};
