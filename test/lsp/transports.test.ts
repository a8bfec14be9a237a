// dist/server.js speaks every transport an LSP client may choose: stdio (other tests), node IPC (VS Code),
// and a socket; without one it prints its usage instead of crashing. The Outline goes out pre-serialized on byte
// streams and as a plain value over IPC (lsp/preSerialized.ts): each transport must deliver the same symbols.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  SocketMessageReader,
  SocketMessageWriter,
  type MessageReader,
  type DocumentSymbol,
  type MessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ensureBuilt, SERVER } from './client';

const URI = 'file:///work/transport-values.yaml';
const TEXT =
  '# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nenableIPv4Masquerade: true\n';

/** What the Outline of TEXT must say: each key with its value. */
const OUTLINE = [
  'kubeProxyReplacement=true',
  'k8sServiceHost=10.0.0.1',
  'k8sServicePort=6443',
  'enableIPv4Masquerade=true',
];

/**
 * initialize → didOpen → diagnostics → the Outline twice → shutdown → exit, over any reader/writer pair; returns
 * the diagnostic codes and the Outline (checked to be the same both times).
 */
async function session(
  reader: MessageReader,
  writer: MessageWriter,
  child: ChildProcess,
): Promise<{ codes: string[]; outline: string[]; exitCode: number | null }> {
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const connection = createProtocolConnection(reader, writer);
  const diagnostics = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification(
      'textDocument/publishDiagnostics',
      (p: PublishDiagnosticsParams) => p.uri === URI && resolve(p),
    ),
  );
  connection.listen();
  const init = await connection.sendRequest<{ serverInfo?: { name: string } }>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  });
  assert.equal(init.serverInfo?.name, 'cilium-config');
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT },
  });
  const codes = (await diagnostics).diagnostics.map((d) => String(d.code));
  const symbols = () =>
    connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  const first = await symbols();
  assert.deepEqual(await symbols(), first, 'the kept answer is the same as the first');
  const outline = first.map((s) => `${s.name}=${s.detail}`);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  const exitCode = await exited;
  connection.dispose();
  return { codes, outline, exitCode };
}

describe('transports', () => {
  it('--node-ipc (what the VS Code client uses)', async () => {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const { codes, outline, exitCode } = await session(new IPCMessageReader(child), new IPCMessageWriter(child), child);
    assert.deepEqual(codes, ['host-routing-iptables-masquerade']);
    assert.deepEqual(outline, OUTLINE);
    assert.equal(exitCode, 0);
  });

  it('--socket=PORT (the server connects to the client)', async () => {
    ensureBuilt();
    const server = createServer();
    const connected = new Promise<Socket>((resolve) => server.once('connection', resolve));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const socket = await connected;
      const { codes, outline, exitCode } = await session(
        new SocketMessageReader(socket),
        new SocketMessageWriter(socket),
        child,
      );
      assert.deepEqual(codes, ['host-routing-iptables-masquerade']);
      assert.deepEqual(outline, OUTLINE);
      assert.equal(exitCode, 0);
    } finally {
      server.close();
      if (child.exitCode === null) child.kill();
    }
  });

  it('without a transport: prints its usage and exits with 2', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 20000 });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Usage: node server\.js --stdio \| --node-ipc \| --socket=PORT/);
  });
});
