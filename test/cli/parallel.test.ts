// Many files on worker threads (cli/parallel.ts): the report is the same, in the same order, whatever the number
// of threads, and a terminal gets a progress line while the workers run.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/parallel';
import { cliJs, repoRoot, viaChild, viaRun } from './runCli';

describe('cilium-lint on many files', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cilium-many-'));
    mkdirSync(path.join(dir, '.git'));
    const corpus = path.join(repoRoot, '..', 'shared', 'corpus', 'real');
    const names = readdirSync(corpus)
      .filter((f) => /\.ya?ml$/.test(f))
      .slice(0, 12);
    // Enough files for the worker pool, in several folders, so order matters.
    for (let i = 0; i < 3; i++) {
      mkdirSync(path.join(dir, `c${i}`));
      for (const n of names) writeFileSync(path.join(dir, `c${i}`, n), readFileSync(path.join(corpus, n)));
    }
    assert.ok(names.length * 3 >= PARALLEL_MIN_FILES);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the same report on 1 and 3 threads, in input order, for json and text', () => {
    for (const format of ['json', 'text']) {
      const one = viaChild(['--format', format, '--jobs', '1', dir]);
      const three = viaChild(['--format', format, '--jobs', '3', dir]);
      assert.equal(three.code, one.code);
      assert.equal(three.stdout, one.stdout, `--format ${format} differs between 1 and 3 threads`);
      assert.equal(three.stderr, one.stderr);
    }
    const paths = (
      JSON.parse(viaChild(['--format', 'json', '--jobs', '3', dir]).stdout) as { files: { path: string }[] }
    ).files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort(), 'files in walk order');
    // run() in this process drives the same pool (its workers run the bundle).
    assert.equal(
      viaRun(['--format', 'json', '--jobs', '2', dir], { workerScript: cliJs }).stdout,
      viaChild(['--format', 'json', '--jobs', '1', dir]).stdout,
    );
  });

  it('draws a progress line on a terminal while the workers run, and none with one thread', () => {
    const r = viaRun(['--jobs', '2', dir], { stderrIsTTY: true, workerScript: cliJs });
    assert.match(r.stderr, /\rcilium-lint: 36\/36 files\n/);
    assert.doesNotMatch(viaRun(['--jobs', '1', dir], { stderrIsTTY: true, workerScript: cliJs }).stderr, /files\n/);
    assert.equal(viaChild(['--jobs', '0', dir]).code, 2, '--jobs 0 is a usage error');
  });
});
