// `npm run bench` (part): the edit → analysis time the editor sees, now that every analysis of Helm values
// renders the real chart. For a typical values file and for the chart's full upstream values.yaml:
// - an edit that changes a value (a new render of the chart for those values);
// - an edit that changes no value (a comment: the chart render is memoised per version and values);
// - the same text again (what fix prediction, hover and code lens re-analyses cost).
// Prints a Markdown table; no assertions. BENCH_ROOT=<repository> measures another checkout (for before/after).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findRepoRoot } from '../tools/repoRoot';

const root = process.env.BENCH_ROOT ?? findRepoRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyze } = require(
  path.join(root, 'server/src/core/analyze.ts'),
) as typeof import('../server/src/core/analyze');
const shared = path.resolve(findRepoRoot(), '../shared');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const files: [string, string, string][] = [
  [
    'typical values (010-bjws-netkit-values.yaml, 84 lines)',
    readFileSync(path.join(shared, 'corpus/real/010-bjws-netkit-values.yaml'), 'utf8'),
    '1.18',
  ],
  [
    'full upstream values.yaml (v1.18)',
    readFileSync(path.join(shared, 'cilium-charts/v1.18/values.yaml'), 'utf8'),
    '1.18',
  ],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(text: string, version: string): number {
  const t0 = performance.now();
  analyze(text, { version, path: 'values.yaml' });
  return performance.now() - t0;
}

console.log(
  `\n| edit → analysis (${root === findRepoRoot() ? 'this checkout' : root}) | value edited | comment edited | same text again |\n|---|---|---|---|`,
);
for (const [label, text, version] of files) {
  time(text, version); // cold: first render of the version
  const valueEdit: number[] = [];
  const commentEdit: number[] = [];
  const same: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // A value the chart reads (healthPort feeds agent-health-port), different each time: a real render.
    const line = `healthPort: ${9000 + i}`;
    const edited = /^healthPort: .*$/m.test(text) ? text.replace(/^healthPort: .*$/m, line) : `${text}\n${line}\n`;
    valueEdit.push(time(edited, version));
    same.push(time(edited, version));
    commentEdit.push(time(`${edited}# edit ${i}\n`, version));
  }
  console.log(
    `| ${label} | ${median(valueEdit).toFixed(1)} ms | ${median(commentEdit).toFixed(1)} ms | ${median(same).toFixed(1)} ms |`,
  );
}
