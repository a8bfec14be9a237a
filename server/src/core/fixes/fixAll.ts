// "Fix all": the preferred fix of every finding, once. From one analysis we take the fixes whose edits do not
// collide with an earlier one (same fix on two findings counts once); the text variant applies them and
// analyses again, so that a fix skipped for a collision, or one that only becomes possible after another
// (bpf.masquerade once kube-proxy replacement is on), is applied in the next round.

import { analyze, type Analysis, type AnalyzeOptions } from '../analyze';
import { applyEdits, editsConflict } from '../edit/yamlEdit';
import type { Finding, TextEdit } from '../types';
import { partitionPoint } from '../partitionPoint';

export type FindingFilter = (f: Finding) => boolean;

/** Non-overlapping edits applying the preferred fix of every finding in `analysis`; later collisions are skipped. */
export function selectFixEdits(analysis: Analysis, text: string, accept: FindingFilter = () => true): TextEdit[] {
  // Kept sorted by start, so a collision check is a binary search and a look at the neighbours, not a walk over
  // every edit chosen so far (ten thousand fixable findings made that quadratic on every code-action request).
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  for (const f of [...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)]) {
    const fix = f.fixes?.[0];
    if (!fix || !accept(f)) continue;
    const edits = fix.edits.filter((e) => text.slice(e.range.start, e.range.end) !== e.newText);
    const signature = JSON.stringify(edits);
    if (edits.length === 0 || seen.has(signature)) continue;
    if (edits.some((e) => collides(chosen, e))) continue;
    seen.add(signature);
    for (const e of edits) chosen.splice(firstStartingAtOrAfter(chosen, e.range.start), 0, e);
  }
  return chosen;
}

function firstStartingAtOrAfter(sorted: readonly TextEdit[], start: number): number {
  return partitionPoint(sorted.length, (i) => sorted[i].range.start >= start);
}

/**
 * Whether `e` conflicts with an edit of `sorted` (pairwise conflict-free, sorted by start). The first edit
 * starting at or after `e` is the only later one that can collide; earlier ones are checked backwards until
 * one ends before `e` starts.
 */
function collides(sorted: readonly TextEdit[], e: TextEdit): boolean {
  const at = firstStartingAtOrAfter(sorted, e.range.start);
  if (at < sorted.length && editsConflict(sorted[at], e)) return true;
  for (let k = at - 1; k >= 0; k--) {
    if (editsConflict(sorted[k], e)) return true;
    if (sorted[k].range.end <= e.range.start) break;
  }
  return false;
}

const MAX_ROUNDS = 10;

/** Fixes, analyses again and repeats until nothing is left to fix; returns one edit for the whole change. */
export function fixAllInText(
  text: string,
  options: AnalyzeOptions = {},
  accept: FindingFilter = () => true,
): TextEdit[] {
  let current = text;
  const seen = new Set([text]);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = selectFixEdits(analyze(current, options), current, accept);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
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
