// The client's part of workspace trust, without VS Code: what it sends the server at start and when trust is
// granted, how it starts a server that is down by then, and how it filters settings. (test/vscode/suite runs
// the real extension host in e2e.)

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followTrust, patchConfigurationAnswer, trustedSettings, type ServerState } from '../../client/src/trust';

function fakeWorkspace(trusted: boolean) {
  const listeners: (() => void)[] = [];
  return {
    isTrusted: trusted,
    onDidGrantWorkspaceTrust(l: () => void) {
      listeners.push(l);
      return { dispose: () => listeners.splice(listeners.indexOf(l), 1) };
    },
    grant() {
      this.isTrusted = true;
      for (const l of [...listeners]) l();
    },
    listeners,
  };
}

function fakeServer(state: ServerState, fail: { notify?: boolean; restart?: boolean } = {}) {
  const server = {
    current: state,
    calls: [] as string[],
    state: () => server.current,
    ready: async () => {
      server.calls.push('ready');
    },
    notify: async (p: { trusted: boolean }) => {
      server.calls.push(`notify ${p.trusted}`);
      if (fail.notify) throw new Error('Client is not running');
    },
    restart: async () => {
      server.calls.push('restart');
      if (fail.restart) throw new Error('spawn node ENOENT');
      server.current = 'running';
    },
  };
  return server;
}

const settle = () => new Promise((r) => setImmediate(r));

describe('client workspace trust', () => {
  it('tells a running server the state at start and again when trust is granted', async () => {
    const ws = fakeWorkspace(false);
    const server = fakeServer('running');
    const sub = followTrust(ws, server, (what, err) => assert.fail(`${what}: ${String(err)}`));
    await settle();
    assert.deepEqual(server.calls, ['ready', 'notify false']);
    ws.grant();
    await settle();
    assert.deepEqual(server.calls.slice(2), ['ready', 'notify true']);
    sub.dispose();
    assert.equal(ws.listeners.length, 0, 'the listener is removed on dispose');
  });

  it('starts a server that is down when trust is granted, instead of talking to it', async () => {
    const ws = fakeWorkspace(false);
    const server = fakeServer('down');
    followTrust(ws, server, (what, err) => assert.fail(`${what}: ${String(err)}`));
    await settle();
    assert.deepEqual(server.calls, [], 'nothing is sent to a server that is down');
    ws.grant();
    await settle();
    assert.deepEqual(server.calls, ['restart']);
    assert.equal(server.current, 'running');
  });

  it('waits for a server that is starting before it tells it', async () => {
    const ws = fakeWorkspace(true);
    const server = fakeServer('starting');
    followTrust(ws, server, (what, err) => assert.fail(`${what}: ${String(err)}`));
    await settle();
    assert.deepEqual(server.calls, ['ready', 'notify true']);
  });

  it('reports a failed notification or restart, and rejects nowhere', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (r: unknown) => unhandled.push(r);
    process.on('unhandledRejection', onUnhandled);
    try {
      const failures: string[] = [];
      const ws = fakeWorkspace(false);
      followTrust(ws, fakeServer('running', { notify: true }), (what, err) =>
        failures.push(`${what}: ${(err as Error).message}`),
      );
      const ws2 = fakeWorkspace(false);
      followTrust(ws2, fakeServer('down', { restart: true }), (what, err) =>
        failures.push(`${what}: ${(err as Error).message}`),
      );
      ws2.grant();
      await settle();
      await settle();
      assert.deepEqual(failures.sort(), [
        'Starting the language server after trust was granted: spawn node ENOENT',
        'Telling the language server about workspace trust: Client is not running',
      ]);
      assert.deepEqual(unhandled, []);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('never asks for the Helm cache in an untrusted workspace', () => {
    assert.equal(trustedSettings({ readHelmCache: true }, false).readHelmCache, false);
    assert.equal(trustedSettings({ readHelmCache: undefined }, true).readHelmCache, true);
    assert.equal(trustedSettings({ readHelmCache: false }, true).readHelmCache, false);
    const items = [{ section: 'cilium' }, { section: 'editor' }];
    assert.deepEqual(
      patchConfigurationAnswer([{ readHelmCache: true, version: '1.16' }, { readHelmCache: true }], items, false),
      [{ readHelmCache: false, version: '1.16' }, { readHelmCache: true }],
    );
    assert.equal(patchConfigurationAnswer(null, items, false), null);
  });
});
