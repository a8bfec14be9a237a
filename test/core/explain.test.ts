// The explanation view, the rendered cilium-config and the one-line verdict.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { explainMarkdown, verdictOf } from '../../server/src/core/explain';
import { yaml } from '../helpers';

const legacy13 = yaml`
  # cilium-version: 1.13
  kubeProxyReplacement: strict
  endpointRoutes:
    enabled: true
  enableIPv4Masquerade: true
`;

describe('explainMarkdown', () => {
  it('lists every host-routing reason with its key chain, line numbers and which one the agent logs', () => {
    const md = explainMarkdown(analyze(legacy13), legacy13);
    assert.match(md, /## Helm values — Cilium 1\.13/);
    assert.match(md, /### Host Routing: Legacy/);
    assert.match(md, /- `host-routing-iptables-masquerade` \*\*\(the agent logs this one\)\*\*: /);
    assert.match(
      md,
      /- `host-routing-endpoint-routes` \(also true, but the agent logs `host-routing-iptables-masquerade`\)/,
    );
    assert.match(md, /Decided by: `endpointRoutes\.enabled: true` \(line 4\)/);
    assert.match(md, /Decided by: `enableIPv4Masquerade: true` \(line 5\); `enable-bpf-masquerade` \(agent default\)/);
    assert.match(md, /Agent log: `BPF host routing is currently not supported with enable-endpoint-routes\./);
  });

  it('shows the cilium status preview, masquerading per family, routing and KPR with their origins', () => {
    const md = explainMarkdown(analyze(legacy13), { text: legacy13 });
    assert.match(
      md,
      /```text\nKubeProxyReplacement: Strict\nHost Routing: +Legacy\nRouting \(mode\): +Tunnel \[vxlan\]\nMasquerading: +IPTables \[IPv4: Enabled, IPv6: Disabled\]\n```/,
    );
    assert.match(md, /### Masquerading: IPTables/);
    assert.match(md, /- IPv4: \*\*masqueraded\*\* — IPv4 masquerading on \(`enableIPv4Masquerade: true` \(line 5\)\)/);
    assert.match(md, /- IPv6: not masqueraded — IPv6 itself is off \(`ipv6\.enabled` \(chart default of 1\.13\)\)/);
    assert.match(md, /### Routing: Tunnel \[vxlan\]\n\nDecided by: `tunnel` \(chart default of 1\.13\)\./);
    assert.match(md, /### KubeProxyReplacement: Strict\n\nDecided by: `kubeProxyReplacement: strict` \(line 2\)/);
    // Kube-proxy replacement with no k8sServiceHost comes first (line 2, information), then the warnings.
    assert.match(
      md,
      /### Findings\n\n- line 2: \*\*info\*\* `kpr-api-server-via-service`[^\n]*\n- line 4: \*\*warning\*\* `host-routing-endpoint-routes`/,
    );
  });

  it('names silent reasons, chart defaults, and agent exits with the agent error text', () => {
    const text = yaml`
      # cilium-version: 1.16
      kubeProxyReplacement: "false"
      bpf:
        masquerade: true
    `;
    const md = explainMarkdown(analyze(text), text);
    assert.match(md, /`host-routing-kpr-off` \(set without a log line\)/);
    assert.match(md, /### The agent refuses to start/);
    assert.match(md, /`[a-z-]+` \(the agent exits\): /);
    assert.match(md, /Agent error: `unable to initialize BPF masquerade support: BPF masquerade requires NodePort/);
    assert.match(md, /- Agent starts: \*\*no\*\*/);
  });

  it('shows chart install failures with the fail text', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\ntunnel: vxlan\n';
    const md = explainMarkdown(analyze(text), text);
    assert.match(md, /### The chart refuses to install/);
    assert.match(md, /Helm fails with: `tunnel was deprecated in v1\.14 and has been removed in v1\.15/);
    assert.match(md, /- Chart installs: \*\*no\*\*/);
  });

  it('lists a stop on a check of the cluster apart from the refusals (the renderer marks it; the install is not refused)', () => {
    const text = '# cilium-version: 1.16\nprometheus:\n  enabled: true\n  serviceMonitor:\n    enabled: true\n';
    const md = explainMarkdown(analyze(text), text);
    assert.match(md, /### The chart depends on the cluster/);
    assert.match(md, /`chart-servicemonitor-crds` \(decided by the cluster at install time\)/);
    assert.doesNotMatch(md, /### The chart refuses to install/);
    assert.match(md, /- Chart installs: yes/);
  });

  it('checks kernel requirements when a kernel is given, and says they are assumed otherwise', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nenableIPv4BIGTCP: true\nroutingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n';
    const given = explainMarkdown(analyze(text, { kernel: '5.15' }), text);
    assert.match(given, /Nodes run Linux 5\.15/);
    assert.match(given, /Cilium 1\.16 itself: Linux 5\.4 or newer — met/);
    assert.match(given, /IPv4 BIG TCP: Linux 6\.3 — \*\*not met\*\*/);
    const assumed = explainMarkdown(analyze(text), text);
    assert.match(assumed, /No kernel version given, so every kernel requirement below is assumed met/);
    assert.match(assumed, /BPF host routing: Linux 5\.10/);
    const old = explainMarkdown(analyze(legacy13, { kernel: '5.4' }), legacy13);
    assert.match(old, /`host-routing-old-kernel` .*\n  - Decided by: your kernel setting \(Linux 5\.4\)/);
  });

  it('uses file line numbers for values embedded in an Argo CD block scalar; a plain file needs no text for them', () => {
    const argo = yaml`
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: cilium
      spec:
        source:
          chart: cilium
          targetRevision: 1.16.0
          helm:
            values: |
              kubeProxyReplacement: true
              enableIPv4Masquerade: true
    `;
    assert.match(explainMarkdown(analyze(argo), argo), /`enableIPv4Masquerade: true` \(line 12\)/);
    const plain = '# cilium-version: 1.16\nkubeProxyReplacement: true\nenableIPv4Masquerade: true\n';
    assert.match(explainMarkdown(analyze(plain)), /`enableIPv4Masquerade: true` \(line 3\)/);
  });

  it('says when the file is not Cilium configuration', () => {
    assert.match(explainMarkdown(analyze('kind: Deployment\n'), 'kind: Deployment\n'), /not Cilium configuration/);
  });
});

describe('verdictOf', () => {
  it('gives the one-line verdict with the 0-based line of the first key', () => {
    const a = analyze(legacy13);
    const v = verdictOf(a.documents[0], legacy13);
    assert.equal(v.hostRouting, 'Legacy');
    assert.equal(v.masquerading, 'IPTables');
    assert.equal(v.kubeProxyReplacement, 'Strict');
    assert.equal(v.routing, 'Tunnel [vxlan]');
    assert.equal(v.ciliumVersion, '1.13');
    assert.equal(v.fellBack, true);
    assert.equal(v.agentStarts, true);
    assert.equal(v.line, 1);
    assert.equal(
      v.summary,
      'KubeProxyReplacement: Strict · Host Routing: Legacy · Masquerading: IPTables · Routing: Tunnel [vxlan]',
    );
  });
});
