// Part of `npm run bench`: the cold path, from nothing to a first answer. Each figure is a fresh Node process:
// - `cilium-lint` on a small values file (process start to exit);
// - the language server: spawn → initialize → didOpen of the same file → its first publishDiagnostics;
// - the same with the upstream values.yaml, and the server's memory (RSS) once its diagnostics are out.
// Prints p50 with the p10–p90 spread, of the wall time and of the CPU time the process used (user + system, read
// by a preloaded hook at exit, or from /proc for the server; far less swayed than the wall time by other work on a
// shared machine). BENCH_COLD_RUNS (default 10) runs of each; BENCH_DIST another build (a folder with cli.js and
// server.js, to compare two builds on the same machine in one sitting). Also says whether the V8 code cache the
// build makes was used (server/src/boot/runBundle.ts).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = process.cwd();
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'));
const SHARED = path.resolve(ROOT, '../shared');
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 10);
const SMALL = existsSync(path.join(SHARED, 'corpus/real/046-tosuke-values-extraconfig.yaml'))
  ? path.join(SHARED, 'corpus/real/046-tosuke-values-extraconfig.yaml')
  : path.join(ROOT, 'examples', 'legacy-1.13-values.yaml');
const CHART = existsSync(path.join(SHARED, 'cilium-charts/v1.20/values.yaml'))
  ? path.join(SHARED, 'cilium-charts/v1.20/values.yaml')
  : path.join(ROOT, 'test/fixtures/cilium-chart-v1.20/values.yaml');

/** A preloaded hook that writes the process's CPU time (ms) to $COLD_CPU_OUT when it exits. */
const TMP = mkdtempSync(path.join(os.tmpdir(), 'cold-start-'));
const CPU_HOOK = path.join(TMP, 'cpu-hook.cjs');
writeFileSync(
  CPU_HOOK,
  "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.COLD_CPU_OUT, String((u.user + u.system) / 1000)); });\n",
);
const CPU_OUT = path.join(TMP, 'cpu.txt');

/** CPU time (ms) of a live process, from /proc (Linux); undefined elsewhere. */
function procCpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    // utime and stime are fields 14 and 15 of the line (12 and 13 after the command), in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
};
const f = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const spread = (xs: number[]) => `${f(q(xs, 0.5))} (${f(q(xs, 0.1))}–${f(q(xs, 0.9))})`;

function lintOnce(file: string): { ms: number; cpu: number; cache: string } {
  rmSync(CPU_OUT, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['-r', CPU_HOOK, path.join(DIST, 'cli.js'), file], {
    encoding: 'utf8',
    env: { ...process.env, COLD_CPU_OUT: CPU_OUT, CILIUM_CODE_CACHE_REPORT: '1' },
  });
  const ms = performance.now() - t0;
  if (r.status === null || r.status > 2) throw new Error(`cilium-lint failed (${r.status}): ${r.stderr}`);
  return {
    ms,
    cpu: Number(readFileSync(CPU_OUT, 'utf8')),
    cache: /code cache: (\w+)/.exec(r.stderr)?.[1] ?? 'none (no loader)',
  };
}

function nodeOnce(): { ms: number; cpu: number } {
  rmSync(CPU_OUT, { force: true });
  const t0 = performance.now();
  spawnSync(process.execPath, ['-r', CPU_HOOK, '-e', '0'], { env: { ...process.env, COLD_CPU_OUT: CPU_OUT } });
  return { ms: performance.now() - t0, cpu: Number(readFileSync(CPU_OUT, 'utf8')) };
}

/** Spawn → first diagnostics for `file`, and the server's RSS (MB, Linux) right after. */
async function serverOnce(file: string): Promise<{ ms: number; cpu?: number; rssMb?: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', () => undefined);
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  const first = new Promise<void>((resolve) =>
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) resolve();
    }),
  );
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: readFileSync(file, 'utf8') },
  });
  await first;
  const ms = performance.now() - t0;
  const cpu = procCpuMs(child.pid);
  let rssMb: number | undefined;
  try {
    rssMb =
      Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024 || undefined;
  } catch {
    rssMb = undefined;
  }
  await conn.sendRequest('shutdown').catch(() => undefined);
  await conn.sendNotification('exit').catch(() => undefined);
  conn.dispose();
  child.kill();
  return { ms, cpu, rssMb };
}

async function main() {
  for (const p of ['cli.js', 'server.js']) {
    if (!existsSync(path.join(DIST, p))) {
      console.error(`bench: ${path.join(DIST, p)} is missing: run npm run build first`);
      process.exit(1);
    }
  }
  const node: number[] = [];
  const nodeCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = nodeOnce();
    node.push(r.ms);
    nodeCpu.push(r.cpu);
  }
  const lint: number[] = [];
  const lintCpu: number[] = [];
  const caches = new Set<string>();
  for (let i = 0; i < RUNS; i++) {
    const r = lintOnce(SMALL);
    lint.push(r.ms);
    lintCpu.push(r.cpu);
    caches.add(r.cache);
  }
  const small: number[] = [];
  const smallCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await serverOnce(SMALL);
    small.push(r.ms);
    if (r.cpu !== undefined) smallCpu.push(r.cpu);
  }
  const big: number[] = [];
  const bigCpu: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(RUNS / 2)); i++) {
    const r = await serverOnce(CHART);
    big.push(r.ms);
    if (r.cpu !== undefined) bigCpu.push(r.cpu);
    if (r.rssMb) rss.push(r.rssMb);
  }
  rmSync(TMP, { recursive: true, force: true });
  const smallLines = readFileSync(SMALL, 'utf8').split('\n').length;
  const chartLines = readFileSync(CHART, 'utf8').split('\n').length;
  const cpu = (xs: number[]) => (xs.length > 0 ? spread(xs) : 'n/a');
  console.log(
    `\nCold path (${path.relative(ROOT, DIST) || DIST}), ${RUNS} fresh processes each, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, code cache: ${[...caches].join(', ')}; p50 (p10–p90):\n`,
  );
  console.log('| what | wall time | CPU time |');
  console.log('|---|---|---|');
  console.log(`| \`node -e 0\` (the floor: Node's own start) | ${spread(node)} | ${cpu(nodeCpu)} |`);
  console.log(`| \`cilium-lint\` on a ${smallLines}-line values file | ${spread(lint)} | ${cpu(lintCpu)} |`);
  console.log(`| server: spawn → first diagnostics, ${smallLines}-line file | ${spread(small)} | ${cpu(smallCpu)} |`);
  console.log(
    `| server: spawn → first diagnostics, upstream values.yaml (${chartLines} lines) | ${spread(big)} | ${cpu(bigCpu)} |`,
  );
  if (rss.length > 0)
    console.log(`| server RSS after the chart's first diagnostics | ${q(rss, 0.5).toFixed(0)} MB | |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
