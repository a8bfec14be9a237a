// The last line of the text report: "3 errors, 5 warnings in 2 of 41 files; 38 files had no Cilium
// configuration", so a CI log says at a glance what was checked and what failed.

import type { Severity } from '../core/index';
import type { FileReport } from './report';

export function countFindings(reports: readonly FileReport[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports)
    for (const f of [...r.analysis.fileFindings, ...r.analysis.documents.flatMap((d) => d.findings)])
      counts[f.severity]++;
  return counts;
}

const plural = (n: number, one: string, many: string = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(reports: readonly FileReport[], skipped = 0): string {
  const counts = countFindings(reports);
  const withProblems = reports.filter((r) =>
    [...r.analysis.fileFindings, ...r.analysis.documents.flatMap((d) => d.findings)].some(
      (f) => f.severity === 'error' || f.severity === 'warning',
    ),
  ).length;
  const noCilium = reports.filter((r) => r.analysis.documents.length === 0).length;
  const total = reports.length;
  const parts: string[] = [];
  if (counts.error + counts.warning === 0) parts.push(`No errors or warnings in ${plural(total, 'file')}`);
  else
    parts.push(
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')} in ${withProblems} of ${plural(total, 'file')}`,
    );
  if (counts.info + counts.hint > 0) parts[0] += ` (${plural(counts.info + counts.hint, 'note')})`;
  if (noCilium > 0) parts.push(`${plural(noCilium, 'file')} had no Cilium configuration`);
  if (skipped > 0) parts.push(`${plural(skipped, 'file')} excluded by .cilium-lint.yaml`);
  return parts.join('; ');
}
