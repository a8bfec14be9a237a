// Quick-fixes for findings. `attachFixes` fills `finding.fixes` (analyze() calls it); `fixAllEdits` applies
// the preferred fix of every finding, either from one analysis (non-overlapping edits) or, given the text,
// round after round until nothing is left to fix.

import type { Analysis, AnalyzeOptions } from '../analysisTypes';
import type { TextEdit } from '../types';
import { fixAllInText, selectFixEdits, type FindingFilter } from './fixAll';

export { attachFixes } from './attach';
export { minimalEdit, selectFixEdits, type FindingFilter } from './fixAll';

/** The preferred fixes of this analysis, as non-overlapping edits (a later fix that collides is skipped). */
export function fixAllEdits(analysis: Analysis, text: string, accept?: FindingFilter): TextEdit[];
/** Analyses `text`, fixes, and repeats until nothing is left to fix: one edit for the whole change. */
export function fixAllEdits(text: string, options?: AnalyzeOptions, accept?: FindingFilter): TextEdit[];
export function fixAllEdits(a: Analysis | string, b?: string | AnalyzeOptions, accept?: FindingFilter): TextEdit[] {
  if (typeof a === 'string') return fixAllInText(a, typeof b === 'object' ? b : {}, accept);
  return selectFixEdits(a, typeof b === 'string' ? b : '', accept);
}
