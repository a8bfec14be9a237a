// knowledge/configKeys.ts checked by mutation testing (docs/mutation.md): what the lookups give back for each
// version, against the key lists extracted from each release's Go source (../shared/cilium-config-keys/v1.NN.tsv:
// key, component, pflag type per component, registration file and line) rather than against configKeys.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { configKeyInfo, configKeysIn, isConfigKeyIn } from '../../../server/src/core/knowledge/configKeys';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';
import { findRepoRoot } from '../../../tools/repoRoot';

const keysDir = path.resolve(findRepoRoot(), '../shared/cilium-config-keys');

/** The rows of a version's key list: key, components, type per component ("agent: int; operator: uint32"). */
function rows(v: string): { key: string; types: Record<string, string> }[] {
  const lines = readFileSync(path.join(keysDir, `v${v}.tsv`), 'utf8').split('\n');
  return lines
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const [key, component, type] = l.split('\t');
      const bare = type.replace(/\s*\(.*\)$/, '');
      const comps = component === 'both' ? ['agent', 'operator'] : [component];
      const types = bare.includes(':')
        ? Object.fromEntries(bare.split('; ').map((p) => p.split(': ') as [string, string]))
        : Object.fromEntries(comps.map((c) => [c, bare]));
      return { key, types };
    });
}

describe('knowledge/configKeys.ts', () => {
  it('every key of every version is read there, with the pflag type of each component as the source has it', () => {
    let split = 0;
    for (const v of SUPPORTED_VERSIONS) {
      const list = rows(v);
      assert.ok(list.length > 300, `${v}: ${list.length} keys`);
      const all = configKeysIn(v);
      for (const { key, types } of list) {
        assert.ok(isConfigKeyIn(key, v), `${key} ${v}`);
        assert.ok(all.includes(key), `${key} ${v}`);
        assert.deepEqual(configKeyInfo(key, v)?.types, types, `${key} ${v}`);
        if (new Set(Object.values(types)).size > 1) split++;
      }
    }
    // cluster-id (agent int, operator uint32 in 1.13-1.14) and kube-proxy-replacement (agent bool, operator string
    // from 1.19) are among the keys whose two readers disagree.
    assert.ok(split >= 5, `${split} keys typed differently by agent and operator`);
    assert.deepEqual(configKeyInfo('cluster-id', '1.13')?.types, { agent: 'int', operator: 'uint32' });
  });

  it('lists the keys of a version sorted, and a key nobody reads is not in it', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const all = configKeysIn(v);
      assert.deepEqual([...all], [...all].sort(), v);
      assert.equal(isConfigKeyIn('no-such-key', v), false, v);
    }
    // tunnel: deprecated in 1.14 (daemon/cmd/daemon_main.go@v1.14.19 l.778), gone from the 1.15 key list.
    assert.equal(isConfigKeyIn('tunnel', '1.14'), true);
    assert.equal(isConfigKeyIn('tunnel', '1.15'), false);
  });
});
