// The client's part of workspace trust, without VS Code: what it sends the server at start and when trust is
// granted, and how it filters settings. (test/vscode/suite runs the real extension host in e2e.)

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followTrust, patchConfigurationAnswer, trustedSettings } from '../../client/src/trust';
import { WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/lsp/protocol';

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

describe('client workspace trust', () => {
  it('tells the server the state at start and again when trust is granted', () => {
    const ws = fakeWorkspace(false);
    const sent: [string, unknown][] = [];
    const sub = followTrust(ws, (m, p) => sent.push([m, p]));
    assert.deepEqual(sent, [[WORKSPACE_TRUST_NOTIFICATION, { trusted: false }]]);
    ws.grant();
    assert.deepEqual(sent[1], [WORKSPACE_TRUST_NOTIFICATION, { trusted: true }]);
    sub.dispose();
    assert.equal(ws.listeners.length, 0, 'the listener is removed on dispose');
  });

  it('never asks for the Helm cache in an untrusted workspace', () => {
    assert.equal(trustedSettings({ readHelmCache: true }, false).readHelmCache, false);
    assert.equal(trustedSettings({ readHelmCache: undefined }, true).readHelmCache, true);
    assert.equal(trustedSettings({ readHelmCache: false }, true).readHelmCache, false);
    const items = [{ section: 'cilium' }, { section: 'editor' }];
    assert.deepEqual(patchConfigurationAnswer([{ readHelmCache: true, version: '1.16' }, { readHelmCache: true }], items, false), [{ readHelmCache: false, version: '1.16' }, { readHelmCache: true }]);
    assert.equal(patchConfigurationAnswer(null, items, false), null);
  });
});
