// `npm run bench:server`: our language server next to yaml-language-server on the same file, in one run.
// For each server: time from didChange to the publishDiagnostics that follows, and hover / completion latency,
// on the newest upstream values.yaml (about 4,600 lines). yaml-language-server validates against the chart's own
// values.schema.json, which is what users get from it today. Prints a Markdown table and the ratios.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const ROOT = process.cwd();
const VALUES = path.resolve(ROOT, '../shared/cilium-charts/v1.20/values.yaml');
const SCHEMA = path.resolve(ROOT, '../shared/cilium-charts/v1.20/values.schema.json');
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100);

interface ServerSpec {
  name: string;
  command: string[];
  configuration: (section: string | undefined) => unknown;
  initializationOptions?: unknown;
}

interface Result {
  name: string;
  firstDiagnostics: number;
  change: number[];
  hover: number[];
  completion: number[];
  diagnostics: number;
}

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
};
const f = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

async function measure(spec: ServerSpec, text: string, uri: string): Promise<Result> {
  const child = spawn(spec.command[0], spec.command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', () => undefined);
  const conn: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiter: ((p: PublishDiagnosticsParams) => void) | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === uri && waiter) {
      const w = waiter;
      waiter = undefined;
      w(p);
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map((i) => spec.configuration(i.section)));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const nextDiagnostics = () => new Promise<PublishDiagnosticsParams>((resolve) => (waiter = resolve));

  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { hover: { contentFormat: ['markdown'] }, completion: { completionItem: { snippetSupport: true } } } },
    initializationOptions: spec.initializationOptions,
  });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: spec.configuration('yaml'), cilium: spec.configuration('cilium') } });

  let t0 = performance.now();
  let got = nextDiagnostics();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  let p = await got;
  const firstDiagnostics = performance.now() - t0;
  const change: number[] = [];
  let diagnostics = p.diagnostics.length;
  for (let v = 2; v < 2 + CHANGES; v++) {
    // Wait out any debounce window, so every change is measured on its own.
    await new Promise((r) => setTimeout(r, 300));
    const edited = text.replace('masquerade: false', v % 2 ? 'masquerade: true' : 'masquerade: false');
    got = nextDiagnostics();
    t0 = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: edited }] });
    p = await got;
    change.push(performance.now() - t0);
    diagnostics = p.diagnostics.length;
  }
  const lines = text.split('\n');
  const keyLine = lines.findIndex((l) => /^ {2}masquerade:/.test(l));
  const hover: number[] = [];
  const completion: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    t0 = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: keyLine, character: 4 } });
    hover.push(performance.now() - t0);
    t0 = performance.now();
    await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: keyLine, character: 2 } });
    completion.push(performance.now() - t0);
  }
  await conn.sendRequest('shutdown').catch(() => undefined);
  await conn.sendNotification('exit').catch(() => undefined);
  conn.dispose();
  child.kill();
  return { name: spec.name, firstDiagnostics, change, hover, completion, diagnostics };
}

async function main() {
  if (!existsSync(VALUES)) {
    console.log(`bench:server needs ${VALUES} (../shared beside the checkout); skipped.`);
    return;
  }
  const text = readFileSync(VALUES, 'utf8');
  const uri = pathToFileURL(path.join(ROOT, 'bench-values.yaml')).href;
  const ours: ServerSpec = {
    name: 'cilium-config',
    command: [process.execPath, path.join(ROOT, 'dist/server.js'), '--stdio'],
    configuration: (s) => (s === 'cilium' ? { version: '1.20' } : {}),
  };
  const yls: ServerSpec = {
    name: 'yaml-language-server + values.schema.json',
    command: [process.execPath, path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    configuration: (s) =>
      s === 'yaml' || s === undefined
        ? { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: { [pathToFileURL(SCHEMA).href]: uri } }
        : s === 'editor'
          ? { tabSize: 2 }
          : {},
  };
  const results: Result[] = [];
  for (const spec of [ours, yls]) {
    process.stderr.write(`measuring ${spec.name}…\n`);
    results.push(await measure(spec, text, uri));
  }
  console.log(`\nServer figures on upstream v1.20 values.yaml (${text.split('\n').length} lines), ${CHANGES} changes, ${REQUESTS} hovers/completions, Node ${process.version}\n`);
  console.log('| Server | open → diagnostics | didChange → diagnostics p50 / p95 | hover p50 | completion p50 | diagnostics |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.name} | ${f(r.firstDiagnostics)} | ${f(q(r.change, 0.5))} / ${f(q(r.change, 0.95))} | ${f(q(r.hover, 0.5))} | ${f(q(r.completion, 0.5))} | ${r.diagnostics} |`);
  }
  const [a, b] = results;
  console.log(`\nRatio (yaml-language-server / ours), didChange → diagnostics p50: ${(q(b.change, 0.5) / q(a.change, 0.5)).toFixed(1)}×; hover p50: ${(q(b.hover, 0.5) / q(a.hover, 0.5)).toFixed(1)}×; completion p50: ${(q(b.completion, 0.5) / q(a.completion, 0.5)).toFixed(1)}×`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
