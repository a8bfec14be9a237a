// Property: in every real corpus file, replacing a Cilium value by a template (`${X}`, `{{ .Values.x }}`,
// `"${X}"`) never throws and never adds an error-severity finding the original did not have, apart from the
// findings about the value's type (a quoted template is a string). The scalars are a deterministic sample per
// file (evenly spaced, plus every datapath key present) so the test stays a few seconds long.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { MapView, resolveAlias } from '../../server/src/core/parse/tree';
import type { Range } from '../../server/src/core/types';
import { findRepoRoot } from '../../tools/repoRoot';

const corpusDir = path.resolve(findRepoRoot(), '../shared/corpus/real');
const files = readdirSync(corpusDir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

const REPLACEMENTS = ['${X}', '{{ .Values.x }}', '"${X}"'];
/** Findings about the value's type are allowed to appear: a quoted template has a known type. */
const TYPE_RULES = new Set(['templated-wrong-type', 'wrong-type', 'quoted-boolean']);
const PER_FILE = 4;
const MAX_KEY_SITES = 6;
/** Values that decide the datapath or a chart/agent check: always included when present. */
const KEY_PATHS = new Set([
  'kubeProxyReplacement',
  'routingMode',
  'tunnel',
  'tunnelProtocol',
  'ipv4NativeRoutingCIDR',
  'ipv6NativeRoutingCIDR',
  'cluster.name',
  'cluster.id',
  'bpf.masquerade',
  'enableIPv4Masquerade',
  'ipam.mode',
  'eni.enabled',
  'loadBalancer.mode',
  'k8sServicePort',
  'autoDirectNodeRoutes',
  'kube-proxy-replacement',
  'routing-mode',
  'tunnel',
  'enable-bpf-masquerade',
  'ipv4-native-routing-cidr',
]);

interface Site {
  range: Range;
  path: string;
}

/** Every plain or quoted scalar value of the file's Cilium documents, with its file range. */
function valueSites(a: Analysis, text: string): Site[] {
  const out: Site[] = [];
  for (const d of a.documents) {
    const root = d.source.root;
    const ctx = root.ctx;
    const visit = (node: Node | null, view: MapView, p: string) => {
      if (!node || out.length > 5000) return;
      if (isScalar(node)) {
        if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL || !node.range) return;
        const range = view.rangeOf(node);
        // Only where the offsets map one-to-one into the file (top level, or a literal block's line).
        if (
          text.slice(range.start, range.end) !== ctx.text.slice(node.range[0], node.range[1]) ||
          range.end <= range.start
        )
          return;
        out.push({ range, path: p });
      } else if (isMap(node)) {
        const v = node === view.map ? view : new MapView(node, ctx);
        for (const e of v.entries()) if (!e.merged && !e.aliased) visit(e.node, v, p ? `${p}.${e.key}` : e.key);
      } else if (isSeq(node)) {
        for (const item of node.items) visit(resolveAlias(item, ctx.doc), view, p);
      }
    };
    visit(root.map, root, '');
  }
  return out;
}

function sample(sites: Site[]): Site[] {
  const chosen = new Set<Site>(sites.filter((s) => KEY_PATHS.has(s.path)).slice(0, MAX_KEY_SITES));
  const step = Math.max(1, Math.floor(sites.length / PER_FILE));
  for (let i = 0; i < sites.length && chosen.size < PER_FILE + MAX_KEY_SITES; i += step) chosen.add(sites[i]);
  return [...chosen];
}

function errorKeys(a: Analysis): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)]) {
    if (f.severity !== 'error' || TYPE_RULES.has(f.rule)) continue;
    const k = `${f.rule} @ ${f.key ?? '-'}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

describe('property: a templated value never crashes and never adds an error', () => {
  it('covers every corpus file', () => {
    assert.ok(files.length >= 40, `only ${files.length} corpus files in ${corpusDir}`);
  });
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      const opts = { path: file };
      const original = analyze(text, opts);
      const before = errorKeys(original);
      const sites = sample(valueSites(original, text));
      for (const site of sites) {
        for (const r of REPLACEMENTS) {
          const changed = text.slice(0, site.range.start) + r + text.slice(site.range.end);
          const what = `${file}: ${site.path} = ${text.slice(site.range.start, site.range.end).slice(0, 40)} → ${r}`;
          let after: Analysis;
          try {
            after = analyze(changed, opts);
          } catch (err) {
            assert.fail(`${what}: analyze threw ${(err as Error).stack}`);
          }
          assert.deepEqual(
            after.internalErrors.map((e) => String(e.error)),
            [],
            what,
          );
          for (const [k, n] of errorKeys(after)) {
            assert.ok(
              n <= (before.get(k) ?? 0),
              `${what}: new error ${k}\n${[...after.fileFindings, ...after.documents.flatMap((d) => d.findings)]
                .filter((f) => `${f.rule} @ ${f.key ?? '-'}` === k)
                .map((f) => f.message)
                .join('\n')}`,
            );
          }
        }
      }
    });
  }
});
