// A stand-in for the GitHub runner, enough to run a composite action's `run` steps for real: the `${{ … }}`
// expressions the action uses (contexts `inputs`, `github`, `steps`, `runner`, `env`; `==`, `!=`, `&&`, `||`, `!`;
// `always()`, `success()`, `failure()`), `if:` with the runner's implicit `success() &&`, each step in
// `bash --noprofile --norc -eo pipefail` (what `shell: bash` means on a runner) with the runner's variables
// (GITHUB_WORKSPACE, GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, CI, GITHUB_ACTIONS),
// outputs read back from GITHUB_OUTPUT (`name=value` and `name<<DELIMITER` forms), the job summary gathered
// from each step's GITHUB_STEP_SUMMARY file. `uses:` steps cannot run here: they are recorded with their `with:`
// inputs evaluated, for the test to check. An expression this file does not know fails the run loudly.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

export interface CompositeAction {
  name: string;
  inputs?: Record<string, { description?: string; default?: string; required?: boolean }>;
  outputs?: Record<string, { description?: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRecord {
  name: string;
  /** `ran` a run step, `recorded` a uses step (not run here), `skipped` its `if:` was false. */
  state: 'ran' | 'recorded' | 'skipped';
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  uses?: string;
  with?: Record<string, string>;
}

export interface ActionRun {
  /** success when every step that ran exited 0; the exit code of the first that did not, otherwise. */
  conclusion: 'success' | 'failure';
  exitCode: number;
  outputs: Record<string, string>;
  steps: StepRecord[];
  /** The job summary: what the steps wrote to GITHUB_STEP_SUMMARY, in order. */
  summary: string;
}

export function loadAction(file: string): CompositeAction {
  return parse(readFileSync(file, 'utf8')) as CompositeAction;
}

// ---- expressions ----

type Value = string | number | boolean | null | Record<string, unknown>;
interface ExprContext {
  contexts: Record<string, Record<string, unknown>>;
  status: 'success' | 'failure';
}

/** Tokens of a GitHub expression: strings in single quotes, numbers, names (with `-`), operators, parentheses. */
function tokens(src: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_-]*)|(==|!=|&&|\|\||!|\(|\)|\.|,))/y;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(src);
    if (!m) throw new Error(`expression not understood by the test runner at "${src.slice(at)}" in: ${src}`);
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    at = re.lastIndex;
  }
  return out;
}

const truthy = (v: Value): boolean => !(v === null || v === false || v === 0 || v === '');
/** A value as GitHub coerces it for a comparison of two types: null 0, booleans 1 and 0, strings as numbers ('' 0). */
const asNumber = (v: Value): number =>
  v === null
    ? 0
    : typeof v === 'boolean'
      ? Number(v)
      : typeof v === 'number'
        ? v
        : typeof v === 'string'
          ? v.trim() === ''
            ? 0
            : Number(v)
          : NaN;
/** GitHub's loose equality: strings case-insensitively, values of two types as numbers (so null == ''). */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && a !== null && b !== null) return a === b;
  return asNumber(a) === asNumber(b);
}

export function evaluate(src: string, ctx: ExprContext): Value {
  const t = tokens(src);
  let i = 0;
  const peek = () => t[i];
  const take = (want?: string) => {
    const tok = t[i++];
    if (want !== undefined && tok !== want)
      throw new Error(`expected ${want} but found ${tok ?? 'the end'} in: ${src}`);
    return tok;
  };
  const primary = (): Value => {
    const tok = take();
    if (tok === undefined) throw new Error(`unexpected end of: ${src}`);
    if (tok === '(') {
      const v = or();
      take(')');
      return v;
    }
    if (tok === '!') return !truthy(primary());
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(tok)) return Number(tok);
    if (tok === 'true' || tok === 'false') return tok === 'true';
    if (tok === 'null') return null;
    if (peek() === '(') {
      take('(');
      take(')');
      if (tok === 'always') return true;
      if (tok === 'success') return ctx.status === 'success';
      if (tok === 'failure') return ctx.status === 'failure';
      if (tok === 'cancelled') return false;
      throw new Error(`function ${tok}() not known to the test runner: ${src}`);
    }
    if (!(tok in ctx.contexts)) throw new Error(`context ${tok} not known to the test runner: ${src}`);
    let v: unknown = ctx.contexts[tok];
    while (peek() === '.') {
      take('.');
      const name = take();
      v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[name] : undefined;
    }
    return v === undefined ? null : (v as Value);
  };
  const comparison = (): Value => {
    let v = primary();
    while (peek() === '==' || peek() === '!=') {
      const op = take();
      const r = primary();
      v = op === '==' ? equal(v, r) : !equal(v, r);
    }
    return v;
  };
  const and = (): Value => {
    let v = comparison();
    while (peek() === '&&') {
      take();
      const r = comparison();
      v = truthy(v) ? r : v;
    }
    return v;
  };
  function or(): Value {
    let v = and();
    while (peek() === '||') {
      take();
      const r = and();
      v = truthy(v) ? v : r;
    }
    return v;
  }
  const v = or();
  if (i < t.length) throw new Error(`unexpected ${t[i]} in: ${src}`);
  return v;
}

const asText = (v: Value): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A string with every `${{ … }}` replaced by its value, as the runner does before a step runs. */
export function substitute(text: string, ctx: ExprContext): string {
  return text.replace(/\$\{\{(.*?)\}\}/gs, (_, expr: string) => asText(evaluate(expr, ctx)));
}

/** `if:` as the runner reads it: `${{ }}` optional, and `success() &&` implied unless a status function is named. */
function condition(src: string | undefined, ctx: ExprContext): boolean {
  if (src === undefined) return ctx.status === 'success';
  const expr = src.trim().replace(/^\$\{\{(.*)\}\}$/s, '$1');
  const statusNamed = /\b(always|success|failure|cancelled)\s*\(/.test(expr);
  return truthy(evaluate(statusNamed ? expr : `success() && (${expr})`, ctx));
}

/** GITHUB_OUTPUT's two forms: `name=value` and `name<<DELIMITER` … `DELIMITER`. */
export function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: no closing ${heredoc[2]}`);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    } else if (line.trim()) throw new Error(`GITHUB_OUTPUT: malformed line ${JSON.stringify(line)}`);
  }
  return out;
}

export interface RunnerSetup {
  /** The checkout of the user's repository (GITHUB_WORKSPACE, the steps' working directory). */
  workspace: string;
  /** Where the action's files are (GITHUB_ACTION_PATH). */
  actionPath: string;
  /** RUNNER_TEMP; each step's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files are made here. */
  temp: string;
  inputs: Record<string, string>;
  /** The environment every step starts from (PATH, HOME…). */
  env: NodeJS.ProcessEnv;
}

export function runComposite(action: CompositeAction, setup: RunnerSetup): ActionRun {
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: ${action.runs.using}`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {}))
    inputs[name] = setup.inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(setup.inputs))
    if (!(name in inputs)) throw new Error(`input ${name} is not declared in action.yml`);
  const stepsCtx: Record<string, { outputs: Record<string, string>; conclusion: string; outcome: string }> = {};
  const ctx: ExprContext = {
    contexts: {
      inputs,
      github: { action_path: setup.actionPath, workspace: setup.workspace, event_name: 'pull_request' },
      runner: { temp: setup.temp, os: 'Linux' },
      steps: stepsCtx,
      env: {},
    },
    status: 'success',
  };
  mkdirSync(setup.temp, { recursive: true });
  const records: StepRecord[] = [];
  let summary = '';
  let exitCode = 0;
  action.runs.steps.forEach((step, n) => {
    const name = step.name ?? step.uses ?? `step ${n + 1}`;
    if (!condition(step.if, ctx)) {
      records.push({ name, state: 'skipped', uses: step.uses });
      if (step.id) stepsCtx[step.id] = { outputs: {}, conclusion: 'skipped', outcome: 'skipped' };
      return;
    }
    if (step.uses) {
      const withInputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]),
      );
      records.push({ name, state: 'recorded', uses: step.uses, with: withInputs });
      if (step.id) stepsCtx[step.id] = { outputs: {}, conclusion: 'success', outcome: 'success' };
      return;
    }
    if (step.run === undefined) throw new Error(`${name}: neither run nor uses`);
    if (step.shell !== 'bash')
      throw new Error(`${name}: a composite run step needs shell: bash here (it has ${step.shell})`);
    const script = path.join(setup.temp, `step-${n}.sh`);
    const outputFile = path.join(setup.temp, `output-${n}`);
    const summaryFile = path.join(setup.temp, `summary-${n}`);
    writeFileSync(script, substitute(step.run, ctx));
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
    const cwd = step['working-directory']
      ? path.resolve(setup.workspace, substitute(step['working-directory'], ctx))
      : setup.workspace;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      encoding: 'utf8',
      timeout: 300_000,
      env: {
        ...setup.env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: setup.workspace,
        GITHUB_ACTION_PATH: setup.actionPath,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: setup.temp,
        ...stepEnv,
      },
    });
    if (r.error) throw r.error;
    const code = r.status ?? 1;
    records.push({ name, state: 'ran', exitCode: code, stdout: r.stdout, stderr: r.stderr });
    summary += readFileSync(summaryFile, 'utf8');
    const outcome = code === 0 ? 'success' : 'failure';
    if (step.id)
      stepsCtx[step.id] = { outputs: readOutputs(readFileSync(outputFile, 'utf8')), conclusion: outcome, outcome };
    if (code !== 0 && ctx.status === 'success') {
      ctx.status = 'failure';
      exitCode = code;
    }
  });
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([k, o]) => [k, substitute(o.value, ctx)]),
  );
  return { conclusion: ctx.status, exitCode, outputs, steps: records, summary };
}
