// A blank ipam, datapath-mode, routing-mode or tunnel-protocol in cilium-config is not the default: the agent reads
// the empty file of its ConfigMap directory as "" (pkg/option/config.go ReadDirConfig keeps it; vp.GetString then
// gives "" over the flag's default) and "" is none of its words, so it exits:
// - ipam: "Unknown IPAM backend " (pkg/ipam/ipam.go@v1.12.19 l.157, @v1.16.19 l.134, @v1.19.1 l.174);
// - datapath-mode: "Invalid datapath mode" (daemon/cmd/daemon_main.go@v1.12.19 l.1411, @v1.16.19 l.1398,
//   @v1.19.1 l.1090), "invalid datapath mode: " from 1.20 (pkg/datapath/connector/config.go@v1.20.0-pre.4 l.190);
// - routing-mode (from 1.14): "invalid routing mode" (pkg/option/config.go@v1.16.19 l.2841-2845);
// - tunnel-protocol: "invalid tunnel protocol" (pkg/datapath/tunnel/tunnel.go@v1.16.19 l.63-67).
// In Helm values a blank falls back to the chart's default, except bpf.datapathMode from 1.16, which the chart
// writes through (templates/cilium-configmap.yaml: `datapath-mode: {{ .Values.bpf.datapathMode | quote }}`).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/core/types';
import { doc } from '../helpers';

const cm = (version: string, data: string) =>
  `# cilium-version: ${version}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

function errors(text: string): Finding[] {
  return doc(text).findings.filter((f) => f.severity === 'error');
}

describe('blank words in cilium-config stop the agent', () => {
  it('ipam: "" is an unknown IPAM backend in every version', () => {
    for (const v of ['1.12', '1.16', '1.21']) {
      const d = doc(cm(v, '  ipam: ""\n'));
      const f = d.findings.find((x) => x.rule === 'ipam-mode-invalid');
      assert.ok(f, v);
      assert.equal(f.severity, 'error');
      assert.match(f.message, /An empty value is not the default here.*"Unknown IPAM backend "/);
      assert.equal(d.datapath.agentStarts, false, v);
    }
  });

  it('datapath-mode: "" is an invalid datapath mode in every version', () => {
    for (const [v, said] of [
      ['1.12', 'Invalid datapath mode'],
      ['1.16', 'Invalid datapath mode'],
      ['1.20', 'invalid datapath mode: '],
    ]) {
      const d = doc(cm(v, '  datapath-mode: "  "\n'));
      const f = d.findings.find((x) => x.rule === 'datapath-mode-invalid');
      assert.ok(f, v);
      assert.ok(f.message.endsWith(`"${said}"`), f.message);
      assert.equal(d.datapath.agentStarts, false, v);
    }
  });

  it('routing-mode: "" is refused from 1.14, and is not read as native routing', () => {
    for (const v of ['1.14', '1.16', '1.19']) {
      const fs = errors(cm(v, '  routing-mode: ""\n'));
      assert.deepEqual(
        fs.map((f) => f.rule),
        ['routing-mode-invalid'],
        `${v}: no native-routing finding for a mode that is not native`,
      );
      assert.match(fs[0].message, /^"" is not a routing mode/);
    }
    assert.equal(
      doc(cm('1.16', '  routing-mode: ""\n')).agent.routingMode.value,
      '',
      'the agent reads "", not the default',
    );
  });

  it('tunnel-protocol: "" is refused too', () => {
    const fs = errors(cm('1.16', '  tunnel-protocol: ""\n'));
    assert.deepEqual(
      fs.map((f) => f.rule),
      ['routing-mode-invalid'],
    );
    assert.match(fs[0].message, /^"" is not a tunnel protocol/);
  });

  it('absent keys are still the defaults', () => {
    const d = doc(cm('1.16', '  cluster-name: one\n'));
    assert.equal(d.datapath.agentStarts, true);
    assert.equal(d.agent.routingMode.value, 'tunnel');
  });
});

describe('blank words in Helm values', () => {
  it('bpf.datapathMode: "" is written through by the 1.16+ chart, so the agent exits', () => {
    for (const v of ['1.16', '1.19']) {
      const d = doc(`# cilium-version: ${v}\nbpf:\n  datapathMode: ""\n`);
      assert.equal(d.agent.settings.get('datapath-mode')?.value, '', `${v}: the chart writes it`);
      const f = d.findings.find((x) => x.rule === 'datapath-mode-invalid');
      assert.ok(f, v);
      assert.equal(d.datapath.agentStarts, false);
    }
  });

  it('a blank the chart replaces by its default is no finding', () => {
    for (const values of ['bpf:\n  datapathMode: ""\n', 'routingMode: ""\n', 'ipam:\n  mode: ""\n']) {
      const v = values.startsWith('bpf') ? '1.15' : '1.16';
      const d = doc(`# cilium-version: ${v}\n${values}`);
      assert.deepEqual(
        d.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
        [],
        values,
      );
      assert.equal(d.datapath.agentStarts, true, values);
    }
  });
});

describe('routing modes of the 1.20 agent', () => {
  it('hybrid is a routing mode from 1.20 (pkg/option/config.go@v1.20.0-pre.4 l.2249-2253), not before', () => {
    for (const v of ['1.20', '1.21'])
      assert.ok(!errors(cm(v, '  routing-mode: hybrid\n')).some((f) => f.rule === 'routing-mode-invalid'), v);
    const old = errors(cm('1.19', '  routing-mode: hybrid\n')).find((f) => f.rule === 'routing-mode-invalid');
    assert.ok(old);
    assert.match(old.message, /use "tunnel" or "native"\./);
    const typo = errors(cm('1.20', '  routing-mode: hybird\n')).find((f) => f.rule === 'routing-mode-invalid');
    assert.ok(typo);
    assert.ok(typo.message.endsWith('valid modes = {"tunnel", "native", "hybrid"}"'), typo.message);
  });
});
