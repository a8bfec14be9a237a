// Runs the real Helm 4 (`helm template cilium <chart> -n kube-system -f values.yaml`) for the differential
// tests, two processes at a time, caching each outcome under node_modules/.cache/cilium-config/helm-out keyed
// by a hash of (Helm binary, chart version, values text). Never used by the product.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { configMapData } from '../../server/src/core/chart/helm/configMapOutput';
import { findRepoRoot } from '../../tools/repoRoot';

const repoRoot = findRepoRoot();
export const SHARED_CHARTS = path.resolve(repoRoot, '../shared/cilium-charts');
export const SHARED_CORPUS = path.resolve(repoRoot, '../shared/corpus/real');
const cacheDir = path.join(repoRoot, 'node_modules/.cache/cilium-config/helm-out');

export async function helmBinaryPath(): Promise<string> {
  const mod = (await import(pathToFileURL(path.join(repoRoot, 'tools/extract-helm.mjs')).href)) as {
    helmBinary: () => string;
  };
  return mod.helmBinary();
}

export interface HelmOutcome {
  /** `ok`: rendered; `schema`: values refused by the schema; `exec`: a template stopped the render (fail,
   * required or a template error); `values`: Helm could not read the values file; `other`: anything else. */
  verdict: 'ok' | 'schema' | 'exec' | 'values' | 'other';
  /** cilium-config data as key → value (verdict ok). */
  data?: Record<string, string>;
  /** The template named in Helm's error (exec). */
  template?: string;
  /** For `execution error at (...)`: the chart's fail/required message. */
  failMessage?: string;
  /** JSON pointers Helm's schema errors name ("/MTU"). */
  schemaPointers?: string[];
  stderr: string;
}

/** Turns Helm's stdout/stderr into an outcome. */
export function interpret(code: number, stdout: string, stderr: string): HelmOutcome {
  if (code === 0) {
    const docs = stdout.split(/^---\n/m).filter((d) => d.includes('# Source: cilium/templates/cilium-configmap.yaml'));
    const data = configMapData(docs.map((d) => `---\n${d}`).join(''));
    return {
      verdict: 'ok',
      data: data ? Object.fromEntries([...data].map(([k, v]) => [k, v.value])) : undefined,
      stderr,
    };
  }
  const err = stderr.slice(stderr.indexOf('Error: ') >= 0 ? stderr.indexOf('Error: ') : 0);
  if (/values don't meet the specifications of the schema/.test(err)) {
    return {
      verdict: 'schema',
      schemaPointers: [...err.matchAll(/^- at '([^']*)'/gm)].map((m) => m[1]!).sort(),
      stderr,
    };
  }
  const exec =
    /execution error at \((cilium\/templates\/[^:]+):[^)]*\): ([\s\S]*?)\n*(?:Use --debug flag[\s\S]*)?$/.exec(err);
  if (exec) return { verdict: 'exec', template: exec[1], failMessage: exec[2]!.trim(), stderr };
  const tmpl = /template: (cilium\/templates\/[^:]+):/.exec(err);
  if (tmpl) return { verdict: 'exec', template: tmpl[1], stderr };
  if (
    /failed to parse|cannot unmarshal|error converting YAML|yaml:/.test(err) &&
    !/YAML parse error on cilium/.test(err)
  ) {
    return { verdict: 'values', stderr };
  }
  const yamlErr = /YAML parse error on (cilium\/templates\/[^:]+):/.exec(err);
  if (yamlErr) return { verdict: 'exec', template: yamlErr[1], stderr };
  return { verdict: 'other', stderr };
}

function runOnce(helm: string, version: string, valuesText: string): Promise<HelmOutcome> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cilium-helm-'));
  const file = path.join(dir, 'values.yaml');
  writeFileSync(file, valuesText);
  return new Promise((resolve, reject) => {
    const child = spawn(
      helm,
      ['template', 'cilium', path.join(SHARED_CHARTS, `v${version}`), '-n', 'kube-system', '-f', file],
      {
        env: { ...process.env, HELM_CACHE_HOME: dir, HELM_CONFIG_HOME: dir, HELM_DATA_HOME: dir },
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      resolve(interpret(code ?? 1, out, err));
    });
  });
}

export interface HelmJob {
  version: string;
  valuesText: string;
}

/** Runs every job (at most two Helm processes at once), from the cache where possible, in job order. */
export async function runHelmJobs(jobs: HelmJob[], concurrency = 2): Promise<HelmOutcome[]> {
  const helm = await helmBinaryPath();
  const helmId = `${statSync(helm).size}`;
  mkdirSync(cacheDir, { recursive: true });
  const results: HelmOutcome[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= jobs.length) return;
      const job = jobs[i]!;
      const key = createHash('sha256').update(`${helmId}\0${job.version}\0${job.valuesText}`).digest('hex');
      const cached = path.join(cacheDir, `${key}.json`);
      if (existsSync(cached)) {
        results[i] = JSON.parse(readFileSync(cached, 'utf8')) as HelmOutcome;
        continue;
      }
      const r = await runOnce(helm, job.version, job.valuesText);
      writeFileSync(cached, JSON.stringify(r));
      results[i] = r;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** The upstream chart folder of a version; fails clearly when ../shared is missing. */
export function sharedChartDir(version: string): string {
  const dir = path.join(SHARED_CHARTS, `v${version}`);
  if (!existsSync(dir)) {
    throw new Error(
      `The differential tests need the upstream chart ${dir} (../shared/cilium-charts beside the repository).`,
    );
  }
  return dir;
}
