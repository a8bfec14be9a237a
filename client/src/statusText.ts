// The status bar's words for the Cilium documents of the active file (no VS Code API here, so it can be tested
// on its own): the verdict of the worst document, worst outcome first (agent will not start, chart will not
// install, Host Routing Legacy, BPF), and beside it the target version with where it came from ("1.19 · assumed"),
// so nobody mistakes a guess for a fact.

import type { DocumentVerdict } from '../../server/src/lsp/protocol';

const RANK: Record<DocumentVerdict['level'], number> = { error: 0, warning: 1, ok: 2 };
const ICON: Record<DocumentVerdict['level'], string> = { error: '$(error)', warning: '$(warning)', ok: '$(check)' };

/** The document the status bar speaks for: the worst one, the first of those. */
export function worstDocument(docs: readonly DocumentVerdict[]): DocumentVerdict {
  return docs.reduce((worst, d) => (RANK[d.level] < RANK[worst.level] ? d : worst), docs[0]);
}

export function statusText(docs: readonly DocumentVerdict[]): string {
  const worst = worstDocument(docs);
  return `${ICON[worst.level]} Cilium: ${worst.headline}`;
}

/** The version item: "Cilium 1.19 · assumed" (clicking it sets the version). */
export function versionStatusText(docs: readonly DocumentVerdict[]): string {
  return `$(versions) Cilium ${worstDocument(docs).versionBadge}`;
}

/** The tooltip: one paragraph per document in words a person reads (no internal ids). */
export function statusTooltip(docs: readonly DocumentVerdict[]): string {
  const paragraphs = docs.map((d) => `**${d.label}** — ${d.headline}  \nCilium ${d.versionBadge}  \n${d.summary}`);
  const assumed = docs.some((d) => d.versionSource === 'default');
  paragraphs.push(
    assumed
      ? 'Click for the full explanation. No version was found in the file: click the version to set it.'
      : 'Click for the full explanation; click the version to change it.',
  );
  return paragraphs.join('\n\n');
}
