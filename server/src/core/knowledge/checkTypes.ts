// The shape every piece of datapath knowledge takes: an id (which is also the diagnostic's rule id), the
// versions it holds for, where in Cilium's source it was checked, and a small test over the derived state.

import type { State } from '../model/state';
import type { Hit, Severity } from '../types';
import type { CiliumVersion } from '../version';

/** A check's result (defined with the other shared types, so the model can use it without this module). */
export type { Hit } from '../types';

export interface Check<S = State> {
  id: string;
  since?: CiliumVersion;
  until?: CiliumVersion;
  severity: Severity;
  /** Source file and tag the fact was checked against. */
  cite: string;
  test(s: S): Hit | undefined;
}
