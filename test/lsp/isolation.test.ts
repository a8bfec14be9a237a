// The language server analyses each document in isolation too: a rule that throws on one YAML document of a
// file becomes one internal-error diagnostic there, and the other documents keep their diagnostics.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentRules, type DocumentRule } from '../../server/src/core/rules/documentRules';
import { diagnosticsFor } from '../../server/src/lsp/diagnostics';
import { DocumentAnalyses } from '../../server/src/lsp/documentAnalyses';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';

const TEXT = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'crashTest: 1',
  '---',
  'kubeProxyReplacement: false',
  '',
].join('\n');

describe('language server: one document never takes down the others', () => {
  it('turns a throwing rule into one internal-error diagnostic on that document', () => {
    const doc = TextDocument.create('file:///w/values.yaml', 'yaml', 1, TEXT);
    const crash: DocumentRule = (d) => {
      if (d.source.root.lookup('crashTest')) throw new TypeError('injected crash');
      return [];
    };
    const before = diagnosticsFor(doc, new DocumentAnalyses().get(doc, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    documentRules.push(crash);
    let after;
    try {
      after = diagnosticsFor(doc, new DocumentAnalyses().get(doc, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
    } finally {
      documentRules.splice(documentRules.indexOf(crash), 1);
    }
    const internal = after.filter((d) => d.code === 'internal-error');
    assert.equal(internal.length, 1);
    assert.equal(internal[0].range.start.line, 1);
    assert.match(internal[0].message, /TypeError: injected crash.*please report/s);
    // The second document (line 5 on) is reported exactly as without the crashing rule.
    const secondDoc = (ds: typeof before) =>
      ds.filter((d) => d.range.start.line >= 4).map((d) => `${d.code}@${d.range.start.line}`);
    assert.ok(secondDoc(before).includes('host-routing-kpr-off@4'), secondDoc(before).join());
    assert.deepEqual(secondDoc(after), secondDoc(before));
  });
});
