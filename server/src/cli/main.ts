// cilium-lint: the command-line front end over the analysis core.
// Exit codes (the highest that applies): 0 no error-severity finding, 1 at least one (or, with --require-cilium,
// a path without Cilium configuration), 2 usage error or a file that cannot be read as YAML, 3 an internal error
// (a bug of ours, reported as an `internal-error` finding on the document it hit; the other files are reported).

import { parseArgs } from 'node:util';
import { analyzeSafely } from '../core/analyze';
import { parseKernel } from '../core/model/state';
import { NEWEST_RELEASED, parseCiliumVersion, SUPPORTED_VERSIONS } from '../core/version';
import { chartFilesNear } from '../io/chartFiles';
import { collectInputs, readInput } from './inputs';
import { configMapReport } from './configMapFormat';
import { toJson, toSarif, toText, type FileReport } from './report';

const TOOL_VERSION = '0.1.0';
const USAGE = `Usage: cilium-lint [--format text|json|sarif|configmap] [--cilium-version 1.NN] [--kernel X.Y] [--require-cilium] [--debug] PATH...

Predicts what cilium-agent will do with Cilium Helm values or a cilium-config ConfigMap (also inside Flux
HelmRelease, Argo CD Application, helmfile, kustomize and RKE2/k3s HelmChart files) and reports problems.
Directories are searched for *.yaml and *.yml files. Supported Cilium versions: ${SUPPORTED_VERSIONS.join(', ')}.
Without --cilium-version the version comes from the file's wrapper, a Chart.yaml/Chart.lock beside or above it
that depends on cilium, a Cilium image tag, a helm.sh/chart label or a "# cilium-version:" comment; else the
newest release (${NEWEST_RELEASED}) is assumed, and the report says so.

  --format configmap print the whole cilium-config ConfigMap the Cilium chart renders for each values document
                     (valid YAML, keys sorted as kubectl prints them, a trailing comment on each: your value and
                     its line, the chart default, or fixed by the chart), to diff against the cluster's
                     \`kubectl -n kube-system get configmap cilium-config -o yaml\` or to give to \`kubectl diff -f\`
  --require-cilium   fail (exit 1) when a PATH holds no Cilium configuration
  --debug            print the stack trace of internal errors on stderr

Exit codes: 0 no error-severity finding, 1 error-severity findings (or no Cilium configuration with
--require-cilium), 2 usage error or unreadable file, 3 internal error (a bug: please report it).`;

/** Explicitly named files we know are not YAML: say so instead of reporting their syntax as YAML errors. */
const NOT_YAML = /\.(tf|hcl|tfvars)$/i;

/** A CLI run's outcome, from least to most severe: the exit code is the highest one met. */
const EXIT = { clean: 0, findings: 1, unreadable: 2, internal: 3 } as const;

class UsageError extends Error {}

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
        'require-cilium': { type: 'boolean' },
        debug: { type: 'boolean' },
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
    if (!['text', 'json', 'sarif', 'configmap'].includes(values.format!)) throw new UsageError(`--format must be text, json, sarif or configmap, not "${values.format}"`);
    const version = values['cilium-version'];
    if (version !== undefined) {
      const parsed = parseCiliumVersion(version);
      if (!parsed.ok) throw new UsageError(`--cilium-version: ${parsed.reason}`);
    }
    if (values.kernel !== undefined && !parseKernel(values.kernel)) throw new UsageError(`--kernel: "${values.kernel}" is not a kernel version like 5.10`);
    if (positionals.length === 0) throw new UsageError('no PATH given');

    let exit: number = EXIT.clean;
    const raise = (code: number) => (exit = Math.max(exit, code));
    const reports: FileReport[] = [];
    for (const p of positionals) {
      // A FIFO, a device, a broken link or a link loop is reported for that entry; the other files are checked.
      const { files: paths, problems } = collectInputs([p]);
      for (const problem of problems) {
        writeErr(`cilium-lint: cannot read ${problem.path}: ${problem.message}\n`);
        raise(EXIT.unreadable);
      }
      if (paths.length === 0 && problems.length > 0) continue;
      if (paths.length === 1 && paths[0] === p && NOT_YAML.test(p)) {
        writeErr(`cilium-lint: ${p} is Terraform/HCL, not YAML; give cilium-lint the YAML values it passes to Helm (for example the file its templatefile() reads)\n`);
        raise(EXIT.unreadable);
        continue;
      }
      let cilium = false;
      for (const path of paths) {
        // Regular files only, size-capped, never blocking; UTF-16 and byte-order marks decoded.
        const input = readInput(path);
        if (!('text' in input)) {
          writeErr(`cilium-lint: cannot read ${path}: ${input.message}\n`);
          raise(EXIT.unreadable);
          continue;
        }
        const text = input.text;
        // A file named on the command line together with --cilium-version is Cilium configuration by the user's word.
        const assumeCilium = version !== undefined && paths.length === 1 && paths[0] === p;
        const analysis = analyzeSafely(text, { version, kernel: values.kernel, path, chartFiles: chartFilesNear(path), assumeCilium });
        if (analysis.documents.length > 0 || analysis.internalErrors.length > 0) cilium = true;
        for (const e of analysis.internalErrors) {
          raise(EXIT.internal);
          writeErr(`cilium-lint: internal error in ${path} while ${e.what}; please report it${values.debug ? '' : ' (--debug prints the stack)'}\n`);
          if (values.debug) writeErr(`${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}\n`);
        }
        reports.push({ path, text, analysis });
      }
      if (!cilium && paths.length > 0) {
        writeErr(`cilium-lint: no Cilium configuration found in ${p}\n`);
        if (values['require-cilium']) raise(EXIT.findings);
      } else if (paths.length === 0) {
        writeErr(`cilium-lint: no Cilium configuration found in ${p} (no *.yaml or *.yml files)\n`);
        if (values['require-cilium']) raise(EXIT.findings);
      }
    }
    if (values.format === 'json') write(JSON.stringify(toJson(reports), null, 2) + '\n');
    else if (values.format === 'sarif') write(JSON.stringify(toSarif(reports, TOOL_VERSION), null, 2) + '\n');
    else if (values.format === 'configmap') {
      // A print command: findings do not change the exit code, only unreadable input and our own errors do.
      write(reports.filter((r) => r.analysis.documents.length > 0).map((r) => configMapReport(r.path, r.analysis.documents, r.text)).join('---\n'));
      return exit;
    } else write(toText(reports));
    const anyError = reports.some((r) => [...r.analysis.fileFindings, ...r.analysis.documents.flatMap((d) => d.findings)].some((f) => f.severity === 'error'));
    if (anyError) raise(EXIT.findings);
    return exit;
  } catch (err) {
    if (err instanceof UsageError) {
      writeErr(`cilium-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

// The bundle exports run() and the rule registry so that tests can drive dist/cli.js with an injected rule.
export { documentRules } from '../core/rules/documentRules';

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
