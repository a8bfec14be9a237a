// Combinations that make cilium-agent refuse to start (it logs the error and exits, and the pod crash-loops).
// Each entry cites the source file and tag where the check was read; `sourceText` is the agent's own error.

import type { State } from '../model/state';
import { kernelAtLeast } from '../model/state';
import { inRange } from '../version';
import type { Check } from './checkTypes';
import { say } from '../rules/wording';

export type ExitState = State & { legacy: boolean };

const dsrModes = new Set(['dsr', 'hybrid']);

function masqOn(s: State): boolean {
  return s.ipv4Masq || s.ipv6Masq;
}

export const AGENT_EXITS: Check<ExitState>[] = [
  {
    id: 'kpr-invalid-value',
    severity: 'error',
    // Up to 1.17 daemon/cmd names the value; 1.18 moved the check to pkg/kpr with a shorter text; from 1.19 the
    // option is a boolean flag, so a word such as "strict" fails when the agent decodes its configuration.
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.45-55, @v1.13.18 l.47-51, @v1.16.19 l.44-47, @v1.17.13 l.45; pkg/kpr/kpr.go@v1.18.7 l.74-76, @v1.19.1 l.19-30',
    test: (s) =>
      s.agent.kpr.mode === 'invalid'
        ? {
            origins: [s.agent.kpr.origin],
            message: inRange(s.version, '1.19')
              ? `kube-proxy-replacement is a boolean flag in Cilium ${s.version} (true or false), and "${s.agent.kpr.raw}" is not a boolean: the agent refuses to start, failing to decode its configuration.`
              : `"${s.agent.kpr.raw}" is not a kube-proxy replacement mode Cilium ${s.version} accepts (${kprAccepted(s)}): the agent refuses to start.`,
            sourceText: inRange(s.version, '1.19') ? undefined : s.version === '1.18' ? 'invalid value for kube-proxy-replacement' : `Invalid value for --kube-proxy-replacement: ${s.agent.kpr.raw}`,
          }
        : undefined,
  },
  {
    id: 'ipsec-with-nodeport',
    until: '1.15',
    severity: 'error',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.97-105, @v1.13.18 l.88-90, @v1.15.19 l.99-100 (gone in v1.16.19)',
    test: (s) =>
      s.agent.ipsec.on && s.nodePort && !(s.version === '1.12' && s.agent.kpr.mode === 'probe')
        ? {
            origins: [s.agent.ipsec.origin, ...s.nodePortOrigins],
            message: `Up to Cilium 1.15, IPsec cannot be combined with BPF NodePort (kube-proxy replacement): the agent refuses to start. Cilium 1.16 lifted this.`,
            sourceText: 'IPSec cannot be used with BPF NodePort',
          }
        : undefined,
  },
  ...(['4', '6'] as const).map(
    (family): Check<ExitState> => ({
      id: `native-routing-cidr-ipv${family}`,
      severity: 'error',
      cite: 'pkg/option/config.go@v1.14.19 l.3771-3793, @v1.16.19 l.3723-3750, @v1.19.1 l.2939-2990',
      test: (s) => {
        const on = family === '4' ? s.ipv4Masq : s.ipv6Masq;
        const cidr = family === '4' ? s.agent.ipv4NativeRoutingCIDR : s.agent.ipv6NativeRoutingCIDR;
        if (s.tunnel || !on || cidr) return undefined;
        if (family === '4' && ['eni', 'alibabacloud'].includes(s.agent.ipam.value)) return undefined;
        if (inRange(s.version, '1.15') && s.agent.ipMasqAgent.on) return undefined;
        const masq = family === '4' ? s.agent.ipv4Masquerade.origin : s.agent.ipv6Masquerade.origin;
        return {
          origins: [s.agent.routingMode.origin, masq],
          ...say(`Native routing with IPv{family} masquerading needs {key:ipv${family}NativeRoutingCIDR} (the pod network that must not be masqueraded): without it the agent refuses to start.`, { family }),
          sourceText: `native routing cidr must be configured with option --ipv${family}-native-routing-cidr in combination with ...`,
        };
      },
    }),
  ),
  {
    id: 'auto-direct-node-routes-tunnel',
    severity: 'error',
    cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1442, @v1.19.1 l.1102',
    test: (s) =>
      s.agent.autoDirectNodeRoutes.on && s.tunnel
        ? {
            origins: [s.agent.autoDirectNodeRoutes.origin, s.agent.routingMode.origin],
            message: 'autoDirectNodeRoutes installs direct routes between nodes, which only makes sense with native routing; in tunnel mode the agent refuses to start.',
            sourceText: 'auto-direct-node-routes cannot be used with tunneling. Packets must be routed through the tunnel device.',
          }
        : undefined,
  },
  {
    id: 'eni-in-tunnel-mode',
    since: '1.16',
    severity: 'error',
    cite: 'daemon/cmd/daemon_main.go@v1.16.19 l.1532, @v1.19.1 l.1145',
    test: (s) =>
      s.agent.ipam.value === 'eni' && s.tunnel
        ? {
            origins: [s.agent.routingMode.origin, s.agent.ipam.origin],
            message: 'ENI IPAM gives pods VPC addresses and needs native routing (routingMode: native); in tunnel mode the agent refuses to start.',
            sourceText: 'Cannot specify IPAM mode eni in tunnel mode.',
          }
        : undefined,
  },
  {
    id: 'dsr-with-vxlan',
    severity: 'error',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.210-213; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.134-137',
    test: (s) =>
      s.nodePort && s.agent.lbMode && dsrModes.has(s.agent.lbMode.value) && s.tunnel && s.agent.tunnelProtocol.value === 'vxlan'
        ? {
            origins: [s.agent.lbMode.origin, s.agent.routingMode.origin, s.agent.tunnelProtocol.origin],
            message: `Load-balancer mode "${s.agent.lbMode.value}" (direct server return) does not work over VXLAN tunnels: the agent refuses to start. Use native routing, or tunnelProtocol: geneve with loadBalancer.dsrDispatch: geneve.`,
            sourceText: 'Node Port "dsr" mode cannot be used with vxlan tunneling.',
          }
        : undefined,
  },
  {
    id: 'dsr-tunnel-needs-geneve-dispatch',
    severity: 'error',
    // From 1.15 any tunnel with DSR needs geneve dispatch (kube_proxy_replacement.go@v1.15.19 l.222-226).
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.221-225, @v1.15.19 l.222-226, @v1.17.13 l.155-159; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.139-143',
    test: (s) => {
      const dispatch = s.agent.dsrDispatch?.value ?? 'opt';
      if (!(s.nodePort && s.agent.lbMode && dsrModes.has(s.agent.lbMode.value) && s.tunnel && s.agent.tunnelProtocol.value === 'geneve' && dispatch !== 'geneve')) return undefined;
      return {
        origins: [s.agent.dsrDispatch?.origin ?? s.agent.lbMode.origin, s.agent.tunnelProtocol.origin],
        message: `DSR over a Geneve tunnel needs loadBalancer.dsrDispatch: geneve (it is "${dispatch}"): the agent refuses to start.`,
        sourceText: inRange(s.version, '1.15') ? 'Tunnel routing with Node Port "dsr" mode requires geneve dispatch.' : 'Node Port "dsr" mode with opt dispatch cannot be used with geneve tunneling.',
      };
    },
  },
  {
    id: 'dsr-geneve-dispatch-needs-geneve',
    severity: 'error',
    // 1.14 checks this only when tunnelling (@v1.14.19 l.228-233); from 1.15 also with native routing
    // (@v1.15.19 l.228-232, @v1.16.19 l.186-190).
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.228-233, @v1.15.19 l.228-232; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.145-150',
    test: (s) => {
      if (!(s.nodePort && s.agent.dsrDispatch?.value === 'geneve' && s.agent.lbMode && dsrModes.has(s.agent.lbMode.value))) return undefined;
      const tunnelProtoIsGeneve = s.agent.tunnelProtocol.value === 'geneve';
      const fails = inRange(s.version, '1.15') ? !tunnelProtoIsGeneve : s.tunnel && !tunnelProtoIsGeneve;
      if (!fails) return undefined;
      return {
        origins: [s.agent.dsrDispatch.origin, s.agent.tunnelProtocol.origin],
        message: `loadBalancer.dsrDispatch: geneve needs tunnelProtocol: geneve${inRange(s.version, '1.15') ? ' (from 1.15 even with native routing)' : ''}: the agent refuses to start.`,
        sourceText: inRange(s.version, '1.15') ? 'Node Port "dsr" mode with geneve dispatch requires geneve tunnel protocol.' : 'Node Port "dsr" mode with geneve dispatch requires geneve tunneling.',
      };
    },
  },
  {
    id: 'no-conntrack-rules-prerequisites',
    severity: 'error',
    cite: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.270-276; daemon/cmd/daemon_main.go@v1.12.19 l.1557, @v1.19.1 l.1153-1160; pkg/kpr/initializer/kube_proxy_replacement.go@v1.19.1 l.163-175',
    test: (s) => {
      if (!s.agent.noConntrackRules.on) return undefined;
      const missing: string[] = [];
      if (!s.kprFull) missing.push('full kube-proxy replacement');
      if (!s.agent.bpfMasquerade.on) missing.push('BPF masquerading');
      if (s.tunnel) missing.push('native routing');
      if (!s.agent.ipv4.on) missing.push('IPv4');
      if (missing.length === 0) return undefined;
      const text = !s.kprFull
        ? `install-no-conntrack-iptables-rules requires the agent to run with kube-proxy-replacement${inRange(s.version, '1.19') ? '' : '=true'}.`
        : !s.agent.bpfMasquerade.on
          ? 'install-no-conntrack-iptables-rules requires the agent to run with enable-bpf-masquerade.'
          : s.tunnel
            ? 'install-no-conntrack-iptables-rules requires the agent to run in direct routing mode.'
            : 'install-no-conntrack-iptables-rules requires IPv4 support.';
      return {
        origins: [s.agent.noConntrackRules.origin, ...(s.kprFull ? [] : [s.agent.kpr.origin]), ...(s.agent.bpfMasquerade.on ? [] : [s.agent.bpfMasquerade.origin]), ...(s.tunnel ? [s.agent.routingMode.origin] : [])],
        message: `installNoConntrackIptablesRules needs ${missing.join(', ')}: the agent refuses to start.`,
        sourceText: text,
      };
    },
  },
  {
    id: 'ip-masq-agent-needs-bpf-masquerade',
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.12.19 l.991, @v1.14.19 l.986, @v1.19.1 l.130',
    test: (s) =>
      s.agent.ipMasqAgent.on && !(masqOn(s) && s.agent.bpfMasquerade.on)
        ? {
            origins: [s.agent.ipMasqAgent.origin, s.agent.bpfMasquerade.origin],
            ...say("Cilium's ip-masq-agent is part of BPF masquerading: it needs masquerading on and {set:bpf.masquerade=true}, otherwise the agent refuses to start."),
            sourceText: inRange(s.version, '1.14')
              ? 'BPF ip-masq-agent requires (--enable-ipv4-masquerade="true" or --enable-ipv6-masquerade="true") and --enable-bpf-masquerade="true"'
              : 'BPF ip-masq-agent requires --enable-ipv4-masquerade="true" and --enable-bpf-masquerade="true"',
          }
        : undefined,
  },
  {
    id: 'egress-gateway-needs-bpf-masquerade',
    // 1.12 and 1.13 have it too, for enable-ipv4-egress-gateway (docs/cilium-rules-corrections.md item 11).
    severity: 'error',
    cite: 'daemon/cmd/daemon.go@v1.12.19 l.993-995, @v1.13.18 l.1041-1043, @v1.14.19 l.989; pkg/egressgateway/manager.go@v1.16.19 l.190, @v1.19.1 l.205-209',
    test: (s) =>
      s.agent.egressGateway.on && !(s.ipv4Masq && s.agent.bpfMasquerade.on)
        ? {
            origins: [s.agent.egressGateway.origin, s.agent.bpfMasquerade.origin, s.agent.ipv4Masquerade.origin],
            message: 'The egress gateway needs IPv4 masquerading done in BPF (enableIPv4Masquerade and bpf.masquerade both true): otherwise the agent refuses to start.',
            sourceText: 'egress gateway requires --enable-ipv4-masquerade="true" and --enable-bpf-masquerade="true"',
          }
        : undefined,
  },
  {
    id: 'bbr-needs-bpf-host-routing',
    severity: 'error',
    cite: 'pkg/bandwidth/bandwidth.go@v1.14.19 l.168; pkg/datapath/linux/bandwidth/bandwidth.go@v1.18.7 l.194, @v1.19.1 l.193-196',
    test: (s) =>
      s.agent.bandwidthManager.on && s.agent.bbr.on && s.legacy && !hostnsOnly(s)
        ? {
            origins: [s.agent.bbr.origin],
            message: 'BBR for pods (bandwidthManager.bbr) needs BPF host routing, but host routing here is Legacy: the agent refuses to start.',
            sourceText: "BPF bandwidth manager's BBR setup requires BPF host routing.",
          }
        : undefined,
  },
  {
    id: 'big-tcp-prerequisites',
    since: '1.14',
    severity: 'error',
    cite: 'pkg/datapath/linux/bigtcp/bigtcp.go@v1.14.19 l.206-215, @v1.16.19 l.207-216, @v1.19.1 l.238-260',
    test: (s) => {
      if (!s.agent.bigTcp4.on && !s.agent.bigTcp6.on) return undefined;
      const origin = s.agent.bigTcp4.on ? s.agent.bigTcp4.origin : s.agent.bigTcp6.origin;
      const tunnelAllowed = inRange(s.version, '1.19') && s.agent.settings.get('enable-tunnel-big-tcp')?.value === 'true';
      if (s.tunnel && !tunnelAllowed) {
        return {
          origins: [origin, s.agent.routingMode.origin],
          message: inRange(s.version, '1.19')
            ? 'BIG TCP in tunnel mode must be enabled separately (enableTunnelBIGTCP); without it the agent refuses to start.'
            : `BIG TCP does not work in tunnel mode on Cilium ${s.version}: the agent refuses to start. Use native routing.`,
          sourceText: inRange(s.version, '1.19')
            ? 'BIG TCP in tunneling mode requires pending kernel support and needs to be enabled by enable-tunnel-big-tcp'
            : 'BIG TCP is not supported in tunneling mode',
        };
      }
      if (s.legacy) {
        return { origins: [origin], message: 'BIG TCP needs BPF host routing, but host routing here is Legacy: the agent refuses to start.', sourceText: 'BIG TCP is not supported with legacy host routing' };
      }
      const enc = inRange(s.version, '1.19') ? s.agent.ipsec.on : s.agent.ipsec.on || s.agent.wireguard.on;
      if (enc) {
        return { origins: [origin, (s.agent.ipsec.on ? s.agent.ipsec : s.agent.wireguard).origin], message: 'BIG TCP cannot be combined with transparent encryption here: the agent refuses to start.', sourceText: 'BIG TCP is not supported with encryption enabled' };
      }
      return undefined;
    },
  },
  {
    id: 'l7-proxy-needs-iptables',
    severity: 'error',
    cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1415, @v1.19.1 l.1094',
    test: (s) =>
      s.agent.l7Proxy.on && !s.agent.installIptablesRules.on
        ? {
            origins: [s.agent.installIptablesRules.origin, s.agent.l7Proxy.origin],
            message: 'The L7 proxy (on by default) needs the iptables rules that installIptablesRules: false removes: the agent refuses to start. Set l7Proxy: false too, or keep the rules.',
            sourceText: 'L7 proxy requires iptables rules (--install-iptables-rules="true")',
          }
        : undefined,
  },
  {
    id: 'routing-mode-invalid',
    since: '1.14',
    severity: 'error',
    // The tunnel protocol is checked whatever the routing mode: in the option validation in 1.14, then by the
    // tunnel cell's constructor, which runs in native routing mode too (its error stops the agent's start).
    cite: 'pkg/option/config.go@v1.14.19 l.2889-2900 (routing mode and tunnel protocol); pkg/option/config.go@v1.15.19 l.2896-2901, @v1.19.1 l.2186-2191 (routing mode); pkg/datapath/tunnel/tunnel.go@v1.15.19 l.62-67, @v1.17.13 l.74-80, @v1.18.7 l.83-88, @v1.19.1 l.83-88, @v1.20.0-pre.4 (7527a668) l.96-101 (tunnel protocol, in every routing mode)',
    test: (s) => {
      const mode = s.agent.routingMode.value;
      const proto = s.agent.tunnelProtocol.value;
      if (mode !== 'tunnel' && mode !== 'native') {
        return { origins: [s.agent.routingMode.origin], message: `"${mode}" is not a routing mode: use "tunnel" or "native". The agent refuses to start.`, sourceText: `invalid routing mode "${mode}", valid modes = {"tunnel", "native"}` };
      }
      if (proto !== 'vxlan' && proto !== 'geneve') {
        const evenNative = mode === 'native' ? ' The agent checks it in native routing mode too, where no tunnel is used.' : '';
        return { origins: [s.agent.tunnelProtocol.origin], message: `"${proto}" is not a tunnel protocol: use "vxlan" or "geneve". The agent refuses to start.${evenNative}`, sourceText: `invalid tunnel protocol "${proto}"` };
      }
      return undefined;
    },
  },
  {
    id: 'kernel-too-old',
    since: '1.18',
    severity: 'error',
    cite: 'commit 9d8563c87e "datapath: require FnRedirectPeer" (first in v1.18.0): bpf_redirect_peer (kernel 5.10) became mandatory',
    test: (s) =>
      kernelAtLeast(s.kernel, 5, 10) === false
        ? {
            origins: [],
            message: `Cilium ${s.version} needs kernel 5.10 or newer (it no longer falls back to legacy host routing on older kernels); kernel ${s.kernel!.text} is not supported.`,
          }
        : undefined,
  },
  {
    id: 'netkit-needs-kernel-6.7',
    since: '1.16',
    severity: 'error',
    cite: 'daemon/cmd/daemon_main.go@v1.16.19 l.1375, @v1.19.1 l.1087',
    test: (s) =>
      s.agent.datapathMode.value.startsWith('netkit') && kernelAtLeast(s.kernel, 6, 7) === false
        ? { origins: [s.agent.datapathMode.origin], message: `netkit devices need kernel 6.7 or newer (kernel ${s.kernel!.text} given): the agent refuses to start.`, sourceText: 'netkit devices need kernel 6.7.0 or newer and CONFIG_NETKIT' }
        : undefined,
  },
  {
    id: 'ipam-pool-mode-routing',
    until: '1.18',
    severity: 'error',
    // cluster-pool-v2beta (1.12-1.15) and multi-pool (1.14-1.18): up to 1.17 neither tunnelling nor IPsec is
    // allowed; 1.18 turned it round (IPsec only in tunnel mode); 1.19 has no check.
    cite: 'daemon/cmd/daemon_main.go@v1.12.19 l.1543-1549, @v1.14.19 l.1517-1523, @v1.17.13 l.1452-1458, @v1.18.7 l.1286-1288; absent @v1.19.1',
    test: (s) => {
      const mode = s.agent.ipam.value;
      const pool = mode === 'multi-pool' ? inRange(s.version, '1.14') : mode === 'cluster-pool-v2beta' ? inRange(s.version, undefined, '1.15') : false;
      if (!pool) return undefined;
      const ipsec = s.agent.ipsec.on;
      if (s.version === '1.18') {
        return ipsec && !s.tunnel
          ? { origins: [s.agent.ipam.origin, s.agent.ipsec.origin, s.agent.routingMode.origin], message: `IPAM ${mode} with IPsec works only in tunnel mode on Cilium 1.18: the agent refuses to start.`, sourceText: `IPAM mode ${mode} with enable-ipsec is supported only in tunnel mode.` }
          : undefined;
      }
      if (s.tunnel) return { origins: [s.agent.ipam.origin, s.agent.routingMode.origin], message: `IPAM ${mode} needs native routing on Cilium ${s.version}: the agent refuses to start in tunnel mode.`, sourceText: `Cannot specify IPAM mode ${mode} in tunnel mode.` };
      if (ipsec) return { origins: [s.agent.ipam.origin, s.agent.ipsec.origin], message: `IPAM ${mode} cannot be combined with IPsec on Cilium ${s.version}: the agent refuses to start.`, sourceText: `Cannot specify IPAM mode ${mode} with enable-ipsec.` };
      return undefined;
    },
  },
  {
    id: 'netkit-tproxy',
    since: '1.19',
    severity: 'error',
    cite: 'daemon/cmd/daemon_main.go@v1.19.1 l.1068-1080 (cilium/cilium#39892)',
    test: (s) =>
      s.agent.bpfTproxy.on && s.agent.datapathMode.value.startsWith('netkit')
        ? {
            origins: [s.agent.bpfTproxy.origin, s.agent.datapathMode.origin],
            message: 'eBPF transparent proxying (bpf.tproxy) cannot work with netkit devices: its helper only runs at TC ingress, netkit programs run at egress. The agent refuses to start.',
            sourceText: `--enable-bpf-tproxy=true cannot be used with --datapath-mode=${s.agent.datapathMode.value}`,
          }
        : undefined,
  },
  {
    id: 'bbr-needs-kernel-5.18',
    // Every supported version has it (log.Fatalf in pkg/bandwidth/bandwidth.go@v1.12.19 l.66-76, @v1.13.18 l.65-74,
    // @v1.14.19 l.65-74); up to 1.16 a kernel below 5.1 turns the bandwidth manager off first, so BBR is never
    // checked there (@v1.12.19 l.61-65).
    severity: 'error',
    cite: 'pkg/bandwidth/bandwidth.go@v1.12.19 l.61-76, @v1.13.18 l.60-74, @v1.14.19 l.60-74; pkg/datapath/linux/bandwidth/bandwidth.go@v1.15.19 l.119, @v1.19.1 l.178-185',
    test: (s) =>
      s.agent.bandwidthManager.on &&
      s.agent.bbr.on &&
      kernelAtLeast(s.kernel, 5, 18) === false &&
      !(inRange(s.version, undefined, '1.16') && kernelAtLeast(s.kernel, 5, 1) === false)
        ? {
            origins: [s.agent.bbr.origin],
            message: `BBR for pods needs kernel 5.18 or newer (kernel ${s.kernel!.text} given): the agent refuses to start.`,
            sourceText: inRange(s.version, undefined, '1.14') ? 'Cannot enable --enable-bbr, needs kernel 5.18 or newer.' : 'cannot enable --enable-bbr, needs kernel 5.18 or newer',
          }
        : undefined,
  },
];

function hostnsOnly(s: State): boolean {
  return inRange(s.version, '1.18') && s.agent.settings.get('enable-bbr-hostns-only')?.value === 'true';
}

function kprAccepted(s: State): string {
  if (s.version === '1.12') return 'strict, partial, probe, disabled';
  if (s.version === '1.13') return 'strict, partial, disabled';
  if (inRange(s.version, '1.14', '1.15')) return 'true, false, and the deprecated strict, partial, disabled';
  return 'true or false';
}
