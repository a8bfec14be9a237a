// knowledge/catalog.ts checked by mutation testing (docs/mutation.md): the child lists are exactly the keys one
// level down in each version's values.yaml (../shared/cilium-charts/v1.NN, the chart at the tag SOURCES.md
// names) plus the keys it only documents as commented-out examples, nothing else; and an unknown path or version
// is simply absent, never an exception.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import {
  allPathsIn,
  childrenOf,
  defaultIn,
  isCommentedIn,
  keyExistsIn,
  parentPath,
  splitPath,
} from '../../../server/src/core/knowledge/catalog';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';
import { findRepoRoot } from '../../../tools/repoRoot';

const charts = path.resolve(findRepoRoot(), '../shared/cilium-charts');
const valuesOf = (v: string) =>
  parseYaml(readFileSync(path.join(charts, `v${v}`, 'values.yaml'), 'utf8')) as Record<string, unknown>;
/** Top-level keys of values.schema.json (1.16+ charts ship one): Helm's `global` is there, not in values.yaml. */
const schemaTopKeys = (v: string): string[] => {
  const file = path.join(charts, `v${v}`, 'values.schema.json');
  if (!existsSync(file)) return [];
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { properties?: object }).properties ?? {});
};

describe('knowledge/catalog.ts', () => {
  it("the top level of every version is values.yaml's keys, the schema's and the commented-out examples, sorted", () => {
    for (const v of SUPPORTED_VERSIONS) {
      const real = Object.keys(valuesOf(v));
      const top = childrenOf('', v);
      const commented = top.filter((k) => isCommentedIn(k, v));
      assert.ok(real.length > 100, `${v}: ${real.length} top-level keys`);
      const text = readFileSync(path.join(charts, `v${v}`, 'values.yaml'), 'utf8');
      for (const k of commented)
        assert.match(text, new RegExp(`^# ?${k}:`, 'm'), `${v}: ${k} is commented out at the top`);
      assert.deepEqual(top, [...new Set([...real, ...schemaTopKeys(v), ...commented])].sort(), v);
    }
  });

  it('every child of every parent is a catalog path of that version, and every path is its parent’s child', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const paths = allPathsIn(v);
      const byParent = new Map<string, string[]>();
      for (const p of paths) {
        const parent = parentPath(p);
        byParent.set(parent, [...(byParent.get(parent) ?? []), splitPath(p).at(-1)!]);
      }
      for (const [parent, names] of byParent) assert.deepEqual(childrenOf(parent, v), names.sort(), `${v} ${parent}`);
      // bpf's children: what values.yaml sets under bpf, plus the examples it comments out there.
      const bpf = valuesOf(v).bpf as Record<string, unknown>;
      for (const name of Object.keys(bpf)) assert.ok(childrenOf('bpf', v).includes(name), `${v} bpf.${name}`);
      for (const name of childrenOf('bpf', v))
        assert.ok(name in bpf || isCommentedIn(`bpf.${name}`, v), `${v}: bpf.${name} is neither set nor commented`);
    }
  });

  it('an unknown path or version has no entry: not commented, no default, no children', () => {
    for (const p of ['no.such.key', 'bpf.noSuchKey', 'toString', 'constructor', '__proto__']) {
      for (const v of ['1.16', '9.99']) {
        assert.equal(keyExistsIn(p, v), false, `${p} ${v}`);
        assert.equal(isCommentedIn(p, v), false, `${p} ${v}`);
        assert.equal(defaultIn(p, v), undefined, `${p} ${v}`);
        assert.deepEqual(childrenOf(p, v), [], `${p} ${v}`);
      }
    }
    // A key that exists, asked about a version the catalog does not have.
    assert.equal(isCommentedIn('loadBalancer.mode', '9.99'), false);
    assert.equal(defaultIn('ipam.mode', '9.99'), undefined);
    // ... while the version the chart has gives values.yaml's value (ipam.mode: cluster-pool in 1.16).
    assert.equal(defaultIn('ipam.mode', '1.16'), (valuesOf('1.16').ipam as { mode: string }).mode);
    assert.equal(isCommentedIn('loadBalancer.mode', '1.16'), true);
  });
});
