// What the BPF-masquerade rules (rules/defs/bpf-masquerade-*.ts) share. They are the prerequisites the agent
// checks before it turns BPF masquerading on. Up to 1.14 a failed prerequisite makes
// it fall back to iptables masquerading (and legacy host routing); from 1.15 the agent refuses to start.
// Sources: daemon/cmd/daemon.go at v1.12.19 l.935-1000, v1.13.18 l.985-1010, v1.14.19 l.930-995,
// v1.15.19 l.749-790, v1.16.19 l.680-695, v1.17.13 l.655-665, v1.18.7 l.545-560, v1.19.1 l.114-133.

import type { State } from '../model/state';
import { inRange, type CiliumVersion } from '../version';

/** Up to 1.14 a failed prerequisite makes the agent fall back to iptables masquerading; later it exits. */
export const fallbackUntil14 = (v: CiliumVersion) => (inRange(v, undefined, '1.14') ? 'fallback' : 'exit');

/** Up to 1.13 the whole BPF-masquerade block looks at IPv4 masquerading only (corrections item 8). */
export const masqForBpf = (s: State) =>
  inRange(s.version, undefined, '1.13') ? s.agent.ipv4Masquerade.on : s.ipv4Masq || s.ipv6Masq;
