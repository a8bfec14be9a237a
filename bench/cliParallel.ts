// `npm run bench` (part): cilium-lint over a large GitOps repository, the real-world corpus copied 50 times
// (BENCH_COPIES), once on one thread (--jobs 1) and once on all cores (the default). Prints files per second for
// each and checks that both print the same report. No assertion on speed: it depends on the machine.

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findRepoRoot } from '../tools/repoRoot';

const repoRoot = findRepoRoot();
const corpusDir = path.resolve(repoRoot, '../shared/corpus/real');
const COPIES = Number(process.env.BENCH_COPIES ?? 50);

const dir = mkdtempSync(path.join(os.tmpdir(), 'cilium-bench-repo-'));
const names = readdirSync(corpusDir).filter((f) => /\.ya?ml$/.test(f));
for (let i = 0; i < COPIES; i++) {
  const sub = path.join(dir, `cluster-${String(i).padStart(3, '0')}`);
  mkdirSync(sub);
  for (const n of names) copyFileSync(path.join(corpusDir, n), path.join(sub, n));
}
const files = names.length * COPIES;

function timed(jobs: string[]): { seconds: number; out: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), '--format', 'json', ...jobs, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  return { seconds: (performance.now() - t0) / 1000, out: r.stdout };
}

try {
  const one = timed(['--jobs', '1']);
  const all = timed([]);
  const cores = os.cpus().length;
  console.log(`\ncilium-lint on ${files} files (${names.length}-file corpus × ${COPIES}), ${cores} cores:`);
  console.log(`| cilium-lint, 1 thread | ${(files / one.seconds).toFixed(0)} files/s (${one.seconds.toFixed(1)} s) |`);
  console.log(
    `| cilium-lint, all cores (${Math.min(8, cores)} threads) | ${(files / all.seconds).toFixed(0)} files/s (${all.seconds.toFixed(1)} s) |`,
  );
  console.log(one.out === all.out ? 'Same report from both runs.' : 'WARNING: the two runs printed different reports.');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
