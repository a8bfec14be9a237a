// Fixes for what the agent or the chart does with a combination of settings: each writes one setting, in the
// document's spelling (Helm path or cilium-config key), and is offered only when the prediction says the change
// cures the problem and breaks nothing else (see predict.ts: for Helm values the real chart is rendered again,
// so a value the chart ignores, overrides or refuses is no cure).

import { kprFacts } from '../knowledge/kprModes';
import { envoyTurnsNodePortOn } from '../model/state';
import { changeOf, one, setKey, type Fixer, type FixContext } from './context';

export interface SetOptions {
  /** The cilium-config key the value ends up in: the ConfigMap spelling, and what the agent model reads. */
  agent?: string;
  /** Offered for Helm values only (the chart check has no ConfigMap counterpart). */
  helmOnly?: boolean;
  /** Only when the finding sits on one of these keys (the user wrote the switch we would change). */
  onlyOn?: readonly string[];
}

/** A fixer that writes `raw` at `helmPath` (or at `o.agent` in a ConfigMap). */
export function setTo(helmPath: string, raw: string, why: string, o: SetOptions = {}): Fixer {
  return (f, c) => {
    if (c.configMap && (!o.agent || o.helmOnly)) return [];
    if (o.onlyOn && !o.onlyOn.includes(f.key ?? '')) return [];
    if (!c.predict.cures(changeOf(c, helmPath, o.agent, raw), f.rule)) return [];
    const shown = c.configMap ? `${o.agent}: "${raw}"` : `${helmPath}: ${raw}`;
    return one(`Set ${shown} (${why})`, setKey(c, helmPath, o.agent ?? helmPath, raw));
  };
}

export const bpfMasquerade: Fixer = setTo('bpf.masquerade', 'true', 'masquerade in eBPF', {
  agent: 'enable-bpf-masquerade',
});

/** What full kube-proxy replacement is called in this version. */
function kprMode(c: FixContext): string {
  return kprFacts(c.doc.version).full[0];
}

/** Full kube-proxy replacement; the title says what else it needs, since we cannot know the API server's address. */
export const kprOn: Fixer = (f, c) => {
  const mode = kprMode(c);
  if (!c.predict.cures(changeOf(c, 'kubeProxyReplacement', 'kube-proxy-replacement', mode), f.rule)) return [];
  if (c.configMap) {
    return one(
      `Set kube-proxy-replacement: "${mode}" (without kube-proxy the agent must reach the API server directly: KUBERNETES_SERVICE_HOST/PORT)`,
      setKey(c, 'kubeProxyReplacement', 'kube-proxy-replacement', mode),
    );
  }
  return one(
    `Set kubeProxyReplacement: ${mode}${apiServerNote(c)}`,
    setKey(c, 'kubeProxyReplacement', 'kube-proxy-replacement', mode),
  );
};

/**
 * What a fix turning full kube-proxy replacement on says when the values give no API server address
 * (rules/apiServerAddress.ts reports that afterwards): we cannot know the address, so the title names it.
 */
export function apiServerNote(c: FixContext): string {
  const given = (key: string) => {
    const e = c.root.get(key);
    const v = e ? c.root.valueOf(e) : undefined;
    return v !== undefined && v !== null && v !== '';
  };
  return (given('k8sServiceHost') || given('k8sServiceHostRef')) && given('k8sServicePort')
    ? ''
    : ' — without kube-proxy it also needs k8sServiceHost and k8sServicePort set to your API server';
}

/**
 * The chart refuses `disabled` next to Ingress/Gateway API/Envoy config; `false` is its successor. Only in 1.14 and
 * 1.15 does the agent then turn BPF NodePort on for Envoy (IPsec off), which `disabled` would have kept off
 * (daemon/cmd/kube_proxy_replacement.go@v1.15.19 l.61-72; model/state.ts envoyTurnsNodePortOn).
 */
export const kprFalseForEnvoy: Fixer = (f, c) => {
  const nodePort = envoyTurnsNodePortOn(c.doc.version, c.doc.agent.ipsec.on);
  const why = nodePort
    ? 'the chart wants true or false here; with false this agent turns BPF NodePort on for Envoy'
    : 'the chart wants true or false here, and false is what disabled meant';
  return setTo('kubeProxyReplacement', 'false', why, { agent: 'kube-proxy-replacement', helmOnly: true })(f, c);
};

/**
 * Per-endpoint routes off, only when the user wrote the switch. ENI, Azure, AlibabaCloud and GKE make the chart
 * write enable-endpoint-routes: "true" whatever endpointRoutes.enabled says: the re-rendered chart shows it, and
 * the fix is then not offered.
 */
export const endpointRoutesOff: Fixer = setTo(
  'endpointRoutes.enabled',
  'false',
  'this version cannot combine it with BPF host routing',
  {
    agent: 'enable-endpoint-routes',
    onlyOn: ['endpointRoutes.enabled', 'enable-endpoint-routes'],
  },
);
