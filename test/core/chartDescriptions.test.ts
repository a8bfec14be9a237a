// Reading key descriptions out of a cilium chart's values.yaml (the user's own copy, at run time).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseChartDescriptions } from '../../server/src/core/chartDescriptions';
import { keyExistsIn } from '../../server/src/core/knowledge/catalog';

describe('parseChartDescriptions on the upstream 1.16 values.yaml', () => {
  const text = readFileSync('../shared/cilium-charts/v1.16/values.yaml', 'utf8');
  const m = parseChartDescriptions(text);

  it('finds a description for most keys, at the right dotted path', () => {
    assert.ok(m.size > 800, `${m.size} descriptions`);
    assert.match(m.get('bpf.masquerade') ?? '', /masquerade/i);
    assert.match(m.get('encryption.wireguard.persistentKeepalive') ?? '', /keepalive/i);
    assert.match(m.get('endpointHealthChecking.enabled') ?? '', /health checking/i);
    assert.match(m.get('encryption.type') ?? '', /ipsec or wireguard/i);
  });

  it('strips `#`, `--`, @schema blocks, @default markers and (type) prefixes', () => {
    for (const [k, d] of m) {
      assert.doesNotMatch(d, /^--|@schema|@default|^#|^\((string|bool|int|list)\)/, `${k}: ${d}`);
      assert.doesNotMatch(d, /\btype: \[/, `${k} kept a schema line: ${d}`);
    }
    assert.match(m.get('k8sServiceHost') ?? '', /^Kubernetes service host/);
  });

  it('documents keys that upstream only shows commented out', () => {
    assert.match(m.get('loadBalancer.mode') ?? '', /snat, dsr, hybrid/);
    assert.match(m.get('loadBalancer.algorithm') ?? '', /maglev/);
    assert.match(m.get('socketLB.hostNamespaceOnly') ?? '', /Istio/);
  });

  it('yields paths the catalog knows (or that sit below free-form maps), not prose or example lines', () => {
    const unknown = [...m.keys()].filter((k) => !keyExistsIn(k, '1.16'));
    // Free-form maps (securityContext, probes, …) have no catalog children; everything else must be real.
    assert.ok(unknown.length < 50, unknown.join(', '));
    assert.ok(!unknown.some((k) => /(^|\.)(ref|note|example)$/i.test(k)), unknown.join(', '));
    assert.ok(!m.has('hubble.redact.http.redact'), 'an indented example inside a description is not a key');
  });

  it('takes well under 100 ms', () => {
    const t0 = performance.now();
    parseChartDescriptions(text);
    assert.ok(performance.now() - t0 < 500);
  });
});

describe('parseChartDescriptions on hand-written input', () => {
  it('keeps the helm-docs description and drops section titles above it', () => {
    const m = parseChartDescriptions(
      '## Networking section\n# -- Masquerade in eBPF (our test chart)\n# @default -- false\nbpf:\n  # -- Enable the thing\n  # spanning two lines\n  masquerade: false\n',
    );
    assert.equal(m.get('bpf'), 'Masquerade in eBPF (our test chart)');
    assert.equal(m.get('bpf.masquerade'), 'Enable the thing spanning two lines');
  });

  it('uses a plain comment block when there is no helm-docs marker, and forgets it at a blank line', () => {
    const m = parseChartDescriptions('# The tunnel mode\ntunnel: vxlan\n# orphan\n\nmtu: 0\n');
    assert.equal(m.get('tunnel'), 'The tunnel mode');
    assert.equal(m.has('mtu'), false);
  });

  it('skips block scalar bodies and list items, handles CRLF and quoted keys', () => {
    const text = [
      'extraConfig:',
      '  # -- A literal config',
      '  config: |',
      '    # -- not a description',
      '    fake: key',
      '  # -- After the block',
      '  real: true',
      'tolerations:',
      '  # -- list item',
      '  - key: x',
      '    # -- not a path',
      '    effect: NoSchedule',
      '# -- Quoted key',
      '"quoted.key": 1',
    ].join('\r\n');
    const m = parseChartDescriptions(text);
    assert.equal(m.get('extraConfig.config'), 'A literal config');
    assert.equal(m.has('extraConfig.config.fake'), false);
    assert.equal(m.has('extraConfig.fake'), false);
    assert.equal(m.get('extraConfig.real'), 'After the block');
    assert.equal(
      [...m.keys()].some((k) => k.includes('effect')),
      false,
    );
    assert.equal(m.get('quoted.key'), 'Quoted key');
  });

  it('does not take prose or URLs in a description for commented-out keys', () => {
    const m = parseChartDescriptions(
      'lb:\n  # -- The mode.\n  # ref: https://example.com/docs\n  # Note: be careful\n  # mode: snat\n',
    );
    assert.equal(m.get('lb.mode'), 'The mode. ref: https://example.com/docs Note: be careful');
    assert.equal(m.has('lb.ref'), false);
  });

  it('never throws on odd input', () => {
    for (const t of [
      '',
      '#',
      '# --',
      ':',
      '- - -',
      '\t\tbad: tab',
      'a: |\n',
      '# @schema\n# type: x',
      'x: [1, 2\n  y: 3',
    ]) {
      assert.doesNotThrow(() => parseChartDescriptions(t), t);
    }
  });
});
