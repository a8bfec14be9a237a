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

/** The rule ids, and what every one of them looks like: the scan slices only words that could be one. */
interface IdShape {
  ids: Set<string>;
  minLength: number;
  maxLength: number;
  /** Every id has a hyphen: a word without one is skipped without being cut out of the text. */
  hyphenated: boolean;
}
let idShape: IdShape | undefined;

function ruleIdShape(): IdShape {
  if (idShape) return idShape;
  const ids = allRules().map((r) => r.id);
  idShape = {
    ids: new Set(ids),
    minLength: Math.min(...ids.map((id) => id.length)),
    maxLength: Math.max(...ids.map((id) => id.length)),
    hyphenated: ids.every((id) => id.includes('-')),
  };
  return idShape;
}

const isQuoteOpener = (c: number) => c === 32 || c === 9 || c === 58 || c === 91 || c === 123 || c === 44 || c === 45; // blank : [ { , -

/** Where a line's comment starts (a `#` at the start or after a blank, outside quotes), or -1. */
function commentStart(text: string, from: number, to: number): number {
  let quote = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if ((c === 34 || c === 39) && (i === from || isQuoteOpener(text.charCodeAt(i - 1)))) quote = c;
    else if (c === 35 && (i === from || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) return i;
  }
  return -1;
}

/**
 * Rule ids in text[from, to): words made of the characters ids use (a loop: no regex on user text), cut out only
 * when their length and hyphens fit an id. The chart's 2,900 comment lines cost a fraction of a millisecond.
 */
function ruleIdsIn(text: string, from: number, to: number, shape: IdShape): { id: string; at: number }[] {
  const out: { id: string; at: number }[] = [];
  let start = -1;
  let hyphen = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 0;
    const idChar = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
    if (idChar) {
      if (start < 0) {
        start = i;
        hyphen = false;
      }
      if (c === 45) hyphen = true;
      continue;
    }
    if (start < 0) continue;
    const length = i - start;
    if (length >= shape.minLength && length <= shape.maxLength && (hyphen || !shape.hyphenated)) {
      const word = text.slice(start, i);
      if (shape.ids.has(word)) out.push({ id: word, at: start });
    }
    start = -1;
  }
  return out;
}
const VERSION_COMMENT = /cilium-version:\s*([^\s#]+)/;

export function documentLinks(analysis: Analysis, text: string): DocumentLinkInfo[] {
  if (analysis.documents.length === 0) return [];
  const shape = ruleIdShape();
  const out: DocumentLinkInfo[] = [];
  // From one `#` to the next: lines without any are skipped whole.
  for (let hash = text.indexOf('#'); hash >= 0;) {
    // Back to the line's start (a few columns of indentation).
    let bol = hash;
    while (bol > 0 && text.charCodeAt(bol - 1) !== 10) bol--;
    let eol = text.indexOf('\n', hash);
    if (eol < 0) eol = text.length;
    const c = commentStart(text, bol, eol);
    if (c >= 0) {
      const version = VERSION_COMMENT.exec(text.slice(c, eol));
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
      for (const { id, at: start } of ruleIdsIn(text, c, eol, shape)) {
        out.push({
          range: { start, end: start + id.length },
          target: { kind: 'rule', rule: id },
          tooltip: `What the rule ${id} checks`,
        });
      }
    }
    hash = text.indexOf('#', eol);
  }
  return out;
}
