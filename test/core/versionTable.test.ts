// The one version table (server/src/core/knowledge/versions.ts): each cell is checked against something written
// independently of it (SOURCES.md and the key lists' README in ../shared, the kernel requirements as cited below,
// the docs site's layout), everything that shows versions reads it, and no second list of minors grows back.
// Only the table's own minors are looked up in ../shared, so a new v1.NN folder there changes nothing here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { helmReferenceUrl } from '../../server/src/core/docs/keyInfo';
import { explainMarkdown } from '../../server/src/core/explain';
import { VERSIONS } from '../../server/src/core/knowledge/versions';
import { VersionRowSchema } from '../../server/src/core/knowledge/versionsSchema';
import { SUPPORTED_VERSIONS, VERSION_TABLE, versionRow, type CiliumVersion } from '../../server/src/core/version';
import { readSources as readKeyListSources } from '../../tools/gen-config-keys';
import { withTableVersions } from '../../tools/packageVersions';
import { findRepoRoot } from '../../tools/repoRoot';
import { tsFilesUnder } from '../sourceFiles';

const root = findRepoRoot();
const shared = path.resolve(root, '../shared');

/** SOURCES.md of the charts, read here without the generators' parser: folder → release and commit. */
function chartSources(): Map<string, { release: string; commit: string }> {
  const out = new Map<string, { release: string; commit: string }>();
  for (const line of readFileSync(path.join(shared, 'cilium-charts', 'SOURCES.md'), 'utf8').split('\n')) {
    const m = /^\| v(1\.\d+) \| (1\.\d+\.\d+(?:-pre\.\d+)?)\b.*\| ([0-9a-f]{40}) \|$/.exec(line);
    if (m) out.set(m[1], { release: m[2], commit: m[3] });
  }
  return out;
}

describe('the version table', () => {
  it('every row has the shape the schema asks for; minors are consecutive, oldest first', () => {
    for (const row of VERSIONS) VersionRowSchema.parse(row);
    const minors = VERSIONS.map((r) => Number(r.minor.split('.')[1]));
    minors.forEach((m, i) => i > 0 && assert.equal(m, minors[i - 1] + 1, `a gap or a wrong order before 1.${m}`));
    assert.equal(VERSION_TABLE, VERSIONS, 'version.ts derives everything from this one table');
  });

  it("release and commit of every row are the ones the charts' SOURCES.md names", () => {
    const sources = chartSources();
    for (const row of VERSIONS)
      assert.deepEqual(sources.get(row.minor), { release: row.release, commit: row.commit }, `v${row.minor}`);
  });

  it("release, commit and the pre-release flag agree with the config key lists' README", () => {
    const sources = readKeyListSources(readFileSync(path.join(shared, 'cilium-config-keys', 'README.md'), 'utf8'));
    for (const row of VERSIONS) {
      assert.deepEqual(
        sources[row.minor],
        { release: row.release, commit: row.commit, ...(row.prerelease ? { prerelease: true } : {}) },
        `v${row.minor}`,
      );
    }
  });

  it('the docs root is the versioned docs of a release and /latest/ of a pre-release (no versioned docs yet)', () => {
    for (const row of VERSIONS) {
      assert.equal(
        row.docs,
        row.prerelease ? 'https://docs.cilium.io/en/latest/' : `https://docs.cilium.io/en/v${row.minor}/`,
        row.minor,
      );
      assert.equal(helmReferenceUrl(row.minor), `${row.docs}helm-reference/`);
    }
  });

  // Documentation/operations/system_requirements.rst, "Linux kernel >= …", at each row's tag (1.12 line 22,
  // the others line 23): 4.9.17 in 1.12, 4.19.57 from 1.13, 5.4 from 1.16, 5.10 from 1.18 (still at v1.21.0-pre.0).
  const KERNEL_STEPS: [CiliumVersion, string][] = [
    ['1.12', '4.9.17'],
    ['1.13', '4.19.57'],
    ['1.16', '5.4'],
    ['1.18', '5.10'],
  ];
  it('the minimum kernel of every row is the one system_requirements.rst states at its tag', () => {
    for (const row of VERSIONS) {
      const step = [...KERNEL_STEPS]
        .reverse()
        .find(([since]) => Number(row.minor.split('.')[1]) >= Number(since.split('.')[1]));
      assert.equal(row.minKernel.text, step?.[1], `Cilium ${row.minor}`);
      assert.equal(
        `${row.minKernel.major}.${row.minKernel.minor}`,
        row.minKernel.text.split('.').slice(0, 2).join('.'),
      );
      assert.equal(
        row.minKernel.cite,
        `Documentation/operations/system_requirements.rst@v${row.release} l.${row.minor === '1.12' ? 22 : 23}`,
      );
    }
  });

  it('the explanation reads the minimum kernel from the table', () => {
    for (const v of ['1.12', '1.16', '1.19'] as const) {
      const text = `# cilium-version: ${v}\nkubeProxyReplacement: ${v === '1.12' ? 'strict' : 'true'}\n`;
      const md = explainMarkdown(analyze(text, { kernel: '4.4' }), text);
      assert.ok(
        md.includes(`Cilium ${v} itself: Linux ${versionRow(v).minKernel.text} or newer`),
        `${v}: ${md.slice(0, 400)}`,
      );
    }
  });

  it("package.json's version enum, its descriptions and the span in the description are generated from the table (npm run gen:package-versions)", () => {
    const text = readFileSync(path.join(root, 'package.json'), 'utf8');
    assert.equal(withTableVersions(text), text, 'package.json is stale: run npm run gen:package-versions');
    const pkg = JSON.parse(text);
    assert.deepEqual(pkg.contributes.configuration.properties['cilium.version'].enum, ['auto', ...SUPPORTED_VERSIONS]);
  });

  it('the generated data names the same release for every minor as the table', () => {
    const knowledge = path.join(root, 'server/src/core/knowledge');
    const catalog = JSON.parse(readFileSync(path.join(knowledge, 'catalog.json'), 'utf8'));
    const keys = JSON.parse(readFileSync(path.join(knowledge, 'configKeys.json'), 'utf8'));
    assert.deepEqual(catalog.versions, SUPPORTED_VERSIONS);
    assert.deepEqual(keys.versions, SUPPORTED_VERSIONS);
    for (const row of VERSIONS) {
      assert.equal(catalog.sources[row.minor].tag, `v${row.release}`);
      assert.equal(catalog.sources[row.minor].commit, row.commit);
      assert.equal(keys.sources[row.minor].release, row.release);
      assert.equal(keys.sources[row.minor].commit, row.commit);
    }
  });
});

describe('no second list of minors', () => {
  // Generated files may spell the minors out: they are rewritten from the table by their generator.
  const GENERATED = new Set(['server/src/core/chart/data/index.ts']);
  const files = ['server/src', 'client/src', 'tools']
    .flatMap((d) => tsFilesUnder(path.join(root, d)))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .filter(
      (f) => f !== 'server/src/core/knowledge/versions.ts' && !GENERATED.has(f) && !/\/data\/v1_\d+\.ts$/.test(f),
    );

  it('no source file lists three minors in a row or keys a record by every minor', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = readFileSync(path.join(root, f), 'utf8');
      if (/'1\.\d\d',\s*'1\.\d\d',\s*'1\.\d\d'/.test(text)) offenders.push(`${f}: a list of minors`);
      if (SUPPORTED_VERSIONS.every((v) => text.includes(`'${v}':`)))
        offenders.push(`${f}: a record keyed by every minor`);
    }
    assert.deepEqual(offenders, []);
  });

  it('no source file but the table names a release commit', () => {
    const holders = files.filter((f) =>
      VERSIONS.some((r) => readFileSync(path.join(root, f), 'utf8').includes(r.commit)),
    );
    assert.deepEqual(holders, []);
  });

  it('the VS Code client imports no version list: it asks the server (client/src/serverVersions.ts)', () => {
    for (const f of files.filter((x) => x.startsWith('client/'))) {
      const text = readFileSync(path.join(root, f), 'utf8');
      assert.doesNotMatch(text, /core\/version|knowledge\/versions|VERSION_TABLE|SUPPORTED_VERSIONS/, f);
    }
  });
});
