// A fixer that throws is not swallowed: the core hands the error to the caller's listener (AnalyzeOptions
// .onInternalError), the language server logs it with its stack, and the finding and every other fix stay.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type InternalError } from '../../server/src/core/index';
import type { Fixer } from '../../server/src/core/fixes/context';
import { FIXERS } from '../../server/src/core/fixes/registry';
import { DocumentAnalyses } from '../../server/src/lsp/documentAnalyses';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { run } from '../../server/src/cli/main';
import { analyzeForWorker } from '../../server/src/cli/parallel';

// Two findings with a fix each: a misspelt key (unknown-key) and kube-proxy replacement off (host-routing-kpr-off).
const TEXT = ['# cilium-version: 1.16', 'kubeProxyReplacement: false', 'bpf:', '  masqurade: true', ''].join('\n');
const BROKEN = 'unknown-key';

/** Runs `fn` with the fixer of BROKEN replaced by one that throws. */
function withThrowingFixer<T>(fn: () => T): T {
  const registry = FIXERS as Record<string, Fixer>;
  const original = registry[BROKEN];
  assert.ok(original, `${BROKEN} has a fixer`);
  registry[BROKEN] = () => {
    throw new RangeError('injected fixer failure');
  };
  try {
    return fn();
  } finally {
    registry[BROKEN] = original;
  }
}

/** Each finding's rule and fix titles, read (so computed) now. */
function fixesByRule(findings: readonly { rule: string; fixes?: { title: string }[] }[]): Map<string, string[]> {
  return new Map(findings.map((f) => [f.rule, (f.fixes ?? []).map((x) => x.title)]));
}

describe('a fixer that throws', () => {
  it('is passed to the core caller, and the other fixes are still offered', () => {
    const heard: InternalError[] = [];
    const fixes = withThrowingFixer(() =>
      fixesByRule(analyze(TEXT, { onInternalError: (e) => heard.push(e) }).documents[0]!.findings),
    );
    assert.deepEqual(fixes.get(BROKEN), [], 'the broken fixer offers nothing');
    assert.ok(fixes.has(BROKEN), 'the finding itself stays');
    assert.match(fixes.get('host-routing-kpr-off')?.[0] ?? '', /Set kubeProxyReplacement: true/);
    assert.equal(heard.length, 1);
    assert.equal(heard[0]!.what, `computing the fix for ${BROKEN}`);
    assert.match(String(heard[0]!.error), /RangeError: injected fixer failure/);
    // Without the injected failure the same fix is offered and nothing is reported.
    const quiet: InternalError[] = [];
    const normal = fixesByRule(analyze(TEXT, { onInternalError: (e) => quiet.push(e) }).documents[0]!.findings);
    assert.match(normal.get(BROKEN)?.[0] ?? '', /Rename bpf\.masqurade to bpf\.masquerade/);
    assert.deepEqual(quiet, []);
  });

  it('is logged by the language server with the document and the stack, and the other fixes stay', () => {
    const logged: string[] = [];
    const doc = TextDocument.create('file:///w/values.yaml', 'yaml', 1, TEXT);
    const fixes = withThrowingFixer(() =>
      fixesByRule(new DocumentAnalyses((m) => logged.push(m)).get(doc, DEFAULT_SETTINGS).documents[0]!.findings),
    );
    assert.deepEqual(fixes.get(BROKEN), []);
    assert.ok((fixes.get('host-routing-kpr-off') ?? []).length > 0, 'the kube-proxy replacement fix is still offered');
    assert.equal(logged.length, 1);
    assert.match(
      logged[0]!,
      /^file:\/\/\/w\/values\.yaml: computing the fix for unknown-key failed: RangeError: injected fixer failure\n\s+at /,
    );
  });

  it('makes cilium-lint say so on stderr and exit 3 (internal error), with the report still printed', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'fixer-errors-'));
    try {
      const file = path.join(dir, 'values.yaml');
      writeFileSync(file, TEXT);
      let out = '';
      let err = '';
      const code = withThrowingFixer(() =>
        run(
          ['--format', 'sarif', file],
          (s) => (out += s),
          (s) => (err += s),
          { stdoutIsTTY: false, stderrIsTTY: false, env: {}, readStdin: () => Buffer.alloc(0) },
        ),
      );
      assert.equal(code, 3, err);
      assert.match(err, /internal error in .*values\.yaml while computing the fix for unknown-key/);
      assert.match(out, /"ruleId": "unknown-key"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("travels with a worker thread's answer (cilium-lint on many files), as an internal error the main thread reports", () => {
    // What a worker thread computes for one file; the thread itself cannot see this test's injected fixer.
    const answer = withThrowingFixer(() => analyzeForWorker({ text: TEXT, options: {} }));
    assert.deepEqual(
      answer.internalErrors.map((e) => e.what),
      [`computing the fix for ${BROKEN}`],
    );
    assert.match(String(answer.internalErrors[0]!.error), /RangeError: injected fixer failure/);
    // The answer is copied to the main thread with structuredClone's rules: the fixes must already be plain data.
    const copied = structuredClone(answer);
    const fixes = fixesByRule(copied.documents[0]!.findings);
    assert.deepEqual(fixes.get(BROKEN), []);
    assert.match(fixes.get('host-routing-kpr-off')?.[0] ?? '', /Set kubeProxyReplacement: true/);
    assert.deepEqual(analyzeForWorker({ text: TEXT, options: {} }).internalErrors, []);
  });
});
