// `npm run bench`: how long one analysis takes. Measures the newest upstream values.yaml (the biggest realistic
// values file) many times, and every file of the real-world corpus, then prints a Markdown table for the README.
// No assertions; the run stays well under a minute (each phase also stops at a time budget).
//
//   BENCH_RUNS=100 npm run bench      more runs of the big file (default 60)
//   BENCH_PASSES=20 npm run bench     more passes over the corpus (default 10)

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../server/src/core/analyze';
import { IncrementalSession } from '../server/src/core/parse/sections';
import { findRepoRoot } from '../tools/repoRoot';

const repoRoot = findRepoRoot();
const shared = path.resolve(repoRoot, '../shared');
const bigFile = path.join(shared, 'cilium-charts/v1.20/values.yaml');
const corpusDir = path.join(shared, 'corpus/real');

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const PASSES = Number(process.env.BENCH_PASSES ?? 10);
const PHASE_BUDGET_MS = 20_000;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function timeOnce(text: string, options: Parameters<typeof analyze>[1]): number {
  const t0 = performance.now();
  analyze(text, options);
  return performance.now() - t0;
}

for (const p of [bigFile, corpusDir]) {
  if (!existsSync(p)) {
    console.error(`bench: ${p} is missing (the shared data directory next to the repository).`);
    process.exit(2);
  }
}

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
console.log(`Node ${process.version} on ${cpu} (${os.cpus().length} logical CPUs), ${os.platform()} ${os.arch()}`);

// --- the big file -----------------------------------------------------------------------------------------
const bigText = readFileSync(bigFile, 'utf8');
const bigOptions = { version: '1.20', path: 'values.yaml' };
const bigLines = bigText.split('\n').length;
const coldMs = timeOnce(bigText, bigOptions);
for (let i = 0; i < 5; i++) timeOnce(bigText, bigOptions); // warm-up (JIT, caches)
const bigTimes: number[] = [];
const bigStart = performance.now();
while (bigTimes.length < RUNS && performance.now() - bigStart < PHASE_BUDGET_MS)
  bigTimes.push(timeOnce(bigText, bigOptions));
const bigSorted = sortNum(bigTimes);
const bigMedian = quantile(bigSorted, 0.5);
const bigP95 = quantile(bigSorted, 0.95);
console.log(
  `\nUpstream v1.20 values.yaml (${kb(bigText.length)}, ${bigLines} lines), ${bigTimes.length} runs after warm-up:`,
);
console.log(
  `  first (cold) run ${ms(coldMs)}; median ${ms(bigMedian)}; p95 ${ms(bigP95)}; min ${ms(bigSorted[0])}; max ${ms(bigSorted[bigSorted.length - 1])}`,
);

// --- one edit of the big file, parsed incrementally (what the language server does per keystroke) ------------
const kprLine = bigText.split('\n').findIndex((l) => /^kubeProxyReplacement:/.test(l));
const kprAt = bigText.split('\n').slice(0, kprLine).join('\n').length + 1 + 'kubeProxyReplacement: '.length;
const session = new IncrementalSession();
let editedText = bigText;
let current = bigText.slice(kprAt, bigText.indexOf('\n', kprAt));
analyze(editedText, { ...bigOptions, incremental: session });
const editTimes: number[] = [];
const editStart = performance.now();
for (let i = 0; editTimes.length < RUNS && performance.now() - editStart < PHASE_BUDGET_MS; i++) {
  const next = ['true', '"maybe"', 'false'][i % 3];
  session.changed(kprAt, kprAt + current.length, next.length);
  editedText = editedText.slice(0, kprAt) + next + editedText.slice(kprAt + current.length);
  current = next;
  const t0 = performance.now();
  analyze(editedText, { ...bigOptions, incremental: session });
  if (i >= 3) editTimes.push(performance.now() - t0); // the first few warm up the changed paths
}
const editSorted = sortNum(editTimes);
console.log(`
One edit of kubeProxyReplacement in that file, parsed incrementally, ${editTimes.length} runs:`);
console.log(`  median ${ms(quantile(editSorted, 0.5))}; p95 ${ms(quantile(editSorted, 0.95))}`);

// --- the corpus -------------------------------------------------------------------------------------------
const corpus = readdirSync(corpusDir)
  .filter((f) => /\.ya?ml$/i.test(f))
  .sort()
  .map((f) => ({
    name: f,
    text: readFileSync(path.join(corpusDir, f), 'utf8'),
    size: statSync(path.join(corpusDir, f)).size,
  }));
// A file that makes analyze() throw is reported and left out of the timings (the tests catch the bug itself).
const failed: { name: string; error: string }[] = [];
for (const f of [...corpus]) {
  try {
    timeOnce(f.text, { path: f.name }); // warm-up pass
  } catch (err) {
    failed.push({ name: f.name, error: (err as Error).message });
    corpus.splice(corpus.indexOf(f), 1);
  }
}
const totalBytes = corpus.reduce((n, f) => n + f.size, 0);
const perFile = new Map<string, number[]>(corpus.map((f) => [f.name, []]));
const passTimes: number[] = [];
const corpusStart = performance.now();
while (passTimes.length < PASSES && performance.now() - corpusStart < PHASE_BUDGET_MS) {
  const t0 = performance.now();
  for (const f of corpus) perFile.get(f.name)!.push(timeOnce(f.text, { path: f.name }));
  passTimes.push(performance.now() - t0);
}
const fileMedians = corpus.map((f) => ({
  name: f.name,
  size: f.size,
  median: quantile(sortNum(perFile.get(f.name)!), 0.5),
}));
const mediansSorted = sortNum(fileMedians.map((f) => f.median));
const corpusMedian = quantile(mediansSorted, 0.5);
const corpusP95 = quantile(mediansSorted, 0.95);
const passMedian = quantile(sortNum(passTimes), 0.5);
const filesPerSecond = (corpus.length * passTimes.length) / (passTimes.reduce((a, b) => a + b, 0) / 1000);
console.log(
  `\nCorpus: ${corpus.length} real files (${kb(totalBytes)} in all), ${passTimes.length} passes after a warm-up pass:`,
);
console.log(
  `  median per file ${ms(corpusMedian)}; p95 of per-file medians ${ms(corpusP95)}; one pass ${ms(passMedian)}; ${filesPerSecond.toFixed(0)} files/s`,
);
for (const f of failed) console.log(`  NOT TIMED: analyze() throws on ${f.name}: ${f.error}`);
console.log('  slowest files (median):');
for (const f of [...fileMedians].sort((a, b) => b.median - a.median).slice(0, 5))
  console.log(`    ${ms(f.median).padStart(9)}  ${f.name} (${kb(f.size)})`);

// --- README table -----------------------------------------------------------------------------------------
const mem = process.resourceUsage().maxRSS / 1024; // maxRSS is in KB
console.log(`\n| Measure (${process.version}, ${cpu}) | Time |`);
console.log('|---|---|');
console.log(`| Upstream v1.20 values.yaml (${kb(bigText.length)}), median | ${ms(bigMedian)} |`);
console.log(`| Upstream v1.20 values.yaml, p95 | ${ms(bigP95)} |`);
console.log(`| Upstream v1.20 values.yaml, first run (cold) | ${ms(coldMs)} |`);
console.log(`| Upstream v1.20 values.yaml, one edit parsed incrementally, median | ${ms(quantile(editSorted, 0.5))} |`);
console.log(
  `| Real-world corpus (${corpus.length} files${failed.length ? `; ${failed.length} left out, analyze() threw` : ''}), median per file | ${ms(corpusMedian)} |`,
);
console.log(`| Real-world corpus, throughput | ${filesPerSecond.toFixed(0)} files/s |`);
console.log(`\n(peak RSS about ${mem.toFixed(0)} MB)`);
