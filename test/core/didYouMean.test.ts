// Did-you-mean gaps found by the corpus review (docs/corpus-review.md): `ipamMode` (corpus 001) is `ipam.mode`
// written as one word; the ConfigMap keys `masquerade` (014, 028: removed in 1.11, renamed) and `enable-dsr`
// (014: never an agent option; DSR is a value of bpf-lb-mode).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { findRepoRoot } from '../../tools/repoRoot';
import { doc, finding, noFinding } from '../helpers';

const corpus = (name: string) => readFileSync(path.resolve(findRepoRoot(), '../shared/corpus/real', name), 'utf8');
const CM = (data: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: kube-system\ndata:\n${data}`;

describe('a nested value written as one camelCase word', () => {
  it('ipamMode: did you mean ipam.mode, with a fix that nests it and keeps the comment', () => {
    const text = 'kubeProxyReplacement: true\nipamMode: kubernetes # from the old chart\n';
    const f = finding(doc(text, { version: '1.19' }), 'unknown-key');
    assert.equal(f.key, 'ipamMode');
    assert.match(f.message, /Did you mean ipam\.mode\?/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.deepEqual(parse(fixed).ipam, { mode: 'kubernetes' });
    assert.match(fixed, /# from the old chart/);
    noFinding(doc(fixed, { version: '1.19' }), 'unknown-key');
  });

  it('deeper paths too; no fix when the nested key is already written', () => {
    assert.match(
      finding(doc('kubeProxyReplacement: true\nhubbleRelayEnabled: true\n', { version: '1.19' }), 'unknown-key')
        .message,
      /Did you mean hubble\.relay\.enabled\?/,
    );
    const both = 'kubeProxyReplacement: true\nipam:\n  mode: kubernetes\nipamMode: cluster-pool\n';
    assert.equal(finding(doc(both, { version: '1.19' }), 'unknown-key').fixes?.length ?? 0, 0);
  });

  it('corpus 001 gets the suggestion', () => {
    const f = analyze(corpus('001-labtop-tf-template-values.yaml'))
      .documents.flatMap((d) => d.findings)
      .find((x) => x.key === 'ipamMode');
    assert.match(f?.message ?? '', /Did you mean ipam\.mode\?/);
  });
});

describe('cilium-config keys of agents before 1.12', () => {
  it('masquerade was renamed enable-ipv4-masquerade (1.10) and removed (1.11): named, with a rename fix', () => {
    const text = CM('  masquerade: "true" # old\n');
    const f = finding(doc(text, { version: '1.16' }), 'configmap-key-removed');
    assert.match(f.message, /removed in 1\.11/);
    assert.match(f.message, /Use enable-ipv4-masquerade instead/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.match(fixed, /^ {2}enable-ipv4-masquerade: "true" # old$/m);
    noFinding(doc(fixed, { version: '1.16' }), 'configmap-key-removed');
  });

  it('enable-dsr never existed: did you mean bpf-lb-mode, and no rename (its value is not a mode)', () => {
    const f = finding(doc(CM('  enable-dsr: "false"\n'), { version: '1.19' }), 'configmap-unknown-key');
    assert.match(f.message, /Did you mean bpf-lb-mode\?/);
    assert.match(f.message, /no Cilium version has had this option/);
    assert.equal(f.fixes?.length ?? 0, 0);
  });

  it('the real rendered manifests 014 and 028 get them', () => {
    const keys = (name: string) =>
      new Map(
        analyze(corpus(name))
          .documents.flatMap((d) => d.findings)
          .map((x) => [x.key, x.message] as const),
      );
    assert.match(keys('014-brb-no-netfilter-rendered.yaml').get('enable-dsr') ?? '', /bpf-lb-mode/);
    assert.match(keys('014-brb-no-netfilter-rendered.yaml').get('masquerade') ?? '', /enable-ipv4-masquerade/);
    assert.match(keys('028-kubenetsec-rendered-ns-cilium.yaml').get('masquerade') ?? '', /enable-ipv4-masquerade/);
  });
});
