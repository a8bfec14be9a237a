// Conversions between the core's file offsets and findings and the protocol's positions and diagnostics.

import { DiagnosticSeverity, type Diagnostic, type Range as LspRange, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Range, Severity, TextEdit } from '../core/types';
import type { EffectiveSettings } from './settings';
import { ruleDocUrl } from './protocol';

export function toRange(doc: TextDocument, r: Range): LspRange {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

export function toTextEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.range), newText: e.newText };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic, with the user's severity override; undefined when the rule is turned off. */
export function toDiagnostic(doc: TextDocument, f: Finding, settings: EffectiveSettings): Diagnostic | undefined {
  const override = settings.rules[f.rule];
  if (override === 'off') return undefined;
  const severity = override ?? f.severity;
  return {
    range: toRange(doc, f.range),
    severity: SEVERITY[severity],
    code: f.rule,
    codeDescription: { href: ruleDocUrl(f.rule) },
    source: 'cilium',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: doc.uri, range: toRange(doc, r.range) }, message: r.message })),
    data: { rule: f.rule, key: f.key },
  };
}
