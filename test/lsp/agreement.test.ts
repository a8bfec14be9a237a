// The language server and the CLI show the same findings for the same text (issue 10's fuzz found none that
// differ; this keeps it so). A small bounded sample: random Cilium-looking documents from a fixed seed and a few
// real corpus files, each opened in one server process and checked by one CLI process.

import { splitMessage } from '../../server/src/core/rules/headline';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { findRepoRoot } from '../../tools/repoRoot';
import { startClient, type TestClient } from './client';

const repoRoot = findRepoRoot();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-agree-'));

const LINES = [
  'kubeProxyReplacement: true',
  'kubeProxyReplacement: "false"',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'routingMode: native',
  'routingMode: tunnel',
  'tunnelProtocol: geneve',
  'bpf:\n  masquerade: true',
  'bpf:\n  masqurade: true',
  'bpf: {hostLegacyRouting: true}',
  'ipam:\n  mode: kubernetes',
  'enableIPv4Masquerade: true',
  'hubble:\n  relay:\n    enabled: true',
  'unknownKey: 1',
  '{{- if .Values.x }}',
  '{{- end }}',
  'devices: eth+',
  '# cilium-version: 1.14',
  '---',
  'bpf:',
  '  masquerade: true\r',
  'a: [1, {b: 2}]',
  '"quoted": yes',
];

function sample(): string[] {
  const arb = fc.record({
    lines: fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }),
    lineBreak: fc.constantFrom('\n', '\r\n', '\r'),
  });
  const random = fc
    .sample(arb, { seed: 99, numRuns: 10 })
    .map(({ lines, lineBreak }) => lines.join('\n').replace(/\n/g, lineBreak) + lineBreak);
  const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
  const corpus = readdirSync(corpusDir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => path.join(corpusDir, n))
    .filter((f) => statSync(f).size < 4000)
    .slice(0, 4)
    .map((f) => readFileSync(f, 'utf8'));
  return [...random, ...corpus];
}

type Shown = [rule: string, line: number, column: number, message: string];

describe('language server and CLI agree', () => {
  let c: TestClient;
  before(async () => {
    c = startClient();
    await c.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    await c.connection.sendNotification('initialized', {});
  });
  after(async () => {
    await c.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('on random documents and corpus files: the same rules at the same positions with the same messages', async () => {
    const texts = sample();
    const files = texts.map((text, i) => {
      const file = path.join(tmp, `sample-${i}.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), '--format', 'json', ...files], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(r.signal, null, r.stderr);
    type JsonDiagnostic = { rule: string; line: number; column: number; message: string; key?: string };
    const report = JSON.parse(r.stdout) as {
      files: { diagnostics?: JsonDiagnostic[]; documents: { diagnostics?: JsonDiagnostic[] }[] }[];
    };
    let compared = 0;
    for (const [i, file] of files.entries()) {
      const uri = pathToFileURL(file).href;
      const published = c.nextDiagnostics(uri, 1);
      await c.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'yaml', version: 1, text: texts[i] },
      });
      const p: PublishDiagnosticsParams = await published;
      const server: Shown[] = p.diagnostics.map((d) => [
        String(d.code),
        d.range.start.line + 1,
        d.range.start.character + 1,
        d.message,
      ]);
      const f = report.files[i];
      // The editor shows the first sentence of the CLI's message (the rest goes to relatedInformation).
      const headline = (d: { rule: string; message: string; key?: string }) =>
        splitMessage({ rule: d.rule, message: d.message, key: d.key, severity: 'info', range: { start: 0, end: 0 } })
          .headline;
      const cli: Shown[] = [...(f.diagnostics ?? []), ...f.documents.flatMap((d) => d.diagnostics ?? [])].map((d) => [
        d.rule,
        d.line,
        d.column,
        headline(d),
      ]);
      const sort = (xs: Shown[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      assert.deepEqual(sort(server), sort(cli), `server and CLI differ on ${JSON.stringify(texts[i].slice(0, 200))}`);
      compared += server.length;
      await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    assert.ok(compared > 20, `only ${compared} findings compared`);
  });
});
