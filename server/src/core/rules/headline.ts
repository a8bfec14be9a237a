// The first thing a diagnostic says: one sentence of at most 120 characters on what happens and what to do. The
// rest of a finding's message (the agent's or Helm's own words, what decided the value, lists of accepted values,
// version history) goes below it: relatedInformation in the editor, the hover, and the rule's page. Findings keep
// their full message (the CLI prints it); this only decides how an editor splits it.

import type { Finding } from '../types';
import { RULES } from './defs/index';
import { HEADLINE_MAX, sentences, withoutAsides } from './headlineText';

export { HEADLINE_MAX, sentences } from './headlineText';

/**
 * The headlines rules write themselves (a rule's `headline`, rules/rule.ts): for messages whose first sentence
 * cannot be shortened by dropping its asides.
 */
const WRITTEN = new Map(RULES.flatMap((r) => (r.headline ? [[r.id, r.headline] as const] : [])));

export interface SplitMessage {
  /** One sentence (or two short ones), at most HEADLINE_MAX characters. */
  headline: string;
  /** The rest, in reading order: further sentences, what decided the value, the tool's own words. */
  details: string[];
}

/** Where the quoted words of Cilium or Helm start in a message (` Agent log: "…"`, ` helm fails with: "…"`). */
const QUOTE_MARKERS = [
  ' Agent log if it were first: "',
  ' Agent log: "',
  ' The agent exits with: "',
  ' helm fails with: "',
  ' Cilium says: "',
  ' Agent error: "',
  ' cilium-agent says: "',
  ' cilium-operator says: "',
  ' cilium-agent and cilium-operator say: "',
];

function quoteStart(message: string): number {
  let at = -1;
  for (const m of QUOTE_MARKERS) {
    const i = message.indexOf(m);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at;
}

/** Cuts a long sentence at its last clause boundary before the limit (the part before states what happens). */
function firstClause(sentence: string): string {
  const cut = Math.max(
    sentence.lastIndexOf(': ', HEADLINE_MAX - 1),
    sentence.lastIndexOf('; ', HEADLINE_MAX - 1),
    sentence.lastIndexOf(', ', HEADLINE_MAX - 1),
  );
  return cut > 30 ? `${sentence.slice(0, cut)}.` : `${sentence.slice(0, HEADLINE_MAX - 1)}…`;
}

/**
 * Messages split before, by rule, key and message (all splitMessage reads): the editor converts every finding
 * again after each keystroke, and most of them are the same as before. Bounded; callers get their own copy.
 */
const splitMemo = new Map<string, SplitMessage>();
const MAX_SPLIT_MEMO = 4000;

export function splitMessage(f: Finding): SplitMessage {
  const memoKey = `${f.rule}\u0000${f.key ?? ''}\u0000${f.spelling ?? ''}\u0000${f.message}`;
  let split = splitMemo.get(memoKey);
  if (!split) {
    if (splitMemo.size >= MAX_SPLIT_MEMO) splitMemo.clear();
    split = splitFresh(f);
    splitMemo.set(memoKey, split);
  }
  return { headline: split.headline, details: [...split.details] };
}

function splitFresh(f: Finding): SplitMessage {
  const message = f.message.trim();
  const q = quoteStart(message);
  // A sentence cut where the quote starts ends with `;` or `:` there: it ends with a full stop instead.
  const ours =
    q < 0
      ? message
      : message
          .slice(0, q)
          .trim()
          .replace(/[;:,]$/, '.');
  const all = sentences(ours);
  const details: string[] = [];
  let headline: string;
  let used = 0;
  const written = WRITTEN.get(f.rule)?.(f);
  if (written && written.length <= HEADLINE_MAX) {
    headline = written;
  } else if (all.length > 0 && withoutAsides(all[0]).length <= HEADLINE_MAX) {
    // The sentence as written when it fits; without its asides (lists of values, sources) when it does not.
    headline = all[0].length <= HEADLINE_MAX ? all[0] : withoutAsides(all[0]);
    used = 1;
    if (headline !== all[0]) details.push(all[0]);
    // A second short sentence joins the first when both fit (it often says what happens: "The agent refuses to start.").
    const second =
      all.length > 1 ? (headline.length + 1 + all[1].length <= HEADLINE_MAX ? all[1] : withoutAsides(all[1])) : '';
    if (second && headline.length + 1 + second.length <= HEADLINE_MAX) {
      headline = `${headline} ${second}`;
      if (second !== all[1]) details.push(all[1]);
      used = 2;
    }
  } else {
    headline = firstClause(withoutAsides(all[0] ?? message));
  }
  details.push(...all.slice(used));
  if (q >= 0) details.push(message.slice(q).trim());
  return { headline, details };
}
