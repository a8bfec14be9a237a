// `cilium-lint upgrade`: text / JSON / Markdown reports, --fix, exit codes, and five real corpus files whose
// expected reports are committed (test/fixtures/upgrade/*.json, reviewed by hand against the charts and the
// agent sources: tunnel removed in 1.15, strict refused from 1.16, externalIPs / hostPort / nodePort.enabled
// gone from values.yaml in 1.17 / 1.18 / 1.19, ENI masquerading off by default from 1.18 and native routing from
// 1.19 — install/kubernetes/cilium/templates/cilium-configmap.yaml@v1.18.7 l.65-71, @v1.19.1 l.537).
// UPDATE_UPGRADE_FIXTURES=1 rewrites them (then review the diff).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { VERDICT_KEYS, type DocumentUpgrade } from '../../server/src/core/upgrade';
import { cli, repoRoot, viaChild, viaRun, writeTestFile } from './runCli';

let tmp = '';
const file = (name: string, text: string): string => writeTestFile(tmp, name, text);

const OLD = [
  '# cilium-version: 1.13',
  'tunnel: vxlan',
  'kubeProxyReplacement: strict  # no kube-proxy',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
  '',
].join('\n');
type Json = { files: { path: string; migrated: boolean; documents: DocumentUpgrade[] }[] };

describe('cilium-lint upgrade', () => {
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-upgrade-'));
    mkdirSync(path.join(tmp, '.git'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('text: the verdicts side by side with the version they change at, the keys with migrations', () => {
    const p = file('text/values.yaml', OLD);
    const r = cli(['upgrade', '--to', '1.19', p]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Helm values: 1\.13 → 1\.19/);
    assert.match(r.stdout, /^ {2}\* Chart installs +yes +NO +yes +\(changes at 1\.15\)$/m);
    assert.match(r.stdout, /^ +from 1\.15, chart-tunnel-removed: /m);
    assert.match(
      r.stdout,
      /values\.yaml:2 \[1\.15\] chart-tunnel-removed tunnel: .*\n +migration: Replace tunnel: vxlan with routingMode: tunnel and tunnelProtocol: vxlan/,
    );
    assert.match(r.stdout, /run with --fix to apply the migrations/);
    assert.equal(readFileSync(p, 'utf8'), OLD, 'nothing is written without --fix');
  });

  it('--fix writes the migrated file (comments kept, version comment moved to the target) with nothing left to migrate', () => {
    for (const runner of [viaRun, viaChild]) {
      const p = file(`fix-${runner.name}/values.yaml`, OLD);
      const r = runner(['upgrade', '--to', '1.19', '--fix', '--format', 'json', p]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((JSON.parse(r.stdout) as Json).files[0].migrated, true);
      const migrated = readFileSync(p, 'utf8');
      assert.match(migrated, /^# cilium-version: 1\.19$/m);
      assert.match(migrated, /^routingMode: tunnel\ntunnelProtocol: vxlan$/m);
      assert.match(migrated, /^kubeProxyReplacement: true {2}# no kube-proxy$/m);
      const lint = cli(['--format', 'json', p]);
      assert.equal(lint.code, 0, lint.stdout);
      const again = JSON.parse(cli(['upgrade', '--to', '1.19', '--format', 'json', p]).stdout) as Json;
      assert.equal(again.files[0].documents[0].note, 'already at 1.19');
    }
  });

  it('markdown: a table per document for a pull request', () => {
    const r = cli(['upgrade', '--to', '1.19', '--format', 'markdown', file('md/values.yaml', OLD)]);
    assert.match(r.stdout, /^\| \| 1\.13 \| 1\.19 \| 1\.19 after migration \| why \|$/m);
    assert.match(r.stdout, /^\| \*\*Chart installs\*\* \| yes \| NO \| yes \| changes at 1\.15; /m);
    assert.match(r.stdout, /^- line 2, 1\.15, `chart-tunnel-removed` `tunnel`: /m);
  });

  it('exit 1 when even the migrated file stops the agent at the target; 2 for usage errors', () => {
    // The L7 proxy without iptables rules: no migration cures it, the agent refuses at every version. Only the
    // 1.12 chart writes install-iptables-rules from installIptablesRules, so the key goes in through extraConfig.
    const p = file(
      'broken/values.yaml',
      '# cilium-version: 1.17\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nl7Proxy: true\nextraConfig:\n  install-iptables-rules: "false"\n',
    );
    const r = cli(['upgrade', '--to', '1.19', p]);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /Agent starts +NO +NO +NO/);
    assert.equal(cli(['upgrade', p]).code, 2, '--to is required');
    assert.equal(cli(['upgrade', '--to', '1.16', '--from', '1.17', p]).code, 2);
    assert.equal(cli(['upgrade', '--to', '2.0', p]).code, 2);
  });

  it('asks for --from when the file does not say which version it runs', () => {
    const r = cli(['upgrade', '--to', '1.19', file('nover/values.yaml', OLD.replace('# cilium-version: 1.13\n', ''))]);
    assert.match(r.stdout, /give the version it runs today with --from/);
  });

  describe('five real files (expected reports reviewed by hand)', () => {
    const cases: [string, string][] = [
      ['001-labtop-tf-template-values.yaml', '1.13'],
      ['002-kpr-strict-l2announce-values.yaml', '1.14'],
      ['005-aws-eni-migration-values.yaml', '1.16'],
      ['013-thomas-kube-wiregard-typo-values.yaml', '1.14'],
      ['015-nirmata-rendered-quoted.yaml', '1.14'],
    ];
    for (const [name, from] of cases) {
      it(`${name}: ${from} → 1.19`, () => {
        const src = path.join(repoRoot, '..', 'shared', 'corpus', 'real', name);
        assert.ok(existsSync(src), `${src} is missing`);
        const r = cli(['upgrade', '--from', from, '--to', '1.19', '--format', 'json', src]);
        const docs = (JSON.parse(r.stdout) as Json).files[0].documents.map((d) => ({
          label: d.label,
          from: d.from,
          to: d.to,
          verdict: d.verdict.map((v) => ({
            label: v.label,
            before: v.before,
            after: v.after,
            migrated: v.migrated,
            changesAt: v.changesAt ?? null,
          })),
          keys: d.keys.map((k) => ({
            version: k.version,
            rule: k.rule,
            key: k.key ?? null,
            line: k.line,
            migration: k.migration ?? null,
          })),
          // Only the defaults a verdict rests on: the chart model may learn more keys without changing these.
          defaults: d.defaults.filter((c) => Object.values(VERDICT_KEYS).flat().includes(c.key)),
        }));
        const fixture = path.join(repoRoot, 'test', 'fixtures', 'upgrade', name.replace(/\.yaml$/, '.json'));
        if (process.env.UPDATE_UPGRADE_FIXTURES) writeFileSync(fixture, JSON.stringify(docs, null, 2) + '\n');
        assert.deepEqual(docs, JSON.parse(readFileSync(fixture, 'utf8')));
      });
    }
  });
});
