// The fast paths of the chart renderer must never change a result (issue 9's rendering time):
// - the line reader of the rendered cilium-configmap.yaml (quickConfigMapData) must give exactly what the full
//   YAML parser gives, and must be the one used for every chart's own values and the corpus (counted, not timed).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { configMapData, quickConfigMapData } from '../../server/src/core/chart/helm/configMapOutput';
import { renderableVersions, renderChart } from '../../server/src/core/chart/helm/render';
import { findRepoRoot } from '../../tools/repoRoot';

const shared = path.resolve(findRepoRoot(), '../shared');
const corpusDir = path.join(shared, 'corpus/real');

function valuesFiles(version: string): [string, string][] {
  const out: [string, string][] = [];
  const upstream = path.join(shared, `cilium-charts/v${version}/values.yaml`);
  if (existsSync(upstream)) out.push([`v${version}/values.yaml`, readFileSync(upstream, 'utf8')]);
  for (const f of readdirSync(corpusDir)
    .filter((n) => /values.*\.ya?ml$/.test(n))
    .sort())
    out.push([f, readFileSync(path.join(corpusDir, f), 'utf8')]);
  return out;
}

describe('reading the rendered cilium-config', () => {
  it('the line reader agrees with the YAML parser, and handles every upstream chart and most corpus files', () => {
    let quick = 0;
    let total = 0;
    const versions = renderableVersions();
    versions.forEach((version, i) => {
      // Every chart's own values; the corpus over a few charts (bounded time).
      const files = valuesFiles(version).filter(([n]) => n.endsWith('/values.yaml') || i === versions.length - 1);
      for (const [name, text] of files) {
        let r;
        try {
          r = renderChart(version, text, { templates: 'configmap', lenient: true });
        } catch {
          continue; // values Helm cannot read
        }
        const out = r?.configMapText;
        if (out === undefined) continue;
        total++;
        const fast = quickConfigMapData(out);
        // The fast path is really taken for every chart's own output.
        if (name.endsWith('/values.yaml')) assert.ok(fast, `v${version} upstream values: line reader`);
        if (!fast) continue;
        quick++;
        assert.deepEqual([...fast.entries()], [...configMapData(out)!.entries()], `${version} ${name}`);
        assert.equal(fast.dataStart, configMapData(out)!.dataStart);
      }
    });
    assert.ok(total > 20, `rendered ${total}`);
    assert.ok(quick / total > 0.9, `line reader used for ${quick} of ${total}`);
  });

  it('folds a plain value continued on more-indented lines, and leaves anything else to the parser', () => {
    const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n';
    const cases = [
      '  a: one\n  groups:\n    x-y\n    z\n  b: "2"\n',
      '  groups: first\n    second\n',
      '  groups:\n    x\n\n    y\n',
      '  groups:\n    x # note\n',
      '  groups:\n    - x\n',
      '  groups:\n    a: b\n',
      '  groups: # note\n    x\n',
    ];
    for (const body of cases) {
      const text = head + body;
      const fast = quickConfigMapData(text);
      const full = configMapData(text)!;
      if (fast) assert.deepEqual([...fast.entries()], [...full.entries()], JSON.stringify(body));
    }
    assert.equal(quickConfigMapData(head + cases[0]!)!.get('groups')!.value, 'x-y z');
    assert.equal(quickConfigMapData(head + cases[1]!)!.get('groups')!.value, 'first second');
  });
});
