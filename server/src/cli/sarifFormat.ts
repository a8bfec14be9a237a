// SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps). Each rule carries its short and full
// description and its whole documentation (`help`, as text and Markdown: the section docs/rules.md has for it),
// so the service shows it beside the alert. No `helpUri`: the project has no published home yet, and a path into
// the CI runner's node_modules opens nothing for the person reading the alert. Locations are relative to `%SRCROOT%` (the folder cilium-lint ran in), and quick-fixes are SARIF
// `fixes`. test/cli/sarif.test.ts validates the output against the official 2.1.0 schema.

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleInfo, ruleSectionLines, LineIndex, type Finding, type Fix, type Range } from '../core/index';
import { byPosition, type FileReport } from './report';

const SARIF_LEVEL: Record<Finding['severity'], 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};
export const SRCROOT = '%SRCROOT%';

function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}

function ruleDescriptor(id: string) {
  const info = ruleInfo(id);
  const summary = info?.summary ?? id;
  const facts = [
    info?.since || info?.until
      ? `Checked for Cilium ${info.since ?? '1.12'} to ${info.until ?? 'the newest supported version'}.`
      : '',
    info?.cite ? `Checked against ${info.cite}.` : '',
  ].filter(Boolean);
  return {
    id,
    name: id.replace(/(^|[-.])([a-z0-9])/g, (_m, _sep, c: string) => c.toUpperCase()),
    shortDescription: { text: firstSentence(summary) },
    fullDescription: { text: [summary, ...facts].join(' ') },
    help: info
      ? { text: [summary, ...facts].join(' '), markdown: [`**${id}**`, '', ...ruleSectionLines(info)].join('\n') }
      : { text: summary },
    ...(info ? { defaultConfiguration: { level: SARIF_LEVEL[info.severity] } } : {}),
  };
}

/** The artifact location of a file: relative to %SRCROOT% when inside it, else an absolute file URI. */
function artifactLocation(path: string, srcRoot: string) {
  const abs = resolve(path);
  const rel = relative(srcRoot, abs);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel))
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  if (path === '<stdin>') return { uri: 'stdin' };
  return { uri: pathToFileURL(abs).href };
}

function region(index: LineIndex, r: Range) {
  const s = index.position(r.start);
  const e = index.position(r.end);
  return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

function sarifFix(fix: Fix, location: ReturnType<typeof artifactLocation>, index: LineIndex) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation: location,
        replacements: fix.edits.map((e) => ({
          deletedRegion: region(index, e.range),
          insertedContent: { text: e.newText },
        })),
      },
    ],
  };
}

export function toSarif(files: FileReport[], toolVersion: string, srcRoot: string = process.cwd()): unknown {
  const results: unknown[] = [];
  const ruleIds = new Set<string>();
  const root = resolve(srcRoot);
  for (const { path, text, analysis } of files) {
    const index = new LineIndex(text);
    const location = artifactLocation(path, root);
    for (const f of byPosition([...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)])) {
      ruleIds.add(f.rule);
      results.push({
        ruleId: f.rule,
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(index, f.range) } }],
        ...(f.related?.length
          ? {
              relatedLocations: f.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation: location, region: region(index, r.range) },
              })),
            }
          : {}),
        ...(f.fixes?.length ? { fixes: f.fixes.map((x) => sarifFix(x, location, index)) } : {}),
      });
    }
  }
  const rules = [...ruleIds].sort().map((id) => ruleDescriptor(id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  for (const r of results as { ruleId: string; ruleIndex?: number }[]) r.ruleIndex = ruleIndex.get(r.ruleId);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cilium-lint', version: toolVersion, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root + sep).href } },
        results,
      },
    ],
  };
}
