// knowledge/keyDocs.ts checked by mutation testing (docs/mutation.md): each effect of a key is shown in its hover
// under the name of the `cilium status` line it changes (statusPreview.ts, after pkg/client/client.go), in a
// fixed order; a key without version notes gets none; and the Helm ↔ ConfigMap links are exactly those of
// keyDocs.json, each once, each naming a key the chart really writes into cilium-config (configKeys.json, from
// templates/cilium-configmap.yaml of every supported chart).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configMapKeyMarkdown, helmKeyMarkdown } from '../../../server/src/core/docs/keyInfo';
import { keyExistsIn } from '../../../server/src/core/knowledge/catalog';
import { chartWritesConfigKey } from '../../../server/src/core/knowledge/configKeys';
import {
  configMapKeyDoc,
  effectLines,
  helmKeyDoc,
  helmKeysFor,
  keyDocs,
  notesFor,
  type KeyDoc,
} from '../../../server/src/core/knowledge/keyDocs';
import { statusLines } from '../../../server/src/core/statusPreview';
import { SUPPORTED_VERSIONS } from '../../../server/src/core/version';
import { doc } from '../../helpers';

/** Every effect field and the status line it is about ('other' is shown as "Also"). */
const ORDER = ['hostRouting', 'masquerading', 'kpr', 'routing', 'other'] as const;

const allDocs = (): [string, KeyDoc][] => [
  ...Object.entries(keyDocs().helm),
  ...Object.entries(keyDocs().configMap),
  ...Object.entries(keyDocs().removedHelm),
];

describe('knowledge/keyDocs.ts', () => {
  it('gives one line per effect, in a fixed order, labelled with the status line it changes', () => {
    const statusLabels = new Set(
      ['1.15', '1.16'].flatMap((v) =>
        statusLines(doc(`# cilium-version: ${v}\nkubeProxyReplacement: true\n`).datapath, v as '1.15').map(([l]) => l),
      ),
    );
    let withEffects = 0;
    for (const [key, d] of allDocs()) {
      const lines = effectLines(d);
      const fields = ORDER.filter((f) => d.effects?.[f]);
      assert.deepEqual(
        lines.map(([, text]) => text),
        fields.map((f) => d.effects![f]),
        key,
      );
      for (const [label] of lines) assert.ok(label === 'Also' || statusLabels.has(label), `${key}: ${label}`);
      assert.equal(new Set(lines.map(([l]) => l)).size, lines.length, key);
      if (lines.length > 0) withEffects++;
    }
    assert.ok(withEffects > 100, `${withEffects} keys with effects`);
    // Each field has its own label: the four status lines and "Also".
    const bpfMasq = effectLines(helmKeyDoc('bpf.masquerade')!);
    const kpr = effectLines(helmKeyDoc('kubeProxyReplacement')!);
    const labelOf = (lines: [string, string][], text: string | undefined) => lines.find(([, t]) => t === text)?.[0];
    assert.equal(labelOf(kpr, helmKeyDoc('kubeProxyReplacement')!.effects!.kpr), 'KubeProxyReplacement');
    assert.equal(labelOf(kpr, helmKeyDoc('kubeProxyReplacement')!.effects!.hostRouting), 'Host Routing');
    assert.equal(labelOf(bpfMasq, helmKeyDoc('bpf.masquerade')!.effects!.masquerading), 'Masquerading');
    const routing = allDocs().find(([, d]) => d.effects?.routing)![1];
    assert.equal(labelOf(effectLines(routing), routing.effects!.routing), 'Routing');
    const other = allDocs().find(([, d]) => d.effects?.other)![1];
    assert.equal(labelOf(effectLines(other), other.effects!.other), 'Also');
  });

  it('the hover of a key shows its effects as labelled lines', () => {
    const d = helmKeyDoc('bpf.masquerade')!;
    const md = helmKeyMarkdown('bpf.masquerade', '1.16').join('\n');
    assert.ok(md.includes(`- **Masquerading:** ${d.effects!.masquerading}`), md);
    const cm = configMapKeyDoc('enable-bpf-masquerade')!;
    const cmd = configMapKeyMarkdown('enable-bpf-masquerade', '1.16').join('\n');
    for (const [label, text] of effectLines(cm)) assert.ok(cmd.includes(`- **${label}:** ${text}`), label);
  });

  it('a key without version notes has none in any version', () => {
    const plain = allDocs().filter(([, d]) => !d.notes);
    assert.ok(plain.length > 100);
    for (const [key, d] of plain) for (const v of SUPPORTED_VERSIONS) assert.deepEqual(notesFor(d, v), [], key);
  });

  it('links Helm and ConfigMap keys exactly as keyDocs.json says, each once, to keys the chart writes', () => {
    const expected = new Map<string, Set<string>>();
    const link = (cm: string, h: string) => expected.set(cm, (expected.get(cm) ?? new Set()).add(h));
    for (const [cm, d] of Object.entries(keyDocs().configMap)) for (const h of d.helm ?? []) link(cm, h);
    for (const [h, d] of Object.entries(keyDocs().helm)) for (const cm of d.configMap ?? []) link(cm, h);
    assert.ok(expected.size > 40, `${expected.size} ConfigMap keys`);
    for (const [cm, helm] of expected) {
      const got = helmKeysFor(cm);
      assert.deepEqual([...got].sort(), [...helm].sort(), cm);
      assert.equal(new Set(got).size, got.length, `${cm}: ${got.join(', ')}`);
      assert.ok(
        SUPPORTED_VERSIONS.some((v) => chartWritesConfigKey(cm, v) && [...helm].some((h) => keyExistsIn(h, v))),
        `${cm}: no supported chart has ${[...helm].join('/')} and writes ${cm}`,
      );
    }
    // A ConfigMap key no Helm key writes (the chart has no value for it), and one no table names.
    for (const cm of [...Object.keys(keyDocs().configMap), 'no-such-key'].filter((k) => !expected.has(k)))
      assert.deepEqual(helmKeysFor(cm), [], cm);
    assert.deepEqual(helmKeysFor('no-such-key'), []);
  });
});
