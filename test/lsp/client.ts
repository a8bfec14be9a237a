// A minimal LSP client for tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = 'dist/server.js';

export function ensureBuilt(): void {
  if (!existsSync(SERVER)) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
}

export interface TestClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  diagnostics: Map<string, PublishDiagnosticsParams[]>;
  notifications: { method: string; params: unknown }[];
  messages: string[];
  stderr: string[];
  /** Resolves with the server's exit code. */
  exited: Promise<number | null>;
  /** Resolves with the first publishDiagnostics for `uri` (at `version`, if given) that arrives after the call. */
  nextDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  close(): Promise<void>;
}

export interface ClientOptions {
  /** Answers workspace/configuration (null for every section when absent); may return a promise. */
  configuration?: (section: string | undefined, scopeUri: string | undefined) => unknown;
  /** Extra environment for the server process (XDG_CACHE_HOME for the Helm cache). */
  env?: Record<string, string>;
}

export function startClient(options: ClientOptions = {}): TestClient {
  ensureBuilt();
  const child = spawn(process.execPath, [SERVER, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  const diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  const notifications: { method: string; params: unknown }[] = [];
  const messages: string[] = [];
  const stderr: string[] = [];
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  child.stderr!.on('data', (d) => stderr.push(String(d)));
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    const list = diagnostics.get(p.uri) ?? [];
    list.push(p);
    diagnostics.set(p.uri, list);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (w.version === undefined || w.version === p.version)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  connection.onNotification('cilium/verdict', (params: unknown) =>
    notifications.push({ method: 'cilium/verdict', params }),
  );
  // An answer may be a promise: a test can hold the answer back to play a slow client.
  connection.onRequest('workspace/configuration', (p: { items: { section?: string; scopeUri?: string }[] }) =>
    Promise.all(p.items.map((i) => (options.configuration ? options.configuration(i.section, i.scopeUri) : null))),
  );
  connection.onRequest('window/showMessageRequest', (p: { message: string }) => {
    messages.push(p.message);
    return null;
  });
  connection.listen();
  return {
    connection,
    child,
    diagnostics,
    notifications,
    messages,
    stderr,
    exited,
    nextDiagnostics(uri, version, timeoutMs = 20000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr.join('')}`),
            ),
          timeoutMs,
        );
        waiters.push({
          uri,
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          await Promise.race([connection.sendRequest('shutdown'), exited]);
          await connection.sendNotification('exit');
        } catch {
          /* already gone */
        }
      }
      connection.dispose();
      if (child.exitCode === null) {
        const t = setTimeout(() => child.kill(), 3000);
        await exited;
        clearTimeout(t);
      }
    },
  };
}
