// `cilium-lint upgrade --to 1.NN FILE…`: what changes when these files are deployed with a newer Cilium
// (core/upgrade.ts), as text, JSON or Markdown (for a pull request), and with --fix the migrated files.
// Exit codes: 0 the migrated files start the agent and install at the target, 1 one of them does not,
// 2 usage error or unreadable file, 3 internal error.

import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  parseKernel,
  upgradePlan,
  upgradeHeader as header,
  upgradeMarkdown,
  isSupported,
  parseCiliumVersion,
  SUPPORTED_VERSIONS,
  type DocumentUpgrade,
  type UpgradePlan,
  type CiliumVersion,
} from '../core/index';
import { chartFilesNear } from '../io/chartFiles';
import { wrappersNear } from '../io/valuesReferences';
import { collectInputs, readInput } from './inputs';

export const UPGRADE_USAGE = `Usage: cilium-lint upgrade --to 1.NN [--from 1.NN] [--format text|json|markdown] [--fix] [--kernel X.Y] PATH...

For each Cilium document: the verdict today and at the target side by side (kube-proxy replacement, host
routing, masquerading, routing, agent starts, chart installs), the version on the way where each one changes
and why; every key removed, renamed or re-spelt on the way, with its migration; and the chart defaults that
change for keys you did not set. --fix writes the migrated files. Without --from each document's version is
found as usual. Versions: ${SUPPORTED_VERSIONS.join(', ')}.

Exit codes: 0 after the migration every document starts the agent and installs at the target, 1 one does not,
2 usage error or unreadable file, 3 internal error.`;

class UsageError extends Error {}

function version(flag: string, raw: string | undefined): CiliumVersion | undefined {
  if (raw === undefined) return undefined;
  const parsed = parseCiliumVersion(raw);
  if (!parsed.ok) throw new UsageError(`${flag}: ${parsed.reason}`);
  if (!isSupported(parsed.version)) throw new UsageError(`${flag}: ${raw} is not a supported version`);
  return parsed.version;
}

interface FilePlan {
  path: string;
  plan: UpgradePlan;
  fixed: boolean;
}

function stillBroken(d: DocumentUpgrade): boolean {
  return d.verdict.some((v) => (v.label === 'Agent starts' || v.label === 'Chart installs') && v.migrated === 'NO');
}

export function runUpgrade(argv: string[], write: (s: string) => void, writeErr: (s: string) => void): number {
  let values;
  let positionals;
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        from: { type: 'string' },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean' },
        kernel: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    writeErr(`cilium-lint upgrade: ${(err as Error).message}\n\n${UPGRADE_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    write(UPGRADE_USAGE + '\n');
    return 0;
  }
  let exit = 0;
  try {
    const to = version('--to', values.to);
    if (!to) throw new UsageError('--to is required (the version to upgrade to, for example --to 1.19)');
    const from = version('--from', values.from);
    if (from && Number(from.split('.')[1]) >= Number(to.split('.')[1]))
      throw new UsageError(`--from ${from} is not older than --to ${to}`);
    if (!['text', 'json', 'markdown'].includes(values.format!))
      throw new UsageError(`--format must be text, json or markdown, not "${values.format}"`);
    if (values.kernel !== undefined && !parseKernel(values.kernel))
      throw new UsageError(`--kernel: "${values.kernel}" is not a kernel version like 5.10`);
    if (positionals.length === 0) throw new UsageError('no PATH given');

    const plans: FilePlan[] = [];
    const { files, problems } = collectInputs(positionals);
    for (const p of problems) {
      writeErr(`cilium-lint: cannot read ${p.path}: ${p.message}\n`);
      exit = 2;
    }
    for (const path of files) {
      const input = readInput(path);
      if (!('text' in input)) {
        writeErr(`cilium-lint: cannot read ${path}: ${input.message}\n`);
        exit = 2;
        continue;
      }
      let plan: UpgradePlan;
      try {
        plan = upgradePlan(input.text, {
          to,
          from,
          kernel: values.kernel,
          path,
          chartFiles: chartFilesNear(path),
          usedBy: wrappersNear(path),
        });
      } catch (err) {
        writeErr(
          `cilium-lint: internal error in ${path} while planning the upgrade (${(err as Error).message}); please report it\n`,
        );
        exit = 3;
        continue;
      }
      if (plan.documents.length === 0) continue;
      let fixed = false;
      if (values.fix && plan.migratedText !== input.text) {
        if (input.encoding === 'utf-8' || input.encoding === 'utf-8-bom') {
          writeFileSync(path, (input.encoding === 'utf-8-bom' ? '\uFEFF' : '') + plan.migratedText);
          fixed = true;
        } else writeErr(`cilium-lint: ${path} not migrated: it is ${input.encoding}, and --fix writes UTF-8 only\n`);
      }
      plans.push({ path, plan, fixed });
      if (plan.documents.some(stillBroken)) exit = Math.max(exit, 1);
    }
    if (plans.length === 0) writeErr(`cilium-lint: no Cilium configuration found in ${positionals.join(', ')}\n`);
    if (values.format === 'json') write(JSON.stringify(toJson(plans), null, 2) + '\n');
    else if (values.format === 'markdown') write(plans.map((p) => upgradeMarkdown(p.path, p.plan)).join('\n'));
    else write(toText(plans));
    return exit;
  } catch (err) {
    if (err instanceof UsageError) {
      writeErr(`cilium-lint upgrade: ${err.message}\n\n${UPGRADE_USAGE}\n`);
      return 2;
    }
    throw err;
  }
}

function toJson(plans: FilePlan[]): unknown {
  return {
    files: plans.map(({ path, plan, fixed }) => ({
      path,
      to: plan.to,
      migrationAvailable: plan.migratedText !== '' && plan.documents.some((d) => d.keys.some((k) => k.migration)),
      migrated: fixed,
      documents: plan.documents,
    })),
  };
}

function toText(plans: FilePlan[]): string {
  const out: string[] = [];
  for (const { path, plan, fixed } of plans) {
    for (const d of plan.documents) {
      out.push(`${path}:${d.index + 1} ${header(d)}`);
      if (d.note) {
        out.push(`    ${d.note}`, '');
        continue;
      }
      const w = Math.max(...d.verdict.map((v) => v.before.length), d.from.length) + 2;
      const w2 = Math.max(...d.verdict.map((v) => v.after.length), d.to.length) + 2;
      out.push(`    ${''.padEnd(24)}${d.from.padEnd(w)}${d.to.padEnd(w2)}${d.to} migrated`);
      for (const v of d.verdict) {
        const mark = v.before !== v.after || v.after !== v.migrated ? '*' : ' ';
        out.push(
          `  ${mark} ${v.label.padEnd(24)}${v.before.padEnd(w)}${v.after.padEnd(w2)}${v.migrated}${v.changesAt ? `   (changes at ${v.changesAt})` : ''}`,
        );
        if (mark === '*') for (const why of v.why) out.push(`        ${why}`);
      }
      out.push(
        d.keys.length > 0
          ? '  Keys removed, renamed or re-spelt on the way:'
          : '  No key you set is removed or renamed on the way.',
      );
      for (const k of d.keys)
        out.push(
          `    ${path}:${k.line} [${k.version}] ${k.rule}${k.key ? ` ${k.key}` : ''}: ${k.message}${k.migration ? `\n        migration: ${k.migration}` : ''}`,
        );
      if (d.defaults.length > 0) {
        out.push('  Chart defaults that change (keys you did not set; cilium-config values):');
        for (const c of d.defaults)
          out.push(`    [${c.changesAt}] ${c.key}: ${c.before ?? '(not written)'} → ${c.after ?? '(not written)'}`);
      }
      out.push('');
    }
    if (fixed) out.push(`${path}: migrated in place`, '');
    else if (plan.documents.some((d) => d.keys.some((k) => k.migration)))
      out.push(`${path}: run with --fix to apply the migrations`, '');
  }
  return out.join('\n');
}
