// Helm values that the target chart's own values.yaml marks deprecated (key-deprecated): a warning per version
// with what to write instead, generated from the charts by tools/gen-deprecated-values.ts, and a quick-fix only
// where the rename keeps the meaning (the chart ORs the old and new key).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import data from '../../server/src/core/knowledge/deprecatedValues.json';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';
import { doc, finding, noFinding } from '../helpers';

const repoRoot = findRepoRoot();
const chartsDir = path.resolve(repoRoot, '../shared/cilium-charts');

describe('key-deprecated: values the chart itself calls deprecated', () => {
  it('localRedirectPolicy warns from 1.18 and names localRedirectPolicies.enabled; 1.17 says nothing', () => {
    const text = 'localRedirectPolicy: true\n';
    for (const v of ['1.18', '1.19', '1.20', '1.21']) {
      const f = finding(doc(text, { version: v }), 'key-deprecated');
      assert.equal(f.severity, 'warning');
      assert.equal(text.slice(f.range.start, f.range.end), 'localRedirectPolicy');
      assert.match(f.message, /Write localRedirectPolicies\.enabled instead/);
      assert.match(f.message, new RegExp(`the ${v.replace('.', '\\.')} chart's values\\.yaml, line \\d+`));
      assert.doesNotMatch(f.message, /refuses|ignores/);
    }
    for (const v of ['1.12', '1.15', '1.17']) noFinding(doc(text, { version: v }), 'key-deprecated');
  });

  it('the fix moves it under localRedirectPolicies (merging, keeping the comment); the chart renders the same', () => {
    const text =
      '# LRP for node-local DNS\nlocalRedirectPolicy: true # needed by nodelocaldns\nlocalRedirectPolicies:\n  addressMatcherCIDRs: [169.254.20.10/32]\n';
    const d = doc(text, { version: '1.18' });
    const f = finding(d, 'key-deprecated');
    assert.ok(f.fixes && f.fixes.length === 1, 'one fix');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.deepEqual(parse(fixed).localRedirectPolicies, { addressMatcherCIDRs: ['169.254.20.10/32'], enabled: true });
    assert.equal(parse(fixed).localRedirectPolicy, undefined);
    assert.match(fixed, /# needed by nodelocaldns/);
    assert.match(fixed, /# LRP for node-local DNS/);
    const after = doc(fixed, { version: '1.18' });
    noFinding(after, 'key-deprecated');
    assert.equal(d.configMap.get('enable-local-redirect-policy')?.value, 'true');
    assert.equal(after.configMap.get('enable-local-redirect-policy')?.value, 'true');
  });

  it('no fix when the new key is written too, nor for moves that change what the chart renders', () => {
    const both = 'localRedirectPolicy: true\nlocalRedirectPolicies:\n  enabled: false\n';
    assert.equal(finding(doc(both, { version: '1.19' }), 'key-deprecated').fixes?.length ?? 0, 0);
    // encryption.keyFile → encryption.ipsec.keyFile: the 1.12-1.15 chart uses the ipsec.* keys only when both
    // mountPath and keyFile are set there, so moving one of them changes ipsec-key-file.
    const ipsec = 'encryption:\n  enabled: true\n  type: ipsec\n  keyFile: keys\n';
    const f = finding(doc(ipsec, { version: '1.15' }), 'key-deprecated');
    assert.match(f.message, /encryption\.ipsec\.keyFile/);
    assert.equal(f.fixes?.length ?? 0, 0);
  });

  it('enableCiliumEndpointSlice: deprecated with a fix on 1.16/1.17 (the chart ORs both keys); on 1.18 the refusal is the only finding', () => {
    const text = 'enableCiliumEndpointSlice: true\n';
    const f = finding(doc(text, { version: '1.16' }), 'key-deprecated');
    assert.match(f.message, /ciliumEndpointSlice\.enabled/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.deepEqual(parse(fixed), { ciliumEndpointSlice: { enabled: true } });
    noFinding(doc(text, { version: '1.18' }), 'key-deprecated');
  });

  it('a key the chart says is a no-op is said to have no effect (1.16/1.17), with no replacement invented', () => {
    const f = finding(doc('enableRuntimeDeviceDetection: true\n', { version: '1.16' }), 'key-deprecated');
    assert.match(f.message, /has no effect any more/);
    const relay = finding(doc('hubble:\n  relay:\n    dialTimeout: 5s\n', { version: '1.17' }), 'key-deprecated');
    assert.match(relay.message, /no effect/);
    noFinding(doc('hubble:\n  relay:\n    dialTimeout: 5s\n', { version: '1.16' }), 'key-deprecated');
  });

  it('a key merely near a "deprecated" comment is not flagged (bandwidthManager under a commented-out example)', () => {
    noFinding(
      doc('kubeProxyReplacement: disabled\nbandwidthManager:\n  enabled: true\n', { version: '1.12' }),
      'key-deprecated',
    );
    noFinding(doc('kubeProxyReplacement: true\nkeepDeprecatedLabels: true\n', { version: '1.19' }), 'key-deprecated');
    noFinding(doc('kubeProxyReplacement: "true"\n', { version: '1.15' }), 'key-deprecated');
  });
});

describe('deprecatedValues.json', () => {
  it('covers only supported versions, and every cited line is the key, below a comment that says deprecated', () => {
    const table = data as Record<string, { in: Record<string, { line: number; replacement?: string }> }>;
    assert.ok(Object.keys(table).length > 20);
    for (const [key, entry] of Object.entries(table)) {
      for (const [v, at] of Object.entries(entry.in)) {
        assert.ok((SUPPORTED_VERSIONS as readonly string[]).includes(v), `${key}: ${v} is not supported`);
        const lines = readFileSync(path.join(chartsDir, `v${v}`, 'values.yaml'), 'utf8').split('\n');
        const name = key.split('.').pop()!;
        assert.match(lines[at.line - 1], new RegExp(`^\\s*${name}:`), `${key}@${v} l.${at.line}`);
        let above = '';
        for (let i = at.line - 2; i >= 0 && lines[i].trim().startsWith('#'); i--) above = lines[i] + '\n' + above;
        assert.match(above, /deprecated/i, `${key}@${v}: no "deprecated" in the comment above`);
        if (at.replacement) {
          const parts = at.replacement.split('.');
          const values = parse(readFileSync(path.join(chartsDir, `v${v}`, 'values.yaml'), 'utf8'));
          let node: unknown = values;
          for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
          assert.notEqual(node, undefined, `${key}@${v}: replacement ${at.replacement} is not a value of that chart`);
        }
      }
    }
  });

  it('is what tools/gen-deprecated-values.ts makes from ../shared (re-run: no diff)', () => {
    assert.ok(existsSync(chartsDir), `the charts are missing: ${chartsDir}`);
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'deprecated-')), 'deprecatedValues.json');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'tools/gen-deprecated-values.ts'), chartsDir, out],
      { cwd: repoRoot, stdio: 'ignore' },
    );
    assert.equal(
      readFileSync(out, 'utf8'),
      readFileSync(path.join(repoRoot, 'server/src/core/knowledge/deprecatedValues.json'), 'utf8'),
      'stale: run npm run gen:deprecated-values',
    );
  });
});
