// The base protocol under abuse, over raw stdio bytes: a malformed frame must end the server (exit 1, a reason
// on stderr) instead of leaving it alive and deaf; the lifecycle rules of the specification are enforced.
// A server that hangs is killed after 30 s and the test fails; nothing here measures speed.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { ensureBuilt, SERVER, startClient } from './client';

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INITIALIZE = frame(
  JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { processId: null, rootUri: null, capabilities: {} },
  }),
);

interface Ending {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** Starts the server, sends `initialize` and then `bytes`, and waits (at most 30 s) for the process to end. */
function abuse(bytes: string | Buffer): Promise<Ending> {
  ensureBuilt();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdin.on('error', () => undefined); // the server may exit before it read everything
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdin.write(INITIALIZE);
  // The abuse starts once the server has answered (it was alive and listening).
  const answered = () => {
    if (!stdout.includes('"serverInfo"')) return;
    child.stdout.off('data', answered);
    child.stdin.write(bytes);
  };
  child.stdout.on('data', answered);
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}

describe('malformed frames end the server with a reason', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['Content-Length: abc', 'Content-Length: abc\r\n\r\n{}', /Content-Length must be a non-negative whole number/],
    ['Content-Length: -5', 'Content-Length: -5\r\n\r\n{}', /Content-Length must be a non-negative whole number/],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}', /without Content-Length/],
    ['Content-Length: 99999999999', 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"', /larger than/],
    ['a header line without a colon', 'Content-Length 12\r\n\r\n{}', /without "name: value"/],
    ['an LF-only terminator', 'Content-Length: 2\n\n{}', /LF alone/],
    ['a 16 MB header with no terminator', Buffer.alloc(16 * 1024 * 1024, 'a'), /header longer than/],
    ['a body that is not JSON', frame('{"jsonrpc": "2.0", '), /unreadable message/],
  ];
  for (const [name, bytes, reason] of cases) {
    it(name, async () => {
      const end = await abuse(bytes);
      assert.equal(
        end.signal,
        null,
        `the server was still running 30 s later (deaf); stderr: ${end.stderr.slice(0, 500)}`,
      );
      assert.match(end.stdout, /"serverInfo"/, 'it answered the valid initialize first');
      assert.equal(end.code, 1, end.stderr);
      assert.match(end.stderr, reason);
    });
  }

  it('a frame split across many small writes still works (the guard keeps state between chunks)', async () => {
    const c = startClient();
    try {
      const init = await c.connection.sendRequest<{ serverInfo: { name: string } }>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(init.serverInfo.name, 'cilium-config');
      for (const ch of frame(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'shutdown' }))) c.child.stdin!.write(ch);
      await new Promise((r) => setTimeout(r, 50));
      c.child.stdin!.write(frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' })));
      assert.equal(await c.exited, 0, c.stderr.join(''));
    } finally {
      await c.close();
    }
  });
});

describe('lifecycle rules of the specification', () => {
  it('answers a request sent before initialize with ServerNotInitialized, and shutdown too', async () => {
    const c = startClient();
    try {
      await assert.rejects(c.connection.sendRequest('shutdown'), (e: { code: number }) => e.code === -32002);
      await assert.rejects(
        c.connection.sendRequest('textDocument/hover', {
          textDocument: { uri: 'file:///x.yaml' },
          position: { line: 0, character: 0 },
        }),
        (e: { code: number }) => e.code === -32002,
      );
      const init = await c.connection.sendRequest<{ serverInfo: { name: string } }>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      });
      assert.equal(init.serverInfo.name, 'cilium-config', 'initialize still works after the refused requests');
    } finally {
      await c.close();
    }
  });

  it('refuses a second initialize', async () => {
    const c = startClient();
    try {
      await c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await assert.rejects(
        c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }),
        (e: { code: number }) => e.code === -32600,
      );
    } finally {
      await c.close();
    }
  });

  it('answers requests after shutdown with InvalidRequest, and exits 0 on exit', async () => {
    const c = startClient();
    const uri = 'file:///ws/values.yaml';
    await c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await c.connection.sendNotification('initialized', {});
    await c.connection.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri,
        languageId: 'yaml',
        version: 1,
        text: '# cilium-version: 1.16\nkubeProxyReplacement: true\n',
      },
    });
    await c.connection.sendRequest('shutdown');
    await assert.rejects(
      c.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }),
      (e: { code: number }) => e.code === -32600,
    );
    await assert.rejects(c.connection.sendRequest('shutdown'), (e: { code: number }) => e.code === -32600);
    await c.connection.sendNotification('exit');
    assert.equal(await c.exited, 0);
    await c.close();
  });

  it('exits 1 when the client closes the stream without shutdown', async () => {
    const c = startClient();
    await c.connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    c.child.stdin!.end();
    assert.equal(await c.exited, 1);
    await c.close();
  });
});
