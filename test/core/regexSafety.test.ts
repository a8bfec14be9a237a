// No regular expression in the product can backtrack catastrophically (issue 10: `ONLY_TEMPLATES_LINE` took 11 s
// on a 137-byte line). Every regex literal and every `new RegExp(...)` in server/src is found with the
// TypeScript parser and checked with `recheck`, a ReDoS checker (automata theory, fuzzing where that cannot
// decide). A new regex is covered automatically; a vulnerable one fails here with the attack string.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { check } from 'recheck';
import ts from 'typescript';
import { findRepoRoot } from '../../tools/repoRoot';
import { tsFilesUnder } from '../sourceFiles';

const repoRoot = findRepoRoot();

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

/**
 * A `new RegExp` source built from a template literal: each `${…}` is an indentation width in this code base,
 * so a small sample number stands in for it. Anything else dynamic is reported, not guessed.
 */
function templateSource(node: ts.Expression): string | undefined {
  if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) return node.text;
  if (!ts.isTemplateExpression(node)) return undefined;
  return node.head.text + node.templateSpans.map((s) => `2${s.literal.text}`).join('');
}

function findRegexes(): { found: FoundRegex[]; unchecked: string[] } {
  const found: FoundRegex[] = [];
  const unchecked: string[] = [];
  for (const file of tsFilesUnder(path.join(repoRoot, 'server/src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (n: ts.Node) =>
      `${path.relative(repoRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const slash = text.lastIndexOf('/');
        found.push({ where: where(n), source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if (
        (ts.isNewExpression(n) || ts.isCallExpression(n)) &&
        ts.isIdentifier(n.expression) &&
        n.expression.text === 'RegExp'
      ) {
        const [src, flags] = n.arguments ?? [];
        const source = src && templateSource(src);
        const flagText = flags === undefined ? '' : ts.isStringLiteral(flags) ? flags.text : undefined;
        if (source === undefined || flagText === undefined) unchecked.push(where(n));
        else found.push({ where: where(n), source, flags: flagText });
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return { found, unchecked };
}

describe('regular expressions in server/src are safe from catastrophic backtracking', () => {
  const { found, unchecked } = findRegexes();

  it('finds the regexes (the scan itself works)', () => {
    assert.ok(found.length > 50, `only ${found.length} regexes found`);
    assert.ok(
      found.some((r) => r.flags.includes('m') && r.source.includes(' {2}')),
      'a new RegExp from a template literal',
    );
  });

  it('every RegExp built at run time has a source this test can check', () => {
    // The one exception: Sprig's regex functions (regexMatch, regexReplaceAll, …) compile the patterns that the
    // chart's own templates pass to them, translated from Go's RE2 syntax; no user text becomes a pattern there.
    const sprigPatterns = (where: string) => where.startsWith('server/src/core/chart/helm/sprig.ts:');
    assert.deepEqual(
      unchecked.filter((w) => !sprigPatterns(w)),
      [],
      'give these a literal or template-literal source, or extend templateSource()',
    );
    assert.ok(unchecked.filter(sprigPatterns).length <= 1, `new dynamic patterns in sprig.ts: ${unchecked.join(', ')}`);
  });

  it('recheck finds every one safe', { timeout: 600_000 }, async () => {
    // Identical regexes are checked once. recheck picks the exact automaton checker where the automaton is
    // small and fuzzing otherwise (lookaround, back-references, big automata), here with a fixed seed; one at a
    // time, so the seed means the same run every time. No time limit: this is not a benchmark.
    const unique = new Map<string, FoundRegex[]>();
    for (const r of found) {
      const id = `/${r.source}/${r.flags}`;
      unique.set(id, [...(unique.get(id) ?? []), r]);
    }
    const bad: string[] = [];
    for (const [id, sites] of unique) {
      const { source, flags } = sites[0];
      const t0 = performance.now();
      const d = await check(source, flags, { randomSeed: 1, timeout: null });
      if (process.env.RECHECK_TIMING) console.log(Math.round(performance.now() - t0), d.checker, id.slice(0, 80));
      if (d.status === 'safe') continue;
      const detail =
        d.status === 'vulnerable'
          ? `${d.complexity.type}, attack ${JSON.stringify(d.attack.pattern)}`
          : `unknown: ${d.error.kind}`;
      bad.push(`${sites.map((s) => s.where).join(', ')} ${id}: ${detail}`);
    }
    assert.deepEqual(bad, []);
  });
});
