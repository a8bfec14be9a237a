// The packed chart data is what `npm run gen:charts` makes from ../shared/cilium-charts (re-generating gives
// no diff), it carries what rendering needs, and every function any chart template calls is implemented.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import {
  loadPackedChart,
  loadPackedTrees,
  packedChartVersions,
  treeOf,
  treeTexts,
} from '../../server/src/core/chart/helm/chartData';
import {
  chartTemplateLoads,
  CHART_NAME,
  encodeChartTemplates,
  prepareText,
  renderChart,
} from '../../server/src/core/chart/helm/render';
import { decodeParsedFile } from '../../server/src/core/chart/template/astCodec';
import { parseTemplate } from '../../server/src/core/chart/template/parser';
import { sprigFunctions } from '../../server/src/core/chart/helm/sprig';
import { findRepoRoot } from '../../tools/repoRoot';
import { SHARED_CHARTS } from './helmRunner';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';

const repoRoot = findRepoRoot();
const dataDir = path.join(repoRoot, 'server/src/core/chart/data');

describe('packed chart data', () => {
  it('is current: gen:charts over ../shared/cilium-charts reproduces the committed files', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gen-charts-'));
    try {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'tools/gen-charts.ts'), SHARED_CHARTS, out],
        {
          cwd: repoRoot,
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, r.stderr);
      const made = readdirSync(out).sort();
      assert.deepEqual(made, readdirSync(dataDir).sort());
      for (const f of made) {
        assert.equal(
          readFileSync(path.join(out, f), 'utf8'),
          readFileSync(path.join(dataDir, f), 'utf8'),
          `${f} differs: run npm run gen:charts`,
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('covers every minor of the version table with values, helpers, the ConfigMap template and the checks that can fail', () => {
    const versions = packedChartVersions();
    assert.deepEqual(versions, [...SUPPORTED_VERSIONS]);
    assert.ok(versions.includes('1.12') && versions.includes('1.21'), 'at least the minors 1.12 to 1.21');
    for (const v of versions) {
      const c = loadPackedChart(v)!;
      assert.ok(c.render.includes('templates/cilium-configmap.yaml'), v);
      assert.ok(c.render.includes('templates/validate.yaml'), `${v}: validate.yaml holds fail checks`);
      assert.ok('templates/_helpers.tpl' in c.templates, v);
      assert.ok('ipam' in c.defaults && 'bpf' in c.defaults, v);
      assert.equal(c.schemaJson !== undefined, Number(v.split('.')[1]) >= 16, `${v}: schema from 1.16 on`);
      assert.ok(c.chart.version.startsWith(v), `${v}: chart ${c.chart.version}`);
    }
  });

  it('ships the chart licence beside the data', () => {
    assert.match(readFileSync(path.join(dataDir, 'LICENSE-cilium-chart'), 'utf8'), /Apache License/);
  });
});

describe('pre-parsed chart templates', () => {
  it('every shipped template tree is what parsing the shipped text gives today (it cannot go stale)', () => {
    for (const v of packedChartVersions()) {
      const c = loadPackedChart(v)!;
      const trees = loadPackedTrees(v);
      assert.deepEqual(
        Object.keys(trees).sort(),
        Object.keys(c.templates).sort(),
        `${v}: a template has no shipped tree`,
      );
      // Encoded again with the renderer's own parser and function check: the shipped form.
      assert.deepEqual(
        trees,
        treeTexts(encodeChartTemplates(c)),
        `${v}: shipped trees differ from a fresh parse: run npm run gen:charts`,
      );
      // Decoded: the very objects the parser builds.
      for (const [p, text] of Object.entries(c.templates)) {
        const name = `${CHART_NAME}/${p}`;
        const source = prepareText(text);
        assert.deepEqual(
          decodeParsedFile(name, source, treeOf(trees, p)!),
          parseTemplate(name, source, null),
          `${v} ${p}`,
        );
      }
    }
  });

  it('a render decodes the shipped trees and runs the template parser on no chart file', () => {
    const r = renderChart('1.18', 'kubeProxyReplacement: true\nk8sServiceHost: api.example\nk8sServicePort: 6443\n');
    assert.ok(r?.configMap?.has('kube-proxy-replacement'));
    const loads = chartTemplateLoads('1.18')!;
    assert.equal(loads.parsed, 0);
    assert.ok(loads.preparsed >= 2, `${loads.preparsed} files decoded`);
  });
});

describe('template functions', () => {
  it('every function a Cilium chart template calls (1.12–1.21) is implemented', async () => {
    const mod = (await import(pathToFileURL(path.join(repoRoot, 'tools/list-chart-functions.mjs')).href)) as {
      listChartFunctions: (dir: string) => Map<string, string[]>;
    };
    const used = [...mod.listChartFunctions(SHARED_CHARTS).keys()];
    // Go's text/template built-ins (the engine) and Helm's own functions wired in render.ts.
    const builtins = [
      'and',
      'or',
      'not',
      'len',
      'index',
      'slice',
      'print',
      'printf',
      'println',
      'eq',
      'ne',
      'lt',
      'le',
      'gt',
      'ge',
      'html',
      'js',
      'urlquery',
      'call',
    ];
    const helm = ['include', 'tpl', 'required'];
    const ours = new Set([...Object.keys(sprigFunctions()), ...builtins, ...helm]);
    assert.ok(used.length > 50, `the scan found ${used.length} functions`);
    assert.deepEqual(
      used.filter((f) => !ours.has(f)),
      [],
    );
  });
});
