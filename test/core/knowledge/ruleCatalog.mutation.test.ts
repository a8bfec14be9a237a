// knowledge/ruleCatalog.ts checked by mutation testing (docs/mutation.md): looking a rule up by its id gives that
// rule and no other, so the page served for a diagnostic's rule link (`cilium-docs:/rules/<id>.md`) is the
// rule's own section of docs/rules.md, and an id that is no rule gets no page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ruleDocMarkdown } from '../../../server/src/core/docs/ruleDoc';
import { allRules, isRuleId, ruleInfo } from '../../../server/src/core/knowledge/ruleCatalog';

describe('knowledge/ruleCatalog.ts', () => {
  it('ruleInfo(id) is the rule with that id, for every rule', () => {
    const rules = allRules();
    assert.ok(rules.length > 50, `${rules.length} rules`);
    for (const r of rules) assert.equal(ruleInfo(r.id), r, r.id);
    assert.equal(ruleInfo('no-such-rule'), undefined);
    assert.equal(isRuleId('no-such-rule'), false);
  });

  it("each rule's page is its own section of docs/rules.md", () => {
    const doc = readFileSync('docs/rules.md', 'utf8');
    for (const { id } of allRules()) {
      const page = ruleDocMarkdown(id)!;
      assert.ok(page.startsWith(`# ${id}\n`), id);
      // Summary, severity, versions and citation: the lines between the title and the settings hint.
      const section = page.slice(page.indexOf('\n\n') + 2, page.indexOf('\n\nTurn it off'));
      assert.match(section, /\n- Severity: /, id);
      assert.ok(doc.includes(`### ${id}\n\n${section}\n`), `${id}: ${section}`);
    }
    assert.equal(ruleDocMarkdown('no-such-rule'), undefined);
  });
});
