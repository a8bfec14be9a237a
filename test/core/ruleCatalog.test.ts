import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../../server/src/core/knowledge/ruleCatalog';
import { RuleInfoSchema } from '../../server/src/core/knowledge/ruleInfoSchema';
import { renderRulesDoc } from '../../tools/rulesDoc';
import { analyze } from '../../server/src/core/analyze';
import { parseLintConfig } from '../../server/src/core/lintConfig';
import { readSettings } from '../../server/src/lsp/settings';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('rule catalog', () => {
  const rules = allRules();
  const ids = new Set(rules.map((r) => r.id));

  it('every rule is schema-valid: id, group, severity, versions, citation for Cilium facts, summary', () => {
    const bad = rules
      .filter((r) => !RuleInfoSchema.safeParse(r).success)
      .map((r) => `${r.id}: ${RuleInfoSchema.safeParse(r).error?.issues[0]?.message}`);
    assert.deepEqual(bad, []);
  });

  it('every rule has a summary', () => {
    assert.deepEqual(
      rules.filter((r) => !r.summary).map((r) => r.id),
      [],
    );
  });

  it('every rule id used in the core is in the catalog', () => {
    const used = new Set<string>();
    for (const file of sources('server/src/core')) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\brule: '([a-z0-9.-]+)'/g)) used.add(m[1]);
      if (file.includes('/knowledge/'))
        for (const m of readFileSync(file, 'utf8').matchAll(/\bid: '([a-z0-9.-]+)'/g)) used.add(m[1]);
    }
    assert.ok(used.size > 20, `only ${used.size} rule ids found in the sources`);
    assert.deepEqual([...used].filter((id) => !ids.has(id)).sort(), []);
  });

  it('docs/rules.md is up to date (run npm run gen:rules-doc)', () => {
    assert.equal(readFileSync('docs/rules.md', 'utf8'), renderRulesDoc());
  });

  it('each rule has its own heading, so a diagnostic can link to it', () => {
    const doc = renderRulesDoc();
    for (const id of ids) assert.ok(doc.includes(`\n### ${id}\n`), id);
  });

  it('every rule id is accepted where users name rules: .cilium-lint.yaml, the rules setting, suppression comments', () => {
    for (const { id } of rules) {
      const config = parseLintConfig(`rules:\n  ${id}: off\n`, '.cilium-lint.yaml');
      assert.ok(config.ok, `${id}: ${config.ok ? '' : config.problems.join('; ')}`);
      assert.deepEqual(readSettings({ rules: { [id]: 'off' } }).problems, [], id);
      const a = analyze(`# cilium-version: 1.16\n# cilium-lint-disable-next-line ${id}\ndebug:\n  enabled: true\n`, {
        assumeCilium: true,
      });
      const unused = a.documents.flatMap((d) => d.findings).filter((f) => f.rule === 'unused-suppression');
      assert.ok(
        unused.every((f) => !/is not a rule id/.test(f.message)),
        `${id}: ${unused.map((f) => f.message).join('; ')}`,
      );
    }
  });
});
