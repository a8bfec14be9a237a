// The TextMate injection grammar: valid JSON, registered in the manifest, and its patterns match what they
// are for. (VS Code runs them with Oniguruma; these patterns use only syntax both engines read the same way.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const grammar = JSON.parse(readFileSync('syntaxes/helm-template.injection.tmLanguage.json', 'utf8'));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const re = (s: string) => new RegExp(s);

describe('Helm template injection grammar', () => {
  it('is registered for YAML with its scope name', () => {
    const g = pkg.contributes.grammars.find((x: { path: string }) =>
      x.path.endsWith('helm-template.injection.tmLanguage.json'),
    );
    assert.ok(g);
    assert.equal(g.scopeName, grammar.scopeName);
    assert.deepEqual(g.injectTo, ['source.yaml']);
    assert.equal(grammar.injectionSelector, 'L:source.yaml');
  });

  it('highlights the cilium-version comment', () => {
    const m = re(grammar.repository['version-comment'].match).exec('# cilium-version: 1.16');
    assert.ok(m);
    assert.equal(m[2], 'cilium-version');
    assert.equal(m[4], '1.16');
    assert.equal(re(grammar.repository['version-comment'].match).exec('# another comment'), null);
  });

  it('delimits {{ … }} and finds keywords and .Values paths inside', () => {
    const t = grammar.repository.template;
    const line = 'kubeProxyReplacement: {{- if .Values.kpr }}true{{ else }}false{{ end -}}';
    assert.equal(re(t.begin).exec(line)?.[0], '{{-');
    assert.ok(re(t.end).test(line));
    const patterns: { match: string; name?: string }[] = t.patterns;
    const keyword = patterns.find((p) => p.name === 'keyword.control.helm-template')!;
    assert.deepEqual(line.match(new RegExp(keyword.match, 'g')), ['if', 'else', 'end']);
    const values = patterns.find((p) => p.match.includes('Values'))!;
    assert.equal(re(values.match).exec(line)?.[3], '.kpr');
    for (const p of patterns) assert.doesNotThrow(() => re(p.match), p.match);
  });
});
