// The status bar: the verdict led by the worst outcome (agent will not start, chart will not install, Host Routing
// Legacy, BPF), the version with where it came from in its own item, and a tooltip in words (no internal ids).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusText, statusTooltip, versionStatusText } from '../../client/src/statusText';
import { verdictOf } from '../../server/src/core/explain';
import { analyze } from '../../server/src/core/analyze';
import { doc } from '../helpers';

const verdicts = (text: string) => analyze(text).documents.map((d) => verdictOf(d, text));

describe('status bar text', () => {
  it('says the version is assumed when it was, in the version item', () => {
    const text = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(check) Cilium: Host Routing BPF');
    assert.equal(versionStatusText([verdictOf(doc(text), text)]), '$(versions) Cilium 1.19 · assumed');
  });

  it('says where the version came from when the file names it', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(check) Cilium: Host Routing BPF');
    assert.equal(versionStatusText([verdictOf(doc(text), text)]), '$(versions) Cilium 1.16 · comment');
  });

  it('shows the document that fell back to legacy, in a warning', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: false\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(warning) Cilium: Host Routing Legacy · Masq IPTables');
  });

  it('leads with "Agent will not start" when the agent refuses the configuration', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: false\nbpf:\n  masquerade: true\nenableIPv4Masquerade: true\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(error) Cilium: Agent will not start');
  });

  it('says both when the chart will not install either', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: strict\n';
    assert.equal(
      statusText([verdictOf(doc(text), text)]),
      '$(error) Cilium: Agent will not start · chart will not install',
    );
  });

  it('speaks for the worst document of a file, whatever its position', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n---\nkubeProxyReplacement: strict\nk8sServiceHost: x\n';
    const v = verdicts(text);
    assert.equal(v.length, 2);
    assert.equal(statusText(v), '$(error) Cilium: Agent will not start · chart will not install');
  });

  it('the tooltip names documents and outcomes in words, without rule ids or document kinds', () => {
    const text =
      '# cilium-version: 1.16\nkubeProxyReplacement: false\nbpf:\n  masquerade: true\nenableIPv4Masquerade: true\n';
    const tip = statusTooltip([verdictOf(doc(text), text)]);
    assert.match(tip, /Agent will not start/);
    assert.match(tip, /Cilium 1\.16 · comment/);
    assert.doesNotMatch(tip, /[a-z]+-[a-z]+-[a-z]+/, 'no rule id like bpf-masquerade-needs-nodeport');
    assert.doesNotMatch(tip, /\((values|helm-values|configmap)\)/);
  });
});
