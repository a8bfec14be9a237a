// What the rules about values that take one of a fixed set of words share: the shape of such a rule's data
// (its words per Cilium version, the component that checks the word, what happens to a word outside the set),
// the helpers that read it, and the words values.schema.json allows. The rules themselves, each with its words
// and citation, are objects in rules/defs/ (lb-mode-invalid.ts, encryption-type-invalid.ts...), listed in
// VALUE_WORD_RULES of rules/defs/index.ts.
//
// kubeProxyReplacement, routingMode and tunnelProtocol (1.14+) are checked by their own rules
// (kpr-invalid-value / chart-kpr-invalid, routing-mode-invalid), not by a value-word rule.

import type { State } from '../model/state';
import type { Severity } from '../types';
import { inRange, type CiliumVersion } from '../version';
import schemaEnums from './schemaEnums.json';

export interface ValueSet {
  since?: CiliumVersion;
  until?: CiliumVersion;
  values: readonly string[];
}

export interface Consequence {
  /** What happens, in our words: who refuses or ignores the value and what the user then gets. */
  text: string;
  /** The agent's own error text, when it has one. */
  sourceText?: string;
  /** When the value does no harm yet (the feature it belongs to is off): a warning instead of the rule's severity. */
  severity?: Severity;
}

export interface EnumSpec {
  /** The rule id of the finding. */
  id: string;
  severity: Severity;
  /** The Helm values path, when the chart has one. */
  helm?: string;
  /** The cilium-config key the agent reads, when there is one. */
  configMap?: string;
  /** What the value is, for messages: "load-balancing mode". */
  what: string;
  sets: readonly ValueSet[];
  since?: CiliumVersion;
  until?: CiliumVersion;
  cite: string;
  ignoreCase?: boolean;
  /** Every error this rule reports is the agent refusing to start (the verdict then says "Agent starts: no"). */
  stopsAgent?: boolean;
  /**
   * The agent refuses an empty value as well: it reads "" from its ConfigMap directory (ReadDirConfig keeps empty
   * files) and "" is none of its words. In Helm values a blank still means the chart's default, unless the chart
   * writes it through as "" (checked on the rendered ConfigMap).
   */
  refusesBlank?: boolean;
  /** Further values that are accepted but not offered (numbers for monitor aggregation). */
  alsoAccepts?: (raw: string) => boolean;
  /** What a value outside the set does in this configuration; undefined when nothing checks or uses it here. */
  consequence(s: State, raw: string): Consequence | undefined;
}

/** The 1.20 pre-release the agent facts for 1.20 were read at, for citations. */
export const R120 = '@v1.20.0-pre.4 (7527a668)';

/** BPF NodePort is on: up to 1.17 the agent only checks the load-balancer words then. */
export const nodePortOn = (s: State) => s.nodePort;

export const agentExits = (sourceText: string): Consequence => ({ text: 'The agent refuses to start.', sourceText });

/**
 * A load-balancer option's word: the agent exits with "Invalid value for --<flag>" in every configuration from
 * `always` on, before that only when BPF NodePort is on (the check sat in the NodePort set-up).
 */
export function refusedFrom(always: CiliumVersion, flag: string): EnumSpec['consequence'] {
  return (s, raw) =>
    inRange(s.version, always) || nodePortOn(s) ? agentExits(`Invalid value for --${flag}: ${raw}`) : undefined;
}

const SCHEMA_ENUMS = schemaEnums as Record<string, Partial<Record<CiliumVersion, string[]>>>;

export function schemaEnumPaths(): string[] {
  return Object.keys(SCHEMA_ENUMS);
}

export function schemaEnumValues(path: string, version: CiliumVersion): readonly string[] | undefined {
  return SCHEMA_ENUMS[path]?.[version];
}

/** The words a spec accepts in a version, or undefined when the spec says nothing about that version. */
export function allowedIn(spec: EnumSpec, version: CiliumVersion): readonly string[] | undefined {
  if (!inRange(version, spec.since, spec.until)) return undefined;
  return spec.sets.find((set) => inRange(version, set.since, set.until))?.values;
}

export function isAccepted(spec: EnumSpec, raw: string, allowed: readonly string[]): boolean {
  if (spec.alsoAccepts?.(raw)) return true;
  return spec.ignoreCase ? allowed.some((a) => a.toLowerCase() === raw.toLowerCase()) : allowed.includes(raw);
}

/** Of `specs`, the one that checks a Helm path or ConfigMap key at a version (for completion). */
export function enumSpecFor(specs: readonly EnumSpec[], key: string, version: CiliumVersion): EnumSpec | undefined {
  return specs.find((s) => (s.helm === key || s.configMap === key) && allowedIn(s, version) !== undefined);
}
