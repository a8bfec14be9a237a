// The cilium-lint command line: exit codes, directory walking and the three output formats. Every case runs
// twice, through the bundled dist/cli.js in a child process (what users run) and through run() directly (what
// the bundle wraps), and both must agree.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { documentRules } from '../../server/src/cli/main';
import { cli, cliJs, repoRoot, viaRun, type Outcome } from './runCli';
import { CLEAN_116 } from './samples';

let tmp = '';
function file(name: string, text: string): string {
  const p = path.join(tmp, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const BAD_CONFIGMAP = [
  '# cilium-version: 1.16',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: cilium-config',
  '  namespace: kube-system',
  'data:',
  '  kube-proxy-replacement: "true"',
  '  enable-bpf-masquerade: true', // line 9: not a string
  '',
].join('\n');
const TYPO_116 = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'bpf:',
  '  masquerade: true',
  '  masqurade: true', // line 7, column 3: not a chart key
  '',
].join('\n');

describe('cilium-lint CLI', () => {
  before(() => {
    if (!existsSync(cliJs)) {
      const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, `node esbuild.mjs failed:\n${r.stdout}\n${r.stderr}`);
    }
    assert.ok(existsSync(cliJs), `${cliJs} is missing after the build`);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-lint-test-'));
  });
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  describe('exit codes', () => {
    it('0 for a file without error-severity findings', () => {
      const r = cli([file('clean/values.yaml', CLEAN_116)]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
    });

    it('1 when an error-severity finding exists (ConfigMap data value not a string)', () => {
      const r = cli([file('bad/cilium-config.yaml', BAD_CONFIGMAP)]);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /error configmap-value-not-string/);
    });

    it('1 when one file of several has an error', () => {
      const r = cli([file('mixed/a.yaml', CLEAN_116), file('mixed/b.yaml', BAD_CONFIGMAP)]);
      assert.equal(r.code, 1);
    });

    const usage: [string, () => string[], RegExp][] = [
      ['an unknown flag', () => ['--bogus', file('u1/values.yaml', CLEAN_116)], /bogus/],
      ['an unknown --format', () => ['--format', 'xml', file('u2/values.yaml', CLEAN_116)], /--format/],
      [
        'an unsupported --cilium-version (1.9)',
        () => ['--cilium-version', '1.9', file('u3/values.yaml', CLEAN_116)],
        /1\.9/,
      ],
      [
        'a --cilium-version that is no version',
        () => ['--cilium-version', 'latest', file('u4/values.yaml', CLEAN_116)],
        /latest/,
      ],
      ['a --kernel that is no kernel version', () => ['--kernel', 'five', file('u5/values.yaml', CLEAN_116)], /five/],
      [
        'a missing path',
        () => [path.join(os.tmpdir(), 'cilium-lint-does-not-exist', 'values.yaml')],
        /cilium-lint-does-not-exist/,
      ],
      ['no path at all', () => [], /PATH/],
    ];
    for (const [label, args, mention] of usage) {
      it(`2 for ${label}, with a message on stderr`, () => {
        const r = cli(args());
        assert.equal(r.code, 2, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
        assert.ok(r.stderr.trim().length > 0, 'nothing on stderr');
        assert.match(r.stderr, mention);
        assert.match(r.stderr, /^cilium-lint: /);
      });
    }
  });

  describe('directory walking', () => {
    it('finds *.yaml and *.yml files, recursively, and nothing else', () => {
      const dir = path.join(tmp, 'walk');
      file('walk/a.yaml', CLEAN_116);
      file('walk/b.yml', CLEAN_116);
      file('walk/sub/c.yaml', CLEAN_116);
      file('walk/sub/deeper/d.yml', CLEAN_116);
      file('walk/notes.txt', CLEAN_116);
      file('walk/values.json', JSON.stringify({ kubeProxyReplacement: true }));
      file('walk/values.yaml.bak', CLEAN_116);
      file('walk/README.md', '# hi\n');
      const r = cli(['--format', 'json', dir]);
      assert.equal(r.code, 0, r.stderr);
      const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) =>
        path.relative(dir, f.path).split(path.sep).join('/'),
      );
      assert.deepEqual(paths.sort(), ['a.yaml', 'b.yml', 'sub/c.yaml', 'sub/deeper/d.yml']);
    });
  });

  describe('--format json', () => {
    it('matches the contract, with 1-based positions on the right key', () => {
      const p = file('json/values.yaml', TYPO_116);
      const r = cli(['--format', 'json', p]);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(out), ['files']);
      assert.equal(out.files.length, 1);
      const f = out.files[0];
      assert.equal(f.path, p);
      assert.ok(Array.isArray(f.documents));
      assert.equal(f.documents.length, 1);
      const d = f.documents[0];
      assert.equal(d.index, 0);
      assert.equal(d.kind, 'helm-values');
      assert.equal(d.ciliumVersion, '1.16');
      const dp = d.datapath;
      assert.equal(typeof dp.kubeProxyReplacement, 'boolean');
      assert.equal(dp.kubeProxyReplacement, true);
      assert.ok(['BPF', 'Legacy'].includes(dp.hostRouting.status));
      assert.equal(dp.hostRouting.status, 'BPF');
      assert.ok(Array.isArray(dp.hostRouting.reasons));
      for (const reason of dp.hostRouting.reasons) assert.equal(typeof reason, 'string');
      assert.ok(['BPF', 'IPTables', 'Disabled'].includes(dp.masquerading), `masquerading: ${dp.masquerading}`);
      assert.equal(dp.masquerading, 'BPF');
      assert.deepEqual(dp.routing, { mode: 'tunnel', protocol: 'vxlan' });
      assert.equal(dp.agentStarts, true);
      assert.equal(dp.installSucceeds, true);
      assert.ok(Array.isArray(d.diagnostics));
      for (const g of d.diagnostics) {
        assert.equal(typeof g.rule, 'string');
        assert.ok(['error', 'warning', 'info', 'hint'].includes(g.severity), `severity ${g.severity}`);
        assert.ok(typeof g.message === 'string' && g.message.length > 0);
        for (const k of ['line', 'column', 'endLine', 'endColumn'])
          assert.ok(Number.isInteger(g[k]) && g[k] >= 1, `${k} = ${g[k]}`);
        if ('key' in g) assert.equal(typeof g.key, 'string');
      }
      const typo = d.diagnostics.find((g: { rule: string }) => g.rule === 'unknown-key');
      assert.ok(typo, `no unknown-key diagnostic: ${d.diagnostics.map((g: { rule: string }) => g.rule).join(', ')}`);
      assert.equal(typo.key, 'bpf.masqurade');
      assert.deepEqual([typo.line, typo.column, typo.endLine, typo.endColumn], [7, 3, 7, 12]);
    });

    it('puts the ConfigMap error on the value it is about', () => {
      const r = cli(['--format', 'json', file('json/cilium-config.yaml', BAD_CONFIGMAP)]);
      assert.equal(r.code, 1);
      const d = JSON.parse(r.stdout).files[0].documents[0];
      assert.equal(d.kind, 'configmap');
      const g = d.diagnostics.find((x: { rule: string }) => x.rule === 'configmap-value-not-string');
      assert.ok(
        g,
        `no configmap-value-not-string diagnostic: ${d.diagnostics.map((x: { rule: string }) => x.rule).join(', ')}`,
      );
      assert.equal(g.severity, 'error');
      assert.equal(g.key, 'enable-bpf-masquerade');
      assert.deepEqual([g.line, g.column, g.endLine, g.endColumn], [9, 26, 9, 30]);
    });

    it('--cilium-version overrides the # cilium-version comment', () => {
      const p = file(
        'override/values.yaml',
        CLEAN_116.replace('1.16', '1.13').replace('kubeProxyReplacement: true', 'kubeProxyReplacement: strict'),
      );
      const withComment = JSON.parse(cli(['--format', 'json', p]).stdout).files[0].documents[0];
      assert.equal(withComment.ciliumVersion, '1.13');
      const overridden = JSON.parse(cli(['--format', 'json', '--cilium-version', '1.16', p]).stdout).files[0]
        .documents[0];
      assert.equal(overridden.ciliumVersion, '1.16');
      assert.equal(overridden.versionSource, 'option');
      // "strict" is a 1.13 value the 1.16 chart refuses: the override must change the verdict, not just the label.
      assert.equal(overridden.datapath.installSucceeds, false);
    });

    it('--kernel 5.4 with 1.17 values adds host-routing-old-kernel', () => {
      const p = file('kernel/values.yaml', CLEAN_116.replace('1.16', '1.17'));
      const plain = JSON.parse(cli(['--format', 'json', p]).stdout).files[0].documents[0];
      assert.equal(plain.ciliumVersion, '1.17');
      assert.equal(plain.datapath.hostRouting.status, 'BPF');
      assert.ok(!plain.diagnostics.some((g: { rule: string }) => g.rule === 'host-routing-old-kernel'));
      const old = JSON.parse(cli(['--format', 'json', '--kernel', '5.4', p]).stdout).files[0].documents[0];
      assert.ok(
        old.diagnostics.some((g: { rule: string }) => g.rule === 'host-routing-old-kernel'),
        old.diagnostics.map((g: { rule: string }) => g.rule).join(', '),
      );
      assert.equal(old.datapath.hostRouting.status, 'Legacy');
      assert.ok(old.datapath.hostRouting.reasons.includes('host-routing-old-kernel'));
    });
  });

  describe('--format sarif', () => {
    it('is SARIF 2.1.0 with rule ids, levels and locations', () => {
      const p = file('sarif/cilium-config.yaml', BAD_CONFIGMAP);
      const r = cli(['--format', 'sarif', p, file('sarif/values.yaml', TYPO_116)]);
      assert.equal(r.code, 1);
      const s = JSON.parse(r.stdout);
      assert.equal(s.version, '2.1.0');
      assert.equal(typeof s.$schema, 'string');
      assert.ok(Array.isArray(s.runs) && s.runs.length === 1, 'expected exactly one run');
      const run0 = s.runs[0];
      assert.equal(run0.tool.driver.name, 'cilium-lint');
      assert.ok(Array.isArray(run0.results) && run0.results.length > 0, 'runs[0].results is empty');
      for (const res of run0.results) {
        assert.equal(typeof res.ruleId, 'string');
        assert.ok(['none', 'note', 'warning', 'error'].includes(res.level), `level ${res.level}`);
        assert.ok(typeof res.message?.text === 'string' && res.message.text.length > 0);
        assert.ok(Array.isArray(res.locations) && res.locations.length >= 1);
        const loc = res.locations[0].physicalLocation;
        assert.equal(typeof loc.artifactLocation.uri, 'string');
        for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'])
          assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, `${k} = ${loc.region[k]}`);
      }
      const err = run0.results.find((x: { ruleId: string }) => x.ruleId === 'configmap-value-not-string');
      assert.ok(
        err,
        `no configmap-value-not-string result: ${run0.results.map((x: { ruleId: string }) => x.ruleId).join(', ')}`,
      );
      assert.equal(err.level, 'error');
      assert.equal(err.locations[0].physicalLocation.region.startLine, 9);
      assert.ok(err.locations[0].physicalLocation.artifactLocation.uri.endsWith('sarif/cilium-config.yaml'));
      const typo = run0.results.find((x: { ruleId: string }) => x.ruleId === 'unknown-key');
      assert.ok(typo, `no unknown-key result: ${run0.results.map((x: { ruleId: string }) => x.ruleId).join(', ')}`);
      assert.equal(typo.level, 'warning');
      assert.deepEqual(
        [typo.locations[0].physicalLocation.region.startLine, typo.locations[0].physicalLocation.region.startColumn],
        [7, 3],
      );
      const ruleIds = (run0.tool.driver.rules ?? []).map((x: { id: string }) => x.id);
      for (const res of run0.results)
        assert.ok(ruleIds.includes(res.ruleId), `${res.ruleId} missing from tool.driver.rules`);
    });
  });

  describe('--format text (the default)', () => {
    it('prints the status block and file:line:col severity rule-id message lines', () => {
      const p = file('text/cilium-config.yaml', BAD_CONFIGMAP);
      const r = cli([p]);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^\s*Routing:\s+Network: Tunnel \[vxlan\]\s+Host: (BPF|Legacy)\s*$/m);
      assert.match(r.stdout, /^\s*Masquerading:\s+\S/m);
      assert.match(r.stdout, /^\s*KubeProxyReplacement:\s+True\s*$/m);
      const esc = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const line = new RegExp(`^${esc}:9:26 error configmap-value-not-string \\S.*$`, 'm');
      assert.match(r.stdout, line);
      for (const l of r.stdout.split('\n').filter((x) => x.startsWith(`${p}:`) && /^\S+:\d+:\d+ /.test(x))) {
        assert.match(
          l,
          /^\S+:\d+:\d+ (error|warning|info|hint) [a-z0-9][a-z0-9.-]* \S/,
          `malformed diagnostic line: ${l}`,
        );
      }
    });

    it("prints each finding's first sentence (at most 120 characters); --verbose and json carry the rest", () => {
      // Native routing with BPF masquerading and no native-routing CIDR, kube-proxy replacement off: findings
      // whose messages go on with the agent's own words after their first sentence.
      const p = file(
        'text-short/values.yaml',
        [
          '# cilium-version: 1.16',
          'kubeProxyReplacement: false',
          'routingMode: native',
          'autoDirectNodeRoutes: true',
          'bpf:',
          '  masquerade: true',
          '',
        ].join('\n'),
      );
      const findingLine = /^\S+:(\d+):\d+ (?:error|warning|info|hint) (\S+) (.*)$/;
      const short = cli([p]);
      assert.equal(short.code, 1);
      const lines = short.stdout.split('\n').filter((l) => l.startsWith(`${p}:`) && findingLine.test(l));
      assert.ok(lines.length >= 2, short.stdout);
      for (const l of lines) assert.ok(findingLine.exec(l)![3].length <= 120, `longer than 120 characters: ${l}`);
      assert.doesNotMatch(short.stdout, /The agent exits with/, 'the agent log line is not in the short report');

      const json = JSON.parse(cli(['--format', 'json', p]).stdout) as {
        files: { documents: { diagnostics: { rule: string; line: number; message: string; headline: string }[] }[] }[];
      };
      const diagnostics = json.files[0].documents[0].diagnostics;
      const cidr = diagnostics.find((d) => d.rule === 'native-routing-cidr-ipv4');
      assert.ok(cidr, JSON.stringify(diagnostics));
      assert.match(
        cidr.message,
        /The agent exits with: "native routing cidr must be configured/,
        'json keeps the whole message',
      );
      for (const d of diagnostics) {
        assert.ok(d.headline.length > 0 && d.headline.length <= 120, d.headline);
        const printed = lines.find((l) => findingLine.exec(l)![2] === d.rule);
        assert.equal(
          printed && findingLine.exec(printed)![3],
          d.headline,
          `the text line of ${d.rule} is its json headline`,
        );
      }
      assert.ok(
        diagnostics.some((d) => d.headline !== d.message),
        'some message is longer than its first sentence',
      );

      const verbose = cli(['--verbose', p]);
      assert.equal(verbose.code, 1);
      const out = verbose.stdout.split('\n');
      const at = out.findIndex((l) => findingLine.exec(l)?.[2] === 'native-routing-cidr-ipv4');
      assert.equal(
        out[at],
        lines.find((l) => findingLine.exec(l)![2] === 'native-routing-cidr-ipv4'),
        'the first line is the same',
      );
      const details = out.slice(
        at + 1,
        out.findIndex((l, i) => i > at && !l.startsWith('    ')),
      );
      assert.ok(
        details.some((l) => /^ {4}The agent exits with: "native routing cidr must be configured/.test(l)),
        `details below the finding:\n${details.join('\n')}`,
      );
      assert.equal(cli(['-v', p]).stdout, verbose.stdout, '-v is --verbose');
    });

    it('uses "Host Routing:" for targets up to 1.15', () => {
      const r = cli([file('text115/values.yaml', CLEAN_116.replace('1.16', '1.15'))]);
      assert.match(r.stdout, /^\s*Host Routing:\s+BPF\s*$/m);
      assert.doesNotMatch(r.stdout, /^\s*Routing:/m);
    });
  });

  describe('one file never takes down the run', () => {
    // A rule that throws on any document with a `crashTest` key: the stand-in for a bug in one rule.
    const CRASH_RULE_SOURCE = `(d) => { if (d.source.root.lookup('crashTest')) throw new Error('injected crash'); return []; }`;
    const CRASHING = [
      '# cilium-version: 1.16',
      'kubeProxyReplacement: true',
      'crashTest: 1',
      '---',
      'kubeProxyReplacement: false',
      'k8sServiceHost: 10.0.0.1',
      '',
    ].join('\n');

    /** Runs dist/cli.js in a child whose rule registry holds the crashing rule (the bundle exports the registry). */
    function withCrashChild(args: string[]): Outcome {
      const wrapper = file(
        'crash/wrapper.cjs',
        [
          `const cli = require(${JSON.stringify(cliJs)});`,
          `cli.documentRules.push(${CRASH_RULE_SOURCE});`,
          `process.exitCode = cli.run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));`,
        ].join('\n'),
      );
      const r = spawnSync(process.execPath, [wrapper, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
      if (r.error) throw r.error;
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    }

    function withCrashDirect(args: string[]): Outcome {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the crashing rule is built from its source text on purpose
      const rule = new Function(`return ${CRASH_RULE_SOURCE}`)();
      documentRules.push(rule);
      try {
        return viaRun(args);
      } finally {
        documentRules.splice(documentRules.indexOf(rule), 1);
      }
    }

    type JsonFile = {
      path: string;
      diagnostics?: { rule: string; severity: string; message: string; line: number }[];
      documents: { index: number; diagnostics: { rule: string }[] }[];
    };

    for (const [how, runIt] of [
      ['dist/cli.js', withCrashChild],
      ['run()', withCrashDirect],
    ] as const) {
      it(`an injected crashing rule gives exit 3, one internal-error finding on that document, and every other report intact (${how})`, () => {
        const a = file('crash/a.yaml', TYPO_116);
        const b = file('crash/b.yaml', CRASHING);
        const c = file('crash/c.yaml', BAD_CONFIGMAP);
        const args = ['--format', 'json', a, b, c];
        const r = runIt(args);
        assert.equal(r.code, 3, r.stderr);
        const crashed = JSON.parse(r.stdout).files as JsonFile[];
        const normal = JSON.parse(cli(['--format', 'json', a, c]).stdout).files as JsonFile[];
        // The files the rule did not throw on are reported exactly as in a run without the crashing rule.
        assert.deepEqual(
          crashed.find((f) => f.path === a),
          normal.find((f) => f.path === a),
        );
        assert.deepEqual(
          crashed.find((f) => f.path === c),
          normal.find((f) => f.path === c),
        );
        const fb = crashed.find((f) => f.path === b)!;
        // The second document of the crashing file is still analysed; the first one is replaced by the finding.
        assert.deepEqual(
          fb.documents.map((d) => d.index),
          [1],
        );
        assert.ok(
          fb.documents[0].diagnostics.some((g) => g.rule === 'host-routing-kpr-off'),
          JSON.stringify(fb.documents[0].diagnostics),
        );
        const internal = (fb.diagnostics ?? []).filter((g) => g.rule === 'internal-error');
        assert.equal(internal.length, 1, JSON.stringify(fb.diagnostics));
        assert.equal(internal[0].severity, 'error');
        assert.equal(internal[0].line, 2);
        assert.match(internal[0].message, /injected crash/);
        assert.match(internal[0].message, /please report/);
        assert.doesNotMatch(
          internal[0].message,
          /\n\s+at /,
          'the stack belongs on stderr with --debug, not in the finding',
        );
        assert.match(r.stderr, /internal error in .*b\.yaml.*please report/);
        assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack without --debug');
        const debug = runIt(['--debug', ...args]);
        assert.equal(debug.code, 3);
        assert.match(debug.stderr, /Error: injected crash\n\s+at /, 'the stack with --debug');
      });
    }

    it('says on stderr when a file or directory has no Cilium configuration; --require-cilium makes that exit 1', () => {
      const other = file('none/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n');
      const dir = path.dirname(other);
      for (const target of [other, dir]) {
        const r = cli([target]);
        assert.equal(r.code, 0, r.stderr);
        assert.match(
          r.stderr,
          new RegExp(`no Cilium configuration found in ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
        assert.equal(cli(['--require-cilium', target]).code, 1);
      }
      const ok = cli(['--require-cilium', file('none-ok/values.yaml', CLEAN_116)]);
      assert.equal(ok.code, 0, ok.stderr);
      assert.doesNotMatch(ok.stderr, /no Cilium configuration/);
    });

    it('says an explicitly given .tf or .hcl file is not YAML (exit 2) instead of reporting YAML syntax errors', () => {
      for (const name of ['main.tf', 'cilium.hcl']) {
        const p = file(
          `tf/${name}`,
          'resource "helm_release" "cilium" {\n  values = [templatefile("values.yaml", {})]\n}\n',
        );
        const r = cli([p, file('tf/values.yaml', CLEAN_116)]);
        assert.equal(r.code, 2);
        assert.match(r.stderr, /not YAML/);
        assert.doesNotMatch(r.stdout, /yaml-syntax/);
        assert.match(r.stdout, /values\.yaml:2 Helm values/, 'the other file is still reported');
      }
    });

    it('documents the exit codes in --help', () => {
      const r = cli(['--help']);
      for (const code of ['0', '1', '2', '3']) assert.match(r.stdout, new RegExp(`\\b${code} [a-z]`));
      assert.match(r.stdout, /--require-cilium/);
      assert.match(r.stdout, /--debug/);
    });
  });
});
