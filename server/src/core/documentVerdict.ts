// One Cilium document's verdict as a status bar or code lens shows it: built by the core (explain.ts), sent by
// the language server (lsp/protocol.ts re-exports it as part of the contract with clients).

/** One Cilium document's verdict, as a status bar or code lens shows it. */
export interface DocumentVerdict {
  /** Index of the YAML document in the file. */
  index: number;
  kind: string;
  ciliumVersion: string;
  /** Where the version came from: option, wrapper, chart-yaml, chart-lock, image, label, comment, or default (assumed). */
  versionSource: string;
  /** The version as a verdict says it: "Cilium 1.16, from Chart.yaml dependency", "assumed 1.19 — set the version". */
  versionText: string;
  /** The version and where it came from in a few words: "1.19 · assumed", "1.16 · Chart.yaml". */
  versionBadge: string;
  /** What the document is, for people: "Helm values", "HelmRelease kube-system/cilium". */
  label: string;
  /** The verdict in a few words, worst outcome first: "Agent will not start", "Chart will not install",
   * "Host Routing Legacy · Masq IPTables", "Host Routing BPF". */
  headline: string;
  /** error: the agent will not start or the chart will not install; warning: a legacy fallback; ok. */
  level: 'error' | 'warning' | 'ok';
  /** 0-based line of the document's first key (where the code lens sits). */
  line: number;
  kubeProxyReplacement: string;
  hostRouting: 'BPF' | 'Legacy';
  masquerading: 'BPF' | 'IPTables' | 'Disabled';
  routing: string;
  agentStarts: boolean;
  installSucceeds: boolean;
  /** True when Host Routing or Masquerading fell back to the legacy path (the status bar turns to a warning colour). */
  fellBack: boolean;
  /** One line: "KubeProxyReplacement: True · Host Routing: BPF · Masquerading: BPF · Routing: Tunnel [vxlan]". */
  summary: string;
  /** What follows the headline in a code lens: the summary without what the headline already says. */
  details: string;
  /** Verdicts a templated value leaves undecided: "Host Routing depends on `${ROUTING}` (routingMode)". */
  dependsOn?: string[];
}
