// JUnit XML for CI test reports (GitLab's `artifacts:reports:junit`, Jenkins, Azure DevOps): one test suite per
// file, one failed test case per error or warning, and one passing case for a file without any, so a clean run
// still shows what was checked. Info and hint findings are not failures and are left out.

import { LineIndex } from '../core/index';
import { byPosition, type FileReport } from './report';

function xml(s: string): string {
  // XML 1.0 cannot carry most control characters even escaped; a finding message never needs them.
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function toJunit(files: FileReport[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const { path, text, analysis } of files) {
    const index = new LineIndex(text);
    const failing = byPosition([...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)]).filter(
      (f) => f.severity === 'error' || f.severity === 'warning',
    );
    const cases = failing.map((f) => {
      const p = index.position(f.range.start);
      const name = `${f.rule} at line ${p.line}, column ${p.column}`;
      return `    <testcase classname="${xml(path)}" name="${xml(name)}">\n      <failure type="${xml(f.rule)}" message="${xml(`${f.severity}: ${f.message}`)}">${xml(`${path}:${p.line}:${p.column} ${f.severity} ${f.rule} ${f.message}`)}</failure>\n    </testcase>`;
    });
    if (cases.length === 0)
      cases.push(`    <testcase classname="${xml(path)}" name="${xml(`${path} has no error or warning`)}"/>`);
    tests += cases.length;
    failures += failing.length;
    suites.push(
      `  <testsuite name="${xml(path)}" tests="${cases.length}" failures="${failing.length}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cilium-lint" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
