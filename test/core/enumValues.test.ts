// Words outside the fixed set a value takes: each rule fires on a wrong word in the versions and
// configurations where Cilium's source checks it, stays silent on every valid word and where nothing checks,
// and names the nearest valid word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allowedIn, schemaEnumPaths, schemaEnumValues } from '../../server/src/core/knowledge/enumValues';
import { VALUE_WORD_RULES } from '../../server/src/core/rules/defs/index';
import { SUPPORTED_VERSIONS } from '../../server/src/core/version';
import { doc, finding, noFinding, rules, yaml } from '../helpers';

const CM = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n${data}`;

describe('enumerated values', () => {
  describe('encryption.type (the chart ignores unknown words: encryption silently off)', () => {
    const text = (type: string, enabled = true) => yaml`
      kubeProxyReplacement: true
      encryption:
        enabled: ${enabled}
        type: ${type}
    `;

    it('a typo with encryption on is an error that says traffic stays unencrypted, with the nearest word', () => {
      const f = finding(doc(text('wiregard'), { version: '1.16' }), 'encryption-type-invalid');
      assert.equal(f.severity, 'error');
      assert.match(f.message, /Did you mean wireguard\?/);
      assert.match(f.message, /unencrypted/);
      assert.match(f.message, /worse than a refused install/);
      assert.equal(f.key, 'encryption.type');
      assert.equal(f.fixes?.[0].title, 'Change to wireguard');
    });

    it('every valid word of every version passes, ztunnel only from 1.19', () => {
      for (const v of SUPPORTED_VERSIONS) {
        for (const w of ['ipsec', 'wireguard']) noFinding(doc(text(w), { version: v }), 'encryption-type-invalid');
      }
      noFinding(doc(text('ztunnel'), { version: '1.19' }), 'encryption-type-invalid');
      finding(doc(text('ztunnel'), { version: '1.18' }), 'encryption-type-invalid');
    });

    it('while encryption is off it is only a warning (nothing reads it yet), still with the nearest word', () => {
      const f = finding(doc(text('wiregard', false), { version: '1.16' }), 'encryption-type-invalid');
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /Did you mean wireguard\?/);
      assert.match(f.message, /Encryption is off/);
      assert.doesNotMatch(f.message, /refuse/);
    });
  });

  describe('agent exits on an unknown word', () => {
    const cases: { rule: string; text: string; version: string; near?: string; source: RegExp }[] = [
      {
        rule: 'ipam-mode-invalid',
        text: 'kubeProxyReplacement: true\nipam:\n  mode: clusterpool\n',
        version: '1.16',
        near: 'cluster-pool',
        source: /Unknown IPAM backend clusterpool/,
      },
      {
        rule: 'identity-allocation-mode-invalid',
        text: 'kubeProxyReplacement: true\nidentityAllocationMode: crds\n',
        version: '1.17',
        near: 'crd',
        source: /Invalid identity allocation mode/,
      },
      {
        rule: 'monitor-aggregation-invalid',
        text: 'kubeProxyReplacement: true\nbpf:\n  monitorAggregation: mediun\n',
        version: '1.15',
        near: 'medium',
        source: /invalid monitor aggregation level "mediun"/,
      },
      {
        rule: 'datapath-mode-invalid',
        text: 'kubeProxyReplacement: true\nbpf:\n  datapathMode: netkitl2\n',
        version: '1.18',
        near: 'netkit-l2',
        source: /Invalid datapath mode/,
      },
      {
        rule: 'lb-mode-invalid',
        text: 'kubeProxyReplacement: true\nloadBalancer:\n  mode: dsrr\n',
        version: '1.16',
        near: 'dsr',
        source: /Invalid value for --bpf-lb-mode: dsrr/,
      },
      {
        rule: 'lb-algorithm-invalid',
        text: 'kubeProxyReplacement: true\nloadBalancer:\n  algorithm: magelv\n',
        version: '1.19',
        near: 'maglev',
        source: /--bpf-lb-algorithm: magelv/,
      },
      {
        rule: 'lb-acceleration-invalid',
        text: 'kubeProxyReplacement: true\nloadBalancer:\n  acceleration: best-efort\n',
        version: '1.16',
        near: 'best-effort',
        source: /--bpf-lb-acceleration/,
      },
      {
        rule: 'lb-dsr-dispatch-invalid',
        text: 'kubeProxyReplacement: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: dsr\n  dsrDispatch: ipipp\n',
        version: '1.16',
        near: 'ipip',
        source: /--bpf-lb-dsr-dispatch: ipipp/,
      },
      {
        rule: 'tunnel-mode-invalid',
        text: 'kubeProxyReplacement: strict\ntunnel: genev\n',
        version: '1.13',
        near: 'geneve',
        source: /invalid tunnel mode 'genev'/,
      },
      {
        rule: 'cni-chaining-mode-invalid',
        text: 'kubeProxyReplacement: true\ncni:\n  chainingMode: generic-vet\n',
        version: '1.16',
        near: 'generic-veth',
        source: /invalid CNI chaining mode: generic-vet/,
      },
      {
        rule: 'underlay-protocol-invalid',
        text: 'kubeProxyReplacement: true\nunderlayProtocol: ipvv4\n',
        version: '1.18',
        near: 'ipv4',
        source: /invalid IP family for underlay "ipvv4"/,
      },
    ];
    for (const c of cases) {
      it(`${c.rule}: error with the agent's text and the nearest word`, () => {
        const f = finding(doc(c.text, { version: c.version }), c.rule);
        assert.equal(f.severity, 'error');
        assert.match(f.message, c.source);
        // The verdict agrees with the finding (CNI chaining breaks pods, not the agent).
        assert.equal(doc(c.text, { version: c.version }).datapath.agentStarts, c.rule === 'cni-chaining-mode-invalid');
        if (c.near) assert.match(f.message, new RegExp(`Did you mean ${c.near}\\?`));
        assert.match(f.fixes?.[0].title ?? '', new RegExp(`^Change to ${c.near}\\b`));
      });
    }

    it('every word of each set passes in each version it is listed for', () => {
      const sample: Record<string, (w: string) => string> = {
        'ipam-mode-invalid': (w) => `kubeProxyReplacement: true\nipam:\n  mode: ${w}\n`,
        'identity-allocation-mode-invalid': (w) => `kubeProxyReplacement: true\nidentityAllocationMode: ${w}\n`,
        'monitor-aggregation-invalid': (w) => `kubeProxyReplacement: true\nbpf:\n  monitorAggregation: ${w}\n`,
        'datapath-mode-invalid': (w) => `kubeProxyReplacement: true\nbpf:\n  datapathMode: ${w}\n`,
        'lb-algorithm-invalid': (w) => `kubeProxyReplacement: true\nloadBalancer:\n  algorithm: ${w}\n`,
        'lb-acceleration-invalid': (w) => `kubeProxyReplacement: true\nloadBalancer:\n  acceleration: ${w}\n`,
        'cni-chaining-mode-invalid': (w) => `kubeProxyReplacement: true\ncni:\n  chainingMode: ${w}\n`,
        'lb-l7-algorithm-invalid': (w) =>
          `kubeProxyReplacement: true\nloadBalancer:\n  l7:\n    backend: envoy\n    algorithm: ${w}\n`,
        'underlay-protocol-invalid': (w) => `kubeProxyReplacement: true\nunderlayProtocol: ${w}\n`,
      };
      let checked = 0;
      for (const spec of VALUE_WORD_RULES) {
        const make = sample[spec.id];
        if (!make) continue;
        for (const v of SUPPORTED_VERSIONS) {
          for (const w of allowedIn(spec, v) ?? []) {
            const d = doc(make(w), { version: v });
            assert.ok(!rules(d).includes(spec.id), `${spec.id} fired on ${w} for ${v}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 150, `only ${checked} words checked`);
    });

    it('the sets change where the source changed', () => {
      const ipam = (w: string, v: string) => doc(`kubeProxyReplacement: true\nipam:\n  mode: ${w}\n`, { version: v });
      finding(ipam('multi-pool', '1.13'), 'ipam-mode-invalid');
      noFinding(ipam('multi-pool', '1.14'), 'ipam-mode-invalid');
      noFinding(ipam('cluster-pool-v2beta', '1.14'), 'ipam-mode-invalid');
      finding(ipam('cluster-pool-v2beta', '1.15'), 'ipam-mode-invalid');
      const id = (w: string, v: string) =>
        doc(`kubeProxyReplacement: true\nidentityAllocationMode: ${w}\n`, { version: v });
      finding(id('doublewrite-readcrd', '1.16'), 'identity-allocation-mode-invalid');
      noFinding(id('doublewrite-readcrd', '1.17'), 'identity-allocation-mode-invalid');
      const accel = (v: string) =>
        doc('kubeProxyReplacement: true\nloadBalancer:\n  acceleration: best-effort\n', { version: v });
      finding(accel('1.14'), 'lb-acceleration-invalid');
      noFinding(accel('1.15'), 'lb-acceleration-invalid');
      const dp = (w: string, v: string) =>
        doc(`kubeProxyReplacement: true\nbpf:\n  datapathMode: ${w}\n`, { version: v });
      noFinding(dp('lb-only', '1.17'), 'datapath-mode-invalid');
      finding(dp('lb-only', '1.18'), 'datapath-mode-invalid');
      finding(dp('auto', '1.19'), 'datapath-mode-invalid');
      noFinding(dp('auto', '1.20'), 'datapath-mode-invalid');
    });

    it('CNI chaining on 1.12/1.13: the install script writes a stand-alone configuration for an unknown word', () => {
      for (const v of ['1.12', '1.13']) {
        const f = finding(
          doc('kubeProxyReplacement: strict\ncni:\n  chainingMode: flanel\n', { version: v }),
          'cni-chaining-mode-invalid',
        );
        assert.equal(f.severity, 'error', v);
        assert.match(f.message, /Did you mean flannel\?.*stand-alone CNI configuration.*instead of chaining/, v);
      }
      noFinding(
        doc('kubeProxyReplacement: strict\ncni:\n  chainingMode: aws-cni\n', { version: '1.12' }),
        'cni-chaining-mode-invalid',
      );
    });

    it('loadBalancer.l7.algorithm: only read with the Envoy L7 backend, any case, silently round_robin otherwise (1.13+)', () => {
      const l7 = (backend: string, w: string, v = '1.19') =>
        doc(`kubeProxyReplacement: true\nloadBalancer:\n  l7:\n    backend: ${backend}\n    algorithm: ${w}\n`, {
          version: v,
        });
      const f = finding(l7('envoy', 'least_requests'), 'lb-l7-algorithm-invalid');
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /Did you mean least_request\?.*silently uses round_robin/);
      noFinding(l7('envoy', 'LEAST_REQUEST'), 'lb-l7-algorithm-invalid');
      noFinding(l7('disabled', 'least_requests'), 'lb-l7-algorithm-invalid');
      finding(l7('envoy', 'fastest', '1.13'), 'lb-l7-algorithm-invalid');
      noFinding(l7('envoy', 'fastest', '1.12'), 'lb-l7-algorithm-invalid');
      const cm = doc(
        CM('  kube-proxy-replacement: "true"\n  loadbalancer-l7: "envoy"\n  loadbalancer-l7-algorithm: "rundom"\n'),
        { version: '1.19' },
      );
      assert.match(finding(cm, 'lb-l7-algorithm-invalid').message, /Did you mean random\?/);
    });

    it('underlayProtocol: ipv4/ipv6 from 1.18, auto added in 1.20', () => {
      const u = (w: string, v: string) => doc(`kubeProxyReplacement: true\nunderlayProtocol: ${w}\n`, { version: v });
      finding(u('auto', '1.19'), 'underlay-protocol-invalid');
      noFinding(u('auto', '1.20'), 'underlay-protocol-invalid');
      noFinding(u('ipv5', '1.17'), 'underlay-protocol-invalid');
      noFinding(u('""', '1.19'), 'underlay-protocol-invalid');
    });

    it('monitor aggregation takes any case and the numbers 0-4, as the agent does', () => {
      for (const w of ['Medium', 'MAXIMUM', '0', '4'])
        noFinding(
          doc(`kubeProxyReplacement: true\nbpf:\n  monitorAggregation: "${w}"\n`, { version: '1.16' }),
          'monitor-aggregation-invalid',
        );
      finding(
        doc('kubeProxyReplacement: true\nbpf:\n  monitorAggregation: 5\n', { version: '1.16' }),
        'monitor-aggregation-invalid',
      );
    });

    it('works on a cilium-config ConfigMap under the agent option names', () => {
      const d = doc(CM('  ipam: "kubernetess"\n  kube-proxy-replacement: "true"\n  bpf-lb-mode: "dsrr"\n'), {
        version: '1.19',
      });
      assert.match(finding(d, 'ipam-mode-invalid').message, /^ipam: "kubernetess"/);
      assert.match(finding(d, 'lb-mode-invalid').fixes?.[0].title ?? '', /^Change to dsr\b/);
    });

    it('templated values and empty values are not judged', () => {
      const d = doc('kubeProxyReplacement: true\nipam:\n  mode: ${IPAM_MODE}\nloadBalancer:\n  mode: ""\n', {
        version: '1.16',
      });
      noFinding(d, 'ipam-mode-invalid');
      noFinding(d, 'lb-mode-invalid');
    });
  });

  describe('load-balancer words are only checked where the agent reads them', () => {
    it('up to 1.17 a wrong lb mode without BPF NodePort is not read: no finding', () => {
      noFinding(
        doc('kubeProxyReplacement: false\nloadBalancer:\n  mode: dsrr\n', { version: '1.16' }),
        'lb-mode-invalid',
      );
      noFinding(
        doc('kubeProxyReplacement: false\nloadBalancer:\n  acceleration: nativ\n', { version: '1.16' }),
        'lb-acceleration-invalid',
      );
    });

    it('from 1.18 the load-balancer configuration is parsed whatever kube-proxy replacement says', () => {
      finding(
        doc('kubeProxyReplacement: false\nloadBalancer:\n  mode: dsrr\n', { version: '1.18' }),
        'lb-mode-invalid',
      );
      finding(
        doc('kubeProxyReplacement: false\nloadBalancer:\n  acceleration: nativ\n', { version: '1.17' }),
        'lb-acceleration-invalid',
      );
    });

    it('DSR dispatch: checked with DSR up to 1.17, unchecked (warning) in 1.18-1.19, always checked in 1.20', () => {
      const text = (mode: string) =>
        `kubeProxyReplacement: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nloadBalancer:\n  mode: ${mode}\n  dsrDispatch: ipipp\n`;
      noFinding(doc(text('snat'), { version: '1.16' }), 'lb-dsr-dispatch-invalid');
      const w = finding(doc(text('dsr'), { version: '1.18' }), 'lb-dsr-dispatch-unchecked');
      assert.equal(w.severity, 'warning');
      noFinding(doc(text('dsr'), { version: '1.18' }), 'lb-dsr-dispatch-invalid');
      noFinding(doc(text('snat'), { version: '1.19' }), 'lb-dsr-dispatch-unchecked');
      finding(doc(text('snat'), { version: '1.20' }), 'lb-dsr-dispatch-invalid');
    });
  });

  describe('kube-proxy replacement and routing mode keep their own single finding', () => {
    it('a kubeProxyReplacement typo is one chart finding plus the agent one, not an enum finding', () => {
      const d = doc('kubeProxyReplacement: ture\n', { version: '1.16' });
      assert.deepEqual(
        rules(d).filter((r) => r.endsWith('-invalid') && !r.startsWith('chart-kpr') && r !== 'kpr-invalid-value'),
        [],
      );
    });
  });

  describe('chart schema enums (1.16+: Helm refuses before rendering)', () => {
    it('the generated table has the schema enums of each version', () => {
      assert.ok(schemaEnumPaths().includes('identityManagementMode'));
      assert.deepEqual(schemaEnumValues('identityManagementMode', '1.18'), ['agent', 'operator', 'both']);
      assert.equal(schemaEnumValues('identityManagementMode', '1.17'), undefined);
    });

    it('a word outside the schema list is an error with the nearest word and a fix', () => {
      const f = finding(
        doc('kubeProxyReplacement: true\nidentityManagementMode: operater\n', { version: '1.18' }),
        'chart-schema-enum',
      );
      assert.equal(f.severity, 'error');
      assert.match(f.message, /Did you mean operator\?/);
      assert.match(f.message, /Helm refuses/);
      assert.equal(f.fixes?.[0].title, 'Change to operator');
      assert.equal(
        doc('kubeProxyReplacement: true\nidentityManagementMode: operater\n', { version: '1.18' }).datapath
          .installSucceeds,
        false,
      );
    });

    it('valid words pass, and 1.15 (no schema) says nothing', () => {
      noFinding(
        doc('kubeProxyReplacement: true\nidentityManagementMode: both\n', { version: '1.18' }),
        'chart-schema-enum',
      );
      noFinding(
        doc('kubeProxyReplacement: true\nscheduling:\n  mode: bogus\n', { version: '1.15' }),
        'chart-schema-enum',
      );
      finding(
        doc('kubeProxyReplacement: true\nscheduling:\n  mode: bogus\n', { version: '1.17' }),
        'chart-schema-enum',
      );
    });
  });
});
