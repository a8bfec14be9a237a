// Hover, completion and the rendered-ConfigMap view inside a cilium-config ConfigMap, from the keys the agent and
// operator of the target version read (knowledge/configKeys.ts): type, default for that version, which binary
// reads it, what a bad value does, deprecation, and the versions it exists in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { renderedConfigText } from '../../server/src/core/renderedConfig';
import { hoverAt } from '../../server/src/core/hover';

const cm = (version: string, data: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n${data}`;

function hover(text: string, key: string): string {
  const md = hoverAt(analyze(text), text, text.indexOf(`  ${key}:`) + 3)?.markdown;
  assert.ok(md, `no hover on ${key}`);
  return md;
}

/** Completion at the end of a ConfigMap whose data already has a key (an empty `data:` is not a mapping yet). */
function complete(text: string) {
  const withKey = text.replace(/^data:\n/m, 'data:\n  cluster-name: "one"\n');
  return completeAt(analyze(withKey), withKey, withKey.length);
}

describe('hover in a ConfigMap', () => {
  it('type, the default of that version, the reader, what a bad value does, the source line', () => {
    const md = hover(cm('1.16', '  bpf-ct-timeout-regular-tcp: "2m"\n'), 'bpf-ct-timeout-regular-tcp');
    assert.match(md, /Type: `duration` · Default in 1\.16: `2h13m20s` · Read by cilium-agent/);
    // A viper-read flag: its value is type-checked at start-up all the same (pkg/option/config.go validateConfigMap).
    assert.match(
      md,
      /does not parse as `duration` stops cilium-agent at start-up\. A number without a unit is read as nanoseconds/,
    );
    assert.match(
      hover(cm('1.14', '  enable-ingress-controller: "true"\n'), 'enable-ingress-controller'),
      /Without a flag, a value that does not parse is read as false without a message\./,
    );
    assert.match(md, /Read in 1\.12–1\.21\..*Source: `daemon\/cmd\/daemon_main\.go:\d+` \(1\.16\.19\)/);
    const op = hover(cm('1.19', '  identity-gc-interval: "15m"\n'), 'identity-gc-interval');
    assert.match(op, /Read by cilium-operator/);
    assert.match(op, /stops cilium-operator at start-up/);
    assert.match(
      hover(cm('1.19', '  ipv4-native-routing-cidr: "10.0.0.0/8"\n'), 'ipv4-native-routing-cidr'),
      /Takes an IPv4 CIDR; anything else stops cilium-agent at start-up\./,
    );
  });

  it('per version: the default changed, the key was deprecated, then removed', () => {
    assert.match(
      hover(cm('1.17', '  enable-session-affinity: "true"\n'), 'enable-session-affinity'),
      /Default in 1\.17: `false`/,
    );
    const dep = hover(cm('1.18', '  enable-session-affinity: "true"\n'), 'enable-session-affinity');
    assert.match(dep, /Default in 1\.18: `true`/);
    assert.match(dep, /\*\*Deprecated in 1\.18:\*\* "The flag to control Session Affinity has been deprecated/);
    assert.match(
      hover(cm('1.19', '  enable-session-affinity: "true"\n'), 'enable-session-affinity'),
      /Not read by Cilium 1\.19: removed in 1\.19 \(read in 1\.12–1\.18\)/,
    );
    assert.match(
      hover(cm('1.16', '  bpf-lb-algorithm-annotation: "true"\n'), 'bpf-lb-algorithm-annotation'),
      /Not read by Cilium 1\.16 yet: read in 1\.17–1\.21/,
    );
  });

  it('unknown keys get the did-you-mean of the version; chart-only keys say who reads them', () => {
    assert.match(
      hover(cm('1.19', '  load-balancer-algorithm: maglev\n'), 'load-balancer-algorithm'),
      /in any version from 1\.12 to 1\.21; it is ignored\. Did you mean `bpf-lb-algorithm`\?/,
    );
    assert.match(
      hover(cm('1.19', '  etcd-config: |-\n    x: 1\n'), 'etcd-config'),
      /Written by the 1\.19 chart, but not read by cilium-agent or cilium-operator\. Mounted as the file/,
    );
  });
});

describe('completion in a ConfigMap', () => {
  it('offers every key the version reads, with its facts as documentation, and none of another version', () => {
    const at17 = complete(cm('1.17', '  bpf-ct-'));
    const ct = at17.find((c) => c.label === 'bpf-ct-timeout-regular-tcp');
    assert.ok(ct, 'keys without hand-written notes are offered too');
    assert.match(ct.detail ?? '', /duration · cilium-agent/);
    assert.match(ct.documentation ?? '', /Type: `duration` · Default in 1\.17: `2h13m20s`/);
    assert.ok(complete(cm('1.17', '  bpf-lb-')).some((c) => c.label === 'bpf-lb-algorithm-annotation'));
    assert.ok(
      !complete(cm('1.16', '  bpf-lb-')).some((c) => c.label === 'bpf-lb-algorithm-annotation'),
      'read from 1.17 on',
    );
    assert.ok(complete(cm('1.19', '  ')).length > 400);
  });

  it('marks deprecated keys, and leaves out hidden flags and keys only the chart writes', () => {
    const items = complete(cm('1.18', '  '));
    assert.equal(items.find((c) => c.label === 'enable-session-affinity')?.deprecated, true);
    assert.equal(items.find((c) => c.label === 'enable-bpf-masquerade')?.deprecated, undefined);
    assert.ok(!items.some((c) => c.label === 'etcd-config'));
    assert.ok(!items.some((c) => c.label === 'cmdref'), 'hidden flag');
  });

  it('offers true/false for every bool key, named like a switch or not', () => {
    const text = cm('1.19', '  auto-create-cilium-node-resource: ');
    assert.deepEqual(
      complete(text).map((c) => c.insertText),
      ['"true"', '"false"'],
    );
    assert.deepEqual(
      complete(cm('1.19', '  identity-gc-interval: ')).map((c) => c.label),
      [],
    );
  });
});

describe('rendered cilium-config view', () => {
  it('annotates each key with its type, default and reader, and keys the version does not read', () => {
    const text = cm('1.19', '  enable-bpf-masquerade: "true"\n  identity-gc-interval: "15m"\n  tunnel: vxlan\n');
    const out = renderedConfigText(analyze(text).documents, text)!;
    assert.match(
      out,
      /\n {2}enable-bpf-masquerade: "true" {2}# as written \(line 7\); bool, default false, cilium-agent\n/,
    );
    assert.match(
      out,
      /\n {2}identity-gc-interval: 15m {2}# as written \(line 8\); duration, default 15m0s, cilium-operator\n/,
    );
    assert.match(out, /\n {2}tunnel: vxlan {2}# as written \(line 9\); not read by Cilium 1\.19\n/);
  });
});
