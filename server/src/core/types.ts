// Shared shapes of the analysis core. Offsets are 0-based character offsets into the file text the user
// edits (embedded YAML strings are mapped back into that text), so every view can turn them into positions.

import type { CiliumVersion } from './version';

export interface Range {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Where a setting's effective value came from: the decision chains shown to users are built from these. */
export type Origin =
  | { kind: 'user'; key: string; range: Range; valueText: string; templated?: boolean }
  | { kind: 'chart-default'; key: string; version: CiliumVersion }
  /**
   * The chart writes this cilium-config key (`key`) with a value of its own (a literal no Helm value is read
   * for); `when` names the values paths, all at their chart defaults, whose conditions decided it is written.
   */
  | { kind: 'chart-fixed'; key: string; version: CiliumVersion; when?: string[] }
  | { kind: 'agent-default'; key: string }
  | { kind: 'implied'; key: string; by: Origin[]; note: string };

export interface RelatedLocation {
  range: Range;
  message: string;
}

/** A text edit on the user's file, in file offsets. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The dotted Helm key (or ConfigMap key) the finding sits on, when there is one. */
  key?: string;
  related?: RelatedLocation[];
  fixes?: Fix[];
  /** Decided only by defaults (no setting of the user's is involved): other values may change it. */
  fromDefaults?: true;
  /**
   * Set on a finding about a cilium-config ConfigMap whose words come from a rule template: its headline names
   * agent options too (rules/headline.ts), as its message does.
   */
  spelling?: 'configmap';
}

/** What a datapath check found: the settings responsible and what to say (a rule's `check`, rules/rule.ts). */
export interface Hit {
  /** The settings responsible, most specific first; the finding is shown on the first one the user wrote. */
  origins: Origin[];
  /** Our explanation, in our words. */
  message: string;
  /** The exact text the agent logs or fails with, or the chart's `fail` text, when there is one. */
  sourceText?: string;
  /** The outcome depends on a templated (unknown) value: not a finding, only a note on the verdict. */
  undecided?: boolean;
  /** The message as a template and its parameters (rules/wording.ts), to render it in a ConfigMap's spelling. */
  wording?: Wording;
}

/** A rule message's template (Helm keys marked) and its parameters: plain data, see rules/wording.ts. */
export interface Wording {
  template: string;
  params: Readonly<Record<string, string | number>>;
}
