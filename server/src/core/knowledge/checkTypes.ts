// The shape every piece of datapath knowledge takes: an id (which is also the diagnostic's rule id), the
// versions it holds for, where in Cilium's source it was checked, and a small test over the derived state.

import type { State } from '../model/state';
import type { Origin, Severity } from '../types';
import type { CiliumVersion } from '../version';

export interface Hit {
  /** The settings responsible, most specific first; the finding is shown on the first one the user wrote. */
  origins: Origin[];
  /** Our explanation, in our words. */
  message: string;
  /** The exact text the agent logs or fails with, or the chart's `fail` text, when there is one. */
  sourceText?: string;
  /** The outcome depends on a templated (unknown) value: not a finding, only a note on the verdict. */
  undecided?: boolean;
}

export interface Check<S = State> {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  severity: Severity;
  /** Source file and tag the fact was checked against. */
  cite: string;
  test(s: S): Hit | undefined;
}

/** The fallback reasons for BPF host routing: `silent` ones are set before the agent's logging switch. */
export interface FallbackCheck extends Check {
  silent: boolean;
}
