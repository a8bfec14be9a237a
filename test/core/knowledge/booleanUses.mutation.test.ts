// knowledge/booleanUses.ts checked by mutation testing (docs/mutation.md): every use site, as the quoted-boolean
// message cites it, names a file and line of that version's chart (../shared/cilium-charts/v1.NN, the release its
// Chart.yaml names) that mentions the value — templates/… and files/… alike (1.12-1.16 read enableIPv4Masquerade
// in files/nodeinit/prestop.bash); the schema refusal starts where values.schema.json first types the value
// without string; and a value or version without data has none.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import data from '../../../server/src/core/knowledge/booleanUses.json';
import { booleanUses, citeUse, schemaRefusesStringFrom } from '../../../server/src/core/knowledge/booleanUses';
import { SUPPORTED_VERSIONS, type CiliumVersion } from '../../../server/src/core/version';
import { findRepoRoot } from '../../../tools/repoRoot';

const charts = path.resolve(findRepoRoot(), '../shared/cilium-charts');
const chartDir = (v: string) => path.join(charts, `v${v}`);
const KINDS = ['text', 'truth', 'fails', 'other'] as const;

describe('knowledge/booleanUses.ts', () => {
  it("cites each use as a line of the version's chart, at the release its Chart.yaml names", () => {
    const byFolder = new Set<string>();
    let checked = 0;
    for (const v of SUPPORTED_VERSIONS) {
      const release = /^version:\s*(\S+)/m.exec(readFileSync(path.join(chartDir(v), 'Chart.yaml'), 'utf8'))![1];
      for (const key of Object.keys((data as { values: object }).values)) {
        const uses = booleanUses(key, v);
        for (const kind of KINDS) {
          const site = uses?.[kind];
          if (!site) continue;
          const m = /^(\S+) l\.(\d+) @v(\S+)$/.exec(citeUse(site, v));
          assert.ok(m, citeUse(site, v));
          assert.equal(m[3], release, `${key} ${v}`);
          const file = path.join(chartDir(v), m[1]);
          assert.ok(existsSync(file), `${key} ${v} ${kind}: ${m[1]} is not in the chart`);
          const line = readFileSync(file, 'utf8').split('\n')[Number(m[2]) - 1];
          assert.ok(
            key.split('.').some((seg) => line.includes(seg)),
            `${key} ${v} ${kind}: ${m[1]} l.${m[2]}: ${line}`,
          );
          byFolder.add(m[1].split('/')[0]);
          checked++;
        }
      }
    }
    assert.ok(checked > 2000, `${checked} citations`);
    assert.deepEqual([...byFolder].sort(), ['files', 'templates']);
    assert.equal(
      citeUse(booleanUses('enableIPv4Masquerade', '1.12')!.truth!, '1.12'),
      'files/nodeinit/prestop.bash l.49 @v1.12.19',
    );
  });

  it('the schema refuses a string from the first chart whose values.schema.json types the value without one', () => {
    const schemaType = (v: string, segs: string[]): unknown => {
      const file = path.join(chartDir(v), 'values.schema.json');
      if (!existsSync(file)) return undefined;
      let node = JSON.parse(readFileSync(file, 'utf8')) as { properties?: Record<string, unknown>; type?: unknown };
      for (const s of segs) node = node.properties?.[s] ?? {};
      return node.type;
    };
    // bpf.masquerade: no schema up to 1.15, `["null","boolean"]` from 1.16 (values.schema.json@v1.16.19).
    assert.equal(schemaType('1.15', ['bpf', 'masquerade']), undefined);
    assert.deepEqual(schemaType('1.16', ['bpf', 'masquerade']), ['null', 'boolean']);
    assert.equal(schemaRefusesStringFrom('bpf.masquerade'), '1.16');
    // bandwidthManager.bbrHostNamespaceOnly: new in 1.18 (values.yaml@v1.18.7), typed `boolean` at once.
    assert.equal(schemaType('1.17', ['bandwidthManager', 'bbrHostNamespaceOnly']), undefined);
    assert.equal(schemaType('1.18', ['bandwidthManager', 'bbrHostNamespaceOnly']), 'boolean');
    assert.equal(schemaRefusesStringFrom('bandwidthManager.bbrHostNamespaceOnly'), '1.18');
    assert.equal(booleanUses('bandwidthManager.bbrHostNamespaceOnly', '1.17'), undefined, 'not in the 1.17 chart');
    assert.equal(booleanUses('bandwidthManager.bbrHostNamespaceOnly', '1.18')?.schemaRefusesString, true);
  });

  it('a value the charts do not have gives no data, not an exception', () => {
    for (const p of ['no.such.key', 'toString', 'constructor']) {
      for (const v of ['1.12', '1.19'] as CiliumVersion[]) assert.equal(booleanUses(p, v), undefined, `${p} ${v}`);
      assert.equal(schemaRefusesStringFrom(p), undefined, p);
    }
  });
});
