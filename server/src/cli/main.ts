// cilium-lint: the command-line front end over the analysis core.
// Exit codes (the highest that applies): 0 no error-severity finding, 1 at least one, more warnings than
// --max-warnings, or (with --require-cilium) a path without Cilium configuration, 2 usage error, a bad
// .cilium-lint.yaml or a file that cannot be read, 3 an internal error (a bug of ours, reported as an
// `internal-error` finding on the document it hit; the other files are reported).

import { readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import {
  analyzeSafely,
  fixAllInText,
  applyEdits,
  applyRuleLevels,
  parseKernel,
  NEWEST_RELEASED,
  parseCiliumVersion,
  SUPPORTED_VERSIONS,
  type Analysis,
  type AnalyzeOptions,
  type InternalError,
  type LintConfig,
} from '../core/index';
import { chartFilesNear } from '../io/chartFiles';
import { referencedFiles, wrappersNear, type UsedBy } from '../io/valuesReferences';
import { decodeText } from '../io/decodeText';
import { configIncludes, LintConfigLocator, readLintConfig } from '../io/lintConfigFile';
import { colored, plain, wantsColor } from './color';
import { configMapReport } from './configMapFormat';
import { toGithub } from './githubFormat';
import { toHtml } from './htmlFormat';
import { collectInputs, MAX_INPUT_BYTES, readInput } from './inputs';
import { toJunit } from './junitFormat';
import { toJson, toText, type FileReport } from './report';
import { toSarif } from './sarifFormat';
import { summaryLine, countFindings } from './summary';
import { unifiedDiff } from './unifiedDiff';
import { analyzeInParallel, bundledScript, defaultJobs, PARALLEL_MIN_FILES, type PortableAnalysis } from './parallel';
import { runUpgrade } from './upgradeCommand';

const TOOL_VERSION = '0.1.0';
const FORMATS = ['text', 'json', 'sarif', 'github', 'junit', 'configmap', 'html'] as const;
const USAGE = `Usage: cilium-lint [options] PATH...
       cilium-lint [options] - [--stdin-filename PATH] < values.yaml

Predicts what cilium-agent will do with Cilium Helm values or a cilium-config ConfigMap (also inside Flux
HelmRelease, Argo CD Application, helmfile, kustomize and RKE2/k3s HelmChart files) and reports problems.
Directories are searched for *.yaml and *.yml files. Supported Cilium versions: ${SUPPORTED_VERSIONS.join(', ')}.
Without --cilium-version the version comes from .cilium-lint.yaml, the file's wrapper, a Chart.yaml/Chart.lock
beside or above it that depends on cilium, a Cilium image tag, a helm.sh/chart label or a "# cilium-version:"
comment; else the newest release (${NEWEST_RELEASED}) is assumed, and the report says so.

  --format FORMAT    text (default; coloured on a terminal, NO_COLOR / FORCE_COLOR respected), json, sarif,
                     github (workflow-command annotations), junit (XML test report), or configmap: the whole
                     cilium-config ConfigMap the chart renders for each values document (valid YAML, keys sorted
                     as kubectl prints them, a trailing comment on each: your value and its line, the chart
                     default, or fixed by the chart), to diff against the cluster's
                     \`kubectl -n kube-system get configmap cilium-config -o yaml\` or to give to \`kubectl diff -f\`;
                     or html: one page with the packet path of each document drawn as a picture (the Explain
                     view's), each box naming the keys and lines that decided it
  --cilium-version V target Cilium version (wins over .cilium-lint.yaml and the file)
  --kernel X.Y       kernel version of the nodes
  --config FILE      use this configuration file instead of the nearest .cilium-lint.yaml above each file
  --max-warnings N   exit 1 when there are more than N warnings
  --fix              apply every safe quick-fix in place (comments and order kept), then report what is left;
                     with "-" the fixed text is written to standard output instead of a report
  --fix-dry-run      print the fixes as a unified diff instead of writing them
  --jobs N           analyse on N threads (default: the number of cores, at most 8; used from
                     ${PARALLEL_MIN_FILES} files on); output order is the input order whatever N is
  --stdin-filename P the path the text read from "-" stands for (configuration lookup, version hints)
  --require-cilium   fail (exit 1) when a PATH holds no Cilium configuration
  --verbose, -v      text format: each finding's whole message (its first sentence, at most 120 characters,
                     is shown alone by default; the json format always carries the whole message)
  --debug            print the stack trace of internal errors on stderr

Suppress one finding with "# cilium-lint-disable-next-line RULE -- reason" on the line above it, or a rule in
the whole file with "# cilium-lint-disable RULE"; a suppression that hides nothing is reported (info).

Exit codes: 0 no error-severity finding, 1 error-severity findings (or more warnings than --max-warnings, or no
Cilium configuration with --require-cilium), 2 usage error, invalid configuration file or unreadable file,
3 internal error (a bug: please report it).`;

/** Explicitly named files we know are not YAML: say so instead of reporting their syntax as YAML errors. */
const NOT_YAML = /\.(tf|hcl|tfvars)$/i;

/** A CLI run's outcome, from least to most severe: the exit code is the highest one met. */
const EXIT = { clean: 0, findings: 1, unreadable: 2, internal: 3 } as const;

class UsageError extends Error {}

/** What run() needs from the process; tests pass their own. */
export interface CliEnvironment {
  stdoutIsTTY: boolean;
  /** A progress line is drawn on a terminal only. */
  stderrIsTTY?: boolean;
  /** The script worker threads run (dist/cli.js); by default the bundle run() is in, none from the sources. */
  workerScript?: string;
  env: Readonly<Record<string, string | undefined>>;
  readStdin: () => Buffer;
}

const processEnvironment = (): CliEnvironment => ({
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  env: process.env,
  readStdin: () => readFileSync(0),
});

/** The analysis as the configuration wants it shown: rules turned off left out, levels replaced. */
function withRuleLevels(analysis: Analysis, config: LintConfig | undefined): Analysis {
  if (!config || Object.keys(config.rules).length === 0) return analysis;
  return {
    ...analysis,
    fileFindings: applyRuleLevels(analysis.fileFindings, config.rules),
    documents: analysis.documents.map((d) => ({ ...d, findings: applyRuleLevels(d.findings, config.rules) })),
  };
}

export function run(
  argv: string[],
  write: (s: string) => void,
  writeErr: (s: string) => void,
  environment: CliEnvironment = processEnvironment(),
): number {
  // The upgrade assistant is a subcommand with its own options.
  if (argv[0] === 'upgrade') return runUpgrade(argv.slice(1), write, writeErr);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'cilium-version': { type: 'string' },
        kernel: { type: 'string' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        jobs: { type: 'string' },
        'require-cilium': { type: 'boolean' },
        debug: { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
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
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
    const version = values['cilium-version'];
    if (version !== undefined) {
      const parsed = parseCiliumVersion(version);
      if (!parsed.ok) throw new UsageError(`--cilium-version: ${parsed.reason}`);
    }
    if (values.kernel !== undefined && !parseKernel(values.kernel))
      throw new UsageError(`--kernel: "${values.kernel}" is not a kernel version like 5.10`);
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      if (!/^\d+$/.test(values['max-warnings'].trim()))
        throw new UsageError(`--max-warnings must be a whole number, not "${values['max-warnings']}"`);
      maxWarnings = Number(values['max-warnings'].trim());
    }
    let jobs = defaultJobs();
    if (values.jobs !== undefined) {
      if (!/^[1-9]\d{0,2}$/.test(values.jobs.trim()))
        throw new UsageError(`--jobs must be a number of threads from 1, not "${values.jobs}"`);
      jobs = Number(values.jobs.trim());
    }
    if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
    if (positionals.length === 0) throw new UsageError('no PATH given');
    if (positionals.filter((p) => p === '-').length > 1)
      throw new UsageError('"-" (standard input) can be given only once');
    if (values['stdin-filename'] !== undefined && !positionals.includes('-'))
      throw new UsageError('--stdin-filename needs "-" among the paths');

    let exit: number = EXIT.clean;
    const raise = (code: number) => (exit = Math.max(exit, code));
    /** Our own bug while analysing a file, or later while computing a fix (fixes are computed when read). */
    const reportInternal = (path: string, e: InternalError) => {
      raise(EXIT.internal);
      writeErr(
        `cilium-lint: internal error in ${path} while ${e.what}; please report it${values.debug ? '' : ' (--debug prints the stack)'}\n`,
      );
      if (values.debug)
        writeErr(`${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}\n`);
    };

    // The configuration: the one named with --config for every file, else the nearest .cilium-lint.yaml.
    let explicitConfig: LintConfig | undefined;
    if (values.config !== undefined) {
      const read = readLintConfig(values.config);
      if (!read.ok) {
        for (const p of read.problems) writeErr(`cilium-lint: ${p}\n`);
        return EXIT.unreadable;
      }
      explicitConfig = read.config;
    }
    const locator = new LintConfigLocator();
    const reportedConfigs = new Set<string>();
    /** The configuration for a file; undefined when none applies, null when it is invalid (reported once). */
    const configFor = (path: string): LintConfig | undefined | null => {
      if (explicitConfig) return explicitConfig;
      const found = locator.forFile(path);
      if (!found) return undefined;
      if (found.ok) return found.config;
      const key = found.problems.join('\n');
      if (!reportedConfigs.has(key)) {
        reportedConfigs.add(key);
        for (const p of found.problems) writeErr(`cilium-lint: ${p}\n`);
      }
      raise(EXIT.unreadable);
      return null;
    };

    const reports: FileReport[] = [];
    const diffs: string[] = [];
    let stdoutText: string | undefined;
    let skipped = 0;

    /** One file (or standard input) to analyse, in the order it was named or found. */
    interface Item {
      path: string;
      /** The path the analysis sees (for stdin: --stdin-filename, for hints and configuration). */
      analysisPath: string;
      text: string;
      config: LintConfig | undefined;
      named: boolean;
      fromStdin: boolean;
      encoding?: string;
      /** Which PATH argument it came from, for the "no Cilium configuration" message. */
      group: number;
    }
    const items: Item[] = [];
    const groups: { what: string; why: (checked: number) => string; checked: number; found: number }[] = [];

    /** Values files named by a wrapper among the files of this run (resolved path → the wrappers naming it). */
    const usedInRun = new Map<string, UsedBy[]>();
    const optionsOf = (item: Item): AnalyzeOptions => ({
      version: version ?? item.config?.version,
      kernel: values.kernel ?? item.config?.kernel,
      path: item.analysisPath,
      chartFiles: chartFilesNear(item.analysisPath),
      // The wrapper's Cilium version applies to the values file it names: from this run's files, else from a
      // kustomization / helmfile beside or above the file.
      usedBy: usedInRun.get(resolve(item.analysisPath)) ?? wrappersNear(item.analysisPath),
      // A file named on the command line together with --cilium-version is Cilium configuration by the user's word.
      assumeCilium: version !== undefined && item.named,
    });

    /** With --fix / --fix-dry-run: the fixed text (written, printed or diffed as asked); else the text itself. */
    const fixed = (item: Item, options: AnalyzeOptions): string => {
      if (!values.fix && !values['fix-dry-run']) return item.text;
      const { path, text, fromStdin, encoding } = item;
      // Only fixes of findings the configuration keeps: a rule turned off is not "fixed" behind the user's back.
      const off = new Set(
        Object.entries(item.config?.rules ?? {})
          .filter(([, l]) => l === 'off')
          .map(([id]) => id),
      );
      const edits = fixAllInText(
        text,
        { ...options, onInternalError: (e) => reportInternal(path, e) },
        (f) => !off.has(f.rule),
      );
      if (edits.length === 0) {
        if (fromStdin && values.fix) stdoutText = text;
        return text;
      }
      const current = applyEdits(text, edits);
      if (values['fix-dry-run']) diffs.push(unifiedDiff(diffName(path), text, current));
      else if (fromStdin) stdoutText = current;
      else if (encoding === 'utf-8' || encoding === 'utf-8-bom')
        writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + current);
      else {
        writeErr(`cilium-lint: ${path} not fixed: it is ${encoding ?? 'not UTF-8'}, and --fix writes UTF-8 only\n`);
        return text;
      }
      return current;
    };

    for (const p of positionals) {
      const group = groups.length;
      if (p === '-') {
        const name = values['stdin-filename'];
        const decoded = readStdinText(environment);
        if (!decoded.ok) {
          writeErr(`cilium-lint: cannot read standard input: ${decoded.message}\n`);
          raise(EXIT.unreadable);
          continue;
        }
        const config = configFor(resolve(name ?? 'stdin.yaml'));
        if (config === null) continue;
        groups.push({
          what: name ?? 'standard input',
          why: () => 'it is not Cilium Helm values, a cilium-config ConfigMap or a file wrapping them',
          checked: 1,
          found: 1,
        });
        items.push({
          path: name ?? '<stdin>',
          analysisPath: name ?? 'stdin.yaml',
          text: decoded.text,
          config,
          named: true,
          fromStdin: true,
          group,
        });
        continue;
      }
      // A FIFO, a device, a broken link or a link loop is reported for that entry; the other files are checked.
      const { files: found, problems } = collectInputs([p]);
      for (const problem of problems) {
        writeErr(`cilium-lint: cannot read ${problem.path}: ${problem.message}\n`);
        raise(EXIT.unreadable);
      }
      if (found.length === 0 && problems.length > 0) continue;
      const named = found.length === 1 && found[0] === p;
      if (named && NOT_YAML.test(p)) {
        writeErr(
          `cilium-lint: ${p} is Terraform/HCL, not YAML; give cilium-lint the YAML values it passes to Helm (for example the file its templatefile() reads)\n`,
        );
        raise(EXIT.unreadable);
        continue;
      }
      const g = {
        what: p,
        why: (checked: number) =>
          found.length === 0
            ? 'it holds no *.yaml or *.yml files'
            : named
              ? 'it is not Cilium Helm values, a cilium-config ConfigMap or a file wrapping them (name it with --cilium-version to check it anyway)'
              : `none of its ${checked} YAML file${checked === 1 ? ' is' : 's is'} Cilium Helm values, a cilium-config ConfigMap or a file wrapping them (to check a values file anyway, add "# cilium-version: 1.NN" to it)`,
        checked: 0,
        found: found.length,
      };
      groups.push(g);
      for (const path of found) {
        const config = configFor(path);
        if (config === null) continue;
        if (config && !configIncludes(config, path)) {
          skipped++;
          if (named) writeErr(`cilium-lint: ${path} skipped: ${config.path} excludes it\n`);
          continue;
        }
        // Regular files only, size-capped, never blocking; UTF-16 and byte-order marks decoded.
        const input = readInput(path);
        if (!('text' in input)) {
          writeErr(`cilium-lint: cannot read ${path}: ${input.message}\n`);
          raise(EXIT.unreadable);
          continue;
        }
        g.checked++;
        items.push({
          path,
          analysisPath: path,
          text: input.text,
          config,
          named,
          fromStdin: false,
          encoding: input.encoding,
          group,
        });
      }
    }

    for (const item of items) {
      for (const r of referencedFiles(resolve(item.analysisPath), item.text)) {
        const list = usedInRun.get(r.file) ?? [];
        list.push(r.usedBy);
        usedInRun.set(r.file, list);
      }
    }

    // Analysis: on worker threads when there are many files and nothing to write back, else here.
    const script = environment.workerScript ?? bundledScript();
    const parallel =
      !!script &&
      !values.fix &&
      !values['fix-dry-run'] &&
      format !== 'configmap' &&
      format !== 'html' &&
      jobs > 1 &&
      items.length >= PARALLEL_MIN_FILES;
    let analyses: PortableAnalysis[];
    const texts: string[] = [];
    if (parallel) {
      const showProgress = environment.stderrIsTTY;
      analyses = analyzeInParallel(
        items.map((item) => ({ text: item.text, options: optionsOf(item) })),
        jobs,
        script!,
        showProgress
          ? (done, total) => writeErr(`\rcilium-lint: ${done}/${total} files${done === total ? '\n' : ''}`)
          : undefined,
      );
      for (const item of items) texts.push(item.text);
    } else {
      analyses = items.map((item) => {
        const options = optionsOf(item);
        const text = fixed(item, options);
        texts.push(text);
        return analyzeSafely(text, { ...options, onInternalError: (e) => reportInternal(item.path, e) });
      });
    }
    const cilium = new Set<number>();
    items.forEach((item, i) => {
      const analysis = analyses[i] as Analysis;
      for (const e of analysis.internalErrors) reportInternal(item.path, e);
      if (analysis.documents.length > 0 || analysis.internalErrors.length > 0) cilium.add(item.group);
      reports.push({ path: item.path, text: texts[i], analysis: withRuleLevels(analysis, item.config) });
    });
    groups.forEach((g, i) => {
      if (cilium.has(i) || (g.checked === 0 && g.found > 0)) return;
      writeErr(`cilium-lint: no Cilium configuration found in ${g.what}: ${g.why(g.checked)}\n`);
      if (values['require-cilium']) raise(EXIT.findings);
    });

    if (values['fix-dry-run']) {
      write(diffs.join(''));
      writeErr(
        `cilium-lint: ${diffs.length === 0 ? 'no fix to apply' : `fixes would change ${diffs.length} file${diffs.length === 1 ? '' : 's'}`}\n`,
      );
    } else if (stdoutText !== undefined) write(stdoutText);
    else if (format === 'json') write(JSON.stringify(toJson(reports), null, 2) + '\n');
    else if (format === 'sarif') write(JSON.stringify(toSarif(reports, TOOL_VERSION), null, 2) + '\n');
    else if (format === 'github') write(toGithub(reports));
    else if (format === 'junit') write(toJunit(reports));
    else if (format === 'configmap') {
      // A print command: findings do not change the exit code, only unreadable input and our own errors do.
      write(
        reports
          .filter((r) => r.analysis.documents.length > 0)
          .map((r) => configMapReport(r.path, r.analysis.documents, r.text))
          .join('---\n'),
      );
      return exit;
    } else if (format === 'html') {
      // A print command too: the picture, whatever the findings.
      const stdinPaths = new Set(items.filter((i) => i.fromStdin).map((i) => i.path));
      write(toHtml(reports, (p) => stdinPaths.has(p)));
      return exit;
    } else {
      const paint = wantsColor(environment.stdoutIsTTY, environment.env) ? colored : plain;
      const body = reports.some((r) => r.analysis.documents.length > 0 || r.analysis.fileFindings.length > 0)
        ? toText(reports, { paint, verbose: values.verbose }) + '\n'
        : '';
      write(body + paint.bold(summaryLine(reports, skipped)) + '\n');
    }
    const counts = countFindings(reports);
    if (counts.error > 0) raise(EXIT.findings);
    if (maxWarnings !== undefined && counts.warning > maxWarnings) {
      writeErr(`cilium-lint: ${counts.warning} warnings, more than --max-warnings ${maxWarnings}\n`);
      raise(EXIT.findings);
    }
    return exit;
  } catch (err) {
    if (err instanceof UsageError) {
      writeErr(`cilium-lint: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

/** The name a diff shows: relative to the working folder (as `git apply` and `patch -p1` expect), `/` separators. */
function diffName(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return (rel && !isAbsolute(rel) ? rel : path).split(sep).join('/');
}

function readStdinText(environment: CliEnvironment): { ok: true; text: string } | { ok: false; message: string } {
  let bytes: Buffer;
  try {
    bytes = environment.readStdin();
  } catch (err) {
    return { ok: false, message: (err as NodeJS.ErrnoException).code ?? (err as Error).message };
  }
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, message: `more than ${MAX_INPUT_BYTES} bytes` };
  return decodeText(bytes);
}

// The bundle exports run() and the rule registry so that tests can drive dist/cli.js with an injected rule.
export { documentRules } from '../core/index';

// In a worker thread the bundle only serves analyses (cli/parallel.ts); run() is the main thread's.
if (require.main === module && isMainThread) {
  process.exitCode = run(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
