// `.cilium-lint.yaml`: strict validation with messages that name the field, include/exclude globs, rule levels,
// and the upward search the CLI and the language server share (io/lintConfigFile.ts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyRuleLevels, isIncluded, parseLintConfig } from '../../server/src/core/lintConfig';
import type { Finding } from '../../server/src/core/types';
import { configIncludes, LintConfigLocator } from '../../server/src/io/lintConfigFile';

const problems = (text: string) => {
  const r = parseLintConfig(text, '/repo/.cilium-lint.yaml');
  assert.ok(!r.ok, `expected problems for ${JSON.stringify(text)}`);
  return r.problems.join('\n');
};

describe('.cilium-lint.yaml validation', () => {
  it('reads every field', () => {
    const r = parseLintConfig(
      'version: "1.16"\nkernel: 5.10\nrules:\n  unknown-key: error\n  host-routing-kpr-off: off\ninclude: [clusters/**]\nexclude:\n  - "**/test/**"\n',
      '/repo/.cilium-lint.yaml',
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.config, {
      path: '/repo/.cilium-lint.yaml',
      version: '1.16',
      kernel: '5.10',
      rules: { 'unknown-key': 'error', 'host-routing-kpr-off': 'off' },
      include: ['clusters/**'],
      exclude: ['**/test/**'],
    });
  });

  it('an empty file or one with only comments changes nothing', () => {
    for (const t of ['', '# nothing yet\n']) {
      const r = parseLintConfig(t, '/x');
      assert.ok(r.ok);
      assert.deepEqual(r.config.rules, {});
    }
  });

  it('names the file and the field of each mistake', () => {
    assert.match(problems('severity: {}\n'), /^\/repo\/\.cilium-lint\.yaml: unknown key "severity"/);
    assert.match(
      problems('rules:\n  unknown-key: loud\n'),
      /rules\.unknown-key: must be one of off, info, warning, error/,
    );
    assert.match(
      problems('rules:\n  unknwn-key: off\n'),
      /rules\.unknwn-key: not a known rule id \(did you mean "unknown-key"\?\)/,
    );
    assert.match(problems('version: "2.3"\n'), /version: must be a supported Cilium version/);
    assert.match(problems('kernel: new\n'), /kernel: must be a kernel version/);
    assert.match(problems('include: clusters\n'), /include: must be a list of globs/);
    assert.match(problems('- a\n- b\n'), /must be a map with the keys version, kernel, rules, include, exclude/);
    assert.match(problems('rules: [\n'), /not valid YAML/);
  });
});

describe('include / exclude', () => {
  const cfg = (include: string[], exclude: string[]) => ({ include, exclude });
  it('a pattern without a slash matches the name at any depth; a folder covers what is inside it', () => {
    assert.equal(isIncluded(cfg([], ['*-test.yaml']), 'a/b/values-test.yaml'), false);
    assert.equal(isIncluded(cfg([], ['*-test.yaml']), 'a/b/values.yaml'), true);
    assert.equal(isIncluded(cfg([], ['vendor']), 'vendor/x/values.yaml'), false);
    assert.equal(isIncluded(cfg(['clusters/**/cilium*.yaml'], []), 'clusters/prod/cilium-values.yaml'), true);
    assert.equal(isIncluded(cfg(['clusters/**/cilium*.yaml'], []), 'apps/web/values.yaml'), false);
    assert.equal(isIncluded(cfg(['clusters'], ['clusters/old']), 'clusters/old/values.yaml'), false);
  });
});

describe('rule levels', () => {
  const f = (rule: string, severity: Finding['severity']): Finding => ({
    rule,
    severity,
    message: 'm',
    range: { start: 0, end: 1 },
  });
  it('off drops, another level replaces the severity; internal-error is never hidden', () => {
    const out = applyRuleLevels(
      [
        f('unknown-key', 'warning'),
        f('wrong-type', 'warning'),
        f('internal-error', 'error'),
        f('yaml-syntax', 'error'),
      ],
      { 'unknown-key': 'off', 'wrong-type': 'error', 'internal-error': 'off' },
    );
    assert.deepEqual(
      out.map((x) => [x.rule, x.severity]),
      [
        ['wrong-type', 'error'],
        ['internal-error', 'error'],
        ['yaml-syntax', 'error'],
      ],
    );
  });
});

describe('finding the configuration upwards', () => {
  it('the nearest file applies; the search stops at a repository root and at the given folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'cilium-lint-cfg-'));
    mkdirSync(join(root, 'repo/.git'), { recursive: true });
    mkdirSync(join(root, 'repo/clusters/prod'), { recursive: true });
    mkdirSync(join(root, 'repo/clusters/dev'), { recursive: true });
    writeFileSync(join(root, '.cilium-lint.yaml'), 'version: "1.12"\n'); // above the repository: never used
    writeFileSync(join(root, 'repo/.cilium-lint.yaml'), 'version: "1.16"\nexclude: [dev]\n');
    writeFileSync(join(root, 'repo/clusters/prod/.cilium-lint.yml'), 'version: "1.18"\n');
    const locator = new LintConfigLocator();
    const prod = locator.forFile(join(root, 'repo/clusters/prod/values.yaml'));
    assert.ok(prod?.ok && prod.config.version === '1.18');
    const dev = locator.forFile(join(root, 'repo/clusters/dev/values.yaml'));
    assert.ok(dev?.ok && dev.config.version === '1.16');
    assert.equal(configIncludes(dev.config, join(root, 'repo/clusters/dev/values.yaml')), false);
    assert.equal(configIncludes(dev.config, join(root, 'repo/clusters/prod/values.yaml')), true);
    // Without the .git folder the search would reach the 1.12 file above the repository.
    mkdirSync(join(root, 'other/sub'), { recursive: true });
    const other = new LintConfigLocator().forFile(join(root, 'other/sub/values.yaml'));
    assert.ok(other?.ok && other.config.version === '1.12');
    assert.equal(new LintConfigLocator(join(root, 'other')).forFile(join(root, 'other/sub/values.yaml')), undefined);
  });
});
