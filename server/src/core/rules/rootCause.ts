// One finding per root cause. Some problems make others follow: an invalid kube-proxy replacement value also
// reads as "KPR off" (so Legacy host routing, no BPF NodePort for BPF masquerading), and a value the chart
// refuses is also one the agent would refuse. Users should see the cause once, not its echoes; the verdict
// (KPR Invalid, agent starts NO, chart installs NO) still shows every consequence.

import type { AgentConfig } from '../model/agentConfig';
import type { Datapath, Reason } from '../model/datapath';
import type { Finding } from '../types';

/** When the chart refuses something, the agent check for the same thing is not shown as well. */
const AGENT_TWIN_OF_CHART: Record<string, string> = {
  'chart-kpr-invalid': 'kpr-invalid-value',
  'chart-native-routing-cidr-ipv4': 'native-routing-cidr-ipv4',
  'chart-native-routing-cidr-ipv6': 'native-routing-cidr-ipv6',
  // templates/validate.yaml@v1.19.1 refuses bpf.tproxy with netkit before the agent's own check could run.
  'chart-netkit-tproxy': 'netkit-tproxy',
};

/**
 * Reasons that give one cause in two ways, each mapped to the other's id. Host routing is Legacy because kube-proxy
 * replacement is not full: said silently while BPF NodePort is off (host-routing-kpr-off), or by the agent's
 * logging switch once something turns NodePort on (host-routing-needs-kpr), such as CiliumEnvoyConfig in 1.14 and
 * 1.15 (model/state.ts). A change that moves from one to the other brings no new problem (fixes/predict.ts).
 */
const SAME_CAUSE: Readonly<Record<string, string>> = { 'host-routing-needs-kpr': 'host-routing-kpr-off' };

/** The id a reason is compared by when asking whether a change brings a new problem. */
export function causeOf(id: string): string {
  return SAME_CAUSE[id] ?? id;
}

/** The datapath with the reasons that only echo another finding left out (for findings, not for the verdict). */
export function withoutEchoes(dp: Datapath, agent: AgentConfig): Datapath {
  const kprInvalid = agent.kpr.mode === 'invalid';
  const kprEcho = (r: Reason) =>
    kprInvalid && r.id !== 'kpr-invalid-value' && r.id !== 'chart-kpr-invalid' && r.origins.includes(agent.kpr.origin);
  const twins = new Set(dp.chartErrors.map((r) => AGENT_TWIN_OF_CHART[r.id]).filter(Boolean));
  return {
    ...dp,
    hostRouting: { ...dp.hostRouting, reasons: dp.hostRouting.reasons.filter((r) => !kprEcho(r)) },
    masquerading: { ...dp.masquerading, reasons: dp.masquerading.reasons.filter((r) => !kprEcho(r)) },
    agentErrors: dp.agentErrors.filter((r) => !kprEcho(r) && !twins.has(r.id)),
    chartErrors: dp.chartErrors.filter((r) => !kprEcho(r)),
  };
}

/**
 * A removed key that the chart also fails on, itself or through a key below it (`proxy`, gone from the 1.16 chart,
 * when proxy.prometheus.port is refused by templates/validate.yaml@v1.16.19 l.12-17): the chart's refusal (with the
 * migration) is the one finding, not also "Helm ignores it silently".
 */
export function withoutRemovedKeyEchoes(findings: Finding[]): Finding[] {
  const refused = findings
    .filter((f) => f.severity === 'error' && f.rule.startsWith('chart-') && f.key)
    .map((f) => f.key!);
  const echoes = (key: string) => refused.some((r) => r === key || r.startsWith(`${key}.`));
  return findings.filter((f) => !(f.rule === 'key-removed' && f.key && echoes(f.key)));
}
