// A rule is one object in one file (rules/defs/<id>.ts), in the manner of ESLint's `meta`: what it is called,
// which group and versions it belongs to, where in Cilium's source it was checked, its one-sentence summary,
// its messages, examples of a bad and a good file, its check and, where one is safe, its fix. The rule catalog
// (docs/rules.md, SARIF rule metadata, hovers), the fix registry and a test per example are derived from these
// objects (rules/defs/index.ts lists them).

import type { Fixer } from '../fixes/context';
import type { ExitState } from '../knowledge/agentExits';
import type { ChartFailureNote } from '../knowledge/chartFailureNotes';
import type { EnumSpec } from '../knowledge/enumValues';
import type { State } from '../model/state';
import type { Finding, Hit, Severity } from '../types';
import type { CiliumVersion } from '../version';

export type RuleGroup =
  'host-routing' | 'masquerade' | 'agent-exit' | 'chart' | 'values' | 'keys' | 'configmap' | 'file';

/**
 * A file that shows the rule: at `version` (and `kernel`, when the rule is about the nodes' kernel) `bad` gets
 * a finding of the rule and `good` none; when the rule has a fix, fixing `bad` gives `good` (or `fixed`): the same
 * values, keys in the same order, comments kept (test/core/ruleExamples.test.ts).
 */
export interface RuleExample {
  version: CiliumVersion;
  bad: string;
  good: string;
  /**
   * What fixing `bad` gives, when it is not `good` (the good example shows another way out); the fix must give
   * `good`, or this, value for value and key order kept.
   */
  fixed?: string;
  /** The nodes' kernel for both files (unset: every kernel requirement is assumed met). */
  kernel?: string;
  /** The kernel for `good` when the rule is about the kernel itself. */
  goodKernel?: string;
  /** The version comes from the files themselves (rules about how the version is found); `version` is what they say. */
  versionInFile?: boolean;
  /** The file's path, when it decides how the file is read (a helmfile `.gotmpl`). */
  path?: string;
  /** The analysis size limit, for the rule about files over it. */
  maxChars?: number;
}

export interface Rule {
  /** The diagnostic's `code`, and the name of the rule's file. */
  id: string;
  group: RuleGroup;
  severity: Severity;
  /** The versions the rule holds for (none: every supported version). */
  since?: CiliumVersion;
  until?: CiliumVersion;
  /** Source file and tag the fact was checked against (required for rules about what Cilium does). */
  cite?: string;
  /** What the rule is about, in one sentence (docs/rules.md, SARIF, hovers). */
  summary: string;
  /** Message templates (rules/wording.ts): parameters and Helm keys that a ConfigMap finding spells as agent options. */
  messages?: Readonly<Record<string, string>>;
  /** At least one, unless `withoutExample` says why no file can show the rule. */
  examples: readonly RuleExample[];
  withoutExample?: string;
  /**
   * The editor's one-line headline, for a message whose first sentence cannot be shortened by dropping its asides
   * (rules/headline.ts): what happens and what to do, at most HEADLINE_MAX characters, in the finding's spelling.
   * Undefined (or none) leaves it to the message's first sentence.
   */
  headline?: (f: Finding) => string | undefined;
  fix?: Fixer;
}

/** A rule decided from the derived state of one document (model/state.ts). */
export interface StateRule<S = State> extends Rule {
  check(s: S): Hit | undefined;
}

/** Why BPF host routing falls back to Legacy; `silent` ones are settled before the agent's logging switch. */
export interface HostRoutingRule extends StateRule {
  group: 'host-routing';
  silent: boolean;
}

/** A prerequisite the agent checks before it turns BPF masquerading on. */
export interface MasqueradeRule extends StateRule {
  group: 'masquerade';
  /** What a failure does in version v: fall back to iptables masquerading, refuse to start, or switch it off. */
  effect(v: CiliumVersion): 'fallback' | 'exit' | 'auto-disable';
}

/** A combination that makes cilium-agent refuse to start. */
export interface AgentExitRule extends StateRule<ExitState> {
  group: 'agent-exit';
}

/**
 * A value that takes one of a fixed set of words (`loadBalancer.mode`, `ipam`...): the words per version, who
 * checks them and what a word outside them does (knowledge/enumValues.ts). rules/enumRules.ts runs every one
 * listed in VALUE_WORD_RULES; completion offers its words and its fix picks the nearest.
 */
export interface ValueWordsRule extends Rule, EnumSpec {
  group: 'values';
  cite: string;
}

/**
 * A chart check we explain: its note (how the chart's own `fail` message is recognised, our explanation and
 * advice, knowledge/chartFailureNotes.ts) is the rule object itself. The model matches a failure to the notes it
 * is handed (CHART_NOTE_RULES), so it never imports a rule.
 */
export interface ChartNoteRule extends Rule, ChartFailureNote {
  group: 'chart';
  cite: string;
}

/** An example written as a cilium-config ConfigMap: `data` lines, without their indentation. */
export function configMap(data: string): string {
  const lines = data.split('\n').map((l) => `  ${l}`);
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: cilium-config',
    '  namespace: kube-system',
    'data:',
    ...lines,
    '',
  ].join('\n');
}

/** Identity with the type checked: each rule file exports `defineRule({...})`. */
export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}
