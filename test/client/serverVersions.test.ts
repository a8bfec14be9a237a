// The VS Code client's version pickers come from the running server: dist/server.js sends the version table in
// its initialize result and the client turns exactly that into quick-pick items (no list of its own).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { serverVersions, versionPicks } from '../../client/src/serverVersions';
import { VERSION_TABLE } from '../../server/src/core/version';
import { startClient, type TestClient } from '../lsp/client';

describe('supported versions from the server', () => {
  let c: TestClient;
  let init: unknown;
  before(async () => {
    c = startClient();
    init = await c.connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  });
  after(() => c.close());

  it('the initialize result lists every minor of the table, pre-releases marked', () => {
    assert.deepEqual(
      serverVersions(init),
      VERSION_TABLE.map((r) => ({ minor: r.minor, prerelease: r.prerelease })),
    );
  });

  it('the pickers show them as the server sent them', () => {
    const picks = versionPicks(serverVersions(init) ?? []);
    assert.equal(picks.length, VERSION_TABLE.length);
    assert.deepEqual(picks.at(-1), {
      label: `Cilium ${VERSION_TABLE.at(-1)!.minor}`,
      description: 'pre-release',
      value: VERSION_TABLE.at(-1)!.minor,
    });
    assert.equal(picks[0].description, undefined);
  });

  it('without a server (or a server that sends no list) there is no list, not a stale one', () => {
    assert.equal(serverVersions(undefined), undefined);
    assert.equal(serverVersions({ capabilities: {} }), undefined);
    assert.equal(serverVersions({ capabilities: { experimental: { ciliumVersions: [{ minor: 1.19 }] } } }), undefined);
  });
});
