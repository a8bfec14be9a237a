// Gives each finding its `fixes` after analysis. Each fixer works on the document's own tree, so edits land at the
// right place and indentation even inside wrappers and block scalars; a fixer that throws offers nothing, and the
// caller's listener hears of it.

import type { Analysis, InternalError } from '../analysisTypes';
import type { Finding, Fix, TextEdit } from '../types';
import type { FixContext } from './context';
import { predictionFor } from './predict';
import { FIXERS } from './registry';

/** Edits are built with "\n"; a file with Windows (or old Mac) line endings gets its own break in what we insert. */
function withLineEndings(edits: TextEdit[], lineBreak: string): TextEdit[] {
  if (lineBreak === '\n') return edits;
  return edits.map((e) => ({ ...e, newText: e.newText.replace(/\r?\n/g, lineBreak) }));
}

/** An edit that changes nothing is dropped; a fix left without edits is not offered. */
function effective(fix: Fix, text: string, lineBreak: string): Fix | undefined {
  const edits = withLineEndings(fix.edits, lineBreak).filter(
    (e) => text.slice(e.range.start, e.range.end).replace(/\r\n?/g, '\n') !== e.newText.replace(/\r\n?/g, '\n'),
  );
  return edits.length > 0 ? { ...fix, edits } : undefined;
}

/** Computes a finding's fixes on first read and keeps them (`fixes` reads as undefined when there are none). */
function lazyFixes(f: Finding, compute: () => Fix[]): void {
  let fixes: Fix[] | undefined;
  let done = false;
  Object.defineProperty(f, 'fixes', {
    enumerable: true,
    configurable: true,
    get(): Fix[] | undefined {
      if (!done) {
        done = true;
        const list = compute();
        fixes = list.length > 0 ? list : undefined;
      }
      return fixes;
    },
    set(v: Fix[] | undefined) {
      done = true;
      fixes = v;
    },
  });
}

/**
 * `text` is the analysed text (lone `\r` already turned into `\n`); `lineBreak` is what the user's file uses,
 * so inserted lines match it. Fixes are worked out when first read (a code action, --fix, a JSON or SARIF
 * report), not on every analysis: predicting whether a fix cures renders the chart again, which an editor's
 * diagnostics on each keystroke do not need.
 */
export function attachFixes(
  analysis: Analysis,
  text: string,
  lineBreak: string = text.includes('\r\n') ? '\r\n' : '\n',
  onInternalError?: (error: InternalError) => void,
): void {
  for (const doc of analysis.documents) {
    const c: FixContext = {
      doc,
      text,
      root: doc.source.root,
      configMap: doc.source.format === 'configmap',
      predict: predictionFor(doc),
    };
    for (const f of doc.findings) {
      const fixer = Object.prototype.hasOwnProperty.call(FIXERS, f.rule) ? FIXERS[f.rule] : undefined;
      if (!fixer) continue;
      lazyFixes(f, () => {
        try {
          return fixer(f, c)
            .map((x) => effective(x, text, lineBreak))
            .filter((x): x is Fix => !!x);
        } catch (error) {
          // A fix we cannot compute is not offered; the finding itself and every other fix stay.
          onInternalError?.({ what: `computing the fix for ${f.rule}`, error });
          return [];
        }
      });
    }
  }
}
