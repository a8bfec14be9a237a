// The comment-preserving edit primitives on their own: each edit touches only the text it must, keeps the
// file's indentation, quoting and line endings, and refuses (undefined) where it cannot edit safely.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { YAMLMap } from 'yaml';
import { analyze } from '../../server/src/core/analyze';
import {
  applyEdits,
  editsConflict,
  mapAt,
  moveEntry,
  removeEntry,
  renameKey,
  replaceEntry,
  replaceValue,
  setPath,
} from '../../server/src/core/edit/yamlEdit';
import { MapView } from '../../server/src/core/parse/tree';
import { parseYamlFile } from '../../server/src/core/parse/yamlFile';
import type { TextEdit } from '../../server/src/core/types';

function rootOf(text: string, index = 0): MapView {
  const parsed = parseYamlFile(text);
  const doc = parsed.documents[index];
  return new MapView(doc.contents as YAMLMap, {
    doc,
    text: parsed.text,
    toFile: (n) => n,
    templates: parsed.templates,
  });
}

function apply(text: string, edits: TextEdit[] | undefined): string {
  assert.ok(edits, 'expected an edit');
  const after = applyEdits(text, edits);
  assert.deepEqual(parseYamlFile(after).problems, [], `the result does not parse:\n${after}`);
  return after;
}

describe('yaml edit primitives', () => {
  it('replaceValue keeps the comment and refuses values over several lines', () => {
    const t = 'a: 1 # one\nb: |\n  text\nc:\n';
    assert.equal(apply(t, replaceValue(rootOf(t), 'a', '2', t)), 'a: 2 # one\nb: |\n  text\nc:\n');
    assert.equal(replaceValue(rootOf(t), 'b', 'x', t), undefined);
    assert.equal(apply(t, replaceValue(rootOf(t), 'c', 'true', t)), 'a: 1 # one\nb: |\n  text\nc: true\n');
    assert.equal(replaceValue(rootOf(t), 'a', '1', t), undefined, 'no edit that changes nothing');
  });

  it('renameKey keeps quotes and refuses to overwrite a sibling', () => {
    const t = "'masqurade': true\nother: 1\n";
    assert.equal(apply(t, renameKey(rootOf(t), 'masqurade', 'masquerade', t)), "'masquerade': true\nother: 1\n");
    assert.equal(renameKey(rootOf(t), 'masqurade', 'other', t), undefined);
  });

  it('setPath creates parents with the step of the file, also in a list item', () => {
    const t = 'top: 1\nhubble:\n    enabled: true\n';
    assert.equal(apply(t, setPath(rootOf(t), ['bpf', 'masquerade'], 'true', t)), `${t}bpf:\n    masquerade: true\n`);
    const onlyFlat = 'ipam:\n   mode: kubernetes\nx: 1\n';
    assert.equal(
      apply(onlyFlat, setPath(rootOf(onlyFlat), ['ipam', 'operator', 'clusterPoolIPv4PodCIDRList'], '[a]', onlyFlat)),
      'ipam:\n   mode: kubernetes\n   operator:\n      clusterPoolIPv4PodCIDRList: [a]\nx: 1\n',
    );
    const list = 'values:\n  - kubeProxyReplacement: true\n    hubble:\n      enabled: true\n';
    const item = new MapView(
      (rootOf(list).get('values')!.node as unknown as { items: YAMLMap[] }).items[0],
      rootOf(list).ctx,
    );
    assert.equal(
      apply(list, setPath(item, ['bpf', 'masquerade'], 'true', list)),
      `${list}    bpf:\n      masquerade: true\n`,
    );
  });

  it('setPath writes into flow mappings, nested as flow', () => {
    const t = 'hubble: {enabled: true}\n';
    assert.equal(
      apply(t, setPath(rootOf(t), ['hubble', 'relay', 'enabled'], 'true', t)),
      'hubble: {enabled: true, relay: {enabled: true}}\n',
    );
    const multi = 'bpf: {\n  preallocateMaps: true, # big\n  }\n';
    assert.equal(
      apply(multi, setPath(rootOf(multi), ['bpf', 'masquerade'], 'true', multi)),
      'bpf: {\n  preallocateMaps: true, masquerade: true, # big\n  }\n',
    );
    assert.equal(
      setPath(rootOf(t), ['hubble', 'ui'], 'x # comment', t),
      undefined,
      'a comment cannot go into a flow mapping',
    );
  });

  it('setPath refuses aliases and merged mappings, but overrides a merged scalar', () => {
    const t = 'base: &b\n  bpf:\n    preallocateMaps: true\n  kubeProxyReplacement: false\nv:\n  <<: *b\n  x: 1\n';
    const v = mapAt(rootOf(t), ['v'])!;
    assert.equal(setPath(v, ['bpf', 'masquerade'], 'true', t), undefined);
    assert.equal(apply(t, setPath(v, ['kubeProxyReplacement'], 'true', t)), `${t}  kubeProxyReplacement: true\n`);
    const alias = 'd: &d\n  a: 1\nbpf: *d\n';
    assert.equal(setPath(rootOf(alias), ['bpf', 'masquerade'], 'true', alias), undefined);
  });

  it('inserts before the next document, not after it', () => {
    const t = 'a: 1\nb:\n  c: 2\n---\nx: 1\n';
    assert.equal(apply(t, setPath(rootOf(t), ['b', 'd'], '3', t)), 'a: 1\nb:\n  c: 2\n  d: 3\n---\nx: 1\n');
  });

  it('edits inside a literal block scalar with Windows line endings at its content indentation', () => {
    const t =
      'apiVersion: argoproj.io/v1alpha1\r\nkind: Application\r\nmetadata:\r\n  name: cilium\r\nspec:\r\n  source:\r\n    chart: cilium\r\n    targetRevision: 1.16.1\r\n    helm:\r\n      values: |\r\n        kubeProxyReplacement: true\r\n        hubble:\r\n          enabled: false # off\r\n  project: default\r\n';
    const root = analyze(t).documents[0].source.root;
    const edits = setPath(root, ['bpf', 'masquerade'], 'true', t)!;
    const lines = applyEdits(
      t,
      edits.map((x) => ({ ...x, newText: x.newText.replace(/\n/g, '\r\n') })),
    ).split('\r\n');
    assert.deepEqual(lines.slice(10, 16), [
      '        kubeProxyReplacement: true',
      '        hubble:',
      '          enabled: false # off',
      '        bpf:',
      '          masquerade: true',
      '  project: default',
    ]);
    assert.equal(
      applyEdits(t, setPath(root, ['hubble', 'enabled'], 'true', t)!).split('\r\n')[12],
      '          enabled: true # off',
    );
  });

  it('removeEntry removes whole lines, never a comment inside a block or an anchor', () => {
    const t = 'a: 1 # gone with it\nb:\n  c: 1\n  d: 2\ne:\n  # keep me\n  f: 1\ng: &x 1\nh: *x\n';
    assert.equal(apply(t, removeEntry(rootOf(t), 'a', t)), t.replace('a: 1 # gone with it\n', ''));
    assert.equal(apply(t, removeEntry(rootOf(t), 'b', t)), t.replace('b:\n  c: 1\n  d: 2\n', ''));
    assert.equal(removeEntry(rootOf(t), 'e', t), undefined);
    assert.equal(removeEntry(rootOf(t), 'g', t), undefined);
    const single = 'only: 1\n';
    assert.equal(removeEntry(rootOf(single), 'only', single), undefined);
  });

  it('replaceEntry writes several lines at the entry indentation, the comment on the last', () => {
    const t = 'x:\n  tunnel: vxlan # old\n';
    const x = mapAt(rootOf(t), ['x'])!;
    assert.equal(
      apply(t, replaceEntry(x, 'tunnel', ['routingMode: tunnel', 'tunnelProtocol: vxlan'], t)),
      'x:\n  routingMode: tunnel\n  tunnelProtocol: vxlan # old\n',
    );
    const flow = 'x: {tunnel: vxlan}\n';
    assert.equal(replaceEntry(mapAt(rootOf(flow), ['x'])!, 'tunnel', ['a: 1', 'b: 2'], flow), undefined);
  });

  it('moveEntry takes the comment along and never leaves two edits at one offset', () => {
    const t = 'bpf:\n  preallocateMaps: true\nmasquerade: true # BPF\nz: 1\n';
    const edits = moveEntry(rootOf(t), ['masquerade'], ['bpf', 'masquerade'], t)!;
    assert.equal(edits.length, 1);
    assert.equal(apply(t, edits), 'bpf:\n  preallocateMaps: true\n  masquerade: true # BPF\nz: 1\n');
    assert.equal(moveEntry(rootOf(t), ['z'], ['bpf', 'preallocateMaps'], t), undefined, 'the target exists');
  });

  it('applyEdits applies right to left; editsConflict sees overlaps and shared starts', () => {
    const e = (start: number, end: number, newText = ''): TextEdit => ({ range: { start, end }, newText });
    assert.equal(applyEdits('abcdef', [e(0, 1, 'X'), e(4, 6, 'Y'), e(2, 2, '-')]), 'Xb-cdY');
    assert.equal(editsConflict(e(0, 3), e(2, 4)), true);
    assert.equal(editsConflict(e(2, 2), e(2, 5)), true);
    assert.equal(editsConflict(e(0, 2), e(2, 2)), false);
  });
});
