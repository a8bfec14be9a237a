// The cilium-config key rules: unknown keys with a did-you-mean, removed / not-yet-available / deprecated keys per
// version, values the key's type cannot hold (error where the agent then exits, warning where it silently reads
// zero), the rename quick-fix, and the real ConfigMaps of the corpus.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { chartWritesConfigKey, configKeysIn } from '../../server/src/core/knowledge/configKeys';
import { suggestConfigKey } from '../../server/src/core/rules/configKeySuggest';
import { valueProblem } from '../../server/src/core/rules/configValueTypes';
import type { Finding } from '../../server/src/core/types';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { doc } from '../helpers';

const cm = (version: string, data: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

const KEY_RULES =
  /^configmap-(unknown-key|key-removed|key-not-yet-available|key-deprecated|wrong-type|value-stops-agent)$/;

function keyFindings(version: string, data: string): Finding[] {
  return doc(cm(version, data)).findings.filter((f) => KEY_RULES.test(f.rule));
}

function only(version: string, data: string): Finding {
  const fs = keyFindings(version, data);
  assert.equal(
    fs.length,
    1,
    `expected one finding, got: ${fs.map((f) => `${f.rule}: ${f.message}`).join(' | ') || 'none'}`,
  );
  return fs[0];
}

function none(version: string, data: string): void {
  assert.deepEqual(
    keyFindings(version, data).map((f) => `${f.rule}: ${f.message}`),
    [],
  );
}

describe('configmap-unknown-key', () => {
  it('finds the intended key of the same version, where plain edit distance would not', () => {
    const cases: [string, string][] = [
      ['ct-timeout-regular-tcp', 'bpf-ct-timeout-regular-tcp'],
      ['load-balancer-algorithm', 'bpf-lb-algorithm'],
      ['bpf-algorithm-annotation', 'bpf-lb-algorithm-annotation'],
      ['enable-bpf-masqurade', 'enable-bpf-masquerade'],
      ['enableBpfMasquerade', 'enable-bpf-masquerade'],
      ['hubble-listen-addr', 'hubble-listen-address'],
    ];
    for (const [typed, meant] of cases) {
      const f = only('1.19', `  ${typed}: "1"\n`);
      assert.equal(f.rule, 'configmap-unknown-key');
      assert.equal(f.severity, 'warning');
      assert.match(f.message, new RegExp(`Did you mean ${meant}\\?$`), typed);
    }
  });

  it('suggests only from the target version, and nothing when unsure', () => {
    // bpf-lb-algorithm-annotation is read from 1.17 on.
    assert.doesNotMatch(only('1.16', '  bpf-algorithm-annotation: "true"\n').message, /Did you mean/);
    // enable-dsr is not enable-bbr (its did-you-mean is bpf-lb-mode, by meaning: knowledge/oldConfigKeys.ts);
    // native-routing-cidr could be the IPv4 or IPv6 one.
    assert.doesNotMatch(only('1.19', '  enable-dsr: "true"\n').message, /enable-bbr/);
    assert.equal(suggestConfigKey('enable-dsr', configKeysIn('1.19')), undefined);
    assert.equal(suggestConfigKey('native-routing-cidr', configKeysIn('1.19')), undefined);
    assert.equal(
      suggestConfigKey('enable-bpf-masquerade', configKeysIn('1.19')),
      undefined,
      'a known key is not a typo of another',
    );
  });

  it('does not fire on keys the agent or operator reads, nor on keys only the chart writes', () => {
    none(
      '1.19',
      '  enable-bpf-masquerade: "true"\n  identity-gc-interval: "15m"\n  etcd-config: |-\n    endpoints: []\n  cni-uninstall: "true"\n  clean-cilium-state: "false"\n  bpf-lb-only: "false"\n',
    );
    none('1.12', '  custom-cni-conf: "false"\n  hubble-flow-buffer-size: "4095"\n');
  });

  it('every key each chart version writes into cilium-config is accepted in that version', () => {
    for (const v of SUPPORTED_VERSIONS) {
      const keys = configKeysIn(v).filter((k) => chartWritesConfigKey(k, v));
      assert.ok(keys.length > 80, v);
      // Only the keys are judged here: an empty bool or duration is a value the start-up check refuses.
      const fs = keyFindings(v, keys.map((k) => `  ${k}: ""\n`).join('')).filter(
        (f) => !['configmap-key-deprecated', 'configmap-wrong-type', 'configmap-value-stops-agent'].includes(f.rule),
      );
      assert.deepEqual(
        fs.map((f) => f.message),
        [],
        v,
      );
    }
  });

  it('ignores templated keys', () => {
    none('1.19', '  "{{ .Values.key }}": "x"\n  {{ .Values.other }}: "y"\n');
    assert.equal(only('1.19', '  "{{ .Values.key }}": "x"\n  wrong-key-here: "y"\n').key, 'wrong-key-here');
  });
});

describe('configmap-key-removed and configmap-key-not-yet-available', () => {
  it('a key removed in 1.16 is flagged on 1.16 with the version that removed it, not on 1.15', () => {
    const f = only('1.16', '  derive-masquerade-ip-addr-from-device: eth0\n');
    assert.equal(f.rule, 'configmap-key-removed');
    assert.match(f.message, /removed in Cilium 1\.16 \(last read in 1\.15\)/);
    none('1.15', '  derive-masquerade-ip-addr-from-device: eth0\n');
  });

  it('quotes the deprecation of the last version, and names a one-to-one successor with a rename fix', () => {
    const text = cm('1.16', '  # keep this comment\n  enable-host-reachable-services: "true"  # and this one\n');
    const f = doc(text).findings.find((x) => x.rule === 'configmap-key-removed')!;
    assert.match(
      f.message,
      /removed in Cilium 1\.13 \(last read in 1\.12\).*1\.12 had deprecated it: "This option will be removed in v1\.13\. Use --bpf-lb-sock instead"\. Use bpf-lb-sock instead\./,
    );
    assert.equal(f.fixes?.[0].title, 'Rename enable-host-reachable-services to bpf-lb-sock');
    assert.equal(
      applyEdits(text, f.fixes![0].edits),
      cm('1.16', '  # keep this comment\n  bpf-lb-sock: "true"  # and this one\n'),
    );
  });

  it('a successor that is advice rather than a rename gets no fix (tunnel → routing-mode and tunnel-protocol)', () => {
    const f = only('1.16', '  tunnel: vxlan\n');
    assert.match(f.message, /removed in Cilium 1\.15/);
    assert.equal(
      doc(cm('1.16', '  tunnel: vxlan\n')).findings.find((x) => x.rule === 'configmap-key-removed')!.fixes,
      undefined,
    );
    none('1.13', '  tunnel: vxlan\n');
    assert.equal(only('1.14', '  tunnel: vxlan\n').rule, 'configmap-key-deprecated');
  });

  it('a key read only by later versions', () => {
    const f = only('1.16', '  bpf-lb-algorithm-annotation: "true"\n');
    assert.equal(f.rule, 'configmap-key-not-yet-available');
    assert.match(f.message, /read from Cilium 1\.17 on/);
    none('1.17', '  bpf-lb-algorithm-annotation: "true"\n');
  });

  it('a key only old charts wrote, that no supported agent reads', () => {
    const f = only('1.20', '  bpf-lb-only: "false"\n');
    assert.equal(f.rule, 'configmap-key-removed');
    assert.match(
      f.message,
      /written by the 1\.18–1\.19 chart, but no cilium-agent or cilium-operator from 1\.12 on reads it, and the 1\.20 chart no longer writes it: Cilium 1\.20 ignores it\.$/,
    );
  });
});

describe('configmap-key-deprecated', () => {
  it("quotes the agent; info when that version's chart writes the key itself", () => {
    const f = only('1.18', '  enable-session-affinity: "true"\n');
    assert.equal(f.rule, 'configmap-key-deprecated');
    assert.equal(f.severity, 'info');
    assert.match(
      f.message,
      /cilium-agent says: "The flag to control Session Affinity has been deprecated, and it will be removed in v1\.19/,
    );
    none('1.17', '  enable-session-affinity: "true"\n');
  });

  it('warning for a hand-written deprecated key, with a rename to the successor', () => {
    const text = cm('1.18', '  enable-ipv4-egress-gateway: "true"\n');
    const f = doc(text).findings.find((x) => x.rule === 'configmap-key-deprecated')!;
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /Use enable-egress-gateway instead\.$/);
    assert.equal(applyEdits(text, f.fixes![0].edits), cm('1.18', '  enable-egress-gateway: "true"\n'));
  });

  it("no rename where the agent's own message names the wrong flag (node-port-algorithm)", () => {
    const f = doc(cm('1.18', '  node-port-algorithm: maglev\n')).findings.find(
      (x) => x.rule === 'configmap-key-deprecated',
    )!;
    assert.doesNotMatch(f.message, /Use bpf-lb-mode instead\./);
    assert.equal(f.fixes, undefined);
  });
});

describe('configmap-wrong-type', () => {
  it('hive-decoded options the start-up check passes: a bad value still stops the binary (error)', () => {
    const dur = only('1.19', '  identity-gc-interval: "30"\n');
    assert.equal(dur.rule, 'configmap-wrong-type', 'an operator option: the agent is not concerned');
    assert.match(dur.message, /takes a duration with a unit.*cilium-operator cannot decode/);
    const agentDur = only('1.19', '  agent-liveness-update-interval: "30"\n');
    assert.equal(agentDur.rule, 'configmap-value-stops-agent');
    assert.match(
      agentDur.message,
      /passes the start-up check, but the agent cannot decode it .* in Cilium 1\.14–1\.21/,
    );
    assert.match(only('1.19', '  cluster-id: "300000000000"\n').message, /zero or more/, 'out of uint32 range');
  });

  it('a key with no flag is not checked at start-up: a bad value silently becomes zero (warning)', () => {
    // enable-ingress-controller has no flag in 1.14 (pkg/option/config.go@v1.14.19 l.3179 reads it with vp.GetBool).
    const f = only('1.14', '  enable-ingress-controller: "yes"\n');
    assert.equal(f.rule, 'configmap-wrong-type');
    assert.equal(f.severity, 'warning');
    assert.match(f.message, /cilium-agent reads it as false without any message \(it has no flag/);
    const nanos = only('1.16', '  bpf-ct-timeout-regular-tcp: "30"\n');
    assert.equal(nanos.severity, 'warning');
    assert.match(nanos.message, /reads it as 30 nanoseconds\. Write the unit, for example "30s"/);
  });

  it("the operator's own start-up check: a flag only the operator has stops the operator, not the agent", () => {
    // 1.15: the operator registers enable-ingress-controller (operator/pkg/ingress/cell.go:55), the agent reads it
    // with vp.GetBool only.
    const f = only('1.15', '  enable-ingress-controller: "yes"\n');
    assert.equal(f.rule, 'configmap-wrong-type');
    assert.equal(f.severity, 'error');
    assert.match(
      f.message,
      /cilium-operator's start-up check of the ConfigMap refuses it.*"Incorrect config-map flag value"/,
    );
    assert.equal(doc(cm('1.15', '  enable-ingress-controller: "yes"\n')).datapath.agentStarts, true);
  });

  it('a type that changed between versions: unmanaged-pod-watcher-interval "15" is fine on 1.18, stops the 1.19 operator', () => {
    none('1.18', '  unmanaged-pod-watcher-interval: "15"\n');
    const f = only('1.19', '  unmanaged-pod-watcher-interval: "15"\n');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /cilium-operator cannot decode/);
    none('1.19', '  unmanaged-pod-watcher-interval: "15s"\n');
  });

  it('accepts what Go accepts', () => {
    none(
      '1.19',
      [
        'bpf-lb-sock: "True"',
        'enable-bpf-masquerade: "1"',
        'enable-ipv4-masquerade: " t "',
        'identity-gc-interval: "1h30m"',
        'bpf-ct-timeout-regular-tcp: "0"',
        'mtu: "0x5dc"',
        'cluster-id: "255"',
        'bpf-map-dynamic-size-ratio: "2.5e-3"',
      ]
        .map((l) => `  ${l}\n`)
        .join(''),
    );
    for (const good of ['true', 'FALSE', 'f', '0']) assert.equal(valueProblem(good, 'bool', 'hive'), undefined, good);
    for (const good of ['5m', '1h30m', '300ms', '1.5h', '-1s', '0'])
      assert.equal(valueProblem(good, 'duration', 'hive'), undefined, good);
    for (const good of ['10', '-3', '0o17', '1_000']) assert.equal(valueProblem(good, 'int', 'hive'), undefined, good);
    assert.equal(valueProblem('10.0', 'int', 'viper'), undefined, 'cast trims a zero decimal part');
    assert.ok(valueProblem('10.0', 'int', 'hive')?.refused, 'mapstructure does not');
    assert.ok(valueProblem('70000', 'uint16', 'hive')?.refused);
    assert.ok(valueProblem('-1', 'uint', 'viper'));
  });

  it('leaves kube-proxy-replacement to kpr-invalid-value, and templated or non-string values alone', () => {
    const d = doc(cm('1.20', '  kube-proxy-replacement: probe\n'));
    assert.ok(d.findings.some((f) => f.rule === 'kpr-invalid-value'));
    assert.ok(!d.findings.some((f) => f.rule === 'configmap-wrong-type'));
    none('1.19', '  bpf-lb-sock: "{{ .Values.sock }}"\n  mtu: ${MTU}\n');
    const raw = doc(cm('1.19', '  bpf-lb-sock: yes\n'));
    assert.ok(raw.findings.some((f) => f.rule === 'configmap-value-not-string'));
  });
});

describe('configmap-unknown-key quick-fix', () => {
  it('renames the key in place, keeping comments, quotes and order', () => {
    const text = cm(
      '1.19',
      '  # conntrack\n  "ct-timeout-regular-tcp": "2m" # tuned\n  enable-bpf-masquerade: "true"\n',
    );
    const f = doc(text).findings.find((x) => x.rule === 'configmap-unknown-key')!;
    assert.equal(f.fixes?.[0].title, 'Rename ct-timeout-regular-tcp to bpf-ct-timeout-regular-tcp');
    assert.equal(
      applyEdits(text, f.fixes![0].edits),
      cm('1.19', '  # conntrack\n  "bpf-ct-timeout-regular-tcp": "2m" # tuned\n  enable-bpf-masquerade: "true"\n'),
    );
  });

  it('no fix when the target key is already there, or the value would stop the agent under the new name', () => {
    const both = doc(cm('1.19', '  load-balancer-algorithm: maglev\n  bpf-lb-algorithm: random\n'));
    assert.equal(both.findings.find((x) => x.rule === 'configmap-unknown-key')!.fixes, undefined);
    // bpf-lb-sok → bpf-lb-sock (a hive bool): "maybe" would make the agent exit.
    const bad = doc(cm('1.19', '  bpf-lb-sok: "maybe"\n'));
    const f = bad.findings.find((x) => x.rule === 'configmap-unknown-key')!;
    assert.match(f.message, /Did you mean bpf-lb-sock\?/);
    assert.equal(f.fixes, undefined);
  });
});

// The real ConfigMaps of the corpus: every key finding we produce there, checked by hand (see each reason).
const corpusDir = path.resolve(__dirname, '../../../shared/corpus/real');
const CORPUS: { file: string; version?: string; unknown: string[] }[] = [
  // ~1.8 manifest: tofqdns-enable-poller (removed before 1.12, in v1.8.0 pkg/option/config.go) and wait-bpf-mount
  // (a pre-1.12 agent option) are read by no agent from 1.12 on; masquerade is configmap-key-removed with its
  // successor (knowledge/oldConfigKeys.ts).
  { file: '028-kubenetsec-rendered-ns-cilium.yaml', unknown: ['tofqdns-enable-poller', 'wait-bpf-mount'] },
  // helm template output of 1.18.2: every key is one the 1.18 agent/operator reads or the 1.18 chart writes.
  { file: '032-qjoly-rendered-1.18.2.yaml', version: '1.18', unknown: [] },
  // deckhouse's own template: netfilter-compatible-mode is not an upstream agent option in any version.
  { file: '037-deckhouse-configmap-gotemplate.yaml', unknown: ['netfilter-compatible-mode'] },
  // ~1.10 helm output: every key is read by some supported version (the old ones are key-removed, not unknown).
  { file: '016-katt-upstream-rendered.yaml', unknown: [] },
  // rendered manifest with quoted values: likewise only keys some supported version reads.
  { file: '015-nirmata-rendered-quoted.yaml', unknown: [] },
  // ~1.7 manifest: container-runtime, device, tofqdns-enable-poller, wait-bpf-mount are pre-1.12 options
  // (container-runtime is in v1.7.0 pkg/option/config.go; device became devices); enable-dsr was never an agent
  // option (did you mean bpf-lb-mode); masquerade is configmap-key-removed (knowledge/oldConfigKeys.ts).
  {
    file: '014-brb-no-netfilter-rendered.yaml',
    unknown: ['container-runtime', 'device', 'enable-dsr', 'tofqdns-enable-poller', 'wait-bpf-mount'],
  },
];

describe('corpus: real ConfigMaps', () => {
  for (const c of CORPUS) {
    it(`${c.file}: unknown keys are exactly the ones no supported agent reads`, () => {
      const file = path.join(corpusDir, c.file);
      assert.ok(existsSync(file), `${file} is missing`);
      const a = analyze(readFileSync(file, 'utf8'), { version: c.version, path: file });
      const cms = a.documents.filter((d) => d.source.format === 'configmap');
      assert.equal(cms.length, 1);
      const unknown = cms[0].findings.filter((f) => f.rule === 'configmap-unknown-key').map((f) => f.key!);
      assert.deepEqual([...new Set(unknown)].sort(), c.unknown);
      for (const k of unknown) assert.ok(!SUPPORTED_VERSIONS.some((v) => configKeysIn(v).includes(k)), k);
    });
  }

  it("the 1.18.2 rendering on its own version has no key finding but the chart's own deprecated keys", () => {
    const a = analyze(readFileSync(path.join(corpusDir, '032-qjoly-rendered-1.18.2.yaml'), 'utf8'), {
      version: '1.18',
    });
    const fs = a.documents.flatMap((d) => d.findings).filter((f) => KEY_RULES.test(f.rule));
    assert.deepEqual(fs.map((f) => `${f.rule} ${f.severity} ${f.key}`).sort(), [
      'configmap-key-deprecated info enable-internal-traffic-policy',
      'configmap-key-deprecated info enable-svc-source-range-check',
    ]);
  });
});

describe('configmap-value-stops-agent: native-routing CIDRs (parsed by the agent, which exits on a bad one)', () => {
  it('fires on a value that is not a CIDR, or of the other family', () => {
    const notCidr = only('1.16', '  ipv4-native-routing-cidr: "10.0.0.0"\n');
    assert.equal(notCidr.rule, 'configmap-value-stops-agent');
    assert.equal(notCidr.severity, 'error');
    assert.match(
      notCidr.message,
      /takes an IPv4 CIDR such as 10\.0\.0\.0\/8, and "10\.0\.0\.0" is not a CIDR: the agent will not start\. It exits/,
    );
    assert.match(only('1.12', '  ipv4-native-routing-cidr: "10.0.0.0/33"\n').message, /is not a CIDR/);
    assert.match(
      only('1.19', '  ipv6-native-routing-cidr: "10.0.0.0/8"\n').message,
      /is an IPv4 CIDR: the agent will not start\. The agent exits with: "ipv6-native-routing-cidr must be an IPv6 CIDR"/,
    );
    assert.match(only('1.19', '  ipv4-native-routing-cidr: "010.0.0.0/8"\n').message, /is not a CIDR/);
    // The verdict agrees, even when no other rule would stop the agent.
    assert.equal(
      doc(cm('1.16', '  routing-mode: native\n  ipv4-native-routing-cidr: nope\n  enable-ipv6-masquerade: "false"\n'))
        .datapath.agentStarts,
      false,
    );
  });

  it('does not fire on good, empty or templated values', () => {
    none('1.19', '  ipv4-native-routing-cidr: "10.0.0.0/8"\n  ipv6-native-routing-cidr: "fd00::/100"\n');
    none('1.19', '  ipv6-native-routing-cidr: "2001:db8:0:0:0:0:0:0/64"\n  ipv4-native-routing-cidr: ""\n');
    none('1.19', '  ipv4-native-routing-cidr: "${POD_CIDR}"\n');
  });
});

describe('extraConfig entries of Helm values are cilium-config keys too', () => {
  it('the chart copies them into cilium-config, so the same rules apply', () => {
    const d = doc(
      '# cilium-version: 1.19\nkubeProxyReplacement: true\nextraConfig:\n  ct-timeout-regular-tcp: "2m"\n  bpf-lb-sock: "yes"\n  enable-ipv6-ndp: "true"\n',
    );
    const fs = d.findings.filter((f) => KEY_RULES.test(f.rule));
    assert.deepEqual(
      fs.map((f) => `${f.rule} ${f.key}`),
      ['configmap-unknown-key ct-timeout-regular-tcp', 'configmap-value-stops-agent bpf-lb-sock'],
    );
    assert.match(fs[0].message, /Did you mean bpf-ct-timeout-regular-tcp\?/);
    assert.equal(fs[1].severity, 'error');
  });

  it('the rename fix works there too, keeping the comment', () => {
    const text =
      '# cilium-version: 1.19\nkubeProxyReplacement: true\nextraConfig:\n  load-balancer-algorithm: maglev # tuned\n';
    const f = doc(text).findings.find((x) => x.rule === 'configmap-unknown-key')!;
    assert.equal(applyEdits(text, f.fixes![0].edits), text.replace('load-balancer-algorithm', 'bpf-lb-algorithm'));
  });

  it('no finding on the real extraConfig of the corpus (all three keys are read by every supported agent)', () => {
    const file = path.join(corpusDir, '046-tosuke-values-extraconfig.yaml');
    const fs = analyze(readFileSync(file, 'utf8'), { path: file })
      .documents.flatMap((d) => d.findings)
      .filter((f) => KEY_RULES.test(f.rule));
    assert.deepEqual(
      fs.map((f) => f.message),
      [],
    );
  });
});
