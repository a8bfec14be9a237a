// The pre-commit hooks, run for real: Debian's `pre-commit` (apt-get install pre-commit) runs this repository's
// .pre-commit-hooks.yaml through `pre-commit try-repo` in a throwaway git repository. `cilium-lint-system` runs
// a `cilium-lint` on PATH that is dist/cli.js; `cilium-lint` (language: node) has pre-commit install this
// repository itself (npm install, npm pack, npm install -g of the archive) and runs what it installed. A staged
// file with an error fails the commit check; clean and unrelated YAML pass.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { cliJs, repoRoot } from './runCli';
import { BAD_CONFIGMAP, CLEAN_116 } from './samples';

describe('pre-commit hook', () => {
  let tmp = '';
  let env: NodeJS.ProcessEnv = {};
  const sh = (cmd: string, args: string[], cwd: string, withEnv: NodeJS.ProcessEnv = env) =>
    spawnSync(cmd, args, { cwd, env: withEnv, encoding: 'utf8', timeout: 900_000 });

  before(() => {
    const which = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.equal(
      which.status,
      0,
      'pre-commit is not installed: run .ci/pre-commit-setup.sh (apt-get install pre-commit)',
    );
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-precommit-'));
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'cilium-lint'), `#!/bin/sh\nexec "${process.execPath}" "${cliJs}" "$@"\n`);
    chmodSync(path.join(bin, 'cilium-lint'), 0o755);
    env = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH}`,
      PRE_COMMIT_HOME: path.join(tmp, 'cache'),
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
      NO_COLOR: '1',
    };
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the hooks file declares both hooks on YAML files', () => {
    const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      types: string[];
      language: string;
    }[];
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['cilium-lint', 'cilium-lint-system'],
    );
    for (const h of hooks) {
      assert.equal(h.entry, 'cilium-lint');
      assert.deepEqual(h.types, ['yaml']);
    }
  });

  it('fails on a staged file with an error, passes clean and unrelated YAML', () => {
    const work = path.join(tmp, 'gitops');
    mkdirSync(path.join(work, 'clusters'), { recursive: true });
    assert.equal(sh('git', ['init', '-q'], work).status, 0);
    writeFileSync(path.join(work, 'clusters/values.yaml'), CLEAN_116);
    writeFileSync(
      path.join(work, 'clusters/deployment.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
    );
    writeFileSync(path.join(work, 'README.md'), '# not YAML\n');
    assert.equal(sh('git', ['add', '-A'], work).status, 0);
    const ok = sh('pre-commit', ['try-repo', repoRoot, 'cilium-lint-system', '--verbose'], work);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /cilium-lint \(installed\)\.+Passed/);
    assert.match(
      ok.stdout,
      /No errors or warnings in 2 files; 1 file had no Cilium configuration/,
      'the hook got the two staged YAML files, not README.md',
    );

    writeFileSync(path.join(work, 'clusters/cilium-config.yaml'), BAD_CONFIGMAP);
    assert.equal(sh('git', ['add', '-A'], work).status, 0);
    const bad = sh('pre-commit', ['try-repo', repoRoot, 'cilium-lint-system'], work);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /cilium-lint \(installed\)\.+Failed/);
    assert.match(bad.stdout, /clusters\/cilium-config\.yaml:8:\d+ error configmap-value-not-string/);

    // A suppression with its reason makes the commit pass again.
    writeFileSync(
      path.join(work, 'clusters/cilium-config.yaml'),
      BAD_CONFIGMAP.replace(
        '  enable-bpf-masquerade: true',
        '  # cilium-lint-disable-next-line configmap-value-not-string -- fixed by our kustomize patch\n  enable-bpf-masquerade: true',
      ),
    );
    assert.equal(sh('git', ['add', '-A'], work).status, 0);
    const suppressed = sh('pre-commit', ['try-repo', repoRoot, 'cilium-lint-system'], work);
    assert.equal(suppressed.status, 0, suppressed.stdout + suppressed.stderr);
  });

  it('the node hook: pre-commit installs cilium-lint from this repository and runs it', () => {
    // No cilium-lint on PATH: what runs is what pre-commit installed (into try-repo's own temporary store).
    // Packages come from npm's cache when it has them (prefer-offline); the first install needs the registry or
    // a cache holding package-lock.json's packages.
    const nodeEnv: NodeJS.ProcessEnv = {
      ...env,
      PATH: process.env.PATH,
      PRE_COMMIT_HOME: path.join(tmp, 'node-cache'),
      npm_config_prefer_offline: 'true',
    };
    assert.notEqual(
      spawnSync('sh', ['-c', 'command -v cilium-lint'], { env: nodeEnv }).status,
      0,
      'a cilium-lint on PATH would hide the installed one',
    );
    const work = path.join(tmp, 'gitops-node');
    mkdirSync(path.join(work, 'clusters'), { recursive: true });
    assert.equal(sh('git', ['init', '-q'], work, nodeEnv).status, 0);
    writeFileSync(path.join(work, 'clusters/values.yaml'), CLEAN_116);
    assert.equal(sh('git', ['add', '-A'], work, nodeEnv).status, 0);
    const ok = sh('pre-commit', ['try-repo', repoRoot, 'cilium-lint', '--verbose'], work, nodeEnv);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /cilium-lint \(Cilium Helm values and cilium-config\)\.+Passed/);
    assert.match(ok.stdout, /No errors or warnings in 1 file/);

    writeFileSync(path.join(work, 'clusters/cilium-config.yaml'), BAD_CONFIGMAP);
    assert.equal(sh('git', ['add', '-A'], work, nodeEnv).status, 0);
    const bad = sh('pre-commit', ['try-repo', repoRoot, 'cilium-lint'], work, nodeEnv);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /cilium-lint \(Cilium Helm values and cilium-config\)\.+Failed/);
    assert.match(bad.stdout, /clusters\/cilium-config\.yaml:8:\d+ error configmap-value-not-string/);
  });
});
