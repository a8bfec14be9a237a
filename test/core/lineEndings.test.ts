// Lone CR line endings (old Mac files, issue 10): every `\r` is a line break, for the parser, the line index,
// the CLI's positions and the text quick-fixes insert. A lone-CR file must give exactly what the same file with
// `\n` gives: same findings at the same offsets, same verdicts, same lines and columns.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toJson } from '../../server/src/cli/report';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { LineIndex } from '../../server/src/core/positions';

const LF = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'routingMode: native',
  'hubble:',
  '  relay:',
  '    enabled: "true"',
  '  relay: {}',
  '{{- if .Values.x }}',
  'tunnelProtocol: geneve',
  '{{- end }}',
  '',
].join('\n');
const CR = LF.replace(/\n/g, '\r');

/** What a user sees of an analysis, without the parser's node objects. */
function view(a: Analysis): unknown {
  return {
    file: a.fileFindings.map((f) => ({ rule: f.rule, message: f.message, range: f.range })),
    documents: a.documents.map((d) => ({
      version: d.version,
      datapath: {
        kpr: d.datapath.kubeProxyReplacement.status,
        host: d.datapath.hostRouting.status,
        masq: d.datapath.masquerading.mode,
        routing: d.datapath.routing.mode,
      },
      findings: d.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, range: f.range })),
    })),
  };
}

describe('lone CR line endings', () => {
  it('give the same analysis as the same file with LF: findings, offsets and verdicts', () => {
    const lf = analyze(LF);
    const cr = analyze(CR);
    assert.equal(cr.documents.length, 1);
    assert.ok(lf.documents[0].findings.length >= 3, 'the sample has findings to compare');
    assert.deepEqual(view(cr), view(lf));
    assert.ok(!cr.documents[0].findings.some((f) => f.rule === 'yaml-syntax'), 'no bogus syntax errors');
  });

  it('the line index counts a lone CR as a line break, like the editor does', () => {
    const index = new LineIndex(CR);
    const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, CR);
    for (let offset = 0; offset <= CR.length; offset += 7) {
      const p = index.position(offset);
      const lsp = doc.positionAt(offset);
      assert.deepEqual(
        { line: p.line - 1, column: p.column - 1 },
        { line: lsp.line, column: lsp.character },
        `offset ${offset}`,
      );
      assert.equal(index.offset(p.line, p.column), offset);
    }
    const crlf = LF.replace(/\n/g, '\r\n');
    const mixed = new LineIndex(crlf);
    assert.equal(mixed.position(crlf.indexOf('k8sServiceHost')).line, 3, 'CRLF still counts once');
    assert.equal(mixed.offset(3, 999), crlf.indexOf('\r\nk8sServicePort'), 'a line ends before its \\r\\n');
  });

  it('the CLI JSON puts every finding on the same line and column as for the LF file', () => {
    const lf = toJson([{ path: 'x.yaml', text: LF, analysis: analyze(LF) }]);
    const cr = toJson([{ path: 'x.yaml', text: CR, analysis: analyze(CR) }]);
    assert.deepEqual(cr, lf);
    const lines = JSON.stringify(cr).match(/"line":\d+/g) ?? [];
    assert.ok(new Set(lines).size > 2, `findings on several lines: ${lines.join(' ')}`);
  });

  it('quick-fixes insert lone CRs into a lone-CR file, and applying them gives the LF result', () => {
    const lf = analyze(LF);
    const cr = analyze(CR);
    const multiLine = (a: Analysis) =>
      a.documents[0].findings
        .flatMap((f) => f.fixes ?? [])
        .filter((x) => x.edits.some((e) => /[\r\n]/.test(e.newText)));
    const lfFixes = multiLine(lf);
    const crFixes = multiLine(cr);
    assert.ok(lfFixes.length > 0, 'the sample has a fix that inserts lines');
    assert.equal(crFixes.length, lfFixes.length);
    for (const [i, fix] of crFixes.entries()) {
      for (const e of fix.edits)
        assert.ok(
          !e.newText.includes('\n'),
          `fix "${fix.title}" inserts \\n into a CR file: ${JSON.stringify(e.newText)}`,
        );
      const fixedCr = applyEdits(CR, fix.edits);
      const fixedLf = applyEdits(LF, lfFixes[i].edits);
      assert.equal(fixedCr.replace(/\r/g, '\n'), fixedLf);
    }
  });

  it('template control lines separated by lone CRs are masked like LF ones', () => {
    const cr = analyze(CR);
    assert.ok(!cr.documents[0].findings.some((f) => f.rule === 'unknown-key' && /Values/.test(f.message)));
    assert.ok(cr.fileFindings.some((f) => f.rule === 'template-syntax'));
  });
});
