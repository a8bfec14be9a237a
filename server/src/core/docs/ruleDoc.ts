// One rule's documentation as Markdown: the section docs/rules.md has for it (tools/rulesDoc.ts renders the whole
// page from this), and the page the language server serves as `cilium-docs:/rules/<id>.md` when the user follows a
// rule id in the file, so the link works offline and in every editor.

import { ruleInfo, type RuleInfo } from '../knowledge/ruleCatalog';
import { SUPPORTED_SPAN } from '../version';

function versions(r: RuleInfo): string {
  if (r.since && r.until) return r.since === r.until ? `${r.since} only` : `${r.since} to ${r.until}`;
  if (r.since) return `${r.since} and later`;
  if (r.until) return `up to ${r.until}`;
  return `all supported versions (${SUPPORTED_SPAN})`;
}

/** The body of a rule's section: summary, severity, versions and the source it was checked against. */
export function ruleSectionLines(r: RuleInfo): string[] {
  const out = [r.summary, '', `- Severity: ${r.severity}`, `- Versions: ${versions(r)}`];
  if (r.cite) out.push(`- Checked against: ${r.cite}`);
  return out;
}

/** A rule's page; undefined for an id that is no rule of ours. */
export function ruleDocMarkdown(id: string): string | undefined {
  const r = ruleInfo(id);
  if (!r) return undefined;
  return [
    `# ${r.id}`,
    '',
    ...ruleSectionLines(r),
    '',
    'Turn it off or change its severity with the `cilium.rules` setting (`"' + r.id + '": "off"`).',
    '',
  ].join('\n');
}
