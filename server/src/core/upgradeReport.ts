// The upgrade report as Markdown: the same content as `cilium-lint upgrade --format markdown`, and what the
// language server's `cilium/upgradePlan` request returns for an editor to show beside the file.

import type { DocumentUpgrade, UpgradePlan } from './upgrade';

export function upgradeHeader(d: DocumentUpgrade): string {
  return `${d.label}: ${d.from}${d.fromSource === 'default' ? ' (no version found)' : ''} → ${d.to}`;
}

const header = upgradeHeader;
const cell = (s: string) => s.replace(/\|/g, '\\|');

export function upgradeMarkdown(path: string, plan: UpgradePlan): string {
  const out: string[] = [];
  {
    for (const d of plan.documents) {
      out.push(`### \`${path}\` document ${d.index + 1}: ${header(d)}`, '');
      if (d.note) {
        out.push(d.note, '');
        continue;
      }
      out.push(`| | ${d.from} | ${d.to} | ${d.to} after migration | why |`, '|---|---|---|---|---|');
      for (const v of d.verdict) {
        const changed = v.before !== v.after || v.after !== v.migrated;
        out.push(
          `| ${changed ? '**' + v.label + '**' : v.label} | ${cell(v.before)} | ${cell(v.after)} | ${cell(v.migrated)} | ${changed ? cell([v.changesAt ? `changes at ${v.changesAt}` : '', ...v.why].filter(Boolean).join('; ')) : ''} |`,
        );
      }
      out.push('');
      if (d.keys.length > 0) {
        out.push('**Keys removed, renamed or re-spelt**', '');
        for (const k of d.keys)
          out.push(
            `- line ${k.line}, ${k.version}, \`${k.rule}\`${k.key ? ` \`${k.key}\`` : ''}: ${k.message}${k.migration ? ` Migration: ${k.migration}.` : ''}`,
          );
        out.push('');
      }
      if (d.defaults.length > 0) {
        out.push(
          '**Chart defaults that change** (keys you did not set)',
          '',
          '| cilium-config key | before | after | from |',
          '|---|---|---|---|',
        );
        for (const c of d.defaults)
          out.push(
            `| \`${c.key}\` | ${cell(c.before ?? '(not written)')} | ${cell(c.after ?? '(not written)')} | ${c.changesAt} |`,
          );
        out.push('');
      }
    }
  }
  return out.join('\n');
}
