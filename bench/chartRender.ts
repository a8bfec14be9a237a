// `npm run bench` (part): render time of the real chart in process. For a typical values file (a real-world
// one from the corpus) and for the chart's full upstream values.yaml, cold (first render of a version: inflate,
// parse the templates) and warm, both for cilium-configmap.yaml alone and for every template that can stop the
// install. Prints a Markdown table; no assertions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderChart, type RenderOptions } from '../server/src/core/chart/helm/render';
import { findRepoRoot } from '../tools/repoRoot';

const repoRoot = findRepoRoot();
const shared = path.resolve(repoRoot, '../shared');
const typical = readFileSync(path.join(shared, 'corpus/real/017-katt-upstream-values.yaml'), 'utf8');
const full = readFileSync(path.join(shared, 'cilium-charts/v1.18/values.yaml'), 'utf8');
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(version: string, text: string, opts: RenderOptions): { cold: number; warm: number } {
  const t0 = performance.now();
  renderChart(version, text, opts);
  const cold = performance.now() - t0;
  for (let i = 0; i < 5; i++) renderChart(version, text, opts);
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    renderChart(version, text, opts);
    runs.push(performance.now() - t);
  }
  return { cold, warm: median(runs) };
}

console.log('\n| chart render (1.18) | cold | warm (median) |\n|---|---|---|');
const rows: [string, string, RenderOptions, string][] = [
  ['typical values, cilium-configmap.yaml only', typical, { templates: 'configmap' }, '1.18'],
  ['typical values, all templates that can fail', typical, {}, '1.18'],
  ['full upstream values.yaml, cilium-configmap.yaml only', full, { templates: 'configmap' }, '1.18'],
  ['full upstream values.yaml, all templates that can fail', full, {}, '1.18'],
];
// Cold is only cold for the first row of a version: the others reuse the parsed templates.
for (const [label, text, opts, version] of rows) {
  const r = time(version, text, opts);
  console.log(`| ${label} | ${r.cold.toFixed(1)} ms | ${r.warm.toFixed(2)} ms |`);
}
