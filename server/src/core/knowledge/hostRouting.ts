// Why the agent ends up with legacy host routing, per version, in the order the agent decides it. The silent
// reasons are settled before the agent's logging `switch`; of the switch cases only the first match is logged
// ("<reason> Falling back to legacy host routing (enable-host-legacy-routing=true).").
//
// Sources (the switch and its guards): daemon/cmd/kube_proxy_replacement.go @v1.12.19 l.543-575,
// @v1.13.18 l.415-470, @v1.14.19 l.388-440, @v1.15.19 l.388-441, @v1.16.19 l.368-390, @v1.17.13 l.351-373,
// @v1.18.7 l.45-47 and l.269-285; pkg/kpr/initializer/kube_proxy_replacement.go @v1.19.1 l.45-64 and
// @v1.20.0-pre.4 (7527a668e9) l.45-59, unchanged @v1.21.0-pre.0 (e864986222) l.45-59. Chart side: templates/cilium-configmap.yaml @v1.14.19 l.343-349,
// @v1.19.1 l.409-415 (chaining mode writes enable-host-legacy-routing).

import type { State } from '../model/state';
import type { Origin } from '../types';
import { inRange } from '../version';
import type { FallbackCheck } from './checkTypes';

const FALLING_BACK = ' Falling back to legacy host routing (enable-host-legacy-routing=true).';

function isImpliedBy(o: Origin, key: string): boolean {
  return o.kind === 'implied' && o.by.some((b) => b.key === key);
}

/** Whether the agent's logging switch runs at all in this state (it sits behind a NodePort guard up to 1.17). */
export function switchRuns(s: State): boolean {
  if (inRange(s.version, '1.18')) return true;
  if (inRange(s.version, '1.14', '1.15') && s.agent.wireguard.on) return true;
  return s.nodePort;
}

/**
 * Kube-proxy replacement is off in a way that settles legacy routing before the logging switch: up to 1.17
 * "NodePort off and the switch never runs", 1.18 NodePort off, 1.19 KPR false (which also makes the switch's
 * KPR case unreachable). 1.20 drops the silent path: the switch's KPR case logs instead; 1.21 keeps that
 * (pkg/kpr/initializer/kube_proxy_replacement.go@v1.21.0-pre.0 (e864986222) l.45-59, same switch as 1.20).
 */
function kprOffSilently(s: State): boolean {
  if (inRange(s.version, '1.20')) return false;
  if (s.version === '1.19') return !s.kprFull;
  return (!s.nodePort && !switchRuns(s)) || (s.version === '1.18' && !s.nodePort);
}

export const HOST_ROUTING_FALLBACKS: FallbackCheck[] = [
  {
    id: 'host-routing-cni-chaining',
    since: '1.13',
    silent: true,
    severity: 'warning',
    cite: 'install/kubernetes/cilium/templates/cilium-configmap.yaml@v1.14.19 l.343-349; @v1.19.1 l.409-415',
    test: (s) => {
      const o = s.agent.hostLegacyRouting;
      if (!o.on || o.origin.kind !== 'implied') return undefined;
      if (!isImpliedBy(o.origin, 'cni.chainingMode') && !isImpliedBy(o.origin, 'cni.chainingTarget')) return undefined;
      return {
        origins: [o.origin],
        message:
          'CNI chaining mode: the chart writes enable-host-legacy-routing: "true" itself, so host routing is Legacy. In chaining mode the other CNI owns the pod routes; set bpf.hostLegacyRouting explicitly only if you know the plugin supports it.',
      };
    },
  },
  {
    id: 'host-routing-explicit-legacy',
    silent: true,
    severity: 'info',
    cite: 'pkg/option/config.go (enable-host-legacy-routing) @v1.12.19..v1.19.1',
    test: (s) => {
      const o = s.agent.hostLegacyRouting;
      if (!o.on || o.origin.kind === 'implied' || o.origin.kind === 'agent-default') return undefined;
      return { origins: [o.origin], message: 'Legacy host routing is chosen explicitly here: packets go through the host network stack (iptables, routing tables) instead of being redirected in eBPF.' };
    },
  },
  {
    id: 'host-routing-kpr-off',
    silent: true,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.415-419 (disableNodePort); @v1.18.7 l.45-47; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.46-64',
    test: (s) => {
      if (!kprOffSilently(s)) return undefined;
      return {
        origins: s.nodePortOrigins,
        message: `Kube-proxy replacement is off (${kprWords(s)}), so Cilium ${s.version} uses legacy host routing without logging why. BPF host routing needs kubeProxyReplacement: ${inRange(s.version, undefined, '1.13') ? 'strict' : 'true'}.`,
      };
    },
  },
  {
    id: 'host-routing-ipsec',
    // Up to 1.15 the switch runs only with BPF NodePort on, and NodePort with IPsec makes the agent exit first
    // (kube_proxy_replacement.go@v1.13.18 l.86-89, @v1.15.19 l.98-101): the message can only appear 1.16-1.18.
    since: '1.16',
    until: '1.18',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.415-440; @v1.18.7 l.269-285; removed by commit 4687ca1e53 (first in 1.19)',
    test: (s) =>
      s.agent.ipsec.on
        ? {
            origins: [s.agent.ipsec.origin],
            message: `IPsec encryption forces legacy host routing up to Cilium 1.18 (1.19 lifted this). Target ${s.version}: Host Routing will be Legacy.`,
            sourceText: 'BPF host routing is incompatible with enable-ipsec.' + FALLING_BACK,
          }
        : undefined,
  },
  {
    id: 'host-routing-iptables-masquerade',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.543-575 .. @v1.18.7 l.269-285; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.45-64',
    test: (s) =>
      (s.ipv4Masq || s.ipv6Masq) && !s.agent.bpfMasquerade.on
        ? {
            origins: [...s.masqOrigins, s.agent.bpfMasquerade.origin],
            message:
              'Masquerading is on but BPF masquerading is not, so it is done by iptables (Masquerading: IPTables) and BPF host routing falls back to Legacy. Set bpf.masquerade: true (it needs kube-proxy replacement' +
              (inRange(s.version, '1.19') ? ' up to 1.18' : '') +
              ').',
            sourceText: 'BPF host routing requires enable-bpf-masquerade.' + FALLING_BACK,
          }
        : undefined,
  },
  {
    id: 'host-routing-needs-kpr',
    since: '1.13',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.440-470; @v1.16.19 l.368-390; pkg/kpr/initializer/kube_proxy_replacement.go@v1.20.0-pre.4 l.45-59, @v1.21.0-pre.0 (e864986222) l.45-59',
    test: (s) => {
      // When KPR is off altogether the silent reason above already covers it, on the same key, with the same fix.
      if (s.kprFull || kprOffSilently(s)) return undefined;
      const wanted = inRange(s.version, undefined, '1.13') ? 'strict' : 'true';
      const text = s.version === '1.13' ? 'kube-proxy-replacement=strict.' : inRange(s.version, '1.19') ? 'kube-proxy-replacement.' : 'kube-proxy-replacement=true.';
      return {
        origins: [s.agent.kpr.origin],
        message: `BPF host routing needs full kube-proxy replacement (kubeProxyReplacement: ${wanted}); it is ${kprWords(s)}, so Host Routing is Legacy.`,
        sourceText: 'BPF host routing requires ' + text + FALLING_BACK,
      };
    },
  },
  {
    id: 'host-routing-endpoint-routes',
    until: '1.13',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.543-575, @v1.13.18 l.440-470; removed by commit 63583e9132 (first in 1.14)',
    test: (s) =>
      s.agent.endpointRoutes.on
        ? {
            origins: [s.agent.endpointRoutes.origin],
            message: `Per-endpoint routes (endpointRoutes.enabled) make Cilium ${s.version} fall back to legacy host routing. From 1.14 the two work together.`,
            sourceText: 'BPF host routing is currently not supported with enable-endpoint-routes.' + FALLING_BACK,
          }
        : undefined,
  },
  {
    id: 'host-routing-wireguard',
    until: '1.13',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.440-470; removed by commit 5c32cb74dd (first in 1.14)',
    test: (s) =>
      s.agent.wireguard.on
        ? {
            origins: [s.agent.wireguard.origin],
            message: `WireGuard encryption forces legacy host routing up to Cilium 1.13 (1.14 lifted this). Target ${s.version}: Host Routing will be Legacy.`,
            sourceText: 'BPF host routing is currently not compatible with Wireguard (--enable-wireguard).' + FALLING_BACK,
          }
        : undefined,
  },
  {
    id: 'host-routing-old-kernel',
    until: '1.17',
    silent: false,
    severity: 'warning',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.17.13 l.351-373; removed by commit 9d8563c87e (first in 1.18)',
    test: (s) =>
      s.kernel && !(s.kernel.major > 5 || (s.kernel.major === 5 && s.kernel.minor >= 10))
        ? {
            origins: [],
            message: `Kernel ${s.kernel.text} lacks the eBPF helpers BPF host routing needs (kernel 5.10 or newer): Host Routing will be Legacy.`,
            sourceText: 'BPF host routing requires kernel 5.10 or newer.' + FALLING_BACK,
          }
        : undefined,
  },
];

function kprWords(s: State): string {
  const o = s.agent.kpr.origin;
  const where = o.kind === 'user' ? '' : o.kind === 'chart-default' ? ' by the chart default' : o.kind === 'chart-fixed' ? ' as the chart writes it' : o.kind === 'agent-default' ? ' by the agent default' : '';
  return `"${s.agent.kpr.raw}"${where}`;
}
