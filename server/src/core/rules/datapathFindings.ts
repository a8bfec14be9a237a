// Turns the derived datapath (fallback reasons, agent exits, chart failures) into findings. The rule ids are
// the ids of the rules (rules/defs) and knowledge entries, so a diagnostic's code leads straight to its data.
// Our advice is written with Helm keys; in a ConfigMap the user writes agent options, so a reason whose message
// is a template (rules/wording.ts) is rendered in ConfigMap spelling there. The agent's own quoted log and
// error texts (`sourceText`) are kept as they are.

import type { Datapath, Reason } from '../model/datapath';
import type { Finding, Range } from '../types';
import { findingFromHit } from './place';
import { spelled, type Spelling } from './wording';

export function datapathFindings(dp: Datapath, anchor: Range, format: Spelling = 'helm'): Finding[] {
  const out: Finding[] = [];
  const inWords = (r: Reason): Reason => (format === 'helm' || !r.wording ? r : { ...r, message: spelled(r, format) });
  const logged = dp.hostRouting.reasons.find((r) => r.logged);
  for (const r of dp.hostRouting.reasons) {
    let extra = '';
    if (r.logged) extra = ' This is the reason the agent logs.';
    else if (logged && r.sourceText)
      extra = ` (The agent logs only its first reason, ${logged.id}; fixing that one will reveal this one.)`;
    out.push(
      findingFromHit(
        r.id,
        r.severity,
        inWords(r),
        anchor,
        extra,
        r.logged ? 'Agent log' : 'Agent log if it were first',
      ),
    );
  }
  for (const r of dp.masquerading.reasons)
    out.push(findingFromHit(r.id, r.severity, inWords(r), anchor, '', 'Agent log'));
  for (const r of dp.agentErrors) out.push(findingFromHit(r.id, r.severity, inWords(r), anchor, '', labelFor(r)));
  for (const r of dp.chartErrors) out.push(findingFromHit(r.id, r.severity, inWords(r), anchor, '', 'helm fails with'));
  return format === 'configmap' ? out.map((f) => ({ ...f, spelling: 'configmap' })) : out;
}

function labelFor(r: Reason): string {
  return r.severity === 'error' ? 'The agent exits with' : 'Agent log';
}
