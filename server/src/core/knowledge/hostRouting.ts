// What the host-routing rules (rules/defs/host-routing-*.ts, listed in the agent's order by
// rules/defs/index.ts) share: why the agent ends up with legacy host routing, per version. The silent
// reasons are settled before the agent's logging `switch`; of the switch cases only the first match is logged
// ("<reason> Falling back to legacy host routing (enable-host-legacy-routing=true).").
//
// Sources (the switch and its guards): daemon/cmd/kube_proxy_replacement.go @v1.12.19 l.543-575,
// @v1.13.18 l.415-470, @v1.14.19 l.388-440, @v1.15.19 l.388-441, @v1.16.19 l.368-390, @v1.17.13 l.351-373,
// @v1.18.7 l.45-47 and l.269-285; pkg/kpr/initializer/kube_proxy_replacement.go @v1.19.1 l.45-64 and
// @v1.20.0-pre.4 (7527a668e9) l.45-59, unchanged @v1.21.0-pre.0 (e864986222) l.45-59. Chart side: templates/cilium-configmap.yaml @v1.14.19 l.343-349,
// @v1.19.1 l.409-415 (chaining mode writes enable-host-legacy-routing).

import type { State } from '../model/state';
import type { Hit, Origin } from '../types';
import { inRange } from '../version';

/** The agent's log line ends with this for every logged reason. */
export const FALLING_BACK = ' Falling back to legacy host routing (enable-host-legacy-routing=true).';

/**
 * A case of the agent's logging switch that tests one feature: while the feature is on, host routing falls back,
 * and the agent's log line is `logged` followed by FALLING_BACK.
 */
export function fallsBackWhileOn(
  feature: { on: boolean; origin: Origin },
  words: Pick<Hit, 'message' | 'wording'>,
  logged: string,
): Hit | undefined {
  return feature.on ? { origins: [feature.origin], ...words, sourceText: logged + FALLING_BACK } : undefined;
}

export function isImpliedBy(o: Origin, key: string): boolean {
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
export function kprOffSilently(s: State): boolean {
  if (inRange(s.version, '1.20')) return false;
  if (s.version === '1.19') return !s.kprFull;
  return (!s.nodePort && !switchRuns(s)) || (s.version === '1.18' && !s.nodePort);
}

/** Where a value came from, as messages say it after the value (nothing for the user's own line). */
const ORIGIN_WORDS: Readonly<Record<Origin['kind'], string>> = {
  user: '',
  'chart-default': ' by the chart default',
  'chart-fixed': ' as the chart writes it',
  'agent-default': ' by the agent default',
  implied: '',
};

/** How kube-proxy replacement was set, for messages: `"false"`, `"disabled" by the chart default`. */
export function kprWords(s: State): string {
  return `"${s.agent.kpr.raw}"${ORIGIN_WORDS[s.agent.kpr.origin.kind]}`;
}
