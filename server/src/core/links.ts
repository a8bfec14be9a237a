// Links in a Cilium file: a rule id written in a comment (`# cilium-lint: ignore host-routing-cni-chaining`)
// leads to that rule's documentation, and the version comment (`# cilium-version: 1.18`) to the Helm reference
// of that version. Only comments are searched, and only ids of rules we have, so no link leads nowhere.

import type { Analysis } from './analyze';
import { helmReferenceUrl } from './docs/keyInfo';
import { allRules } from './knowledge/ruleCatalog';
import type { Range } from './types';
import { parseCiliumVersion } from './version';

export type LinkTarget = { kind: 'rule'; rule: string } | { kind: 'url'; url: string };

export interface DocumentLinkInfo {
  range: Range;
  target: LinkTarget;
  tooltip: string;
}

let ruleIds: Set<string> | undefined;

/** Where a line's comment starts (a `#` at the start or after a blank, outside quotes), or -1. */
function commentStart(text: string, from: number, to: number): number {
  let quote = '';
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if ((c === '"' || c === "'") && (i === from || /[\s:[{,-]/.test(text[i - 1]))) quote = c;
    else if (c === '#' && (i === from || text[i - 1] === ' ' || text[i - 1] === '\t')) return i;
  }
  return -1;
}

/** Words of a comment made of the characters rule ids use, with their offsets (a loop: no regex on user text). */
function idWords(comment: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  let start = -1;
  for (let i = 0; i <= comment.length; i++) {
    const c = comment.charCodeAt(i);
    const idChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (idChar && start < 0) start = i;
    else if (!idChar && start >= 0) {
      out.push({ word: comment.slice(start, i), at: start });
      start = -1;
    }
  }
  return out;
}
const VERSION_COMMENT = /cilium-version:\s*([^\s#]+)/;

export function documentLinks(analysis: Analysis, text: string): DocumentLinkInfo[] {
  if (analysis.documents.length === 0) return [];
  ruleIds ??= new Set(allRules().map((r) => r.id));
  const out: DocumentLinkInfo[] = [];
  for (let at = 0; at < text.length;) {
    let eol = text.indexOf('\n', at);
    if (eol < 0) eol = text.length;
    const hash = text.indexOf('#', at);
    const c = hash >= 0 && hash < eol ? commentStart(text, at, eol) : -1;
    if (c >= 0) {
      const comment = text.slice(c, eol);
      const version = VERSION_COMMENT.exec(comment);
      if (version) {
        const parsed = parseCiliumVersion(version[1]);
        if (parsed.ok) {
          const start = c + version.index + version[0].length - version[1].length;
          out.push({
            range: { start, end: start + version[1].length },
            target: { kind: 'url', url: helmReferenceUrl(parsed.version) },
            tooltip: `Helm reference for Cilium ${parsed.version}`,
          });
        }
      }
      for (const { word, at: w } of idWords(comment)) {
        if (!ruleIds.has(word)) continue;
        const start = c + w;
        out.push({
          range: { start, end: start + word.length },
          target: { kind: 'rule', rule: word },
          tooltip: `What the rule ${word} checks`,
        });
      }
    }
    at = eol + 1;
  }
  return out;
}
