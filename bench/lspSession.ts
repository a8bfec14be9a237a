// The client side the server benchmarks share (bench/server.ts, bench/editorFeatures.ts): the two servers they
// compare, started the way an editor starts them (initialize with the capabilities an editor announces, answers
// to the configuration the servers pull, the settings pushed once), and a wait for the diagnostics of a given
// document version. Each benchmark then times its own edits and requests on the session.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export interface ServerSpec {
  name: string;
  command: string[];
  /** The answer to a `workspace/configuration` item of `section` for the document `uri`. */
  configuration: (section: string | undefined, uri: string) => unknown;
}

/** Our language server from a build folder (one with server.js), set to Cilium 1.20. */
export function ourServer(name: string, dist: string): ServerSpec {
  return {
    name,
    // BENCH_SERVER_NODE_ARGS: extra Node flags for our server only (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    command: [
      process.execPath,
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      path.join(dist, 'server.js'),
      '--stdio',
    ],
    configuration: (s) => (s === 'cilium' ? { version: '1.20' } : {}),
  };
}

/** yaml-language-server (from node_modules) validating every document against the chart's values.schema.json. */
export function yamlLanguageServer(root: string, schema: string, describe: (version: string) => string): ServerSpec {
  const dir = path.join(root, 'node_modules/yaml-language-server');
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  return {
    name: describe(version),
    command: [process.execPath, path.join(dir, 'bin/yaml-language-server'), '--stdio'],
    configuration: (s, uri) =>
      s === 'yaml' || s === undefined
        ? {
            validate: true,
            hover: true,
            completion: true,
            schemaStore: { enable: false },
            schemas: { [pathToFileURL(schema).href]: uri },
          }
        : s === 'editor'
          ? { tabSize: 2 }
          : {},
  };
}

export interface LspSession {
  child: ChildProcess;
  conn: ProtocolConnection;
  init: InitializeResult;
  /**
   * The next diagnostics of `uri` at `version`: call before sending the change, await after. A server that exits
   * or stays silent for 120 s rejects it, with the end of its stderr (Node would otherwise exit without a word).
   */
  diagnosticsOf: (version: number) => Promise<PublishDiagnosticsParams>;
  /** shutdown, exit, and the process killed. */
  close: () => Promise<void>;
}

/** Starts the server of `spec`, initialised and configured, ready for `uri` to be opened (`label` names it in errors). */
export async function startSession(spec: ServerSpec, root: string, uri: string, label: string): Promise<LspSession> {
  const child = spawn(spec.command[0], spec.command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + String(d)).slice(-2000)));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiter:
    { version: number; resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void } | undefined;
  const exited = (code: number | null, signal: string | null) =>
    waiter?.reject(new Error(`${spec.name} exited (${code ?? signal}) during ${label}; its stderr ends: ${stderr}`));
  child.on('exit', exited);
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    // yaml-language-server publishes without a version: the first diagnostics after the change count.
    if (p.uri === uri && waiter && (p.version === undefined || p.version === waiter.version)) {
      const w = waiter;
      waiter = undefined;
      w.resolve(p);
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((i) => spec.configuration(i.section, uri)),
  );
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const diagnosticsOf = (version: number) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `${spec.name}: no diagnostics for version ${version} of ${label} within 120 s; stderr: ${stderr}`,
            ),
          ),
        120_000,
      );
      waiter = {
        version,
        resolve: (p) => (clearTimeout(timer), resolve(p)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      };
    });

  const init: InitializeResult = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        hover: { contentFormat: ['markdown'] },
        completion: { completionItem: { snippetSupport: true } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
        selectionRange: {},
        documentLink: { tooltipSupport: true },
        codeLens: {},
        definition: { linkSupport: false },
      },
    },
  });
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('workspace/didChangeConfiguration', {
    settings: { yaml: spec.configuration('yaml', uri), cilium: spec.configuration('cilium', uri) },
  });
  // Both servers pull their configuration asynchronously: let that settle before the clock starts.
  await new Promise((r) => setTimeout(r, 500));

  const close = async () => {
    child.off('exit', exited);
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    conn.dispose();
    // Give a server that exits by itself a moment (so a --cpu-prof profile gets written), then make sure.
    if (child.exitCode === null)
      await new Promise((r) => {
        const timer = setTimeout(r, 2000);
        child.once('exit', () => {
          clearTimeout(timer);
          r(undefined);
        });
      });
    child.kill();
  };
  return { child, conn, init, diagnosticsOf, close };
}

/** The p-quantile (0..1) of some times, the nearest sample below. */
export function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
}

/** A time in milliseconds with the digits that matter at its size. */
export function ms(x: number): string {
  return `${x.toFixed(x < 10 ? 2 : x < 100 ? 1 : 0)} ms`;
}
