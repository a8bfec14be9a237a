// Runs cilium-lint both ways: the bundled dist/cli.js in a child process (what users run) and run() in this
// process (what the bundle wraps); both must agree on the exit code and standard output.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../server/src/cli/main';
import { findRepoRoot } from '../../tools/repoRoot';

export const repoRoot = findRepoRoot();
export const cliJs = `${repoRoot}/dist/cli.js`;

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Standard input for "-". */
  input?: string;
  /** Extra environment of the child (colour variables); run() gets the same through CliEnvironment. */
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  /** For run(): worker threads run dist/cli.js (the sources cannot be loaded by a worker). */
  workerScript?: string;
}

export function viaChild(args: string[], o: RunOptions = {}): Outcome {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...o.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [cliJs, ...args], {
    cwd: o.cwd ?? repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
    input: o.input ?? '',
    env: env,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function viaRun(args: string[], o: RunOptions = {}): Outcome {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  if (o.cwd) process.chdir(o.cwd);
  try {
    const code = run(
      args,
      (s) => (stdout += s),
      (s) => (stderr += s),
      {
        stdoutIsTTY: !!o.stdoutIsTTY,
        stderrIsTTY: !!o.stderrIsTTY,
        workerScript: o.workerScript,
        env: o.env ?? {},
        readStdin: () => Buffer.from(o.input ?? ''),
      },
    );
    return { code, stdout, stderr };
  } finally {
    process.chdir(cwd);
  }
}

/** Runs both ways; asserts they agree on the exit code and standard output, and returns the child's outcome. */
export function cli(args: string[], o: RunOptions = {}): Outcome {
  const child = viaChild(args, o);
  const direct = viaRun(args, o);
  assert.equal(
    direct.code,
    child.code,
    `run() exit ${direct.code} vs dist/cli.js exit ${child.code} for ${args.join(' ')}\nstderr: ${child.stderr}`,
  );
  assert.equal(direct.stdout, child.stdout, `run() and dist/cli.js print different output for ${args.join(' ')}`);
  return child;
}

/** Writes `text` to `name` under `dir` (folders made as needed) and returns the file's path. */
export function writeTestFile(dir: string, name: string, text: string): string {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}
