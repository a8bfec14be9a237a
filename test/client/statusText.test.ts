// The status bar text: the verdict of the file, and "assumed 1.NN" when no version was found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statusText } from '../../client/src/statusText';
import { verdictOf } from '../../server/src/core/explain';
import { doc } from '../helpers';

describe('status bar text', () => {
  it('says the version is assumed when it was', () => {
    const text = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(check) Cilium: Host Routing BPF · assumed 1.19');
  });

  it('says nothing about the version when the file names it', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(check) Cilium: Host Routing BPF');
  });

  it('shows the document that fell back to legacy, in a warning', () => {
    const text = '# cilium-version: 1.16\nkubeProxyReplacement: false\n';
    assert.equal(statusText([verdictOf(doc(text), text)]), '$(warning) Cilium: Host Routing Legacy · Masq IPTables');
  });
});
