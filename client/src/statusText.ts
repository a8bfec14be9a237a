// The status bar's words for the Cilium documents of the active file (no VS Code API here, so it can be tested
// on its own): the verdict of the first document that fell back to a legacy path (else the first), and the
// target version when it was assumed rather than found, so nobody mistakes a guess for a fact.

import type { DocumentVerdict } from '../../server/src/lsp/protocol';

export function statusText(docs: readonly DocumentVerdict[]): string {
  const fellBack = docs.some((d) => d.fellBack);
  const broken = docs.some((d) => !d.agentStarts || !d.installSucceeds);
  const first = docs.find((d) => d.fellBack) ?? docs[0];
  const parts = [`Host Routing ${first.hostRouting}`];
  if (first.masquerading === 'IPTables') parts.push('Masq IPTables');
  if (first.versionSource === 'default') parts.push(`assumed ${first.ciliumVersion}`);
  return `${broken ? '$(error)' : fellBack ? '$(warning)' : '$(check)'} Cilium: ${parts.join(' · ')}`;
}
