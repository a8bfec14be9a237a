// What a rule's own headline (rules/rule.ts `headline`) is written with: the limit, the sentence splitting that
// rules/headline.ts also uses, and small readers of a finding's message.

import type { Finding } from '../types';
import { renderMessage } from './wording';

/** The longest headline, in characters: what fits on one line of an editor's problem list. */
export const HEADLINE_MAX = 120;

/** Sentences: a full stop, question or exclamation mark followed by a blank and a capital, quote or backtick. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if ((c === '.' || c === '?' || c === '!') && text[i + 1] === ' ') {
      const next = text[i + 2] ?? '';
      if (/[A-Z"`(]/.test(next) && !/\b(e\.g|i\.e|vs)$/.test(text.slice(Math.max(start, i - 4), i))) {
        out.push(text.slice(start, i + 1).trim());
        start = i + 2;
      }
    }
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}

/** A sentence without its parenthetical asides (lists of values, defaults, sources), spaces tidied. */
export function withoutAsides(sentence: string): string {
  let out = '';
  let depth = 0;
  for (const c of sentence) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.;:])/g, '$1')
    .trim();
}

/** A headline template (rules/wording.ts) in the finding's spelling: Helm keys, or agent options in a ConfigMap. */
export const spell = (f: Finding, template: string): string => renderMessage(template, {}, f.spelling ?? 'helm');

/** The first quoted words of a message (the user's value, in most). */
export const quoted = (message: string): string | undefined => /"([^"]{1,60})"/.exec(message)?.[1];
/** The first Cilium minor a message names. */
export const versionIn = (message: string): string | undefined => /\b(1\.\d{1,2})\b/.exec(message)?.[1];
