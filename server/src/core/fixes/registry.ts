// Which rule gets which fix: the `fix` of each rule object (rules/defs/<id>.ts). A rule without one has no fix we
// could call safe:
// - the way out is the user's choice: turn one feature off or another on (IPsec or WireGuard forcing legacy
//   routing, BPF masquerading without masquerading, DSR with VXLAN, netkit with tproxy, BIG TCP, BBR, pool
//   IPAM modes, CNI chaining, egressMasqueradeInterfaces vs devices, masquerading to the route source);
// - it needs a value we cannot know: a CIDR (native-routing-cidr-*), the API server's address, a port
//   (chart-standalone-dns-proxy-port), a cert-manager issuer, a cluster name or id, image tags;
// - it is about the cluster or the file rather than the values (kernel versions, ServiceMonitor CRDs, YAML
//   syntax, tabs, duplicate keys, templates, an unsupported version), or a key is only missing from an older
//   chart (key-not-yet-available: the target version is what to change).

import type { Fixer } from './context';
import { RULES } from '../rules/defs/index';

/** Every rule's fix, by rule id. */
export const FIXERS: Readonly<Record<string, Fixer>> = Object.fromEntries(
  RULES.flatMap((r) => (r.fix ? [[r.id, r.fix] as const] : [])),
);
