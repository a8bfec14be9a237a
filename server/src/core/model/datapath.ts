// Derives what `cilium status` will say for one document: kube-proxy replacement, host routing (with every
// reason, and which one the agent logs), masquerading, routing, and whether the agent starts and the chart
// installs. Every item keeps the origins (keys or defaults) that decided it.

import { switchRuns } from '../knowledge/hostRouting';
import type { ExitState } from '../knowledge/agentExits';
import type { Hit, Origin, Severity } from '../types';
import type { CiliumVersion } from '../version';
import { inRange } from '../version';
import type { State } from './state';
import { hitIsUndecided, UnknownTracker, type UnknownDependency, type Verdict } from './unknown';

export interface Reason extends Hit {
  id: string;
  severity: Severity;
  /** True for the one reason the agent writes to its log (the first match of its switch). */
  logged: boolean;
  cite: string;
}

export interface Datapath {
  kubeProxyReplacement: { enabled: boolean; status: string; origins: Origin[] };
  hostRouting: { status: 'BPF' | 'Legacy'; reasons: Reason[] };
  masquerading: {
    mode: 'BPF' | 'IPTables' | 'Disabled';
    ipv4: boolean;
    ipv6: boolean;
    ipMasqAgent: boolean;
    reasons: Reason[];
  };
  /**
   * `mode` as `cilium status` prints it: Native only for routing-mode native, so hybrid (1.20+) is reported as a
   * tunnel (pkg/status/status_collector.go@v1.20.0-pre.4 (7527a668) l.216-229, same @v1.21.0-pre.0). `hybrid`
   * says that traffic within one subnet of subnet-topology skips that tunnel.
   */
  routing: { mode: 'tunnel' | 'native'; protocol: 'vxlan' | 'geneve' | null; hybrid: boolean; origins: Origin[] };
  agentStarts: boolean;
  agentErrors: Reason[];
  installSucceeds: boolean;
  chartErrors: Reason[];
  /** Verdicts and checks left undecided by templated values ("Host Routing depends on `${ROUTING}`"). */
  unknowns: UnknownDependency[];
}

/**
 * A reason for legacy host routing as a rule object gives it (rules/defs/host-routing-*.ts). The rules are handed
 * in (rules/defs/index.ts DATAPATH_RULES) rather than imported: they carry fixes, which read analyses of this model.
 */
export interface HostRoutingCheck {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  severity: Severity;
  cite?: string;
  /** Settled before the agent's logging switch: never the reason the agent logs. */
  silent: boolean;
  check(s: State): Hit | undefined;
}

/** A BPF-masquerade prerequisite (rules/defs/bpf-masquerade-*.ts). */
export interface MasqueradeCheck {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite?: string;
  /** What a failure does in version v. */
  effect(v: CiliumVersion): 'fallback' | 'exit' | 'auto-disable';
  check(s: State): Hit | undefined;
}

/** A combination that stops the agent (rules/defs with group 'agent-exit'). */
export interface AgentExitCheck {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  severity: Severity;
  cite?: string;
  check(s: ExitState): Hit | undefined;
}

/** The rules the derivation runs, each list in the agent's order. */
export interface DatapathRules {
  hostRouting: readonly HostRoutingCheck[];
  masquerade: readonly MasqueradeCheck[];
  agentExits: readonly AgentExitCheck[];
}

const SAME_FALLBACK = ' The same fallback makes host routing Legacy.';

function applies(c: { since?: State['version']; until?: State['version'] }, s: State): boolean {
  return inRange(s.version, c.since, c.until);
}

export function deriveDatapath(s: State, rules: DatapathRules): Datapath {
  const unknowns = new UnknownTracker();
  /** A hit that rests on a templated value is recorded against the verdicts it would change, not reported. */
  const decided = (hit: Hit | undefined, check: string, verdicts: Verdict[]): hit is Hit => {
    if (!hit) return false;
    if (!hitIsUndecided(hit)) return true;
    for (const v of verdicts) unknowns.add(v, hit.origins, check);
    return false;
  };
  // Masquerading first: a BPF-masquerade prerequisite that fails turns it off (<= 1.14) or stops the agent.
  const masqReasons: Reason[] = [];
  const agentErrors: Reason[] = [];
  let bpfMasq = s.agent.bpfMasquerade.on;
  let bpfMasqFallbackLegacy: Reason | undefined;
  for (const p of rules.masquerade) {
    if (!applies(p, s)) continue;
    const hit = p.check(s);
    const effect = p.effect(s.version);
    if (!decided(hit, p.id, effect === 'exit' ? ['Agent starts'] : ['Masquerading', 'Host Routing'])) continue;
    const reason: Reason = {
      ...hit,
      id: p.id,
      severity: effect === 'exit' ? 'error' : 'warning',
      logged: true,
      cite: p.cite ?? '',
    };
    if (effect === 'exit') {
      agentErrors.push(reason);
    } else {
      masqReasons.push(reason);
      if (bpfMasq && effect === 'fallback') bpfMasqFallbackLegacy = reason;
      bpfMasq = false;
    }
  }
  const anyMasq = s.ipv4Masq || s.ipv6Masq;
  const mode: Datapath['masquerading']['mode'] = !anyMasq ? 'Disabled' : bpfMasq ? 'BPF' : 'IPTables';

  // Host routing: every reason that applies, in the agent's order; only the first switch case is logged. The
  // switch runs before the masquerade checks, so it sees the user's enable-bpf-masquerade even when BPF
  // masquerading falls back afterwards (daemon/cmd/daemon.go@v1.13.18: initKubeProxyReplacementOptions, then
  // the masquerade block).
  const stateAfterMasq: State = {
    ...s,
    agent: { ...s.agent, bpfMasquerade: { ...s.agent.bpfMasquerade, on: bpfMasq } },
  };
  const reasons: Reason[] = [];
  let settledSilently = false;
  let loggedOne = false;
  const runs = switchRuns(s);
  for (const f of rules.hostRouting) {
    if (!applies(f, s)) continue;
    const hit = f.check(s);
    if (!decided(hit, f.id, ['Host Routing'])) continue;
    let logged = false;
    if (f.silent) settledSilently = true;
    else if (!settledSilently && runs && !loggedOne) logged = loggedOne = true;
    reasons.push({ ...hit, id: f.id, severity: f.severity, logged, cite: f.cite ?? '' });
  }
  if (bpfMasqFallbackLegacy) {
    // Its own "Falling back to legacy host routing" line is printed only when nothing chose legacy before.
    reasons.push({
      ...bpfMasqFallbackLegacy,
      id: 'host-routing-bpf-masquerade-fallback',
      message: `${bpfMasqFallbackLegacy.message}${SAME_FALLBACK}`,
      wording: bpfMasqFallbackLegacy.wording && {
        ...bpfMasqFallbackLegacy.wording,
        template: `${bpfMasqFallbackLegacy.wording.template}${SAME_FALLBACK}`,
      },
      sourceText:
        'BPF masquerade could not be enabled. Falling back to legacy host routing (--enable-host-legacy-routing="true").',
      logged: reasons.length === 0,
    });
  }
  const legacy = reasons.length > 0;

  // Agent refuses to start / chart refuses to install.
  for (const c of rules.agentExits) {
    if (!applies(c, s)) continue;
    const hit = c.check({ ...stateAfterMasq, legacy });
    if (decided(hit, c.id, ['Agent starts']))
      agentErrors.push({ ...hit, id: c.id, severity: c.severity, logged: true, cite: c.cite ?? '' });
  }
  // The chart's own stops, from rendering it (model/chartModel.ts); one resting on a templated value is undecided.
  const chartErrors: Reason[] = [];
  for (const c of s.chart?.stops ?? []) {
    if (decided(c.hit, c.id, ['Chart installs']))
      chartErrors.push({ ...c.hit, id: c.id, severity: c.severity, logged: true, cite: c.cite });
  }
  for (const r of s.chart?.undecidedSchema ?? []) unknowns.add('Chart installs', r.origins, 'values.schema.json');

  // The verdicts read straight from settings: a templated one leaves that line undecided.
  unknowns.add('KubeProxyReplacement', [s.agent.kpr.origin]);
  unknowns.add('Host Routing', [s.agent.kpr.origin, s.agent.hostLegacyRouting.origin, s.agent.bpfMasquerade.origin]);
  unknowns.add('Masquerading', [
    s.agent.ipv4Masquerade.origin,
    s.agent.ipv6Masquerade.origin,
    s.agent.bpfMasquerade.origin,
    s.agent.ipv4.origin,
    s.agent.ipv6.origin,
  ]);
  unknowns.add('Routing', [s.agent.routingMode.origin, s.agent.tunnelProtocol.origin]);

  const routingNative = s.agent.routingMode.value === 'native';
  const proto = s.agent.tunnelProtocol.value;
  return {
    kubeProxyReplacement: { enabled: s.kprFull, status: kprStatus(s), origins: [s.agent.kpr.origin] },
    hostRouting: { status: legacy ? 'Legacy' : 'BPF', reasons },
    masquerading: {
      mode,
      ipv4: s.ipv4Masq,
      ipv6: s.ipv6Masq,
      ipMasqAgent: s.agent.ipMasqAgent.on && bpfMasq,
      reasons: masqReasons,
    },
    routing: {
      mode: routingNative ? 'native' : 'tunnel',
      protocol: routingNative ? null : proto === 'geneve' ? 'geneve' : 'vxlan',
      hybrid: s.hybrid,
      origins: [s.agent.routingMode.origin, ...(routingNative ? [] : [s.agent.tunnelProtocol.origin])],
    },
    agentStarts: !agentErrors.some((r) => r.severity === 'error'),
    agentErrors,
    installSucceeds: !chartErrors.some((r) => r.severity === 'error') && (s.chart?.schema.length ?? 0) === 0,
    chartErrors,
    unknowns: unknowns.list,
  };
}

/** The word `cilium status` prints after "KubeProxyReplacement:" for this version. */
function kprStatus(s: State): string {
  const m = s.agent.kpr.mode;
  // The mode capitalised: Strict, Partial, Probe, Disabled up to 1.15, True or False (from 1.14).
  if (m === 'invalid') return 'Invalid';
  return m.charAt(0).toUpperCase() + m.slice(1);
}
