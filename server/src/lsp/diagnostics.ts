// Findings as diagnostics: rule id as `code` with a link to its documentation, the user's severity override,
// related keys as relatedInformation. Rules set to "off" are left out. The message is one short sentence on what
// happens and what to do (core/rules/headline.ts); the rest of the finding's text (the agent's or Helm's words,
// what decided the value) follows as relatedInformation on the finding's own range.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { Finding, Severity } from '../core/types';
import { splitMessage } from '../core/index';
import { toRange } from './convert';
import { ruleDocUrl } from './protocol';
import type { EffectiveSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'cilium';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function isOff(f: Finding, settings: EffectiveSettings): boolean {
  return settings.rules[f.rule] === 'off';
}

/** A finding as a diagnostic, with the user's severity override; undefined when the rule is turned off. */
export function toDiagnostic(doc: TextDocument, f: Finding, settings: EffectiveSettings): Diagnostic | undefined {
  const override = settings.rules[f.rule];
  if (override === 'off') return undefined;
  const { headline, details } = splitMessage(f);
  const diagnostic: Diagnostic = {
    range: toRange(doc, f.range),
    severity: SEVERITY[override ?? f.severity],
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: headline,
    data: { rule: f.rule, key: f.key },
  };
  const here = toRange(doc, f.range);
  const related = [
    ...details.map((message) => ({ location: { uri: doc.uri, range: here }, message })),
    ...(f.related ?? []).map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message })),
  ];
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** Findings worth showing: everything in a Cilium file; in any other file only what the core says about the file itself. */
export function shownFindings(analysis: Analysis): Finding[] {
  if (analysis.documents.length === 0) {
    // A kernel setting that does not parse is a settings problem (reported as a message), not this YAML's.
    return analysis.fileFindings.filter((f) => f.rule !== 'invalid-setting');
  }
  return [...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)];
}

export function diagnosticsFor(doc: TextDocument, analysis: Analysis, settings: EffectiveSettings): Diagnostic[] {
  // Excluded by .cilium-lint.yaml: the editor agrees with cilium-lint, which does not check the file.
  if (settings.excluded) return [];
  const out: Diagnostic[] = [];
  for (const f of shownFindings(analysis)) {
    const d = toDiagnostic(doc, f, settings);
    if (d) out.push(d);
  }
  return out;
}
