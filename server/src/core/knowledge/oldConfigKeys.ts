// cilium-config keys that rendered manifests of agents older than 1.12 still carry, and that no supported agent
// reads: what the agent reads instead. The generated key data (configKeys.json) starts at 1.12, so these are
// checked by hand in the agent's source (tags below).

export interface OldConfigKey {
  /** The key the supported agents read for the same setting. */
  successor: string;
  /** True when the old key's value means the same under the successor (a rename the quick-fix may do). */
  sameValue: boolean;
  /** What happened to the old key, in our words. */
  history: string;
  cite: string;
}

export const OLD_CONFIG_KEYS: Readonly<Record<string, OldConfigKey>> = {
  // daemon/cmd/daemon_main.go@v1.10.0 l.660-662: flags.Bool(option.Masquerade …) with MarkDeprecated "will be
  // removed in v1.11 in favour of enable-ipv4-masquerade"; pkg/option/config.go@v1.10.0 l.2735 reads it as
  // EnableIPv4Masquerade; at v1.11.0 only enable-ipv4-masquerade is registered (pkg/option/config.go l.336, l.2622).
  masquerade: {
    successor: 'enable-ipv4-masquerade',
    sameValue: true,
    history: 'deprecated in Cilium 1.10 in favour of enable-ipv4-masquerade and removed in 1.11',
    cite: 'daemon/cmd/daemon_main.go@v1.10.0 l.660-662; pkg/option/config.go@v1.11.0 l.336',
  },
  // No enable-dsr in any *.go, *.yaml or *.tpl at v1.5.0, v1.7.0, v1.9.0, v1.10.0, v1.11.0, v1.13.0, v1.16.0,
  // v1.19.1; the load-balancer mode is node-port-mode up to 1.11 (pkg/option/config.go@v1.11.0 l.243) and
  // bpf-lb-mode from 1.12 (pkg/option/config.go@v1.12.0 l.263), whose values include dsr.
  'enable-dsr': {
    successor: 'bpf-lb-mode',
    sameValue: false,
    history: 'no Cilium version has had this option; direct server return is chosen with bpf-lb-mode: "dsr"',
    cite: 'pkg/option/config.go@v1.12.0 l.263 (bpf-lb-mode); no enable-dsr at v1.5.0 .. v1.19.1',
  },
};

export function oldConfigKey(key: string): OldConfigKey | undefined {
  return Object.prototype.hasOwnProperty.call(OLD_CONFIG_KEYS, key) ? OLD_CONFIG_KEYS[key] : undefined;
}
