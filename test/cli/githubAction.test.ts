// The composite GitHub Action (action.yml), run: its `run` steps execute in order with bash, as a runner would
// (compositeAction.ts stands in for the runner), in a throwaway git repository with Cilium files. The action's
// own build step runs for real (`node esbuild.mjs` in the action's folder; `npm ci` is a stand-in that finds
// this checkout's node_modules, installed from the same package-lock.json). The `uses:` steps cannot run here:
// the test checks what they are given (setup-node's version, upload-sarif's file). Not proven here: a real
// runner, setup-node and the upload to code scanning.
import assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import {
  evaluate,
  loadAction,
  readOutputs,
  runComposite,
  type ActionRun,
  type CompositeAction,
} from './compositeAction';
import { repoRoot } from './runCli';
import { CLEAN_116 } from './samples';

const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

// Line 9: a ConfigMap value that is not a string (error); line 10: an unknown key (warning).
const BAD_CONFIGMAP = [
  '# cilium-version: 1.16',
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: cilium-config',
  '  namespace: kube-system',
  'data:',
  '  kube-proxy-replacement: "true"',
  '  enable-bpf-masquerade: true',
  '  enable-bpf-masqurade: "true"',
  '',
].join('\n');

type Sarif = {
  runs: {
    results: {
      ruleId: string;
      level: string;
      locations: {
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
      }[];
    }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
};

describe('GitHub Action (action.yml), run step by step as a runner would', () => {
  let tmp = '';
  let action: CompositeAction;
  let actionPath = '';
  let env: NodeJS.ProcessEnv = {};
  let runs = 0;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(
    JSON.parse(readFileSync(schemaPath, 'utf8')),
  );

  /** A fresh checkout of the user's repository holding `files`. */
  function workspace(files: Record<string, string>): string {
    const ws = path.join(tmp, `ws${++runs}`);
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
      writeFileSync(path.join(ws, name), text);
    }
    assert.equal(spawnSync('git', ['init', '-q'], { cwd: ws }).status, 0);
    return ws;
  }

  function runAction(ws: string, inputs: Record<string, string>): ActionRun {
    return runComposite(action, { workspace: ws, actionPath, temp: path.join(tmp, `runner-temp${runs}`), inputs, env });
  }

  const step = (r: ActionRun, name: string) => {
    const s = r.steps.find((x) => x.name === name || x.uses?.startsWith(name));
    assert.ok(s, `no step ${name}: ${r.steps.map((x) => x.name).join(', ')}`);
    return s;
  };

  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'cilium-action-'));
    action = loadAction(path.join(repoRoot, 'action.yml'));
    // The action's folder as the runner checks it out: this repository's files without a build (dist/ is made
    // by the action's build step), node_modules as `npm ci` would install it from package-lock.json.
    actionPath = path.join(tmp, 'action');
    mkdirSync(actionPath);
    for (const name of readdirSync(repoRoot)) {
      if (name === 'dist' || name === '.git') continue;
      symlinkSync(path.join(repoRoot, name), path.join(actionPath, name));
    }
    const bin = path.join(tmp, 'bin');
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, 'npm'),
      [
        '#!/bin/sh',
        '# Stands in for `npm ci` (no registry in a test): the install is node_modules, made from the same package-lock.json.',
        'echo "npm $*" >> "$RUNNER_TEMP/npm-calls"',
        '[ "$1" = ci ] && [ -d node_modules/esbuild ]',
        '',
      ].join('\n'),
    );
    chmodSync(path.join(bin, 'npm'), 0o755);
    env = { PATH: `${bin}${path.delimiter}${process.env.PATH}`, HOME: tmp, LANG: 'C.UTF-8' };
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('the runner stand-in reads expressions and outputs as GitHub does', () => {
    const ctx = {
      contexts: { inputs: { 'upload-sarif': 'true' }, steps: { lint: { outputs: { 'exit-code': '0' } } } },
      status: 'success' as const,
    };
    assert.equal(evaluate("always() && inputs.upload-sarif == 'true'", ctx), true);
    assert.equal(evaluate("steps.lint.outputs.exit-code != '0'", ctx), false);
    assert.equal(evaluate("inputs.upload-sarif == 'TRUE'", ctx), true, 'string comparison ignores case');
    assert.equal(evaluate('steps.nope.outputs.x', ctx), null);
    assert.throws(() => evaluate('hashFiles()', ctx), /not known/);
    assert.equal(evaluate("steps.lint.outputs.missing != ''", ctx), false, 'null equals the empty string');
    assert.deepEqual(readOutputs('a=1\nb<<EOF\nx\ny\nEOF\n'), { a: '1', b: 'x\ny' });
  });

  it('declares every input the steps read, and only composite bash steps and known actions', () => {
    const declared = new Set(Object.keys(action.inputs ?? {}));
    const text = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8');
    for (const m of text.matchAll(/inputs\.([a-z0-9-]+)/g))
      assert.ok(declared.has(m[1]), `inputs.${m[1]} is not declared`);
    for (const s of action.runs.steps) {
      if (s.run !== undefined) assert.equal(s.shell, 'bash', `${s.name}: a composite run step must name its shell`);
      else assert.match(s.uses ?? '', /^(actions\/setup-node|github\/codeql-action\/upload-sarif)@v\d+$/);
    }
  });

  it('clean files: exit-code 0, success, an empty but valid SARIF uploaded, the verdict in the job summary', () => {
    const ws = workspace({
      'clusters/values.yaml': CLEAN_116,
      'clusters/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
      'README.md': '# hi\n',
    });
    const r = runAction(ws, { paths: 'clusters' });
    assert.equal(r.conclusion, 'success', JSON.stringify(r.steps, null, 1));
    assert.equal(r.outputs['exit-code'], '0');
    assert.match(
      readFileSync(path.join(tmp, `runner-temp${runs}`, 'npm-calls'), 'utf8'),
      /^npm ci /,
      'the build step ran npm ci',
    );
    assert.ok(
      existsSync(path.join(actionPath, 'dist/cli.js')),
      'the build step built dist/cli.js in the action folder',
    );
    const sarifFile = path.join(ws, 'cilium-lint.sarif');
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif;
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(sarif.runs[0].results.length, 0);
    const upload = step(r, 'github/codeql-action/upload-sarif');
    assert.equal(upload.state, 'recorded');
    assert.equal(
      path.resolve(ws, upload.with!.sarif_file),
      sarifFile,
      'upload-sarif gets the file the lint step wrote',
    );
    assert.equal(step(r, 'Fail on findings').state, 'skipped');
    assert.match(r.summary, /No errors or warnings in 2 files; 1 file had no Cilium configuration/);
    assert.match(r.summary, /KubeProxyReplacement:\s+True/, 'the summary shows the verdict');
    // setup-node gets a Node.js the package accepts.
    const node = step(r, 'actions/setup-node');
    const engines = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node as string;
    assert.ok(
      Number(node.with!['node-version']) >= Number(/\d+/.exec(engines)![0]),
      `${node.with!['node-version']} vs ${engines}`,
    );
  });

  it('an error: annotations on the file, SARIF results relative to the checkout, exit-code 1 and a failed step; upload-sarif: false skips the upload', () => {
    const ws = workspace({ 'clusters/values.yaml': CLEAN_116, 'clusters/cilium-config.yaml': BAD_CONFIGMAP });
    const r = runAction(ws, { paths: 'clusters', 'sarif-file': 'reports/cilium.sarif', 'upload-sarif': 'false' });
    assert.equal(r.conclusion, 'failure');
    assert.equal(r.exitCode, 1);
    assert.equal(r.outputs['exit-code'], '1');
    const lint = step(r, 'Run cilium-lint');
    assert.equal(
      lint.exitCode,
      0,
      `the lint step itself passes so the SARIF is uploaded before the job fails: ${lint.stderr}`,
    );
    assert.match(
      lint.stdout!,
      /^::error file=clusters\/cilium-config\.yaml,line=9,col=\d+,endLine=9,endColumn=\d+,title=cilium-lint configmap-value-not-string::/m,
    );
    assert.match(lint.stdout!, /^::warning file=clusters\/cilium-config\.yaml,line=10,/m);
    const fail = step(r, 'Fail on findings');
    assert.equal(fail.state, 'ran');
    assert.equal(fail.exitCode, 1);
    assert.equal(step(r, 'github/codeql-action/upload-sarif').state, 'skipped');
    const sarif = JSON.parse(readFileSync(path.join(ws, 'reports/cilium.sarif'), 'utf8')) as Sarif;
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    const run = sarif.runs[0];
    assert.equal(
      run.originalUriBaseIds['%SRCROOT%'].uri,
      pathToFileURL(ws + path.sep).href,
      'code scanning resolves the URIs against the checkout',
    );
    const error = run.results.find((x) => x.ruleId === 'configmap-value-not-string');
    assert.ok(error, JSON.stringify(run.results.map((x) => x.ruleId)));
    assert.equal(error.level, 'error');
    assert.deepEqual(error.locations[0].physicalLocation.artifactLocation, {
      uri: 'clusters/cilium-config.yaml',
      uriBaseId: '%SRCROOT%',
    });
    assert.equal(error.locations[0].physicalLocation.region.startLine, 9);
    assert.match(r.summary, /1 error, 1 warning in 1 of 2 files/);
  });

  it('max-warnings and cilium-version reach cilium-lint', () => {
    const ws = workspace({ 'values.yaml': CLEAN_116.replace('  masquerade: true', '  masqurade: true') });
    const lenient = runAction(ws, { 'upload-sarif': 'false' });
    assert.equal(lenient.outputs['exit-code'], '0', 'a warning alone passes');
    const strict = runAction(ws, { 'max-warnings': '0', 'cilium-version': '1.15', 'upload-sarif': 'false' });
    assert.equal(strict.outputs['exit-code'], '1');
    assert.equal(strict.conclusion, 'failure');
    assert.match(strict.summary, /Cilium 1\.15 \(from --cilium-version\)/);
  });

  it('a bad configuration file: exit-code 2 with the reason in the log, and no empty SARIF sent to code scanning', () => {
    const ws = workspace({ 'values.yaml': CLEAN_116, 'ci/lint.yaml': 'version: "9.99"\n' });
    const r = runAction(ws, { config: 'ci/lint.yaml' });
    assert.equal(r.outputs['exit-code'], '2');
    assert.equal(r.conclusion, 'failure');
    assert.equal(r.exitCode, 2);
    assert.match(step(r, 'Run cilium-lint').stderr!, /ci\/lint\.yaml: version: must be a supported Cilium version/);
    assert.equal(
      step(r, 'github/codeql-action/upload-sarif').state,
      'skipped',
      'upload-sarif would fail on an empty file and hide the reason',
    );
  });
});
