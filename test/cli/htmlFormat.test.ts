// `cilium-lint --format html`: the packet path picture of every Cilium document as one standalone page (the same
// SVG the Explain view draws), readable in light and dark, each key's line linked to the file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { cli, writeTestFile } from './runCli';

describe('--format html', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cilium-html-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('draws each document of each file, with links to its lines, whatever the findings', () => {
    const legacy = writeTestFile(
      dir,
      'legacy.yaml',
      [
        '# cilium-version: 1.13',
        'kubeProxyReplacement: strict',
        'k8sServiceHost: h',
        'k8sServicePort: 6443',
        'endpointRoutes:',
        '  enabled: true',
        '',
      ].join('\n'),
    );
    const broken = writeTestFile(
      dir,
      'broken.yaml',
      ['# cilium-version: 1.16', 'kubeProxyReplacement: strict', ''].join('\n'),
    );
    const r = cli(['--format', 'html', legacy, broken, path.join(dir, 'missing.yaml')]);
    assert.equal(r.code, 2, 'an unreadable path is still exit 2');
    assert.match(r.stdout, /^<!DOCTYPE html>/);
    assert.equal(r.stdout.match(/<svg /g)?.length, 2);
    assert.match(r.stdout, /<h2>[^<]*legacy\.yaml — Helm values, Cilium 1\.13: [^<]*Host Routing: Legacy/);
    assert.ok(
      r.stdout.includes(`<a href="${pathToFileURL(legacy).href}#L6">`),
      'the endpointRoutes.enabled line links to the file',
    );
    assert.match(r.stdout, /data-box="host-stack"/);
    assert.match(r.stdout, /prefers-color-scheme: dark/);
  });

  it('says so when nothing is Cilium configuration', () => {
    const other = writeTestFile(dir, 'deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
    const r = cli(['--format', 'html', other]);
    assert.match(r.stdout, /<h1>Cilium packet path: no Cilium configuration found<\/h1>/);
    assert.doesNotMatch(r.stdout, /<svg/);
  });
});
