// Quick-fixes for findings: `attachFixes` fills `finding.fixes` after analysis; `fixAllEdits` computes one
// edit that applies every preferred fix, re-analysing after each so that fixes never fight each other.

import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import { applyEdits } from '../edit/yamlEdit';
import type { TextEdit } from '../types';
import { withLineEndings } from './edits';
import { FIXERS, type FixContext } from './fixers';

export function attachFixes(analysis: Analysis, text: string): void {
  for (const doc of analysis.documents) {
    const c: FixContext = { doc, text, root: doc.source.root, configMap: doc.source.format === 'configmap' };
    for (const f of doc.findings) {
      const fixer = FIXERS[f.rule];
      if (!fixer) continue;
      try {
        const fixes = fixer(f, c).map((x) => ({ ...x, edits: withLineEndings(x.edits, text) }));
        if (fixes.length > 0) f.fixes = fixes;
      } catch {
        // A fix we cannot compute is simply not offered; the finding itself stays.
      }
    }
  }
}

const MAX_ROUNDS = 20;

/**
 * Applies the first fix of one finding at a time and analyses again, until no finding has a fix left (or a
 * fix stops changing anything). Returns a single edit spanning the changed region, or none.
 */
export function fixAllEdits(text: string, options: AnalyzeOptions = {}): TextEdit[] {
  let current = text;
  const tried = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const analysis = analyze(current, options);
    const next = analysis.documents.flatMap((d) => d.findings).find((f) => f.fixes?.length && !tried.has(`${f.rule}|${f.key}`));
    if (!next) break;
    tried.add(`${next.rule}|${next.key}`);
    const updated = applyEdits(current, next.fixes![0].edits);
    if (updated === current) continue;
    current = updated;
  }
  return current === text ? [] : [minimalEdit(text, current)];
}

/** The smallest single edit that turns `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { range: { start, end: endB }, newText: after.slice(start, endA) };
}
