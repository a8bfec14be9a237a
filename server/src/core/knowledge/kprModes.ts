// Kube-proxy replacement per Cilium version: the words the agent and the chart accept, how the agent reads them,
// which words mean full replacement, which are deprecated and what replaced them, and the agent's own default.
// One table that the agent model (model/agentConfig.ts, model/state.ts), the agent-exit and chart messages, the
// quick-fixes, completion and hover read; test/core/kprModes.test.ts checks each cell against configKeys.json
// (the agent's default, extracted from the Go sources) and against the chart's own check, rendered.
//
// Every word is compared exactly: neither the agent (viper GetString, then `!=` with the constants) nor the chart
// (`ne $kubeProxyReplacement "strict"`) changes case, so "Strict" is refused like any typo. From 1.19 the option
// is a boolean flag decoded by hive (mapstructure, weakly typed: Go's strconv.ParseBool), so "True" or "1" work.

import type { CiliumVersion } from '../version';
import { inRange, SUPPORTED_VERSIONS } from '../version';

export type KprWord = 'true' | 'false' | 'strict' | 'partial' | 'probe' | 'disabled';

export interface KprFacts {
  since?: CiliumVersion;
  until?: CiliumVersion;
  /** `words`: one of `words`, compared exactly; `bool`: any text Go's strconv.ParseBool takes. */
  parse: 'words' | 'bool';
  /** The words the agent and the chart accept, in the order completion offers them. */
  words: readonly KprWord[];
  /** Words still accepted but deprecated (the agent warns), each with the word to write instead (null: no single one). */
  deprecated?: Readonly<Partial<Record<KprWord, 'true' | 'false' | null>>>;
  /** The words that mean full replacement (BPF NodePort and socket LB on whatever else is set); a fix writes the first. */
  full: readonly KprWord[];
  /** The word that turns replacement off. */
  off: KprWord;
  /** What the agent runs with when cilium-config has no kube-proxy-replacement. */
  agentDefault: KprWord;
  /** Something the chart does with the value beyond refusing other words (said in the chart failure's explanation). */
  chartNote?: string;
  cite: {
    /** Where the agent checks the words (or declares the bool flag). */
    agent: string;
    /** Where the agent's default is set. */
    default: string;
    /** Where the chart refuses other words. */
    chart: string;
  };
}

export const KPR_FACTS: readonly KprFacts[] = [
  {
    until: '1.12',
    parse: 'words',
    words: ['disabled', 'partial', 'strict', 'probe'],
    full: ['strict'],
    off: 'disabled',
    agentDefault: 'partial',
    cite: {
      agent: 'daemon/cmd/kube_proxy_replacement.go@v1.12.19 l.46-50',
      default: 'daemon/cmd/daemon_main.go@v1.12.19 l.581',
      chart: 'templates/cilium-configmap.yaml@v1.12.19 l.60-61',
    },
  },
  {
    since: '1.13',
    until: '1.13',
    parse: 'words',
    words: ['disabled', 'partial', 'strict'],
    full: ['strict'],
    off: 'disabled',
    agentDefault: 'partial',
    chartNote:
      'with an upgradeCompatibility below 1.12 and no kubeProxyReplacement, its own default is probe, which it then refuses',
    cite: {
      agent: 'daemon/cmd/kube_proxy_replacement.go@v1.13.18 l.48-51',
      default: 'daemon/cmd/daemon_main.go@v1.13.18 l.514',
      chart: 'templates/cilium-configmap.yaml@v1.13.18 l.32-37, l.59-60',
    },
  },
  {
    since: '1.14',
    until: '1.15',
    parse: 'words',
    words: ['true', 'false', 'strict', 'partial', 'disabled'],
    deprecated: { strict: 'true', partial: null, disabled: 'false' },
    full: ['true', 'strict'],
    off: 'false',
    agentDefault: 'false',
    chartNote:
      'with an upgradeCompatibility below 1.12 and no kubeProxyReplacement, its own default is probe, which it then refuses',
    cite: {
      agent: 'daemon/cmd/kube_proxy_replacement.go@v1.14.19 l.46-58 and l.74-75, @v1.15.19 l.46-58 and l.74-75',
      default: 'daemon/cmd/daemon_main.go@v1.14.19 l.548, @v1.15.19 l.560',
      chart: 'templates/cilium-configmap.yaml@v1.14.19 l.32-37, l.69-71',
    },
  },
  {
    since: '1.16',
    until: '1.17',
    parse: 'words',
    words: ['true', 'false'],
    full: ['true'],
    off: 'false',
    agentDefault: 'false',
    chartNote:
      'with an upgradeCompatibility below 1.12 and no kubeProxyReplacement, its own default is probe, which it then refuses',
    cite: {
      agent: 'daemon/cmd/kube_proxy_replacement.go@v1.16.19 l.44-46, @v1.17.13 l.43-45',
      default: 'daemon/cmd/daemon_main.go@v1.16.19 l.541, @v1.17.13 l.540',
      chart: 'templates/cilium-configmap.yaml@v1.16.19 l.33-38, l.70-71',
    },
  },
  {
    // values.yaml now sets kubeProxyReplacement: "false" (l.2132), so the old probe default no longer shows.
    since: '1.18',
    until: '1.18',
    parse: 'words',
    words: ['true', 'false'],
    full: ['true'],
    off: 'false',
    agentDefault: 'false',
    cite: {
      agent: 'pkg/kpr/kpr.go@v1.18.7 l.74-76',
      default: 'pkg/kpr/kpr.go@v1.18.7 l.32 and l.42',
      chart: 'templates/cilium-configmap.yaml@v1.18.7 l.81-82; values.yaml@v1.18.7 l.2132',
    },
  },
  {
    since: '1.19',
    parse: 'bool',
    words: ['true', 'false'],
    full: ['true'],
    off: 'false',
    agentDefault: 'false',
    cite: {
      agent: 'pkg/kpr/kpr.go@v1.19.1 l.19-30, @v1.20.0-pre.4 and @v1.21.0-pre.0 l.20-30 (a bool flag)',
      default: 'pkg/kpr/kpr.go@v1.19.1 l.24-26, @v1.21.0-pre.0 l.24-26',
      chart: 'templates/cilium-configmap.yaml@v1.19.1 l.78-79',
    },
  },
];

/** The row of a supported version (the rows cover every version without a gap; the test checks that). */
export function kprFacts(v: CiliumVersion): KprFacts {
  return KPR_FACTS.find((f) => inRange(v, f.since, f.until))!;
}

/** Old word → the word that replaced it (from the 1.14 rename), for a version that only takes the new ones. */
export const KPR_SUCCESSORS: Readonly<Record<string, 'true' | 'false'>> = Object.fromEntries(
  KPR_FACTS.flatMap((f) =>
    Object.entries(f.deprecated ?? {}).filter((e): e is [string, 'true' | 'false'] => e[1] !== null),
  ),
);

/** The accepted words for a message: "strict, partial, probe or disabled", "true, false, or the deprecated …". */
export function kprWordsText(v: CiliumVersion): string {
  const f = kprFacts(v);
  const current = f.words.filter((w) => !(w in (f.deprecated ?? {})));
  const old = f.words.filter((w) => w in (f.deprecated ?? {}));
  const list = (ws: readonly string[]) =>
    ws.length < 2 ? ws.join('') : `${ws.slice(0, -1).join(', ')} or ${ws[ws.length - 1]}`;
  return old.length > 0 ? `${current.join(', ')}, or the deprecated ${old.join(', ')}` : list(current);
}

/** "deprecated since 1.14, refused from 1.16: write true" for an accepted but deprecated word in version `v`. */
export function kprDeprecationNote(word: KprWord, v: CiliumVersion): string | undefined {
  const successor = kprFacts(v).deprecated?.[word];
  if (successor === undefined) return undefined;
  const since = SUPPORTED_VERSIONS.find((x) => kprFacts(x).deprecated?.[word] !== undefined);
  const refused = SUPPORTED_VERSIONS.find((x) => inRange(x, since) && !kprFacts(x).words.includes(word));
  const instead = successor
    ? `write ${successor}`
    : `write ${kprFacts(v).off} and turn on the features you need one by one`;
  return `deprecated since ${since}${refused ? `, refused from ${refused}` : ''}: ${instead}`;
}
