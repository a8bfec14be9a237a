// CIDR-valued cilium-config keys whose parsing we checked in the agent's source. The pflag type is only `string`,
// so the type check of configValueTypes.ts cannot see these; the agent parses them itself in
// option.Config.Populate and exits on a bad one (pkg/option/config.go: v1.12.19 l.3045-3066 with
// cidr.MustParseCIDR, which panics; v1.13.18 l.3166-3190 … v1.19.1 l.2593-2602 with cidr.ParseCIDR and a fatal
// log "Unable to parse CIDR" / "must be an IPv4 CIDR"). The 1.20 pre-release reads them at the same place (its
// key list registers them in daemon/cmd/daemon_main.go, as 1.19 does).

/** key → the address family it must hold. */
export const CIDR_KEYS: Readonly<Record<string, 4 | 6>> = {
  'ipv4-native-routing-cidr': 4,
  'ipv6-native-routing-cidr': 6,
};

function ipv4(text: string): boolean {
  const parts = text.split('.');
  // Go's parser (1.17+) refuses leading zeros in an octet.
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function ipv6(text: string): boolean {
  if (!text.includes(':')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const all = halves.flatMap(groups);
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!ipv4(last)) return false;
    all.pop();
    count += 1; // an embedded IPv4 address takes two groups
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** The family of a CIDR as Go's net.ParseCIDR reads it, or undefined when it does not parse. */
export function cidrFamily(raw: string): 4 | 6 | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(raw.trim());
  if (!m) return undefined;
  const bits = Number(m[2]);
  if (ipv4(m[1])) return bits <= 32 ? 4 : undefined;
  if (ipv6(m[1])) return bits <= 128 ? 6 : undefined;
  return undefined;
}
