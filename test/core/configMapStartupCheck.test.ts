// The type check cilium-agent and cilium-operator run on every flag's ConfigMap value before they start
// (pkg/option/config.go validateConfigMap, knowledge/configMapStartupCheck.ts): what spf13/cast accepts in each
// version, that a refused value is an error saying the agent will not start (and the verdict agrees), for
// options read through viper as much as for hive cells, and that the chart's own output is never refused.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configKeyInfo } from '../../server/src/core/knowledge/configKeys';
import { startupCheckRefuses } from '../../server/src/core/knowledge/configMapStartupCheck';
import { valueOutcome } from '../../server/src/core/rules/configValueTypes';
import { splitMessage } from '../../server/src/core/rules/headline';
import type { Finding } from '../../server/src/core/types';
import { SUPPORTED_VERSIONS, type CiliumVersion } from '../../server/src/core/version';
import { doc } from '../helpers';

const cm = (version: string, data: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

function stops(version: string, data: string): Finding[] {
  return doc(cm(version, data)).findings.filter((f) => f.rule === 'configmap-value-stops-agent');
}

describe('start-up check: what cast accepts, per version', () => {
  it('bool: exactly strconv.ParseBool, in every version, and an empty value is refused', () => {
    for (const v of SUPPORTED_VERSIONS) {
      for (const ok of ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False', ' true '])
        assert.equal(startupCheckRefuses(ok, 'bool', v), false, `${v} ${ok}`);
      for (const bad of ['yes', 'no', 'on', 'off', 'tRUE', 'enabled', '', '2'])
        assert.equal(startupCheckRefuses(bad, 'bool', v), true, `${v} ${JSON.stringify(bad)}`);
    }
  });

  it('duration: a bare number gets "ns" (accepted), an empty value becomes "ns" (refused)', () => {
    for (const v of SUPPORTED_VERSIONS) {
      for (const ok of ['30s', '1h30m', '30', '1.5', '-1s', '0', '300ms'])
        assert.equal(startupCheckRefuses(ok, 'duration', v), false, `${v} ${ok}`);
      for (const bad of ['', '10 s', '5 minutes', 'ten', '10sec'])
        assert.equal(startupCheckRefuses(bad, 'duration', v), true, `${v} ${JSON.stringify(bad)}`);
    }
  });

  it('numbers up to 1.17 (cast ≤ 1.7): empty and decimal parts refused, a zero decimal part trimmed', () => {
    const old: CiliumVersion[] = ['1.12', '1.15', '1.17'];
    for (const v of old) {
      for (const ok of ['10', '0x10', '10.0', '10.000', '-3', '+4', '1_000'])
        assert.equal(startupCheckRefuses(ok, 'int', v), false, `${v} ${ok}`);
      for (const bad of ['', '10.5', '10s', 'ten', '9223372036854775808'])
        assert.equal(startupCheckRefuses(bad, 'int', v), true, `${v} ${JSON.stringify(bad)}`);
      assert.equal(startupCheckRefuses('-1', 'uint32', v), true, 'a negative uint');
      assert.equal(startupCheckRefuses('', 'float64', v), true);
      assert.equal(startupCheckRefuses('2.5e-3', 'float64', v), false);
    }
  });

  it('numbers from 1.18 (cast 1.9/1.10): an empty value is 0, any decimal part is dropped', () => {
    for (const v of ['1.18', '1.19', '1.21'] as CiliumVersion[]) {
      for (const ok of ['', '10', '10.5', '.5', '0x10'])
        assert.equal(startupCheckRefuses(ok, 'int', v), false, `${v} ${JSON.stringify(ok)}`);
      for (const bad of ['10s', 'ten', '1_000.5'])
        assert.equal(startupCheckRefuses(bad, 'int', v), true, `${v} ${bad}`);
      assert.equal(startupCheckRefuses('-1', 'uint', v), true, 'ParseUint refuses a sign');
      assert.equal(startupCheckRefuses('+5', 'uint', v), false, 'a leading + is dropped');
      assert.equal(startupCheckRefuses('18446744073709551615', 'uint64', v), false);
      assert.equal(startupCheckRefuses('', 'float64', v), false);
    }
  });

  it('strings, lists and `map` flags are never refused here; stringToString from 1.16 (stringMapValue.test.ts)', () => {
    for (const t of ['string', 'stringSlice', 'map'])
      assert.equal(startupCheckRefuses('anything at all', t, '1.19'), false, t);
    assert.equal(startupCheckRefuses('anything at all', 'stringToString', '1.15'), false);
    assert.equal(startupCheckRefuses('anything at all', 'stringToString', '1.16'), true);
  });

  it('only flags are checked: a key read with vp.GetX alone is not', () => {
    const noFlag = configKeyInfo('enable-ingress-controller', '1.14')!;
    assert.deepEqual(noFlag.flagged, []);
    assert.equal(valueOutcome('yes', noFlag, 'agent')?.refused, undefined);
    const operatorFlag = configKeyInfo('enable-ingress-controller', '1.15')!;
    assert.deepEqual(operatorFlag.flagged, ['operator']);
    const agentFlag = configKeyInfo('enable-gateway-api', '1.16')!;
    assert.deepEqual(agentFlag.flagged, ['agent']);
    assert.equal(valueOutcome('yes', agentFlag, 'agent')?.refused, 'startup');
  });
});

describe('configmap-value-stops-agent', () => {
  it('a viper-read bool the start-up check refuses is an error: the agent will not start', () => {
    for (const v of ['1.12', '1.16', '1.19', '1.21']) {
      const [f, ...rest] = stops(v, '  enable-bpf-masquerade: "yes"\n');
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.match(
        f.message,
        /^enable-bpf-masquerade takes a boolean .*, and "yes" is not one: the agent will not start\./,
      );
      assert.match(f.message, /in Cilium 1\.12–1\.21 .*The agent exits with: "Incorrect config-map flag value"/);
      assert.equal(
        doc(cm(v, '  enable-bpf-masquerade: "yes"\n')).findings.some((x) => x.rule === 'configmap-wrong-type'),
        false,
        'no second finding on the same value',
      );
    }
  });

  it('the verdict says the agent will not start', () => {
    assert.equal(doc(cm('1.19', '  enable-ipv4-masquerade: "yes"\n')).datapath.agentStarts, false);
    assert.equal(doc(cm('1.19', '  enable-ipv4-masquerade: "true"\n')).datapath.agentStarts, true);
    assert.equal(doc(cm('1.16', '  enable-l7-proxy: ""\n')).datapath.agentStarts, false, 'an empty bool');
  });

  it('an integer flag given a duration, and the versions that refuse an empty number', () => {
    const [f] = stops('1.19', '  mtu: "10s"\n');
    assert.match(f.message, /^mtu takes a whole number, and "10s" is not one: the agent will not start\./);
    const [empty] = stops('1.17', '  mtu: ""\n');
    assert.match(empty.message, /in Cilium 1\.12–1\.17 /, 'cast reads an empty number as 0 from 1.18');
    assert.deepEqual(stops('1.18', '  mtu: ""\n'), []);
  });

  it('extraConfig entries of Helm values are checked the same way', () => {
    const d = doc('# cilium-version: 1.18\nextraConfig:\n  enable-bpf-masquerade: "yes"\n');
    assert.deepEqual(
      d.findings.filter((f) => f.rule === 'configmap-value-stops-agent').map((f) => f.key),
      ['enable-bpf-masquerade'],
    );
    assert.equal(d.datapath.agentStarts, false);
  });

  it('its headline is one sentence of at most 120 characters, even for a long key and value', () => {
    const long = `  bpf-policy-map-full-reconciliation-interval: "${'x'.repeat(60)}"\n`;
    const [f] = stops('1.19', long);
    const h = splitMessage(f).headline;
    assert.ok(h.length <= 120, h);
    assert.match(h, /the agent will not start/);
  });

  it('never fires on what the chart writes from its own defaults, in any version', () => {
    for (const v of SUPPORTED_VERSIONS) {
      for (const values of ['ipam:\n  mode: kubernetes\n', 'routingMode: native\nautoDirectNodeRoutes: true\n']) {
        const d = doc(`# cilium-version: ${v}\n${values}`);
        assert.ok(d.agent.settings.size > 50, `${v}: the chart rendered`);
        for (const [key, s] of d.agent.settings) {
          const info = configKeyInfo(key, v);
          if (!info) continue;
          for (const c of info.components)
            assert.equal(valueOutcome(s.value, info, c)?.refused, undefined, `${v} ${key}=${JSON.stringify(s.value)}`);
        }
      }
    }
  });
});
