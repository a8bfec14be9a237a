// What the cilium chart's configmap template writes into cilium-config for the datapath keys, per version,
// including the values it writes on its own (eni forcing endpoint routes, chaining forcing legacy routing...).
// Only keys that decide the datapath are rendered; each carries the origin of the value that produced it.
//
// Source: install/kubernetes/cilium/templates/cilium-configmap.yaml at v1.14.19, v1.16.19, v1.17.13, v1.18.7,
// v1.19.1 and v1.20.0-pre.4 (see ../../../../shared/cilium-rules.md §6.2 for line numbers); 1.12/1.13 follow
// v1.12.19 and v1.13.18.

import type { Setting } from '../settings';
import { goString, goTruthy } from '../settings';
import type { Origin } from '../types';
import { inRange, type CiliumVersion } from '../version';
import type { HelmValues } from './helmValues';

export type RenderedConfig = Map<string, Setting<string>>;

function implied(key: string, by: (Origin | undefined)[], note: string): Origin {
  return { kind: 'implied', key, by: by.filter((o): o is Origin => !!o), note };
}

/** Reads `upgradeCompatibility` ("1.11", "v1.12") as a number of minor versions, or undefined when unset. */
function upgradeCompatMinor(h: HelmValues): number | undefined {
  const s = h.get('upgradeCompatibility');
  if (!s || typeof s.value !== 'string' && typeof s.value !== 'number') return undefined;
  const m = /^v?1\.(\d+)/.exec(String(s.value));
  return m ? Number(m[1]) : undefined;
}

export function renderConfigMap(h: HelmValues): RenderedConfig {
  const v: CiliumVersion = h.version;
  const out: RenderedConfig = new Map();
  const put = (key: string, value: string, origin: Origin) => out.set(key, { value, origin });
  const copy = (key: string, path: string, when: 'present' | 'truthy' = 'present') => {
    const s = h.get(path);
    if (!s) return;
    if (when === 'truthy' && !goTruthy(s.value)) return;
    put(key, goString(s.value), s.origin);
  };
  const compat = upgradeCompatMinor(h);
  const compatOrigin = h.get('upgradeCompatibility')?.origin;
  const truthy = (path: string) => goTruthy(h.get(path)?.value);

  // --- kube-proxy replacement: always written; when unset the default depends on upgradeCompatibility.
  const kpr = h.get('kubeProxyReplacement');
  if (kpr) {
    put('kube-proxy-replacement', goString(kpr.value), kpr.origin);
  } else {
    let fallback = inRange(v, undefined, '1.13') ? 'disabled' : 'false';
    if (compat !== undefined && compat >= 8 && compat < 12) fallback = 'probe';
    else if (compat !== undefined && compat >= 12 && compat < 14) fallback = 'disabled';
    const origin: Origin = compatOrigin
      ? implied('kubeProxyReplacement', [compatOrigin], `the chart default for upgradeCompatibility ${String(h.get("upgradeCompatibility")?.value)}`)
      : { kind: 'chart-default', key: 'kubeProxyReplacement', version: v };
    put('kube-proxy-replacement', fallback, origin);
  }

  // --- NodePort and friends as separate switches (removed in 1.19, where only KPR remains).
  // The chart writes them only for some KPR values: partial (1.12-1.13), partial or false (1.14-1.16), false
  // (1.17; 1.18 keeps only enable-node-port). Otherwise the user's nodePort.enabled never reaches the agent.
  // Sources: templates/cilium-configmap.yaml @v1.12.19 l.601-614, @v1.13.18 l.619-632, @v1.14.19, @v1.16.19,
  // @v1.17.13, @v1.18.7 (the `if eq $kubeProxyReplacement ...` guards around the three keys).
  const kprRendered = out.get('kube-proxy-replacement')?.value ?? '';
  const switchKprValues = inRange(v, undefined, '1.13') ? ['partial'] : inRange(v, undefined, '1.16') ? ['partial', 'false'] : ['false'];
  if (inRange(v, undefined, '1.18') && switchKprValues.includes(kprRendered)) {
    copy('enable-node-port', 'nodePort.enabled', 'truthy');
    if (inRange(v, undefined, '1.17')) copy('enable-host-port', 'hostPort.enabled', 'truthy');
    if (inRange(v, undefined, '1.16')) copy('enable-external-ips', 'externalIPs.enabled', 'truthy');
  }
  const socketLB = h.get('socketLB.enabled') ?? h.get('hostServices.enabled');
  if (socketLB) put('bpf-lb-sock', goString(socketLB.value), socketLB.origin);

  // --- IP families and masquerading.
  copy('enable-ipv4', 'ipv4.enabled');
  copy('enable-ipv6', 'ipv6.enabled');
  const eni = h.get('eni.enabled');
  const eniOn = goTruthy(eni?.value);
  const masq4 = h.get('enableIPv4Masquerade');
  if (masq4) {
    put('enable-ipv4-masquerade', goString(masq4.value), masq4.origin);
  } else if (inRange(v, '1.18')) {
    // From 1.18 the value is `~` and the template decides: off for ENI (unless upgradeCompatibility < 1.18).
    if (eniOn && (compat === undefined || compat >= 18)) {
      put('enable-ipv4-masquerade', 'false', implied('enableIPv4Masquerade', [eni?.origin], 'with eni.enabled the chart turns IPv4 masquerading off from 1.18'));
    } else {
      put('enable-ipv4-masquerade', 'true', { kind: 'chart-default', key: 'enableIPv4Masquerade', version: v });
    }
  }
  copy('enable-ipv6-masquerade', 'enableIPv6Masquerade');
  const bpfMasq = h.get('bpf.masquerade');
  if (bpfMasq) {
    put('enable-bpf-masquerade', goString(bpfMasq.value), bpfMasq.origin);
  } else if (compat !== undefined && compat >= 8 && compat < 10 && compatOrigin) {
    put('enable-bpf-masquerade', 'true', implied('bpf.masquerade', [compatOrigin], 'upgradeCompatibility below 1.10 keeps BPF masquerading on'));
  }
  if (truthy('ipMasqAgent.enabled')) put('enable-ip-masq-agent', 'true', h.get('ipMasqAgent.enabled')!.origin);
  copy('egress-masquerade-interfaces', 'egressMasqueradeInterfaces', 'truthy');
  copy('enable-masquerade-to-route-source', 'enableMasqueradeRouteSource', 'truthy');
  copy('ipv4-native-routing-cidr', 'ipv4NativeRoutingCIDR', 'truthy');
  copy('ipv6-native-routing-cidr', 'ipv6NativeRoutingCIDR', 'truthy');
  // The old `nativeRoutingCIDR` is not read by any supported chart: 1.12 writes ipv4-native-routing-cidr from
  // ipv4NativeRoutingCIDR only (templates/cilium-configmap.yaml@v1.12.19 l.554); only 1.11 read the old name.

  // --- CNI chaining: from 1.14 the chart writes legacy host routing itself unless the user chose.
  const chaining = h.get('cni.chainingMode');
  const chainingTarget = h.get('cni.chainingTarget');
  const chainingOn = (chaining && goTruthy(chaining.value) && chaining.value !== 'none') || goTruthy(chainingTarget?.value);
  if (chaining && goTruthy(chaining.value)) put('cni-chaining-mode', goString(chaining.value), chaining.origin);
  if (chainingTarget && goTruthy(chainingTarget.value)) put('cni-chaining-target', goString(chainingTarget.value), chainingTarget.origin);

  // --- Host routing.
  const legacy = h.get('bpf.hostLegacyRouting');
  const oldHostRouting = inRange(v, undefined, '1.12') ? h.get('bpf.hostRouting') : undefined;
  if (legacy) {
    put('enable-host-legacy-routing', goString(legacy.value), legacy.origin);
  } else if (oldHostRouting) {
    put('enable-host-legacy-routing', goString(oldHostRouting.value), oldHostRouting.origin);
  } else if (chainingOn && inRange(v, '1.13')) {
    // 1.13 added this (templates/cilium-configmap.yaml@v1.13.18 l.319-325); 1.12 has no chaining logic here.
    const by = [chaining && goTruthy(chaining.value) && chaining.value !== 'none' ? chaining.origin : chainingTarget?.origin];
    put('enable-host-legacy-routing', 'true', implied('bpf.hostLegacyRouting', by, 'in CNI chaining mode the chart turns legacy host routing on'));
  }

  // --- Endpoint routes: the user's switch, or forced by the cloud integrations.
  const forcing = ['eni.enabled', 'azure.enabled', 'alibabacloud.enabled', 'gke.enabled'].filter(truthy);
  if (truthy('endpointRoutes.enabled')) {
    put('enable-endpoint-routes', 'true', h.get('endpointRoutes.enabled')!.origin);
  } else if (forcing.length > 0) {
    // Every supported chart does this (cilium-configmap.yaml@v1.12.19 and later).
    put('enable-endpoint-routes', 'true', implied('endpointRoutes.enabled', forcing.map((p) => h.get(p)?.origin), `${forcing[0]} makes the chart turn per-endpoint routes on`));
  }

  // --- Encryption.
  if (truthy('encryption.enabled')) {
    const type = h.get('encryption.type');
    const t = goString(type?.value) || 'ipsec';
    const by = implied('encryption.enabled', [h.get('encryption.enabled')!.origin, type?.origin], `encryption type ${t}`);
    if (t === 'ipsec') put('enable-ipsec', 'true', by);
    if (t === 'wireguard') put('enable-wireguard', 'true', by);
  }
  if (truthy('encryption.nodeEncryption')) put('encrypt-node', 'true', h.get('encryption.nodeEncryption')!.origin);

  // --- IPAM.
  // eni.enabled forces IPAM mode eni only from 1.19 (templates/cilium-configmap.yaml@v1.19.1 l.67-68). Up to 1.18
  // the chart writes ipam.mode (default cluster-pool) whatever eni.enabled says (@v1.12.19 l.56, l.792;
  // @v1.16.19 l.998; @v1.18.7 l.61-65, l.1083).
  if (eniOn && inRange(v, '1.19')) put('ipam', 'eni', implied('ipam.mode', [eni!.origin], 'from 1.19 eni.enabled sets IPAM mode eni'));
  else copy('ipam', 'ipam.mode');

  // --- Routing mode and tunnel protocol.
  renderRouting(h, put);

  copy('auto-direct-node-routes', 'autoDirectNodeRoutes');
  const noct = h.get('installNoConntrackIptablesRules');
  const noctForcedBy = ['azure.enabled', 'eni.enabled', 'gke.enabled'].filter(truthy);
  if (noctForcedBy.length > 0 || chainingOn) {
    const by = noctForcedBy.map((p) => h.get(p)?.origin);
    if (chainingOn) by.push(chaining?.origin ?? chainingTarget?.origin);
    put('install-no-conntrack-iptables-rules', 'false', implied('installNoConntrackIptablesRules', by, 'the chart writes false for cloud IPAM and chaining modes'));
  } else if (noct) {
    put('install-no-conntrack-iptables-rules', goString(noct.value), noct.origin);
  }

  // --- Load balancing.
  copy('bpf-lb-mode', 'loadBalancer.mode');
  copy('bpf-lb-dsr-dispatch', 'loadBalancer.dsrDispatch');
  copy('bpf-lb-acceleration', 'loadBalancer.acceleration');

  // --- Other features whose agent checks depend on the datapath.
  // templates/cilium-configmap.yaml writes enable-ipv4-egress-gateway up to 1.17 (@v1.17.13 l.1107) and
  // enable-egress-gateway from 1.18 (@v1.18.7 l.1146).
  if (truthy('egressGateway.enabled')) put(inRange(v, undefined, '1.17') ? 'enable-ipv4-egress-gateway' : 'enable-egress-gateway', 'true', h.get('egressGateway.enabled')!.origin);
  if (truthy('bandwidthManager.enabled')) {
    put('enable-bandwidth-manager', 'true', h.get('bandwidthManager.enabled')!.origin);
    copy('enable-bbr', 'bandwidthManager.bbr');
  }
  copy('enable-ipv4-big-tcp', 'enableIPv4BIGTCP');
  copy('enable-ipv6-big-tcp', 'enableIPv6BIGTCP');
  copy('datapath-mode', 'bpf.datapathMode');
  copy('enable-bpf-tproxy', 'bpf.tproxy');
  copy('enable-l7-proxy', 'l7Proxy');
  copy('install-iptables-rules', 'installIptablesRules');
  copy('enable-host-firewall', 'hostFirewall.enabled', 'truthy');
  return out;
}

function renderRouting(h: HelmValues, put: (key: string, value: string, origin: Origin) => void): void {
  const v = h.version;
  const gke = goTruthy(h.get('gke.enabled')?.value) ? h.get('gke.enabled')!.origin : undefined;
  const eni = goTruthy(h.get('eni.enabled')?.value) ? h.get('eni.enabled')!.origin : undefined;
  const aks = goTruthy(h.get('aksbyocni.enabled')?.value) ? h.get('aksbyocni.enabled')!.origin : undefined;
  const mode = h.get('routingMode');
  const modeSet = mode && goTruthy(mode.value) ? mode : undefined;
  const proto = h.get('tunnelProtocol');
  const protoSet = proto && goTruthy(proto.value) ? proto : undefined;
  const tunnel = h.get('tunnel');

  if (inRange(v, undefined, '1.13')) {
    // Up to 1.13 there is one key, `tunnel`: vxlan, geneve or disabled (= native routing).
    if (gke) put('tunnel', 'disabled', implied('tunnel', [gke], 'gke.enabled selects native routing'));
    else if (tunnel) put('tunnel', goString(tunnel.value), tunnel.origin);
    return;
  }
  if (inRange(v, '1.14', '1.16')) {
    if (gke) return put('routing-mode', 'native', implied('routingMode', [gke], 'gke.enabled selects native routing'));
    if (aks) {
      put('routing-mode', 'tunnel', implied('routingMode', [aks], 'aksbyocni.enabled selects VXLAN tunnelling'));
      return put('tunnel-protocol', 'vxlan', implied('tunnelProtocol', [aks], 'aksbyocni.enabled selects VXLAN tunnelling'));
    }
    if (modeSet) {
      put('routing-mode', goString(modeSet.value), modeSet.origin);
      if (protoSet) put('tunnel-protocol', goString(protoSet.value), protoSet.origin);
      return;
    }
    if (v === '1.14' && tunnel && goTruthy(tunnel.value)) {
      // 1.14 still translates the old `tunnel` value into the new keys.
      const t = goString(tunnel.value);
      if (t === 'disabled') return put('routing-mode', 'native', implied('routingMode', [tunnel.origin], 'tunnel: disabled means native routing'));
      put('routing-mode', 'tunnel', implied('routingMode', [tunnel.origin], `tunnel: ${t}`));
      return put('tunnel-protocol', t, tunnel.origin);
    }
    put('routing-mode', 'tunnel', { kind: 'chart-default', key: 'routingMode', version: v });
    if (protoSet) put('tunnel-protocol', goString(protoSet.value), protoSet.origin);
    else put('tunnel-protocol', 'vxlan', { kind: 'chart-default', key: 'tunnelProtocol', version: v });
    return;
  }
  // 1.17+: a plain default, native for GKE (and, from 1.19, for ENI).
  if (modeSet) put('routing-mode', goString(modeSet.value), modeSet.origin);
  else if (gke) put('routing-mode', 'native', implied('routingMode', [gke], 'gke.enabled selects native routing'));
  else if (eni && inRange(v, '1.19')) put('routing-mode', 'native', implied('routingMode', [eni], 'from 1.19, eni.enabled selects native routing'));
  else put('routing-mode', 'tunnel', { kind: 'chart-default', key: 'routingMode', version: v });
  if (protoSet) put('tunnel-protocol', goString(protoSet.value), protoSet.origin);
  else put('tunnel-protocol', 'vxlan', { kind: 'chart-default', key: 'tunnelProtocol', version: v });
}
