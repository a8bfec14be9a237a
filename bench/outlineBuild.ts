// `npm run bench:features` (part): what the server itself spends on the Outline and the folds after an edit of the
// upstream values.yaml, in one process, the whole build ("before": every symbol built and converted again) and
// the build by section that keeps what an edit did not touch (lsp/outlineReuse.ts), interleaved edit by edit on
// the same analyses so the machine's load falls on both alike. CPU time of the process (steadier than wall time on
// a shared machine) and wall time, p50 over the edits. The build by section makes the Outline's JSON (each
// top-level section's text kept, a moved section's text shifted, its tree not copied); then the moved trees made
// for the same answer (what a node-ipc client gets instead) and what JSON.stringify of the Outline costs (what the
// server paid on every request before). The edits cycle: a
// value changed, a line inserted below it, that line removed (these two move every line below). No assertions;
// BENCH_EDITS (default 60).

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalyses, trackedDocuments } from '../server/src/lsp/documentAnalyses';
import { outlineAnswer, outlineFolds, wholeFolds, wholeOutline } from '../server/src/lsp/outlineReuse';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { findRepoRoot } from '../tools/repoRoot';

const root = findRepoRoot();
const shared = path.resolve(root, '../shared/cilium-charts/v1.20/values.yaml');
const VALUES = existsSync(shared) ? shared : path.join(root, 'test/fixtures/cilium-chart-v1.20/values.yaml');
const EDITS = Number(process.env.BENCH_EDITS ?? 60);

interface Sample {
  wall: number;
  cpu: number;
}

function measure(f: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(2)} ms`;

const text = readFileSync(VALUES, 'utf8');
const analyses = new DocumentAnalyses();
const documents = trackedDocuments(analyses);
let doc: TextDocument = documents.create('file:///bench/values.yaml', 'yaml', 1, text);
const kpr = text.split('\n').findIndex((l) => l.startsWith('kubeProxyReplacement:'));
const valueAt = { line: kpr, character: 'kubeProxyReplacement: '.length };
let value = text.split('\n')[kpr].slice(valueAt.character).trimEnd();
const values = ['true', '"false"', 'false'];

function edit(i: number): void {
  const step = i % 3;
  const below = { line: kpr + 1, character: 0 };
  let change;
  if (step === 0) {
    const next = values[Math.floor(i / 3) % values.length];
    change = {
      range: { start: valueAt, end: { line: kpr, character: valueAt.character + value.length } },
      text: next,
    };
    value = next;
  } else if (step === 1) change = { range: { start: below, end: below }, text: '# a note\n' };
  else change = { range: { start: below, end: { line: kpr + 2, character: 0 } }, text: '' };
  doc = documents.update(doc, [change], doc.version + 1);
}

const samples: Record<'whole' | 'kept' | 'tree' | 'stringify', Sample[]> = {
  whole: [],
  kept: [],
  tree: [],
  stringify: [],
};
void outlineAnswer(doc, analyses.get(doc, DEFAULT_SETTINGS)).bytes;
outlineFolds(doc, analyses.get(doc, DEFAULT_SETTINGS));
for (let i = 0; i < EDITS; i++) {
  edit(i);
  const analysis = analyses.get(doc, DEFAULT_SETTINGS);
  const whole = () => [wholeOutline(doc, analysis), wholeFolds(doc, analysis)];
  const kept = () => {
    void outlineAnswer(doc, analysis).bytes;
    outlineFolds(doc, analysis);
  };
  // Alternate which goes first: the first after an analysis may meet its garbage collection.
  if (i % 2 === 0) {
    samples.whole.push(measure(whole));
    samples.kept.push(measure(kept));
  } else {
    samples.kept.push(measure(kept));
    samples.whole.push(measure(whole));
  }
  let symbols: unknown;
  samples.tree.push(measure(() => (symbols = outlineAnswer(doc, analysis).value)));
  samples.stringify.push(measure(() => JSON.stringify(symbols)));
}

console.log(
  `\nOutline + folds of the upstream values.yaml (${text.split('\n').length} lines) after an edit, in process, p50 of ${EDITS} edits; Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}\n`,
);
console.log('| build | CPU p50 | wall p50 |\n|---|---|---|');
for (const [label, key] of [
  ['whole (every symbol and fold built again)', 'whole'],
  [
    'by section, unchanged sections kept, moved ones shifted as JSON text only (what the server does for a byte stream: stdio, socket, pipe)',
    'kept',
  ],
  ['the moved symbol trees, made for the same answer (what node-ipc needs instead of the JSON)', 'tree'],
  ['JSON.stringify of the Outline (what the server paid on every request before)', 'stringify'],
] as const)
  console.log(
    `| ${label} | ${ms(p50(samples[key].map((s) => s.cpu)))} | ${ms(p50(samples[key].map((s) => s.wall)))} |`,
  );
