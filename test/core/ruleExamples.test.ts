// One test per example of every rule object (server/src/core/rules/defs): the bad file gets a finding of the
// rule at the example's version, the good file none, and where the rule has a fix, the fix is offered on the
// bad file and applying it leaves no finding of the rule. The tests are generated from the rule objects, so a
// rule whose check, message or fix stops working fails here.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze, type AnalyzeOptions } from '../../server/src/core/analyze';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { fixAllEdits } from '../../server/src/core/fixes/index';
import { FIXERS } from '../../server/src/core/fixes/registry';
import { allRules } from '../../server/src/core/knowledge/ruleCatalog';
import { RULES } from '../../server/src/core/rules/defs/index';
import type { Rule, RuleExample } from '../../server/src/core/rules/rule';
import type { Finding } from '../../server/src/core/types';

function findings(text: string, o: AnalyzeOptions): Finding[] {
  const a = analyze(text, o);
  return [...a.fileFindings, ...a.documents.flatMap((d) => d.findings)];
}

function options(ex: RuleExample, kernel = ex.kernel): AnalyzeOptions {
  return {
    version: ex.versionInFile ? undefined : ex.version,
    kernel,
    assumeCilium: true,
    path: ex.path ?? 'values.yaml',
    maxChars: ex.maxChars,
  };
}

/** The documents' values as JSON, keys in the order the file writes them (a fix keeps the order). */
function valuesInOrder(text: string): string {
  return JSON.stringify(parseAllDocuments(text).map((d) => d.toJS()));
}

/** The comment lines of a file, each as written. */
function comments(text: string): string[] {
  return [...text.matchAll(/^\s*(#.*)$/gm)].map((m) => m[1]);
}

/**
 * The file with a comment line above every top-level key and one at the end: the same values, with comments that
 * no fix touches. (A fix that would delete a nested block holding a comment is refused instead, see yamlEdit.ts.)
 */
function commented(text: string): string {
  let n = 0;
  return `${text.replace(/^(?=[\w"'.-]+:)/gm, () => `# note ${++n}\n`)}# the end\n`;
}

/** `text` after the rule's Fix All. */
function fixedBy(rule: Rule, text: string, ex: RuleExample): string {
  return applyEdits(
    text,
    fixAllEdits(text, options(ex), (f) => f.rule === rule.id),
  );
}

const summary = (list: Finding[]) => list.map((f) => `${f.rule}: ${f.message}`).join('\n');

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      rule.examples.forEach((ex, i) => {
        it(`example ${i + 1} at ${ex.version}: bad has the finding, good has none${rule.fix ? ', the fix turns bad into good' : ''}`, () => {
          const bad = findings(ex.bad, options(ex)).filter((f) => f.rule === rule.id);
          assert.ok(
            bad.length > 0,
            `no ${rule.id} finding in the bad example:\n${summary(findings(ex.bad, options(ex)))}`,
          );
          // Some rules are milder where the problem does no harm yet (a BPF-masquerade fallback, a word of a feature
          // that is off): the example shows the rule at the severity the catalog gives it.
          assert.ok(
            rule.group === 'masquerade' || bad.some((f) => f.severity === rule.severity),
            `no finding at severity ${rule.severity}`,
          );
          const good = findings(ex.good, options(ex, ex.goodKernel ?? ex.kernel)).filter((f) => f.rule === rule.id);
          assert.deepEqual(summary(good), '', 'the good example has a finding of the rule');
          if (ex.fixed !== undefined) {
            const stillFound = findings(ex.fixed, options(ex)).filter((f) => f.rule === rule.id);
            assert.deepEqual(summary(stillFound), '', 'the fixed example has a finding of the rule');
          }
          if (!rule.fix) return;
          assert.ok(
            bad.some((f) => (f.fixes?.length ?? 0) > 0),
            'the fix is not offered on the bad example',
          );
          const fixed = fixedBy(rule, ex.bad, ex);
          assert.deepEqual(
            summary(findings(fixed, options(ex)).filter((f) => f.rule === rule.id)),
            '',
            `still found after the fix:\n${fixed}`,
          );
          // fix(bad) is the good file (or the example's `fixed`), value for value and key for key in its order.
          assert.equal(valuesInOrder(fixed), valuesInOrder(ex.fixed ?? ex.good), `the fix gave:\n${fixed}`);
        });
        if (!rule.fix) return;
        it(`example ${i + 1}: the fix keeps the comments of the bad file`, () => {
          const bad = commented(ex.bad);
          const fixed = fixedBy(rule, bad, ex);
          assert.equal(valuesInOrder(fixed), valuesInOrder(ex.fixed ?? ex.good), `the fix gave:\n${fixed}`);
          const lost = comments(bad).filter((c) => !fixed.includes(c));
          assert.deepEqual(lost, [], `the fix dropped comments:\n${fixed}`);
        });
      });
    });
  }
});

describe('rule objects', () => {
  it('every file in rules/defs is a rule listed in RULES, once, under its own id', () => {
    const files = readdirSync('server/src/core/rules/defs')
      .filter((n) => n.endsWith('.ts') && n !== 'index.ts')
      .map((n) => n.slice(0, -3))
      .sort();
    assert.deepEqual(RULES.map((r) => r.id).sort(), files);
  });

  it("every rule has at least one example (only a bug of ours cannot be shown by a file), and its fix is the registry's", () => {
    assert.deepEqual(
      RULES.filter((r) => r.examples.length === 0 && !r.withoutExample).map((r) => r.id),
      [],
    );
    assert.deepEqual(
      RULES.filter((r) => r.withoutExample).map((r) => r.id),
      ['internal-error'],
    );
    for (const r of RULES) if (r.fix) assert.equal(FIXERS[r.id], r.fix, r.id);
  });

  it('the catalog is the rule objects, each as it is', () => {
    assert.deepEqual(
      allRules().map((r) => r.id),
      RULES.map((r) => r.id),
    );
    const byId = new Map(allRules().map((r) => [r.id, r]));
    for (const r of RULES) {
      const info = byId.get(r.id);
      assert.ok(info, r.id);
      assert.deepEqual(
        {
          group: info.group,
          severity: info.severity,
          since: info.since,
          until: info.until,
          cite: info.cite,
          summary: info.summary,
        },
        { group: r.group, severity: r.severity, since: r.since, until: r.until, cite: r.cite, summary: r.summary },
      );
    }
  });
});
