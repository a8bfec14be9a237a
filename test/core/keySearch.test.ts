// A search by Helm key over the rendered cilium-config keys (core/hover.ts configMapKeysFrom: the hover's "Becomes
// in cilium-config here"). Each rendered key's origin is worked out only when read (model/chartModel.ts), and
// `Setting.mayName` lets the search pass over a key whose origin cannot name the hovered key. Proved here to
// change nothing: over every real file of the corpus, the upstream chart and a file with templated values and a
// map copied whole, a key passed over never names any key the file has, and the search finds exactly what reading
// every origin finds. And it is why it exists: a hover after an edit works out a handful of origins, not all.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, type DocumentAnalysis } from '../../server/src/core/analyze';
import { chartValuesText } from '../../server/src/core/chart/values/chartValues';
import { configMapKeysFrom, hoverAt } from '../../server/src/core/hover';
import { keyOriginSteps } from '../../server/src/core/model/chartModel';
import type { MapView } from '../../server/src/core/parse/tree';
import type { Origin } from '../../server/src/core/types';
import { findRepoRoot } from '../../tools/repoRoot';
import { yaml } from '../helpers';

const CORPUS = path.resolve(findRepoRoot(), '../shared/corpus/real');

/** Every Helm key an origin names: the user's line, or the lines it is implied by. */
function named(o: Origin, out: Set<string>, depth = 0): Set<string> {
  if (o.kind === 'user') out.add(o.key);
  if (o.kind === 'implied' && depth < 8) for (const b of o.by) named(b, out, depth + 1);
  return out;
}

/** Every dotted path of the user's values. */
function paths(view: MapView, prefix = '', out: string[] = []): string[] {
  for (const e of view.entries()) {
    const p = prefix ? `${prefix}.${e.key}` : e.key;
    out.push(p);
    const child = view.viewOf(e);
    if (child && out.length < 20_000) paths(child, p, out);
  }
  return out;
}

/** The search as it was: every rendered key's origin read. */
const everyOrigin = (doc: DocumentAnalysis, key: string) =>
  [...doc.configMap].filter(([, s]) => named(s.origin, new Set()).has(key)).map(([k]) => k);

function checkFile(label: string, text: string): number {
  let checked = 0;
  for (const doc of analyze(text, {}).documents) {
    if (doc.source.format !== 'helm') continue;
    const keys = new Set(paths(doc.source.root));
    for (const [, s] of doc.configMap) named(s.origin, keys);
    for (const [cmKey, s] of doc.configMap) {
      const names = named(s.origin, new Set());
      for (const k of keys)
        if (s.mayName?.(k) === false) {
          assert.ok(!names.has(k), `${label}: ${cmKey} was passed over for ${k}, which its origin names`);
          checked++;
        }
    }
    for (const k of keys) assert.deepEqual(configMapKeysFrom(doc, k), everyOrigin(doc, k), `${label}: ${k}`);
  }
  return checked;
}

describe('search by Helm key over the rendered cilium-config keys', () => {
  it('passes over only keys whose origin cannot name it, and finds what reading every origin finds (corpus)', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.length >= 40, `${files.length} corpus files`);
    let checked = 0;
    for (const f of files) checked += checkFile(f, readFileSync(path.join(CORPUS, f), 'utf8'));
    assert.ok(checked > 10_000, `only ${checked} pairs passed over: the filter is not at work`);
  });

  it('the same on the upstream chart, and with templated values and a map copied whole into cilium-config', () => {
    assert.ok(checkFile('chart 1.18', `# cilium-version: 1.18\n${chartValuesText('1.18')!}`) > 10_000);
    const templated = yaml`
      # cilium-version: 1.18
      kubeProxyReplacement: true
      bpf:
        masquerade: "{{ .Values.global.masq }}"
      extraConfig:
        my-own-key: "1"
        enable-bpf-masquerade: "true"
      ipam:
        mode: cluster-pool
        operator:
          clusterPoolIPv4PodCIDRList: ["{{ .Values.cidr }}"]
      routingMode: native
      ipv4NativeRoutingCIDR: 10.0.0.0/8
    `;
    checkFile('templated', templated);
    const doc = analyze(templated, {}).documents[0];
    // The entry of a map copied whole is the user's line, and a templated value makes the keys it feeds unknown.
    assert.deepEqual(configMapKeysFrom(doc, 'extraConfig.my-own-key'), ['my-own-key']);
    assert.ok(configMapKeysFrom(doc, 'bpf.masquerade').length > 0);
  });

  it('works out a handful of origins for a hover on a fresh analysis of the chart, not every rendered key', () => {
    const text = `# cilium-version: 1.18\n${chartValuesText('1.18')!}`;
    const analysis = analyze(text, {});
    const doc = analysis.documents[0];
    const at = text.indexOf('\nkubeProxyReplacement:') + 3;
    const before = keyOriginSteps.worked;
    const hover = hoverAt(analysis, text, at);
    const worked = keyOriginSteps.worked - before;
    assert.match(hover?.markdown ?? '', /Becomes in cilium-config here: `kube-proxy-replacement: "false"`/);
    assert.ok(doc.configMap.size > 100, `${doc.configMap.size} rendered keys`);
    assert.ok(worked * 10 < doc.configMap.size, `${worked} origins worked out of ${doc.configMap.size}`);
  });
});
