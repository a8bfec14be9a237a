// Inline suppressions, applied after every rule so the CLI and the editor hide the same findings:
//   # cilium-lint-disable-next-line RULE[, RULE] -- reason   the findings of those rules on the next line
//   # cilium-lint-disable RULE[, RULE] -- reason             the findings of those rules in the whole file
// Without a rule id a directive covers every rule. "Next line" skips blank lines and other comments, so several
// directives can be stacked above one key. A directive that hides nothing is reported (`unused-suppression`,
// info), like ESLint's --report-unused-disable-directives: a fix made it stale, or a rule id is misspelt.

import { lineContaining } from './positions';
import { isRuleId } from './knowledge/ruleCatalog';
import type { Analysis } from './analysisTypes';
import type { Finding, Range } from './types';

const MARKER = 'cilium-lint-disable';
/** Our own bugs are never hidden: the user could not tell a suppressed crash from a clean file. */
const NEVER_SUPPRESSED = new Set(['internal-error', 'unused-suppression']);

interface Directive {
  scope: 'next-line' | 'file';
  /** Empty: every rule. */
  rules: string[];
  range: Range;
  /** 0-based line the directive applies to (next-line only); -1 when nothing follows it. */
  target: number;
  used: Set<string>;
}

interface Line {
  start: number;
  /** The line without its break. */
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
    start = end + 1;
  }
  return lines;
}

/** The comment body of a full-line comment (after `#`), else undefined. */
function commentBody(line: string): string | undefined {
  const t = line.trimStart();
  return t.startsWith('#') ? t.slice(1).trim() : undefined;
}

/** The directive in one comment body: its scope and rule ids (the reason after `--` is for humans). */
function parseDirective(body: string): { scope: Directive['scope']; rules: string[] } | undefined {
  if (!body.startsWith(MARKER)) return undefined;
  let rest = body.slice(MARKER.length);
  let scope: Directive['scope'] = 'file';
  if (rest.startsWith('-next-line')) {
    scope = 'next-line';
    rest = rest.slice('-next-line'.length);
  }
  // `cilium-lint-disabled` or `-next-lines` is another word, not our directive.
  if (rest !== '' && !/^\s/.test(rest)) return undefined;
  const reasonAt = rest.indexOf('--');
  const list = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
  const rules = list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  return { scope, rules };
}

function findDirectives(lines: Line[]): Directive[] {
  const out: Directive[] = [];
  for (let i = 0; i < lines.length; i++) {
    const body = commentBody(lines[i].text);
    if (body === undefined) continue;
    const d = parseDirective(body);
    if (!d) continue;
    let target = -1;
    if (d.scope === 'next-line') {
      for (let j = i + 1; j < lines.length; j++) {
        if (lines[j].text.trim() === '' || commentBody(lines[j].text) !== undefined) continue;
        target = j;
        break;
      }
    }
    const indent = lines[i].text.length - lines[i].text.trimStart().length;
    out.push({
      ...d,
      range: { start: lines[i].start + indent, end: lines[i].start + lines[i].text.length },
      target,
      used: new Set(),
    });
  }
  return out;
}

/** The directive that hides `f`, marking it used; undefined when none does. */
function suppressor(f: Finding, line: number, directives: Directive[]): Directive | undefined {
  if (NEVER_SUPPRESSED.has(f.rule)) return undefined;
  for (const d of directives) {
    if (d.scope === 'next-line' && d.target !== line) continue;
    if (d.rules.length > 0 && !d.rules.includes(f.rule)) continue;
    d.used.add(f.rule);
    return d;
  }
  return undefined;
}

function unusedFindings(directives: Directive[]): Finding[] {
  const out: Finding[] = [];
  for (const d of directives) {
    const what = d.scope === 'next-line' ? 'on the next line' : 'in this file';
    if (d.rules.length === 0) {
      if (d.used.size === 0)
        out.push({
          rule: 'unused-suppression',
          severity: 'info',
          message: `This suppression hides nothing: no finding ${what}. Remove it.`,
          range: d.range,
        });
      continue;
    }
    for (const rule of d.rules) {
      if (d.used.has(rule)) continue;
      const known = isRuleId(rule);
      const message = known
        ? `This suppression of ${rule} hides nothing: there is no ${rule} finding ${what}. Remove it.`
        : `"${rule}" is not a rule id, so this suppression hides nothing (the ids are in docs/rules.md).`;
      out.push({ rule: 'unused-suppression', severity: 'info', message, range: d.range });
    }
  }
  return out;
}

/**
 * Removes the findings the file's directives suppress, from every document and from the file's own findings,
 * and adds one `unused-suppression` finding per directive (or rule of a directive) that hid nothing.
 */
export function applySuppressions(analysis: Pick<Analysis, 'documents' | 'fileFindings'>, text: string): void {
  if (!text.includes(MARKER)) return;
  const lines = splitLines(text);
  const directives = findDirectives(lines);
  if (directives.length === 0) return;
  const keep = (findings: Finding[]) =>
    findings.filter(
      (f) =>
        !suppressor(
          f,
          lineContaining(lines.length, (i) => lines[i].start, f.range.start),
          directives,
        ),
    );
  for (const d of analysis.documents) d.findings = keep(d.findings);
  analysis.fileFindings = keep(analysis.fileFindings);
  analysis.fileFindings.push(...unusedFindings(directives));
}
