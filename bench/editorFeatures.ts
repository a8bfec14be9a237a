// `npm run bench:features` (also part of `npm run bench` and `npm run bench:server`): how long each editor feature
// takes on the newest upstream values.yaml (~4,600 lines), ours next to yaml-language-server 2.0 in the same run.
//
// Each round makes one edit (a value changed, a line inserted, that line removed: the last two move every line
// below them), waits for that version's diagnostics (both servers have then parsed it; ours has analysed it), and
// then asks each feature once, the "after an edit" figure: the first answer for that version, nothing cached for
// it. Then it asks each feature again for the same version, the "again" figure (ours keeps the Outline and folds
// per version). Times are wall time at the client, from sending the request to having parsed the answer, so a big
// answer pays for its JSON on both sides, as an editor does.
//
// Then, for the features an editor asks for by itself after every edit (Outline, folds, links, code lenses), one
// more edit each with the request sent right behind it, before the diagnostics: that answer waits for the parse
// (ours: the analysis, which the diagnostics then reuse), as it does in an editor while the user types.
//
// A feature the server does not announce in its capabilities is "not offered"; one it announces but answers with
// nothing at the measured position says so. BENCH_ROUNDS (default 20) edits, BENCH_CHART_DIR another chart,
// BENCH_DIST another build of ours (a folder with server.js), BENCH_BASE a second build measured beside it. Prints a Markdown table with the load average.

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { ms, ourServer, quantile as q, startSession, yamlLanguageServer, type ServerSpec } from './lspSession';

const ROOT = process.cwd();
const SHARED_CHART = path.resolve(ROOT, '../shared/cilium-charts/v1.20');
const CHART_DIR = process.env.BENCH_CHART_DIR
  ? path.resolve(process.env.BENCH_CHART_DIR)
  : existsSync(path.join(SHARED_CHART, 'values.yaml'))
    ? SHARED_CHART
    : path.resolve(ROOT, 'test/fixtures/cilium-chart-v1.20');
const VALUES = path.join(CHART_DIR, 'values.yaml');
const SCHEMA = path.join(CHART_DIR, 'values.schema.json');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(ROOT, 'dist'));
const YLS = path.join(ROOT, 'node_modules/yaml-language-server');

interface Feature {
  name: string;
  method: string;
  capability: keyof ServerCapabilities;
  /** An editor asks for it by itself after every edit (VS Code: Outline, folds, links, lenses). */
  afterEveryEdit?: boolean;
  /** Request parameters beside textDocument, from the positions found in the file. */
  params: (at: Positions) => object;
}

interface Positions {
  /** On the key `masquerade` under `bpf:` (hover, definition, selection range). */
  nestedKey: { line: number; character: number };
  /** At the end of the value of `kubeProxyReplacement:` (completion of values). */
  value: { line: number; character: number };
}

const FEATURES: Feature[] = [
  {
    name: 'documentSymbol (Outline)',
    method: 'textDocument/documentSymbol',
    capability: 'documentSymbolProvider',
    afterEveryEdit: true,
    params: () => ({}),
  },
  {
    name: 'foldingRange',
    method: 'textDocument/foldingRange',
    capability: 'foldingRangeProvider',
    afterEveryEdit: true,
    params: () => ({}),
  },
  {
    name: 'selectionRange',
    method: 'textDocument/selectionRange',
    capability: 'selectionRangeProvider',
    params: (at) => ({ positions: [at.nestedKey] }),
  },
  {
    name: 'documentLink',
    method: 'textDocument/documentLink',
    capability: 'documentLinkProvider',
    afterEveryEdit: true,
    params: () => ({}),
  },
  {
    name: 'codeLens',
    method: 'textDocument/codeLens',
    capability: 'codeLensProvider',
    afterEveryEdit: true,
    params: () => ({}),
  },
  {
    name: 'definition (bpf.masquerade)',
    method: 'textDocument/definition',
    capability: 'definitionProvider',
    params: (at) => ({ position: at.nestedKey }),
  },
  {
    name: 'hover (bpf.masquerade)',
    method: 'textDocument/hover',
    capability: 'hoverProvider',
    params: (at) => ({ position: at.nestedKey }),
  },
  {
    name: 'completion (kubeProxyReplacement value)',
    method: 'textDocument/completion',
    capability: 'completionProvider',
    params: (at) => ({ position: at.value }),
  },
];

interface FeatureTimes {
  offered: boolean;
  /** Whether any answer had content (an empty list or null is "nothing"). */
  answered: boolean;
  afterEdit: number[];
  again: number[];
  /** Sent right behind the edit, before its diagnostics: the time includes parsing (for us, analysing) it. */
  withEdit: number[];
  /** Size of the largest answer as JSON. */
  bytes: number;
}

/** User + system CPU seconds of a process so far (Linux), undefined elsewhere. */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function positionsIn(text: string): Positions {
  const lines = text.split('\n');
  const bpf = lines.findIndex((l) => /^bpf:/.test(l));
  const masq = lines.findIndex((l, i) => i > bpf && /^ {2}masquerade:/.test(l));
  const kpr = lines.findIndex((l) => /^kubeProxyReplacement:/.test(l));
  if (bpf < 0 || masq < 0 || kpr < 0) throw new Error('the chart has no bpf.masquerade or kubeProxyReplacement');
  return {
    nestedKey: { line: masq, character: 4 },
    value: { line: kpr, character: lines[kpr].replace(/\s+$/, '').length },
  };
}

interface Session {
  times: Map<string, FeatureTimes>;
  /** One edit, its diagnostics, then every feature twice; then an edit per feature asked right behind it. */
  round(): Promise<void>;
  /** Stops the server; its CPU seconds spent in the rounds. */
  close(): Promise<number | undefined>;
}

async function start(spec: ServerSpec, text: string): Promise<Session> {
  const uri = pathToFileURL(path.join(ROOT, 'bench-features-values.yaml')).href;
  const { child, conn, init, diagnosticsOf, close: stop } = await startSession(spec, ROOT, uri, 'the chart');
  let version = 1;
  let diagnostics = diagnosticsOf(version);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  await diagnostics;

  const at = positionsIn(text);
  const lines = text.split('\n');
  const kpr = at.value.line;
  const valueStart = lines[kpr].indexOf(':') + 2;
  let value = lines[kpr].slice(valueStart).replace(/\s+$/, '');
  const values = ['true', '"false"', 'false'];
  // Cycle: change the value; insert a comment line below it; remove that line (both move every line below).
  const edit = (round: number) => {
    const step = round % 3;
    if (step === 0) {
      const next = values[Math.floor(round / 3) % values.length];
      const range = {
        start: { line: kpr, character: valueStart },
        end: { line: kpr, character: valueStart + value.length },
      };
      value = next;
      // Completion asks at the end of the value as it is now.
      at.value = { line: kpr, character: valueStart + next.length };
      return { range, text: next };
    }
    const below = { line: kpr + 1, character: 0 };
    return step === 1
      ? { range: { start: below, end: below }, text: '# a note\n' }
      : { range: { start: below, end: { line: kpr + 2, character: 0 } }, text: '' };
  };

  const times = new Map<string, FeatureTimes>();
  for (const f of FEATURES)
    times.set(f.name, {
      offered: !!init.capabilities[f.capability],
      answered: false,
      afterEdit: [],
      again: [],
      withEdit: [],
      bytes: 0,
    });
  const ask = async (f: Feature, into: number[]) => {
    const t = times.get(f.name)!;
    if (!t.offered) return;
    const t0 = performance.now();
    const r = await conn.sendRequest<unknown>(f.method, { textDocument: { uri }, ...f.params(at) }).catch(() => null);
    into.push(performance.now() - t0);
    const items = Array.isArray(r)
      ? r
      : r && typeof r === 'object' && 'items' in r
        ? (r as { items: unknown[] }).items
        : r
          ? [r]
          : [];
    if (items.length > 0) t.answered = true;
    t.bytes = Math.max(t.bytes, JSON.stringify(r ?? null).length);
  };
  const cpu0 = cpuSeconds(child.pid);
  let edits = 0;
  /** The next edit of the cycle; resolves when its diagnostics have arrived. */
  const change = async (then?: () => Promise<void>) => {
    version++;
    diagnostics = diagnosticsOf(version);
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [edit(edits++)],
    });
    await then?.();
    await diagnostics;
  };
  const round = async () => {
    await change();
    for (const f of FEATURES) await ask(f, times.get(f.name)!.afterEdit);
    for (const f of FEATURES) await ask(f, times.get(f.name)!.again);
    for (const f of FEATURES) if (f.afterEveryEdit) await change(() => ask(f, times.get(f.name)!.withEdit));
  };
  const close = async () => {
    const cpu1 = cpuSeconds(child.pid);
    await stop();
    return cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
  };
  return { times, round, close };
}

async function main() {
  const base = process.env.BENCH_BASE ? path.resolve(process.env.BENCH_BASE) : undefined;
  for (const p of [VALUES, SCHEMA, YLS, path.join(DIST, 'server.js'), ...(base ? [path.join(base, 'server.js')] : [])])
    if (!existsSync(p)) {
      console.error(`bench:features needs ${p} (run npm run build / npm install first)`);
      process.exit(1);
    }
  const text = readFileSync(VALUES, 'utf8');
  const specs: ServerSpec[] = [
    ourServer('ours', DIST),
    // BENCH_BASE: another build of ours (a folder with server.js), measured in the same rounds, for before/after.
    ...(base ? [ourServer(`ours (${path.relative(ROOT, base) || base})`, base)] : []),
    yamlLanguageServer(ROOT, SCHEMA, (v) => `yaml-language-server ${v}`),
  ];
  const loadBefore = os.loadavg()[0];
  const sessions: Session[] = [];
  for (const spec of specs) {
    process.stderr.write(`starting ${spec.name}…\n`);
    sessions.push(await start(spec, text));
  }
  // Round by round, each server in turn: a change in the machine's load falls on all of them alike.
  for (let n = 0; n < ROUNDS; n++) for (const s of sessions) await s.round();
  const cpu: (number | undefined)[] = [];
  for (const s of sessions) cpu.push(await s.close());

  const cell = (t: FeatureTimes, xs: number[]) =>
    !t.offered ? 'not offered' : `${ms(q(xs, 0.5))}${t.answered ? '' : ' (answers nothing here)'}`;
  const size = (t: FeatureTimes) => (t.offered ? `${(t.bytes / 1024).toFixed(t.bytes < 10_240 ? 1 : 0)} KB` : '–');
  console.log(
    `\nEditor features on the upstream values.yaml (${text.split('\n').length} lines), p50 of ${ROUNDS} rounds; Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before and ${os.loadavg()[0].toFixed(1)} after\n`,
  );
  console.log(
    `| feature | ${specs.map((s) => `${s.name}: after an edit | again`).join(' | ')} | answer size (${specs.map((s) => s.name).join(' / ')}) |`,
  );
  console.log(`|---|${specs.map(() => '---|---|').join('')}---|`);
  for (const f of FEATURES) {
    const ts = sessions.map((s) => s.times.get(f.name)!);
    console.log(
      `| ${f.name} | ${ts.map((t) => `${cell(t, t.afterEdit)} | ${cell(t, t.again)}`).join(' | ')} | ${ts.map(size).join(' / ')} |`,
    );
  }
  console.log(
    '\nAsked right behind an edit, before its diagnostics (as VS Code asks after each edit): the time includes the parse, and for us the whole analysis the diagnostics then reuse:\n',
  );
  console.log(`| feature | ${specs.map((s) => s.name).join(' | ')} |`);
  console.log(`|---|${specs.map(() => '---|').join('')}`);
  for (const f of FEATURES.filter((x) => x.afterEveryEdit)) {
    const ts = sessions.map((s) => s.times.get(f.name)!);
    console.log(`| ${f.name} | ${ts.map((t) => cell(t, t.withEdit)).join(' | ')} |`);
  }
  const cpuText = specs.map((s, i) => `${s.name} ${cpu[i] === undefined ? '?' : `${cpu[i].toFixed(2)} s`}`).join(', ');
  console.log(`\nServer CPU time over the ${ROUNDS} rounds (edits, diagnostics and all requests): ${cpuText}.`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
