// cilium-lint: the command-line front end over the analysis core.
// Exit codes: 0 no error-severity finding, 1 at least one, 2 usage error or unreadable file.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../core/analyze';
import { parseKernel } from '../core/model/state';
import { parseCiliumVersion, SUPPORTED_VERSIONS } from '../core/version';
import { toJson, toSarif, toText, type FileReport } from './report';

const TOOL_VERSION = '0.1.0';
const USAGE = `Usage: cilium-lint [--format text|json|sarif] [--cilium-version 1.NN] [--kernel X.Y] PATH...

Predicts what cilium-agent will do with Cilium Helm values or a cilium-config ConfigMap (also inside Flux
HelmRelease, Argo CD Application, helmfile, kustomize and RKE2/k3s HelmChart files) and reports problems.
Directories are searched for *.yaml and *.yml files. Supported Cilium versions: ${SUPPORTED_VERSIONS.join(', ')}.`;

class UsageError extends Error {}

function collect(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(path, name);
      const sub = statSync(full);
      if (sub.isDirectory()) collect(full, out);
      else if (/\.ya?ml$/i.test(name)) out.push(full);
    }
  } else {
    out.push(path);
  }
}

export function run(argv: string[], write: (s: string) => void, writeErr: (s: string) => void): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'cilium-version': { type: 'string' },
        kernel: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    writeErr(`cilium-lint: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    write(TOOL_VERSION + '\n');
    return 0;
  }
  try {
    if (!['text', 'json', 'sarif'].includes(values.format!)) throw new UsageError(`--format must be text, json or sarif, not "${values.format}"`);
    const version = values['cilium-version'];
    if (version !== undefined) {
      const parsed = parseCiliumVersion(version);
      if (!parsed.ok) throw new UsageError(`--cilium-version: ${parsed.reason}`);
    }
    if (values.kernel !== undefined && !parseKernel(values.kernel)) throw new UsageError(`--kernel: "${values.kernel}" is not a kernel version like 5.10`);
    if (positionals.length === 0) throw new UsageError('no PATH given');

    const paths: string[] = [];
    for (const p of positionals) {
      try {
        collect(p, paths);
      } catch (err) {
        writeErr(`cilium-lint: cannot read ${p}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        return 2;
      }
    }
    const reports: FileReport[] = [];
    let unreadable = false;
    for (const path of paths) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        writeErr(`cilium-lint: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        unreadable = true;
        continue;
      }
      reports.push({ path, text, analysis: analyze(text, { version, kernel: values.kernel, path }) });
    }
    if (values.format === 'json') write(JSON.stringify(toJson(reports), null, 2) + '\n');
    else if (values.format === 'sarif') write(JSON.stringify(toSarif(reports, TOOL_VERSION), null, 2) + '\n');
    else write(toText(reports));
    if (unreadable) return 2;
    const anyError = reports.some((r) => [...r.analysis.fileFindings, ...r.analysis.documents.flatMap((d) => d.findings)].some((f) => f.severity === 'error'));
    return anyError ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      writeErr(`cilium-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
