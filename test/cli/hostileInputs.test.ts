// cilium-lint given inputs that are not plain UTF-8 files: FIFOs, devices, broken links, files too large to
// read, UTF-16. Each runs the bundled dist/cli.js in a child process with a timeout on the child (a FIFO used to
// block the read forever, /dev/zero used to be read until the heap gave up); nothing here times the CLI itself.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_INPUT_BYTES } from '../../server/src/cli/inputs';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
const cliJs = path.join(repoRoot, 'dist/cli.js');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** dist/cli.js in a child that is killed after 60 s: a CLI that blocks fails the test instead of hanging it. */
function cli(args: string[], cwd: string): Outcome {
  const r = spawnSync(process.execPath, [cliJs, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 24,
  });
  assert.equal(
    r.signal,
    null,
    `cilium-lint ${args.join(' ')} was killed (${r.signal}): it blocked or ran away\nstderr: ${r.stderr}`,
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD = '# cilium-version: 1.16\nkubeProxyReplacement: "maybe"\nbpf:\n  masquerade: true\n';
const CLEAN =
  '# cilium-version: 1.16\nkubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nbpf:\n  masquerade: true\n';

let tmp = '';
const at = (name: string) => path.join(tmp, name);
function file(name: string, data: string | Buffer): string {
  mkdirSync(path.dirname(at(name)), { recursive: true });
  writeFileSync(at(name), data);
  return at(name);
}
function fifo(name: string): void {
  mkdirSync(path.dirname(at(name)), { recursive: true });
  execFileSync('mkfifo', [at(name)]);
}

/** The findings of a JSON report, without the file path (compared across encodings of one text). */
function findingsOf(out: Outcome): unknown {
  const report = JSON.parse(out.stdout) as { files: { path: string }[] };
  return report.files.map((f) => ({ ...f, path: undefined }));
}

describe('cilium-lint on hostile inputs', () => {
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-lint-hostile-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('refuses a FIFO given as an argument without waiting for a writer', () => {
    fifo('pipe.yaml');
    const r = cli(['pipe.yaml'], tmp);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /cannot read pipe\.yaml: a FIFO/);
  });

  it('reports a FIFO named *.yaml in a directory and still checks the other files', () => {
    file('withfifo/a.yaml', BAD);
    fifo('withfifo/b.yaml');
    const r = cli(['withfifo'], tmp);
    assert.equal(r.code, 2, 'an input was left out: exit 2');
    assert.match(r.stderr, /withfifo\/b\.yaml: a FIFO/);
    assert.match(r.stdout, /withfifo\/a\.yaml:2:1 error chart-kpr-invalid/);
  });

  it('refuses /dev/zero by its type instead of reading it until memory runs out', () => {
    const r = cli(['/dev/zero'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read \/dev\/zero: a character device, not a regular file/);
  });

  it('refuses a regular file larger than the limit before reading it', () => {
    const big = file('huge.yaml', '');
    truncateSync(big, MAX_INPUT_BYTES + 1); // sparse: nothing is written, the size is what is checked
    const r = cli(['huge.yaml'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read huge\.yaml: .*larger than the limit/);
  });

  it('reports a dangling symbolic link in a directory for that entry and checks the rest', () => {
    file('dangling/a.yaml', BAD);
    symlinkSync('gone.yaml', at('dangling/b.yaml'));
    const r = cli(['dangling'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /dangling\/b\.yaml: symbolic link to a missing file/);
    assert.match(r.stdout, /dangling\/a\.yaml:2:1 error chart-kpr-invalid/);
  });

  it('reports a symbolic link loop in a directory for that entry and checks the rest', () => {
    file('loop/a.yaml', BAD);
    symlinkSync('self.yaml', at('loop/self.yaml'));
    symlinkSync('..', at('loop/parent')); // a link back up the tree is not walked twice
    const r = cli(['loop'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /loop\/self\.yaml: symbolic link loop/);
    assert.equal(r.stdout.match(/loop\/a\.yaml:2:1 error chart-kpr-invalid/g)?.length, 1, r.stdout);
  });

  it('decodes UTF-16 with a byte-order mark (LE and BE) and reports what the UTF-8 file gets', () => {
    file('enc/utf8.yaml', BAD);
    file('enc/utf16le.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD, 'utf16le')]));
    file('enc/utf16be.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BAD, 'utf16le').swap16()]));
    const utf8 = cli(['--format', 'json', 'enc/utf8.yaml'], tmp);
    assert.equal(utf8.code, 1);
    for (const name of ['enc/utf16le.yaml', 'enc/utf16be.yaml']) {
      const r = cli(['--format', 'json', name], tmp);
      assert.equal(r.code, 1, `${name}: the invalid kube-proxy replacement is an error, as in UTF-8\n${r.stdout}`);
      assert.deepEqual(findingsOf(r), findingsOf(utf8), name);
    }
  });

  it('reads a UTF-8 file with a byte-order mark like one without', () => {
    file('bom/plain.yaml', BAD);
    file('bom/bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BAD)]));
    assert.deepEqual(
      findingsOf(cli(['--format', 'json', 'bom/bom.yaml'], tmp)),
      findingsOf(cli(['--format', 'json', 'bom/plain.yaml'], tmp)),
    );
  });

  it('says UTF-32 is not supported instead of analysing garbage', () => {
    file('u32.yaml', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from('a: 1\n', 'utf16le')]));
    const r = cli(['u32.yaml'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /UTF-32/);
  });

  it('still exits 0 for a directory of clean files next to the hostile ones it does not look at', () => {
    file('clean/values.yaml', CLEAN);
    symlinkSync('nowhere', at('clean/README')); // a broken link that is not a YAML file is not an input
    const r = cli(['clean'], tmp);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.equal(r.stderr, '');
  });
});
