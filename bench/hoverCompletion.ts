// How long hover, completion and the explanation take on an analysis that already exists (the language server
// caches one per document version). Uses the biggest realistic file, the upstream values.yaml of the newest
// chart (~4,600 lines). No assertions; prints p50 / p95 / max per operation.
//
//   node --import tsx bench/hoverCompletion.ts           (BENCH_SAMPLES=2000 for more positions)

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/core/analyze';
import { completeAt } from '../server/src/core/completion';
import { explainMarkdown, verdictOf } from '../server/src/core/explain';
import { renderedConfigText } from '../server/src/core/renderedConfig';
import { hoverAt } from '../server/src/core/hover';
import { findRepoRoot } from '../tools/repoRoot';

const bigFile = path.resolve(findRepoRoot(), '../shared/cilium-charts/v1.20/values.yaml');
if (!existsSync(bigFile)) {
  console.error(`bench: ${bigFile} is missing (the shared data directory next to the repository).`);
  process.exit(2);
}
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 800);

const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
function q(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}
function report(name: string, times: number[], extra = ''): void {
  const s = sortNum(times);
  console.log(
    `| ${name} | ${s.length} | ${q(s, 0.5).toFixed(3)} | ${q(s, 0.95).toFixed(3)} | ${s[s.length - 1].toFixed(3)} | ${extra} |`,
  );
}
function timeAll<T>(positions: number[], f: (offset: number) => T): { times: number[]; results: T[] } {
  const times: number[] = [];
  const results: T[] = [];
  for (const p of positions) {
    const t0 = performance.now();
    results.push(f(p));
    times.push(performance.now() - t0);
  }
  return { times, results };
}

/** Offsets one character into every key of the file (and into every value), sampled evenly. */
function keyAndValueOffsets(text: string): { keys: number[]; values: number[] } {
  const keys: number[] = [];
  const values: number[] = [];
  const re = /^( *)([A-Za-z][\w.-]*):( +)(\S?)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    keys.push(m.index + m[1].length + 1);
    if (m[4]) values.push(m.index + m[1].length + m[2].length + 1 + m[3].length);
  }
  const sample = (xs: number[]) =>
    xs.length <= SAMPLES ? xs : xs.filter((_, i) => i % Math.ceil(xs.length / SAMPLES) === 0);
  return { keys: sample(keys), values: sample(values) };
}

const original = readFileSync(bigFile, 'utf8');
const options = { version: '1.20', path: 'values.yaml' };
console.log(
  `${path.basename(path.dirname(bigFile))}/values.yaml: ${original.split('\n').length} lines, ${(original.length / 1024).toFixed(0)} KB`,
);

const t0 = performance.now();
const analysis = analyze(original, options);
console.log(`analyze (once, not part of the per-request cost): ${(performance.now() - t0).toFixed(1)} ms\n`);

const { keys, values } = keyAndValueOffsets(original);
for (let i = 0; i < 3; i++) for (const p of keys.slice(0, 200)) hoverAt(analysis, original, p); // warm-up (JIT)

console.log('| operation | samples | p50 ms | p95 ms | max ms | note |');
console.log('|---|---|---|---|---|---|');
const hk = timeAll(keys, (p) => hoverAt(analysis, original, p));
report('hover on a key', hk.times, `${hk.results.filter(Boolean).length} hovers`);
const hv = timeAll(values, (p) => hoverAt(analysis, original, p));
report('hover on a value', hv.times);
const charts = new Map([['kubeProxyReplacement', 'chart text']]);
const hc = timeAll(keys.slice(0, 200), (p) =>
  hoverAt(analysis, original, p, { chartDescription: (_v, k) => charts.get(k) }),
);
report('hover with chart descriptions', hc.times);

// Completion: value positions (enum/boolean), and new key lines typed at the end of the file and in its middle.
const cv = timeAll(values, (p) => completeAt(analysis, original, p));
report('completion of a value', cv.times);

const rootLine = `${original.replace(/\n*$/, '\n')}rout`;
const rootAnalysis = analyze(rootLine, options);
for (let i = 0; i < 20; i++) completeAt(rootAnalysis, rootLine, rootLine.length);
const cr = timeAll(
  Array.from({ length: 200 }, () => rootLine.length),
  (p) => completeAt(rootAnalysis, rootLine, p),
);
report('completion of a top-level key (end of file)', cr.times, `${cr.results[0].length} items`);

// The upstream file already has every bpf key, so take its bpf: block out and start typing a new one.
const bpfStart = original.indexOf('\nbpf:\n') + 1;
const afterBpf = /^[^\s#]/m.exec(original.slice(bpfStart + 5))!;
const withoutBpf = original.slice(0, bpfStart) + original.slice(bpfStart + 5 + afterBpf.index);
const bpfAt = withoutBpf.indexOf('\nipam:\n') + 1;
const nested = `${withoutBpf.slice(0, bpfAt)}bpf:\n  preallocateMaps: true\n  ma\n${withoutBpf.slice(bpfAt)}`;
const nestedAnalysis = analyze(nested, options);
const cursor = bpfAt + 'bpf:\n  preallocateMaps: true\n  ma'.length;
for (let i = 0; i < 20; i++) completeAt(nestedAnalysis, nested, cursor);
const cn = timeAll(
  Array.from({ length: 200 }, () => cursor),
  (p) => completeAt(nestedAnalysis, nested, p),
);
report('completion of a half-typed bpf: child', cn.times, `${cn.results[0].length} items`);

const lastKey = original.lastIndexOf('\n  ', original.length - 2) + 1;
const cl = timeAll(
  Array.from({ length: 200 }, () => lastKey + 2),
  (p) => completeAt(analysis, original, p),
);
report('completion deep in the file (last nested line)', cl.times, `${cl.results[0].length} items`);

const ex = timeAll(
  Array.from({ length: 20 }, () => 0),
  () => explainMarkdown(analysis, original),
);
report('explainMarkdown (whole file)', ex.times);
const rc = timeAll(
  Array.from({ length: 20 }, () => 0),
  () => renderedConfigText(analysis.documents, original),
);
report('renderedConfigText (the whole annotated cilium-config)', rc.times);
const vd = timeAll(
  Array.from({ length: 200 }, () => 0),
  () => verdictOf(analysis.documents[0], original),
);
report('verdictOf', vd.times);
