// The upgrade assistant (core/upgrade.ts): verdicts before and after with the version where they change, the
// keys removed or renamed on the way with their migration, chart defaults that change, and the migration
// itself. Each migration is applied and the result checked at the target: no finding of the old kind, and the
// intended verdict. The upstream chart's own values, upgraded one minor at a time, get no false migration.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { keyExistsIn } from '../../server/src/core/knowledge/catalog';
import { KEY_ADVICE } from '../../server/src/core/knowledge/keyHistory';
import { isMigrationRule, upgradePlan, versionsBetween } from '../../server/src/core/upgrade';
import { SUPPORTED_VERSIONS, type CiliumVersion } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';

const all = (text: string, version: CiliumVersion) => {
  const a = analyze(text, { version });
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
};

const OLD = [
  'tunnel: vxlan',
  'kubeProxyReplacement: strict  # replaces kube-proxy',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'endpointRoutes:',
  '  enabled: true',
  'bpf:',
  '  masquerade: true',
  '',
].join('\n');

describe('upgrade assistant', () => {
  it('walks every minor: verdicts side by side, the version where each changes, and why', () => {
    const plan = upgradePlan(OLD, { from: '1.13', to: '1.19' });
    assert.equal(plan.documents.length, 1);
    const d = plan.documents[0];
    const line = (label: string) => d.verdict.find((v) => v.label === label)!;
    // 1.13: endpoint routes force Legacy; from 1.14 they do not (the reason is named with its version).
    assert.equal(line('Host Routing').before, 'Legacy');
    assert.equal(line('Host Routing').changesAt, '1.14');
    assert.ok(
      line('Host Routing').why.some((w) => w.startsWith('from 1.14, host-routing-endpoint-routes no longer applies')),
      line('Host Routing').why.join('\n'),
    );
    // Unmigrated, the 1.19 chart refuses `tunnel` (from 1.15) and "strict" (from 1.16); migrated it installs.
    assert.deepEqual(
      [line('Chart installs').before, line('Chart installs').after, line('Chart installs').migrated],
      ['yes', 'NO', 'yes'],
    );
    assert.equal(line('Chart installs').changesAt, '1.15');
    assert.deepEqual([line('Host Routing').after, line('Host Routing').migrated], ['Legacy', 'BPF']);
    assert.deepEqual(
      d.keys.map((k) => [k.version, k.rule, k.key]),
      [
        ['1.14', 'kpr-deprecated-value', 'kubeProxyReplacement'],
        ['1.15', 'chart-tunnel-removed', 'tunnel'],
        ['1.16', 'chart-kpr-invalid', 'kubeProxyReplacement'],
      ],
    );
    assert.ok(
      d.keys.every((k) => k.migration),
      'every one has a migration',
    );
  });

  it('the migration is a comment-keeping edit after which the target has no finding of the old kinds', () => {
    const plan = upgradePlan(OLD, { from: '1.13', to: '1.19' });
    const text = plan.migratedText;
    assert.match(text, /^routingMode: tunnel$/m);
    assert.match(text, /^tunnelProtocol: vxlan$/m);
    assert.match(text, /^kubeProxyReplacement: true {2}# replaces kube-proxy$/m);
    assert.doesNotMatch(text, /^tunnel:/m);
    assert.deepEqual(
      all(text, '1.19')
        .filter((f) => isMigrationRule(f.rule))
        .map((f) => f.rule),
      [],
    );
    const doc = analyze(text, { version: '1.19' }).documents[0];
    assert.equal(doc.datapath.installSucceeds, true);
    assert.equal(doc.datapath.agentStarts, true);
    assert.equal(doc.datapath.routing.mode, 'tunnel');
    assert.equal(doc.datapath.routing.protocol, 'vxlan');
  });

  it('each renamed key: migrated at the target, the new key holds the value and nothing of the old kind is left', () => {
    // Renames that happen between two supported versions (a key already gone in 1.12 is unknown at every version,
    // and one still in the newest is not renamed yet: neither is something an upgrade changes).
    const newest = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];
    const renames = KEY_ADVICE.filter(
      (a) => a.renameTo && SUPPORTED_VERSIONS.some((v) => keyExistsIn(a.key, v)) && !keyExistsIn(a.key, newest),
    );
    assert.ok(renames.length >= 3, renames.map((a) => a.key).join(', '));
    for (const a of renames) {
      // From the last version that still has the key to the first later version that has its successor.
      const last = [...SUPPORTED_VERSIONS].reverse().find((v) => keyExistsIn(a.key, v))!;
      const to = SUPPORTED_VERSIONS.find(
        (v) =>
          Number(v.split('.')[1]) > Number(last.split('.')[1]) && !keyExistsIn(a.key, v) && keyExistsIn(a.renameTo!, v),
      );
      assert.ok(to, `${a.key} → ${a.renameTo}: no version after ${last} has the successor`);
      const parts = a.key.split('.');
      const value =
        a.key === 'nativeRoutingCIDR'
          ? '10.0.0.0/8'
          : a.key.endsWith('enabled') || a.key.endsWith('Only')
            ? 'true'
            : a.key.startsWith('encryption.')
              ? 'cilium-ipsec'
              : 'true';
      const text =
        parts.map((p, i) => `${'  '.repeat(i)}${p}:${i === parts.length - 1 ? ` ${value}` : ''}`).join('\n') + '\n';
      const plan = upgradePlan(text, { from: last, to });
      const keys = plan.documents[0].keys;
      assert.ok(
        keys.some((k) => k.key === a.key && k.migration),
        `${a.key} ${last}→${to}: ${JSON.stringify(keys)}`,
      );
      const after = analyze(plan.migratedText, { version: to, assumeCilium: true });
      const left = [...after.fileFindings, ...after.documents.flatMap((d) => d.findings)].filter(
        (f) => isMigrationRule(f.rule) && f.key === a.key,
      );
      assert.deepEqual(left, [], `${a.key} → ${a.renameTo} at ${to}:\n${plan.migratedText}`);
      const tree = after.documents[0]?.source.root;
      assert.ok(tree?.lookup(a.renameTo!), `${a.renameTo} is set after migrating ${a.key}:\n${plan.migratedText}`);
    }
  });

  it('a chart default that flips under a key the user did not set is shown, with its version; one the user set is not', () => {
    // `strict`, not `true`: the 1.13 chart compares the value with strings, and Go's `ne` stops on a boolean.
    const plan = upgradePlan('kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n', {
      from: '1.13',
      to: '1.14',
    });
    const d = plan.documents[0];
    const before = analyze('kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n', {
      version: '1.13',
      assumeCilium: true,
    }).documents[0].configMap;
    const after = analyze('kubeProxyReplacement: strict\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n', {
      version: '1.14',
      assumeCilium: true,
    }).documents[0].configMap;
    const differing = [...new Set([...before.keys()])]
      .filter((k) => before.get(k)?.origin.kind !== 'user' && before.get(k)?.value !== after.get(k)?.value)
      .sort();
    assert.ok(differing.length > 0, 'the 1.13 → 1.14 chart changes at least one default this file does not set');
    assert.deepEqual(
      d.defaults.map((c) => c.key),
      differing,
    );
    for (const c of d.defaults) assert.equal(c.changesAt, '1.14');
    assert.ok(
      !d.defaults.some((c) => c.key === 'kube-proxy-replacement'),
      'a key the user set is not a default change',
    );
  });

  it('a document already at the target says so', () => {
    const d = upgradePlan(
      '# cilium-version: 1.19\nkubeProxyReplacement: true\nk8sServiceHost: x\nk8sServicePort: 6443\n',
      { to: '1.19' },
    ).documents[0];
    assert.equal(d.note, 'already at 1.19');
    assert.deepEqual(versionsBetween('1.16', '1.19'), ['1.17', '1.18', '1.19']);
  });

  describe("the upstream chart's own values, one minor at a time: no false migration", () => {
    const shared = join(findRepoRoot(), '..', 'shared', 'cilium-charts');
    for (let i = 0; i + 1 < SUPPORTED_VERSIONS.length; i++) {
      const from = SUPPORTED_VERSIONS[i];
      const to = SUPPORTED_VERSIONS[i + 1];
      it(`${from} → ${to}`, () => {
        const path = join(shared, `v${from}`, 'values.yaml');
        assert.ok(existsSync(path), `${path} is missing`);
        const text = readFileSync(path, 'utf8');
        const plan = upgradePlan(text, { from, to, assumeCilium: true });
        assert.equal(plan.documents.length, 1);
        for (const k of plan.documents[0].keys) {
          // Every key reported is really gone (or re-spelt) at the target: never a migration for a key that stays.
          if (k.rule === 'key-removed' || k.rule.startsWith('chart-'))
            assert.ok(
              !k.key || !keyExistsIn(k.key, to) || k.rule === 'chart-kpr-invalid',
              `${from}→${to}: ${k.key} still exists in ${to} but is reported (${k.rule})`,
            );
          assert.equal(k.version, to, `${k.key}: a finding at ${k.version} on the chart's own ${from} values`);
        }
        const left = all(plan.migratedText, to).filter((f) => isMigrationRule(f.rule) && f.fixes?.length);
        assert.deepEqual(
          left.map((f) => `${f.rule} ${f.key}`),
          [],
          'every migration with a fix is applied',
        );
      });
    }
  });
});
