// Every template file of every upstream Cilium chart in ../shared/cilium-charts/v1.*/templates (including
// _helpers.tpl and NOTES.txt) must parse with the Go template engine. Functions are not checked here (Sprig
// and Helm's own functions belong to the Helm layer), so the parser runs with Go's SkipFuncCheck mode.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TemplateSet } from '../../server/src/core/chart/template';
import { findRepoRoot } from '../../tools/repoRoot';

const chartsDir = path.resolve(findRepoRoot(), '../shared/cilium-charts');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
}

const versions = existsSync(chartsDir)
  ? readdirSync(chartsDir).filter((d) => /^v1\.\d+$/.test(d) && existsSync(path.join(chartsDir, d, 'templates')))
  : [];

describe('template engine parses every upstream chart template', () => {
  it('finds the upstream charts', () => {
    assert.ok(
      existsSync(chartsDir),
      `the upstream charts are missing: looked for ${chartsDir} (../shared/cilium-charts beside the repository)`,
    );
    assert.ok(versions.length > 0, `no v1.NN/templates folder under ${chartsDir}`);
  });

  for (const v of versions) {
    it(`${v}: every file under templates/ parses`, () => {
      const set = new TemplateSet({ skipFuncCheck: true });
      const root = path.join(chartsDir, v, 'templates');
      const files = filesUnder(root);
      assert.ok(
        files.some((f) => f.endsWith('_helpers.tpl')),
        `${v}: no _helpers.tpl found`,
      );
      const failures: string[] = [];
      for (const file of files) {
        const name = `cilium/templates/${path.relative(root, file).split(path.sep).join('/')}`;
        try {
          set.parse(name, readFileSync(file, 'utf8'));
        } catch (e) {
          failures.push(String(e instanceof Error ? e.message : e));
        }
      }
      assert.deepEqual(failures, []);
      // The chart's configmap and its helper definitions are really there after parsing.
      assert.ok(set.has('cilium/templates/cilium-configmap.yaml'), `${v}: cilium-configmap.yaml not parsed`);
      assert.ok(set.names().length > files.length, `${v}: expected define'd templates in addition to the files`);
    });
  }
});
