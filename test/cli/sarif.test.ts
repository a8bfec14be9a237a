// SARIF output validated against the official SARIF 2.1.0 JSON schema (shipped in the @microsoft/jest-sarif npm
// package; draft-04, hence ajv-draft-04), plus what code-scanning services need beyond the schema: rules with
// descriptions and the rule's documentation inside the log, %SRCROOT%-relative locations, and fixes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { applyEdits } from '../../server/src/core/edit/yamlEdit';
import { cli, writeTestFile } from './runCli';
import { BAD_CONFIGMAP } from './samples';

const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let tmp = '';
const file = (name: string, text: string): string => writeTestFile(tmp, name, text);

const FIXABLE = [
  '# cilium-version: 1.16',
  'kubeProxyReplacement: true  # keep this comment',
  'k8sServiceHost: 10.0.0.1',
  'k8sServicePort: 6443',
  'enableIPv4Masquerade: true',
  'bpf:',
  '  masqurade: true',
  '',
].join('\n');

type Region = { startLine: number; startColumn: number; endLine: number; endColumn: number };
type Result = {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
  fixes?: {
    description: { text: string };
    artifactChanges: { replacements: { deletedRegion: Region; insertedContent: { text: string } }[] }[];
  }[];
};
type Rule = {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown?: string };
  defaultConfiguration?: { level: string };
};

describe('--format sarif', () => {
  let sarif: {
    runs: {
      tool: { driver: { rules: Rule[] } };
      results: Result[];
      originalUriBaseIds: Record<string, { uri: string }>;
    }[];
  };
  let values = '';
  const rulesDoc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-sarif-'));
    mkdirSync(path.join(tmp, '.git'));
    values = file('deploy/values.yaml', FIXABLE);
    file('deploy/cilium-config.yaml', BAD_CONFIGMAP);
    const r = cli(['--format', 'sarif', 'deploy'], { cwd: tmp });
    assert.equal(r.code, 1, r.stderr);
    sarif = JSON.parse(r.stdout);
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // the schema's language-tag pattern is not valid with the u flag;
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    const ok = validate(sarif);
    assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    // The schema catches a broken log: the check is not vacuous.
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] }), false);
  });

  it("describes every rule it reports, its documentation inside the log (no link into the runner's files)", () => {
    const run = sarif.runs[0];
    const ids = new Set(run.results.map((r) => r.ruleId));
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id).sort(), [...ids].sort());
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text.length >= 10, rule.id);
      assert.ok(rule.fullDescription.text.startsWith(rule.shortDescription.text), rule.id);
      assert.equal(rule.helpUri, undefined, `${rule.id}: a link to a page that may not exist`);
      // The help is the rule's section of docs/rules.md, word for word.
      const section = rulesDoc.split(`\n### ${rule.id}\n\n`)[1]?.split('\n### ')[0]?.split('\n## ')[0]?.trim();
      assert.ok(section, `docs/rules.md has no section for ${rule.id}`);
      assert.equal(rule.help.markdown, `**${rule.id}**\n\n${section}`);
      assert.ok(rule.help.text.startsWith(rule.shortDescription.text), rule.id);
    }
    const masq = run.tool.driver.rules.find((r) => r.id === 'host-routing-iptables-masquerade');
    assert.match(masq?.fullDescription.text ?? '', /Checked against /, 'a Cilium fact carries its citation');
  });

  it('locations are relative to %SRCROOT%, which is the folder cilium-lint ran in', () => {
    const run = sarif.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${tmp}/`);
    const uris = new Set(run.results.map((r) => JSON.stringify(r.locations[0].physicalLocation.artifactLocation)));
    assert.deepEqual([...uris].sort(), [
      JSON.stringify({ uri: 'deploy/cilium-config.yaml', uriBaseId: '%SRCROOT%' }),
      JSON.stringify({ uri: 'deploy/values.yaml', uriBaseId: '%SRCROOT%' }),
    ]);
  });

  it('quick-fixes are SARIF fixes whose replacement gives the fixed text', () => {
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'host-routing-iptables-masquerade');
    assert.ok(result?.fixes?.length, 'the masquerade finding carries its fix');
    const offset = (line: number, column: number) => {
      const lines = FIXABLE.split('\n');
      return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
    };
    const edits = result.fixes[0].artifactChanges[0].replacements.map((rep) => ({
      range: {
        start: offset(rep.deletedRegion.startLine, rep.deletedRegion.startColumn),
        end: offset(rep.deletedRegion.endLine, rep.deletedRegion.endColumn),
      },
      newText: rep.insertedContent.text,
    }));
    const fixed = applyEdits(FIXABLE, edits);
    assert.match(fixed, /^bpf:\n {2}masqurade: true\n {2}masquerade: true\n$/m);
    assert.match(fixed, /# keep this comment/);
    writeFileSync(values, fixed);
    const again = JSON.parse(cli(['--format', 'sarif', values]).stdout) as typeof sarif;
    assert.ok(!again.runs[0].results.some((r) => r.ruleId === 'host-routing-iptables-masquerade'));
  });
});
