// knowledge/catalogPaths.ts checked by mutation testing (docs/mutation.md): a key name holding `.` or `"` is
// written as a JSON string inside a catalog path, and splitting the path gives the names back, escapes included.
// The chart really has such names (`nodeSelector: { kubernetes.io/os: linux }`); a name with a quote or a
// backslash is what a JSON string escapes, so the splitter must step over `\"` and `\\`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { joinPath, parentPath, splitPath } from '../../../server/src/core/knowledge/catalogPaths';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';
import { findRepoRoot } from '../../../tools/repoRoot';

const charts = path.resolve(findRepoRoot(), '../shared/cilium-charts');
const join = (segs: readonly string[]) => segs.reduce(joinPath, '');

describe('knowledge/catalogPaths.ts', () => {
  it("round-trips the dotted key names of every supported chart's values.yaml (nodeSelector's kubernetes.io/os)", () => {
    const dotted: string[][] = [];
    const walk = (node: unknown, at: string[]) => {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      for (const [name, child] of Object.entries(node)) {
        if (name.includes('.')) dotted.push([...at, name]);
        walk(child, [...at, name]);
      }
    };
    for (const v of SUPPORTED_VERSIONS)
      walk(parseYaml(readFileSync(path.join(charts, `v${v}`, 'values.yaml'), 'utf8')), []);
    assert.ok(
      dotted.some((segs) => segs.join('/') === 'nodeSelector/kubernetes.io/os'),
      'values.yaml sets nodeSelector."kubernetes.io/os"',
    );
    for (const segs of dotted) {
      const p = join(segs);
      assert.deepEqual(splitPath(p), segs, p);
      assert.equal(parentPath(p), join(segs.slice(0, -1)), p);
    }
  });

  it('steps over escaped quotes and backslashes inside a quoted name', () => {
    for (const name of ['say "hi"', 'a"b', 'ends with \\', 'back\\slash.x', '"', '\\"', 'a\\\\"b.c']) {
      const p = joinPath(joinPath('top', name), 'leaf');
      assert.deepEqual(splitPath(p), ['top', name, 'leaf'], p);
      assert.deepEqual(splitPath(joinPath('', name)), [name], name);
    }
  });

  it('refuses a quoted name without its closing quote instead of reading past the end', () => {
    assert.throws(() => splitPath('a."b.c'), SyntaxError);
    assert.throws(() => splitPath('"\\"'), SyntaxError);
  });
});
