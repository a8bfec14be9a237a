// `npm run bench:server`: our language server next to yaml-language-server 2.0 on the same files, in one run.
// For each file and server: open → first diagnostics, then didChange → the publishDiagnostics that follows, in
// two modes: "quiet" (one change after a pause, as when someone edits a value and stops) and "typing" (the next
// change sent as soon as the previous one's diagnostics arrive). The change cycles `kubeProxyReplacement`
// through values that change our analysis (true / false / an invalid one), sent as an incremental change of
// that token. yaml-language-server validates against the chart's own values.schema.json, which is what users
// get from it today. Also hover / completion latency and each server's memory (RSS) after opening the chart; every
// other editor feature (Outline, folding, links, definition…) is measured by bench/editorFeatures.ts.
//
// Files: the newest upstream values.yaml (../shared/cilium-charts/v1.20, else the copy in test/fixtures), a
// 65-line real-world values file (corpus 046, else the first 65 lines of the chart), and a ~20,000-line file
// made of copies of the chart with renamed top-level keys. Prints Markdown tables: p50 with the p10–p90 spread
// of the run, and the ratio yaml-language-server / ours.
//
// BENCH_CHANGES (default 20) changes per mode, BENCH_REQUESTS (default 50) hovers and completions,
// BENCH_PAUSE_MS (default 300) the pause of the quiet mode, BENCH_CHART_DIR another chart, BENCH_DIST another build
// of ours (a folder with server.js).

import { type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ms as f, ourServer, quantile as q, startSession, yamlLanguageServer, type ServerSpec } from './lspSession';

const ROOT = process.cwd();
const SHARED = path.resolve(ROOT, '../shared');
const CHART_DIR = process.env.BENCH_CHART_DIR
  ? path.resolve(process.env.BENCH_CHART_DIR)
  : existsSync(path.join(SHARED, 'cilium-charts/v1.20/values.yaml'))
    ? path.join(SHARED, 'cilium-charts/v1.20')
    : path.resolve(ROOT, 'test/fixtures/cilium-chart-v1.20');
const VALUES = path.join(CHART_DIR, 'values.yaml');
const SCHEMA = path.join(CHART_DIR, 'values.schema.json');
const SMALL = path.join(SHARED, 'corpus/real/046-tosuke-values-extraconfig.yaml');
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 300);
/** The size of the large file in the issue's table. */
const LARGE_LINES = 19_800;
/** Values of kubeProxyReplacement the changes cycle through: each changes our analysis. */
const VALUE_CYCLE = ['true', '"maybe"', 'false'];
const YLS_BIN = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
/** Our build to measure (BENCH_DIST: another build's folder, to compare two builds against the same yardstick). */
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'));

interface FileSpec {
  label: string;
  name: string;
  text: string;
  /** Line of `kubeProxyReplacement:` (changed by the benchmark). */
  line: number;
}

interface FileResult {
  open: number;
  quiet: number[];
  typing: number[];
  hover: number[];
  completion: number[];
  /** Diagnostics count after each value, to show the change really changed something. */
  diagnostics: string;
  rssMb?: number;
}

const spread = (xs: number[]) => `${f(q(xs, 0.5))} (${f(q(xs, 0.1))}–${f(q(xs, 0.9))})`;

/** Resident memory of a process in MB (Linux), undefined elsewhere. */
function rssOf(child: ChildProcess): number | undefined {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function measure(spec: ServerSpec, file: FileSpec, withRequests: boolean): Promise<FileResult> {
  const uri = pathToFileURL(path.join(ROOT, file.name)).href;
  const { child, conn, diagnosticsOf: nextDiagnostics, close } = await startSession(spec, ROOT, uri, file.label);

  let version = 1;
  const got = nextDiagnostics(version);
  let t0 = performance.now();
  await conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version, text: file.text },
  });
  await got;
  const open = performance.now() - t0;
  const rssMb = rssOf(child);

  const lineText = file.text.split('\n')[file.line];
  const valueStart = lineText.indexOf(':') + 2;
  let value = lineText.slice(valueStart).replace(/\s+$/, '');
  const diagnosticsByValue = new Map<string, number>();
  const change = async (i: number): Promise<number> => {
    const next = VALUE_CYCLE[i % VALUE_CYCLE.length];
    const range = {
      start: { line: file.line, character: valueStart },
      end: { line: file.line, character: valueStart + value.length },
    };
    version++;
    const diagnostics = nextDiagnostics(version);
    const start = performance.now();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text: next }],
    });
    const p = await diagnostics;
    value = next;
    diagnosticsByValue.set(next, p.diagnostics.length);
    return performance.now() - start;
  };
  const quiet: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    await new Promise((r) => setTimeout(r, PAUSE_MS));
    quiet.push(await change(i));
  }
  const typing: number[] = [];
  for (let i = 0; i < CHANGES; i++) typing.push(await change(i));

  const hover: number[] = [];
  const completion: number[] = [];
  for (let i = 0; withRequests && i < REQUESTS; i++) {
    t0 = performance.now();
    await conn.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: file.line, character: 4 },
    });
    hover.push(performance.now() - t0);
    t0 = performance.now();
    await conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: file.line, character: valueStart + value.length },
    });
    completion.push(performance.now() - t0);
  }
  await close();
  const diagnostics = [...diagnosticsByValue].map(([val, n]) => `${val}: ${n}`).join(', ');
  return { open, quiet, typing, hover, completion, diagnostics, rssMb };
}

/**
 * Copies of the chart, top-level keys renamed in each copy after the first, cut at the first top-level key
 * from `lines` lines on (a file of about that size that is still whole sections).
 */
function largeFile(chart: string, lines: number): string {
  const perCopy = chart.split('\n').length;
  const parts = [chart];
  for (let c = 1; parts.length * perCopy < lines; c++)
    parts.push(chart.replace(/^([A-Za-z][\w-]*):/gm, (_m, k: string) => `${k}Copy${c}:`));
  const all = parts.join('\n').split('\n');
  let cut = lines;
  while (cut < all.length && !/^[A-Za-z]/.test(all[cut])) cut++;
  return `${all.slice(0, cut).join('\n')}\n`;
}

function kprLine(text: string): number {
  const line = text.split('\n').findIndex((l) => /^kubeProxyReplacement:/.test(l));
  if (line < 0) throw new Error('no top-level kubeProxyReplacement: line to change');
  return line;
}

async function main() {
  for (const p of [VALUES, SCHEMA, YLS_BIN, path.join(DIST, 'server.js')]) {
    if (!existsSync(p)) {
      console.error(`bench:server needs ${p} (run npm run build / npm install first)`);
      process.exit(1);
    }
  }
  const chart = readFileSync(VALUES, 'utf8');
  const small = existsSync(SMALL)
    ? readFileSync(SMALL, 'utf8')
    : `${chart.split('\n').slice(0, 65).join('\n')}\nkubeProxyReplacement: "false"\n`;
  const large = largeFile(chart, LARGE_LINES);
  const files: FileSpec[] = [
    {
      label: `upstream values.yaml (${chart.split('\n').length} lines)`,
      name: 'bench-values.yaml',
      text: chart,
      line: kprLine(chart),
    },
    {
      label: `a ${small.split('\n').length}-line user file`,
      name: 'bench-small-values.yaml',
      text: small,
      line: kprLine(small),
    },
    {
      label: `a ${large.split('\n').length}-line file`,
      name: 'bench-large-values.yaml',
      text: large,
      line: kprLine(large),
    },
  ];
  const ours: ServerSpec = ourServer('cilium-config', DIST);
  const yls = yamlLanguageServer(ROOT, SCHEMA, (v) => `yaml-language-server ${v} + values.schema.json`);
  const results = new Map<string, FileResult[]>();
  for (const file of files) {
    const pair: FileResult[] = [];
    for (const spec of [ours, yls]) {
      process.stderr.write(`measuring ${spec.name} on ${file.label}…\n`);
      pair.push(await measure(spec, file, file === files[0]));
    }
    results.set(file.label, pair);
  }

  console.log(
    `\nServer figures, one run: ${CHANGES} changes per mode, ${REQUESTS} hovers and completions, quiet pause ${PAUSE_MS} ms, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}\n`,
  );
  console.log('didChange → diagnostics, p50 (p10–p90):\n');
  console.log(`| file | mode | ours | ${yls.name} | ratio |`);
  console.log('|---|---|---|---|---|');
  for (const file of files) {
    const [a, b] = results.get(file.label)!;
    for (const mode of ['quiet', 'typing'] as const) {
      const label = mode === 'quiet' ? 'one change after a pause' : 'changes back to back (typing)';
      console.log(
        `| ${file.label} | ${label} | ${spread(a[mode])} | ${spread(b[mode])} | ${(q(b[mode], 0.5) / q(a[mode], 0.5)).toFixed(1)}× |`,
      );
    }
  }
  console.log(
    '\nOpen → first diagnostics, memory after opening, diagnostics after each value (a check both did real work):\n',
  );
  console.log('| file | server | open → diagnostics | RSS after open | diagnostics per value |');
  console.log('|---|---|---|---|---|');
  for (const file of files) {
    const [a, b] = results.get(file.label)!;
    for (const [name, r] of [
      [ours.name, a],
      [yls.name, b],
    ] as const) {
      console.log(
        `| ${file.label} | ${name} | ${f(r.open)} | ${r.rssMb ? `${r.rssMb.toFixed(0)} MB` : '?'} | ${r.diagnostics} |`,
      );
    }
  }
  const [a, b] = results.get(files[0].label)!;
  console.log(
    `\nOn ${files[0].label}: hover p50 ${f(q(a.hover, 0.5))} vs ${f(q(b.hover, 0.5))} (${(q(b.hover, 0.5) / q(a.hover, 0.5)).toFixed(1)}×), completion p50 ${f(q(a.completion, 0.5))} vs ${f(q(b.completion, 0.5))} (${(q(b.completion, 0.5) / q(a.completion, 0.5)).toFixed(1)}×).`,
  );
  console.log(
    'yaml-language-server waits its validationDelayMs (200 ms by default) before it validates; ours analyses on the next turn of the event loop.',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
