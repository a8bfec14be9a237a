// What the .vsix ships, read back from a package made the way `npm run package` makes it (vsce's own `pack`
// with package.json's `vsce` options): a README without links to files the package lacks, and no link
// anywhere to the repository the project does not have. The project has no public repository; a README link
// vsce "fixes" by pointing it at an invented GitHub URL is a link to a page that does not exist.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isRelativeLink, linkTargets, packagedReadme } from '../../tools/packageReadme';
import { findRepoRoot } from '../../tools/repoRoot';

const root = findRepoRoot();
const require = createRequire(path.join(root, 'package.json'));
// Split so that this file does not itself hold the string it looks for.
const INVENTED = ['github.com', 'cilium-config'].join('/');

type VsceOptions = Record<string, unknown>;
const vscePackage = require('@vscode/vsce/out/package') as { pack(o: VsceOptions): Promise<{ packagePath: string }> };
const vsceUtil = require('@vscode/vsce/out/util') as {
  patchOptionsWithManifest(o: VsceOptions, manifest: unknown): void;
};
const vsceZip = require('@vscode/vsce/out/zip') as {
  readZip(file: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>>;
};

describe('the packaged README', () => {
  it('names a linked file as text, drops pictures the package lacks, keeps web links and anchors', () => {
    const md = [
      '# T',
      'See [docs/ci.md](docs/ci.md), [the rules](docs/rules.md#x), [`a/b.lua`](a/b.lua) and [Cilium](https://cilium.io).',
      '',
      '![shot](docs/images/a.png)',
      '',
      'Jump [down](#usage), write [us](mailto:a@b.c). <img src="docs/x.png"> <img src="https://cilium.io/x.png">',
      '[![badge](https://img.shields.io/b.svg)](https://cilium.io)',
      '',
    ].join('\n');
    assert.equal(
      packagedReadme(md),
      [
        '# T',
        'See `docs/ci.md`, the rules, `a/b.lua` and [Cilium](https://cilium.io).',
        '',
        'Jump [down](#usage), write [us](mailto:a@b.c).  <img src="https://cilium.io/x.png">',
        '[![badge](https://img.shields.io/b.svg)](https://cilium.io)',
        '',
      ].join('\n'),
    );
  });

  it("made from the repository's README.md, links to no file and keeps every web link", () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.ok(
      linkTargets(readme).some(isRelativeLink),
      'README.md links to files beside it (else this test checks nothing)',
    );
    const packaged = linkTargets(packagedReadme(readme));
    assert.deepEqual(packaged.filter(isRelativeLink), []);
    assert.deepEqual(
      packaged,
      linkTargets(readme).filter((t) => !isRelativeLink(t)),
    );
  });
});

describe('the .vsix', () => {
  let tmp = '';
  let entries = new Map<string, Buffer>();
  const text = (name: string) =>
    entries.get(name)?.toString('utf8') ??
    assert.fail(`${name} is not in the package (${[...entries.keys()].join(', ')})`);

  before(async () => {
    // `vscode:prepublish` builds and writes dist/README.md; a test must not rebuild dist/ under the other tests, so
    // it writes only the README (the same function) and packs what `npm run build` left.
    for (const f of ['dist/extension.js', 'dist/server.js'])
      assert.ok(existsSync(path.join(root, f)), `${f} is missing: run npm run build`);
    const gen = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'tools/gen-package-readme.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(gen.status, 0, gen.stderr);
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-vsix-'));
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const options: VsceOptions = { cwd: root, packagePath: path.join(tmp, 'test.vsix') };
    vsceUtil.patchOptionsWithManifest(options, manifest);
    const { packagePath } = await vscePackage.pack(options);
    entries = await vsceZip.readZip(packagePath, () => true);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('carries the packaged README, with no link to a file it does not carry', () => {
    const readme = text('extension/readme.md');
    assert.equal(readme, packagedReadme(readFileSync(path.join(root, 'README.md'), 'utf8')));
    for (const name of ['extension/readme.md', 'extension/changelog.md']) {
      const missing = linkTargets(text(name))
        .filter(isRelativeLink)
        .filter((t) => !entries.has(`extension/${t.split('#')[0].toLowerCase()}`));
      assert.deepEqual(missing, [], `${name} links to files the package lacks`);
    }
  });

  it('links nowhere on the invented repository host, and its manifest names no repository', () => {
    for (const [name, data] of entries) {
      if (/\.(png|jpg)$/.test(name)) continue;
      assert.ok(!data.toString('utf8').includes(INVENTED), `${name} mentions ${INVENTED}`);
    }
    const pkg = JSON.parse(text('extension/package.json'));
    for (const field of ['repository', 'bugs', 'homepage'])
      assert.equal(pkg[field], undefined, `package.json has a ${field}`);
    assert.doesNotMatch(text('extension.vsixmanifest'), /Services\.Links\.(Source|Repository|Support|Learn)/);
  });
});

describe('the repository', () => {
  it('mentions the invented repository host in no tracked file', () => {
    const grep = spawnSync('git', ['grep', '-n', '-I', '-F', INVENTED], { cwd: root, encoding: 'utf8' });
    // git grep exits 1 when nothing matches, 0 with matches.
    assert.equal(grep.status, 1, `found:\n${grep.stdout}${grep.stderr}`);
  });
});
