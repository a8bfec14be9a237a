// cilium-lint as a CI step: .cilium-lint.yaml (found upwards or --config), standard input, --max-warnings, the
// summary line, colour, the github / junit formats and --fix / --fix-dry-run. Each case runs through dist/cli.js
// and run() (test/cli/runCli.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cli, cliJs, viaRun, writeTestFile } from './runCli';
import { BAD_CONFIGMAP, CLEAN_116 } from './samples';

let tmp = '';
const file = (name: string, text: string): string => writeTestFile(tmp, name, text);

const TYPO_116 = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
  '  masqurade: true',
  '',
].join('\n');
// Fixable: BPF masquerading is missing (warning), and the quick-fix adds bpf.masquerade below the comment.
const FIXABLE = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true  # keep this comment',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'enableIPv4Masquerade: true',
  '',
].join('\n');

type Json = {
  files: {
    path: string;
    diagnostics?: { rule: string; severity: string }[];
    documents: { ciliumVersion: string; diagnostics: { rule: string; severity: string; line: number }[] }[];
  }[];
};
const diagnostics = (j: Json) =>
  j.files.flatMap((f) => [...(f.diagnostics ?? []), ...f.documents.flatMap((d) => d.diagnostics)]);

describe('cilium-lint in CI', () => {
  before(() => {
    if (!existsSync(cliJs)) {
      const r = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
      assert.equal(r.status, 0, 'build failed');
    }
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-lint-ci-'));
    // A repository root: the search for .cilium-lint.yaml stops here.
    mkdirSync(path.join(tmp, '.git'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('.cilium-lint.yaml', () => {
    it('found above the file: rule levels change the report and the exit code', () => {
      const p = file('cfg1/clusters/prod/values.yaml', TYPO_116);
      const before = JSON.parse(cli(['--format', 'json', p]).stdout) as Json;
      assert.deepEqual(
        diagnostics(before)
          .filter((d) => d.rule === 'unknown-key')
          .map((d) => d.severity),
        ['warning'],
      );
      assert.equal(cli([p]).code, 0);
      file('cfg1/.cilium-lint.yaml', 'rules:\n  unknown-key: error\n');
      const r = cli(['--format', 'json', p]);
      assert.equal(r.code, 1);
      assert.deepEqual(
        diagnostics(JSON.parse(r.stdout))
          .filter((d) => d.rule === 'unknown-key')
          .map((d) => d.severity),
        ['error'],
      );
      file('cfg1/.cilium-lint.yaml', 'rules:\n  unknown-key: off\n');
      assert.deepEqual(
        diagnostics(JSON.parse(cli(['--format', 'json', p]).stdout)).filter((d) => d.rule === 'unknown-key'),
        [],
      );
    });

    it('gives the target version unless --cilium-version says otherwise', () => {
      const p = file(
        'cfg2/values.yaml',
        'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n',
      );
      file('cfg2/.cilium-lint.yaml', 'version: "1.14"\n');
      const version = (args: string[]) =>
        (JSON.parse(cli(['--format', 'json', ...args, p]).stdout) as Json).files[0].documents[0].ciliumVersion;
      assert.equal(version([]), '1.14');
      assert.equal(version(['--cilium-version', '1.17']), '1.17');
    });

    it('exclude skips files in a directory walk and named files alike; the summary counts them', () => {
      const keep = file('cfg3/clusters/values.yaml', CLEAN_116);
      const skip = file('cfg3/old/values.yaml', BAD_CONFIGMAP);
      file('cfg3/.cilium-lint.yaml', 'exclude: [old]\n');
      const r = cli(['--format', 'json', path.join(tmp, 'cfg3')]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as Json).files.map((f) => f.path),
        [keep],
      );
      const named = cli([skip]);
      assert.equal(named.code, 0);
      assert.match(named.stderr, /old\/values\.yaml skipped: .*\.cilium-lint\.yaml excludes it/);
      assert.match(cli([path.join(tmp, 'cfg3')]).stdout, /1 file excluded by \.cilium-lint\.yaml/);
    });

    it('--config names the file; a configuration with a mistake stops with exit 2 and says where', () => {
      const p = file('cfg4/values.yaml', TYPO_116);
      const cfg = file('elsewhere/strict.yaml', 'rules:\n  unknown-key: error\n');
      assert.equal(cli([p]).code, 0);
      assert.equal(cli(['--config', cfg, p]).code, 1);
      const bad = file('elsewhere/bad.yaml', 'rules:\n  unknown-key: loud\nseverity: high\n');
      const r = cli(['--config', bad, p]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /bad\.yaml: rules\.unknown-key: must be one of off, info, warning, error/);
      assert.match(r.stderr, /bad\.yaml: unknown key "severity"/);
      file('cfg4/.cilium-lint.yaml', 'rules:\n  unknwn-key: off\n');
      const found = cli([p]);
      assert.equal(found.code, 2);
      assert.match(found.stderr, /did you mean "unknown-key"/);
    });
  });

  describe('standard input', () => {
    it('"-" reads the text from stdin; --stdin-filename names it and finds its configuration', () => {
      const r = cli(['--format', 'json', '-'], { input: TYPO_116 });
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout) as Json;
      assert.equal(j.files[0].path, '<stdin>');
      assert.ok(diagnostics(j).some((d) => d.rule === 'unknown-key'));
      file('stdin/.cilium-lint.yaml', 'rules:\n  unknown-key: error\n');
      const named = path.join(tmp, 'stdin/clusters/values.yaml');
      const r2 = cli(['--format', 'json', '--stdin-filename', named, '-'], { input: TYPO_116 });
      assert.equal(r2.code, 1);
      assert.equal((JSON.parse(r2.stdout) as Json).files[0].path, named);
      assert.equal(cli(['--stdin-filename', named, 'x.yaml']).code, 2, '--stdin-filename without "-" is a usage error');
    });

    it('says so when stdin is not Cilium configuration', () => {
      const r = cli(['-'], { input: 'apiVersion: apps/v1\nkind: Deployment\n' });
      assert.equal(r.code, 0);
      assert.match(r.stderr, /no Cilium configuration found in standard input/);
    });
  });

  describe('--max-warnings and the summary', () => {
    it('exit 1 when the warnings exceed the limit, 0 at the limit', () => {
      const p = file('max/values.yaml', TYPO_116);
      const warnings = diagnostics(JSON.parse(cli(['--format', 'json', p]).stdout)).filter(
        (d) => d.severity === 'warning',
      ).length;
      assert.ok(warnings >= 1);
      assert.equal(cli(['--max-warnings', String(warnings), p]).code, 0);
      const over = cli(['--max-warnings', String(warnings - 1), p]);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /more than --max-warnings/);
      assert.equal(cli(['--max-warnings', 'many', p]).code, 2);
    });

    it('the last line counts errors and warnings, the files with them, and the files without Cilium configuration', () => {
      const dir = path.join(tmp, 'summary');
      file('summary/a-values.yaml', TYPO_116);
      file('summary/b-cilium-config.yaml', BAD_CONFIGMAP);
      file('summary/c-clean.yaml', CLEAN_116);
      file('summary/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
      const all = diagnostics(JSON.parse(cli(['--format', 'json', dir]).stdout));
      const errors = all.filter((d) => d.severity === 'error').length;
      const warnings = all.filter((d) => d.severity === 'warning').length;
      const r = cli([dir]);
      const last = r.stdout.trimEnd().split('\n').pop();
      assert.equal(
        last,
        `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in 2 of 4 files; 1 file had no Cilium configuration`,
      );
    });

    it('says clearly when a folder holds no Cilium file', () => {
      const dir = path.join(tmp, 'nocilium');
      file('nocilium/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\n');
      file('nocilium/svc.yaml', 'apiVersion: v1\nkind: Service\n');
      const r = cli([dir]);
      assert.match(
        r.stderr,
        /no Cilium configuration found in .*nocilium: none of its 2 YAML files is Cilium Helm values/,
      );
      assert.match(r.stdout, /^No errors or warnings in 2 files; 2 files had no Cilium configuration\n$/);
    });
  });

  describe('colour', () => {
    it('on a terminal, or with FORCE_COLOR; never with NO_COLOR or in a pipe', () => {
      const p = file('color/values.yaml', TYPO_116);
      const esc = /\x1b\[/;
      assert.doesNotMatch(cli([p]).stdout, esc, 'a pipe gets no colour');
      assert.match(cli([p], { env: { FORCE_COLOR: '1' } }).stdout, esc);
      assert.doesNotMatch(cli([p], { env: { FORCE_COLOR: '0' } }).stdout, esc);
      assert.match(viaRun([p], { stdoutIsTTY: true }).stdout, esc, 'a terminal gets colour');
      assert.doesNotMatch(viaRun([p], { stdoutIsTTY: true, env: { NO_COLOR: '1' } }).stdout, esc);
      assert.doesNotMatch(
        cli(['--format', 'json', p], { env: { FORCE_COLOR: '1' } }).stdout,
        esc,
        'machine formats are never coloured',
      );
    });
  });

  describe('--format github', () => {
    it('prints one workflow command per finding, escaped', () => {
      const p = file('gh/values.yaml', TYPO_116);
      const cm = file('gh/cilium-config.yaml', BAD_CONFIGMAP);
      const r = cli(['--format', 'github', p, cm]);
      assert.equal(r.code, 1);
      const lines = r.stdout.trimEnd().split('\n');
      const count = diagnostics(JSON.parse(cli(['--format', 'json', p, cm]).stdout)).length;
      assert.equal(lines.length, count);
      for (const l of lines)
        assert.match(
          l,
          /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=cilium-lint [a-z0-9.-]+::[^\n]+$/,
        );
      assert.ok(
        lines.some(
          (l) => l.startsWith(`::warning file=${p},line=7,col=3,`) && l.includes('title=cilium-lint unknown-key::'),
        ),
        r.stdout,
      );
      assert.ok(
        lines.some((l) => l.startsWith(`::error file=${cm},line=8,`)),
        r.stdout,
      );
    });
  });

  describe('--format junit', () => {
    it('one suite per file, one failing case per error or warning, a passing case for a clean file', () => {
      const p = file('junit/values.yaml', TYPO_116);
      const clean = file('junit/clean.yaml', CLEAN_116);
      const r = cli(['--format', 'junit', p, clean]);
      assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="cilium-lint" /);
      const suites = [...r.stdout.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [
        m[1],
        Number(m[2]),
        Number(m[3]),
      ]);
      const fails = diagnostics(JSON.parse(cli(['--format', 'json', p]).stdout)).filter(
        (d) => d.severity === 'error' || d.severity === 'warning',
      ).length;
      assert.deepEqual(suites, [
        [p, fails, fails],
        [clean, 1, 0],
      ]);
      assert.match(r.stdout, /<failure type="unknown-key" message="warning: [^"]*masqurade/);
      assert.equal((r.stdout.match(/<testcase /g) ?? []).length, fails + 1);
      assert.equal((r.stdout.match(/<\/testsuite>/g) ?? []).length, 2);
    });
  });

  describe('--fix and --fix-dry-run', () => {
    it('--fix-dry-run prints a unified diff that patch applies, and leaves the file alone', () => {
      const p = file('dry/values.yaml', FIXABLE);
      const r = cli(['--fix-dry-run', p], { cwd: tmp });
      assert.equal(readFileSync(p, 'utf8'), FIXABLE, 'the file is not written');
      assert.match(r.stdout, /^--- a\/dry\/values\.yaml\n\+\+\+ b\/dry\/values\.yaml\n@@ /);
      assert.match(r.stdout, /^\+bpf:\n\+ {2}masquerade: true$/m);
      const copy = file('dry-copy/dry/values.yaml', FIXABLE);
      const patch = spawnSync('patch', ['-p1', '--quiet'], {
        cwd: path.join(tmp, 'dry-copy'),
        input: r.stdout,
        encoding: 'utf8',
      });
      assert.equal(patch.status, 0, patch.stderr + patch.stdout);
      const fixed = readFileSync(copy, 'utf8');
      assert.match(fixed, /kubeProxyReplacement: true {2}# keep this comment/);
      const again = JSON.parse(cli(['--format', 'json', copy]).stdout) as Json;
      assert.ok(
        !diagnostics(again).some((d) => d.rule === 'host-routing-iptables-masquerade'),
        'the patched file has no finding of the fixed kind',
      );
      assert.equal(cli(['--fix-dry-run', file('dry/clean.yaml', CLEAN_116)]).stdout, '', 'nothing to fix: no diff');
    });

    it('--fix writes the file, keeps its comments and reports what is left', () => {
      const p = file('fix/values.yaml', FIXABLE);
      const before = diagnostics(JSON.parse(cli(['--format', 'json', p]).stdout) as Json).map((d) => d.rule);
      assert.ok(before.includes('host-routing-iptables-masquerade'), before.join(','));
      const r = viaRun(['--fix', '--format', 'json', p]);
      const fixed = readFileSync(p, 'utf8');
      assert.notEqual(fixed, FIXABLE);
      assert.match(fixed, /^kubeProxyReplacement: true {2}# keep this comment$/m);
      assert.match(fixed, /^bpf:\n {2}masquerade: true$/m);
      assert.ok(!diagnostics(JSON.parse(r.stdout) as Json).some((d) => d.rule === 'host-routing-iptables-masquerade'));
      // The child process on a fresh copy does the same.
      const q = file('fix2/values.yaml', FIXABLE);
      cli(['--fix', q]);
      assert.equal(readFileSync(q, 'utf8'), fixed);
    });

    it('--fix with "-" prints the fixed text instead of a report', () => {
      const r = viaRun(['--fix', '-'], { input: FIXABLE });
      assert.match(r.stdout, /^# cilium-version: 1\.16\n/);
      assert.match(r.stdout, /^bpf:\n {2}masquerade: true$/m);
      assert.doesNotMatch(r.stdout, /warning/);
    });
  });
});
