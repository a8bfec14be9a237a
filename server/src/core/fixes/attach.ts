// Fills `finding.fixes` after analysis. Each fixer works on the document's own tree, so edits land at the
// right place and indentation even inside wrappers and block scalars; a fixer that throws offers nothing.

import type { Analysis } from '../analyze';
import type { Fix, TextEdit } from '../types';
import type { FixContext } from './context';
import { FIXERS } from './registry';

/** Edits are built with "\n"; a file with Windows line endings gets "\r\n" in what we insert. */
function withLineEndings(edits: TextEdit[], text: string): TextEdit[] {
  if (!text.includes('\r\n')) return edits;
  return edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, '\r\n') }));
}

/** An edit that changes nothing is dropped; a fix left without edits is not offered. */
function effective(fix: Fix, text: string): Fix | undefined {
  const edits = withLineEndings(fix.edits, text).filter((e) => text.slice(e.range.start, e.range.end) !== e.newText);
  return edits.length > 0 ? { ...fix, edits } : undefined;
}

export function attachFixes(analysis: Analysis, text: string): void {
  for (const doc of analysis.documents) {
    const c: FixContext = { doc, text, root: doc.source.root, configMap: doc.source.format === 'configmap' };
    for (const f of doc.findings) {
      const fixer = Object.prototype.hasOwnProperty.call(FIXERS, f.rule) ? FIXERS[f.rule] : undefined;
      if (!fixer) continue;
      try {
        const fixes = fixer(f, c)
          .map((x) => effective(x, text))
          .filter((x): x is Fix => !!x);
        if (fixes.length > 0) f.fixes = fixes;
      } catch {
        // A fix we cannot compute is simply not offered; the finding itself stays.
      }
    }
  }
}
