// The words completion offers for values no rule checks (knowledge/valueDomains.ts), each row compared with what
// the chart's values.yaml documents above the key in every version the row covers, and each cited line range
// with the comment found there. Completion reads the rows; checked keys take the checking rule's words.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { completeAt } from '../../server/src/core/completion';
import { allowedIn, enumSpecFor } from '../../server/src/core/knowledge/enumValues';
import { VALUE_WORD_RULES } from '../../server/src/core/rules/defs/index';
import { VALUE_DOMAINS } from '../../server/src/core/knowledge/valueDomains';
import { inRange, SUPPORTED_VERSIONS, VERSION_TABLE, type CiliumVersion } from '../../server/src/core/version';
import { findRepoRoot } from '../../tools/repoRoot';
import { commentAbove } from '../valuesComment';

const charts = path.resolve(findRepoRoot(), '../shared/cilium-charts');
const valuesOf = (v: CiliumVersion) => readFileSync(path.join(charts, `v${v}`, 'values.yaml'), 'utf8');

/** The words a helm-docs comment gives as the values: a `- word` list, or the words after "Possible values", "e.g."… */
function documentedWords(comment: string): string[] {
  const text = comment
    .split('\n')
    .map((l) => l.replace(/^\s*#\s?/, ''))
    .join('\n');
  const items = [...text.matchAll(/^\s*-\s+"?([a-z][a-z0-9_-]*)/gm)].map((m) => m[1]);
  if (items.length > 0) return items;
  const flat = text.replace(/\n/g, ' ').replace(/\([^)]*\)/g, '');
  const m =
    /(?:possible values|valid options are|applicable values(?: can be)?|e\.g\.|modes)\s*:?\s*(.*?)(?:\.\s|\.$|$)/i.exec(
      flat,
    );
  return m
    ? m[1]
        .split(/,|\band\b|\bor\b/)
        .map((s) => s.trim())
        .filter((s) => /^[a-z][a-z0-9_-]*$/.test(s))
    : [];
}

describe('completion value domains', () => {
  it("every row offers exactly the words the chart's values.yaml documents, in every version it covers", () => {
    for (const d of VALUE_DOMAINS) {
      for (const v of SUPPORTED_VERSIONS.filter((x) => inRange(x, d.since, d.until))) {
        const c = commentAbove(valuesOf(v), d.path);
        assert.ok(c, `${d.path} is in values.yaml of ${v}`);
        assert.deepEqual([...d.values].sort(), documentedWords(c.text).sort(), `${d.path}@${v}: ${c.text}`);
      }
    }
  });

  it('rows of one key do not overlap, and end where the key leaves the chart', () => {
    for (const d of VALUE_DOMAINS) {
      const rows = VALUE_DOMAINS.filter((x) => x.path === d.path);
      for (const v of SUPPORTED_VERSIONS)
        assert.ok(rows.filter((x) => inRange(v, x.since, x.until)).length <= 1, `${d.path}@${v}`);
      const after = SUPPORTED_VERSIONS.find(
        (v) => d.until && !inRange(v, undefined, d.until) && !rows.some((x) => inRange(v, x.since, x.until)),
      );
      if (after)
        assert.equal(commentAbove(valuesOf(after), d.path), undefined, `${d.path} still in ${after}: extend the row`);
    }
  });

  it('each cited line range is the comment above the key at that release', () => {
    const minorOfRelease = new Map(VERSION_TABLE.map((r) => [`v${r.release}`, r.minor]));
    for (const d of VALUE_DOMAINS) {
      const cited = [...d.cite.matchAll(/@(v[\d.]+(?:-pre\.\d+)?) l\.(\d+)-(\d+)/g)];
      assert.ok(cited.length > 0, d.cite);
      for (const [, tag, first, last] of cited) {
        const v = minorOfRelease.get(tag) as CiliumVersion;
        const c = commentAbove(valuesOf(v), d.path)!;
        assert.deepEqual([c.first, c.keyLine], [Number(first), Number(last)], `${d.path} ${tag}`);
      }
    }
  });

  it('completion offers a row, deprecated words marked; keys a rule checks offer the rule words', () => {
    const offered = (v: string, text: string) => {
      const full = `# cilium-version: ${v}\n${text}`;
      return completeAt(analyze(full), full, full.length);
    };
    assert.deepEqual(
      offered('1.16', 'routingMode: ').map((i) => i.label),
      ['tunnel', 'native'],
    );
    assert.deepEqual(
      offered('1.14', 'tunnel: ')
        .filter((i) => i.deprecated)
        .map((i) => i.label),
      ['vxlan', 'geneve', 'disabled'],
    );
    assert.deepEqual(
      offered('1.16', 'loadBalancer:\n  acceleration: ').map((i) => i.label),
      ['disabled', 'native', 'best-effort'],
    );
    for (const [v, key, text] of [
      ['1.16', 'cni.chainingMode', 'cni:\n  chainingMode: '],
      ['1.13', 'loadBalancer.dsrDispatch', 'loadBalancer:\n  dsrDispatch: '],
      ['1.20', 'underlayProtocol', 'underlayProtocol: '],
      ['1.16', 'bpf.datapathMode', 'bpf:\n  datapathMode: '],
    ] as const) {
      assert.deepEqual(
        offered(v, text).map((i) => i.label),
        [...allowedIn(enumSpecFor(VALUE_WORD_RULES, key, v)!, v)!],
        `${key}@${v}`,
      );
    }
  });
});
