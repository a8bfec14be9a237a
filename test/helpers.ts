// Small helpers for tests: analyse inline YAML and look findings up by rule id.

import assert from 'node:assert/strict';
import { analyze, type AnalyzeOptions, type DocumentAnalysis } from '../server/src/core/analyze';
import { LineIndex } from '../server/src/core/positions';
import type { Finding } from '../server/src/core/types';

export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** A cilium-config ConfigMap for one version; every value is written quoted, as the API server wants it. */
export function configMapText(version: string, data: Record<string, string>): string {
  const lines = Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`);
  return `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${lines.join('\n')}\n`;
}

/** Analyses text and returns its only Cilium document (fails the test if there is not exactly one). */
export function doc(text: string, options: AnalyzeOptions = {}): DocumentAnalysis {
  const a = analyze(text, options);
  assert.equal(a.documents.length, 1, `expected one Cilium document, got ${a.documents.length}`);
  return a.documents[0];
}

export function rules(d: DocumentAnalysis): string[] {
  return d.findings.map((f) => f.rule);
}

export function finding(d: DocumentAnalysis, rule: string): Finding {
  const f = d.findings.find((x) => x.rule === rule);
  assert.ok(f, `expected a ${rule} finding; got: ${rules(d).join(', ') || 'none'}`);
  return f;
}

export function noFinding(d: DocumentAnalysis, rule: string): void {
  const f = d.findings.find((x) => x.rule === rule);
  assert.equal(f, undefined, `did not expect ${rule}: ${f?.message}`);
}

/** The 1-based line a finding starts on, and the text of that line. */
export function lineOf(text: string, f: Finding): { line: number; text: string } {
  const p = new LineIndex(text).position(f.range.start);
  return { line: p.line, text: text.split('\n')[p.line - 1] };
}
