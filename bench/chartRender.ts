// `npm run bench` (part): render time of the real chart in process. For a typical values file (a real-world
// one from the corpus) and for the chart's full upstream values.yaml, cold (first render of a version: inflate,
// parse the templates) and warm, both for cilium-configmap.yaml alone and for every template that can stop the
// install. Warm renders run with the per-template memo off (the engine's own cost); the second table shows what
// the memo makes of an edit (a key cilium-configmap.yaml reads; a key no rendered template reads); the third is
// issue 9's target: the first render after a datapath edit (bpf.masquerade, kubeProxyReplacement, routingMode
// changed in a 35-line real-world values file), every template that reads the key executed again, with its
// median and spread. Prints Markdown tables; no assertions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  clearRenderMemo,
  parseUserValues,
  renderChart,
  renderStats,
  setRenderMemo,
  type RenderOptions,
} from '../server/src/core/chart/helm/render';
import type { GoValue } from '../server/src/core/chart/template/index';
import { findRepoRoot } from '../tools/repoRoot';

const repoRoot = findRepoRoot();
const shared = path.resolve(repoRoot, '../shared');
const typical = readFileSync(path.join(shared, 'corpus/real/017-katt-upstream-values.yaml'), 'utf8');
const datapathFile = readFileSync(path.join(shared, 'corpus/real/035-qjoly-mocha-values.yaml'), 'utf8');
const full = readFileSync(path.join(shared, 'cilium-charts/v1.18/values.yaml'), 'utf8');
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(version: string, text: string, opts: RenderOptions): { cold: number; warm: number } {
  setRenderMemo(false);
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
  setRenderMemo(true);
  return { cold, warm: median(runs) };
}

/** Median time of a render after one edit of `key`, with the memo on, and the templates executed per edit. */
function edited(version: string, text: string, key: string): { ms: number; executed: number } {
  const values = parseUserValues(text);
  renderChart(version, values, {});
  const runs: number[] = [];
  const before = renderStats.renders;
  for (let i = 0; i < RUNS; i++) {
    const v = new Map<string, GoValue>(values);
    v.set(key, 9000 + i);
    const t = performance.now();
    renderChart(version, v, {});
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), executed: (renderStats.renders - before) / RUNS };
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

console.log(
  '\n| chart render (1.18), templates memoised by what they read | after an edit | templates executed per edit |\n|---|---|---|',
);
for (const [label, text] of [
  ['typical values', typical],
  ['full upstream values.yaml', full],
] as const) {
  for (const [what, key] of [
    ['healthPort (cilium-configmap.yaml reads it)', 'healthPort'],
    ['a key no template reads', 'notAChartKey'],
  ] as const) {
    const r = edited('1.18', text, key);
    console.log(`| ${label}: ${what} | ${r.ms.toFixed(2)} ms | ${r.executed.toFixed(1)} of 15 |`);
  }
}

/** A copy of `values` with `keys` (a path) set to `v`; the maps on the way are new, the rest shared. */
function withValue(values: Map<string, GoValue>, keys: readonly string[], v: GoValue): Map<string, GoValue> {
  const out = new Map(values);
  const [k, ...rest] = keys;
  const inner = values.get(k!);
  out.set(k!, rest.length === 0 ? v : withValue(inner instanceof Map ? inner : new Map<string, GoValue>(), rest, v));
  return out;
}

/**
 * The first render after a datapath edit: the file rendered (every template's result kept), then the edit
 * rendered, timed. The memo is emptied before each pair, so each edit is one the memo has not seen.
 */
function afterDatapathEdit(
  version: string,
  text: string,
  keys: readonly string[],
  v: GoValue,
): { runs: number[]; executed: string[] } {
  const values = parseUserValues(text);
  const edited = withValue(values, keys, v);
  const runs: number[] = [];
  let executed: string[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    clearRenderMemo();
    renderChart(version, values, {});
    const t = performance.now();
    renderChart(version, edited, {});
    if (i >= 5) runs.push(performance.now() - t);
    executed = renderStats.executed;
  }
  return { runs, executed };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))]!;
}

console.log(
  '\n| chart render (1.18), first render after a datapath edit (35-line values file) | p50 | p10–p90 | templates executed |\n|---|---|---|---|',
);
for (const [keys, v] of [
  [['bpf', 'masquerade'], false],
  [['kubeProxyReplacement'], false],
  [['routingMode'], 'native'],
] as const) {
  const r = afterDatapathEdit('1.18', datapathFile, keys, v);
  const names = r.executed.map((n) => n.replace(/^cilium\/templates\//, '')).join(', ');
  console.log(
    `| ${keys.join('.')}: ${JSON.stringify(v)} | ${quantile(r.runs, 0.5).toFixed(2)} ms | ${quantile(r.runs, 0.1).toFixed(2)}–${quantile(r.runs, 0.9).toFixed(2)} ms | ${names} |`,
  );
}
