// Facts of knowledge/configKeyNotes.ts and knowledge/oldConfigKeys.ts checked by mutation testing
// (docs/mutation.md): every note of a key only the chart writes reaches the ConfigMap hover of a version whose
// chart writes it, and every old key cites where it was read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configKeyFacts } from '../../../server/src/core/docs/configKeyInfo';
import { CHART_ONLY_KEY_NOTES } from '../../../server/src/core/knowledge/configKeyNotes';
import { chartWritesConfigKey, configKeyInfo } from '../../../server/src/core/knowledge/configKeys';
import { OLD_CONFIG_KEYS } from '../../../server/src/core/knowledge/oldConfigKeys';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';

describe('knowledge/configKeyNotes.ts', () => {
  it('lists the keys some chart writes and no agent or operator of that version reads', () => {
    for (const key of Object.keys(CHART_ONLY_KEY_NOTES)) {
      const v = SUPPORTED_VERSIONS.find((x) => chartWritesConfigKey(key, x) && !configKeyInfo(key, x));
      assert.ok(v, `${key}: no supported chart writes it while nothing reads it`);
    }
  });

  it("each note is said in the hover of a version whose chart writes the key (who reads it, or that it's ignored)", () => {
    for (const [key, note] of Object.entries(CHART_ONLY_KEY_NOTES)) {
      const v = SUPPORTED_VERSIONS.find((x) => chartWritesConfigKey(key, x) && !configKeyInfo(key, x))!;
      assert.match(note, /\b(read|reads|ignored|mounted)\b/i, key);
      assert.ok(
        configKeyFacts(key, v).includes(
          `Written by the ${v} chart, but not read by cilium-agent or cilium-operator. ${note}`,
        ),
        `${key}@${v}: ${configKeyFacts(key, v).join(' | ')}`,
      );
    }
  });
});

describe('knowledge/oldConfigKeys.ts', () => {
  it('every old key cites the Go source at a tag where its history was read', () => {
    for (const [key, old] of Object.entries(OLD_CONFIG_KEYS))
      assert.match(old.cite, /^[\w/]+\.go@v1\.\d+\.\d+ l\.\d+/, key);
  });
});
