// The first thing a diagnostic says: one sentence of at most 120 characters on what happens and what to do. The
// rest of a finding's message (the agent's or Helm's own words, what decided the value, lists of accepted values,
// version history) goes below it: relatedInformation in the editor, the hover, and the rule's page. Findings keep
// their full message (the CLI prints it); this only decides how an editor splits it.

import type { Finding } from '../types';
import { renderMessage } from './wording';

export const HEADLINE_MAX = 120;

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
function withoutAsides(sentence: string): string {
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
const spell = (f: Finding, template: string): string => renderMessage(template, {}, f.spelling ?? 'helm');

const quoted = (message: string): string | undefined => /"([^"]{1,60})"/.exec(message)?.[1];
const versionIn = (message: string): string | undefined => /\b(1\.\d{1,2})\b/.exec(message)?.[1];

/**
 * Rules whose first sentence cannot be shortened by dropping its asides: their headline is written here, from the
 * finding's key and the words of its message. Each says what happens and what to do.
 */
const HEADLINES: Record<string, (f: Finding) => string | undefined> = {
  'configmap-wrong-type': (f) => {
    const reader = /cilium-(agent|operator)/.exec(f.message)?.[0] ?? 'Cilium';
    const stops = /does not start|cannot decode|exits/.test(f.message);
    return `${f.key ?? 'This key'} has a value of the wrong type: ${stops ? `${reader} will not start` : `${reader} reads it differently`}. Fix the value.`;
  },
  // The message's own first sentence names the value; a long key or value makes it too long to be the headline.
  'configmap-value-stops-agent': (f) => {
    const first = sentences(f.message)[0] ?? '';
    if (withoutAsides(first).length <= HEADLINE_MAX) return undefined;
    return `${f.key ?? 'This key'} has a value of the wrong type: the agent will not start. Fix the value.`;
  },
  'chart-servicemonitor-crds': () =>
    'Without the ServiceMonitor CRDs helm install fails; set serviceMonitor.trustCRDsExist: true if they exist.',
  'internal-error': (f) => {
    const detail = /\(([^()]+)\)\. This is a bug/.exec(f.message)?.[1];
    return detail
      ? `Cilium Config failed here (${detail}): a bug of ours, not your file; please report it.`
      : undefined;
  },
  'configmap-key-deprecated': (f) =>
    `${f.key ?? 'This key'} is deprecated in Cilium ${/deprecated in Cilium (1\.\d+)/.exec(f.message)?.[1] ?? 'this version'}; plan to remove it.`,
  'configmap-key-removed': (f) =>
    `Cilium ${versionIn(f.message.slice(f.message.lastIndexOf('Cilium'))) ?? ''} ignores ${f.key ?? 'this key'}: no agent or operator of that version reads it. Remove it.`.replace(
      'Cilium  ',
      'Cilium ',
    ),
  'configmap-unknown-key': (f) =>
    `No Cilium agent or operator reads ${f.key ?? 'this key'}, so it is ignored. Check the spelling or remove it.`,
  // The accepted words are the message's own list: strict/partial/disabled/probe up to 1.13, true or false from 1.19.
  'kpr-invalid-value': (f) =>
    spell(
      f,
      `{key:kubeProxyReplacement} accepts ${/\(([\w, -]+)\)/.exec(f.message)?.[1] ?? 'other values'} here; with "${quoted(f.message) ?? '?'}" the agent will not start.`,
    ),
  'host-routing-needs-kpr': () =>
    'Host Routing is Legacy: BPF host routing needs full kube-proxy replacement. Turn kube-proxy replacement on.',
  'host-routing-iptables-masquerade': (f) =>
    spell(
      f,
      'iptables masquerades, so Host Routing is Legacy. Set {set:bpf.masquerade=true} (it needs kube-proxy replacement).',
    ),
  'host-routing-endpoint-routes': (f) =>
    `Per-endpoint routes make Host Routing Legacy on Cilium ${versionIn(f.message) ?? 'up to 1.13'}; from 1.14 both work together.`,
  'auto-direct-node-routes-tunnel': (f) =>
    spell(
      f,
      '{key:autoDirectNodeRoutes} needs native routing: in tunnel mode the agent will not start. Use native routing.',
    ),
  'native-routing-cidr-ipv4': (f) =>
    spell(
      f,
      'Native routing with IPv4 masquerading needs {key:ipv4NativeRoutingCIDR}: without it the agent will not start.',
    ),
  'native-routing-cidr-ipv6': (f) =>
    spell(
      f,
      'Native routing with IPv6 masquerading needs {key:ipv6NativeRoutingCIDR}: without it the agent will not start.',
    ),
  'netkit-tproxy': (f) =>
    spell(f, '{key:bpf.tproxy} does not work with netkit devices: the agent will not start. Turn it off or use veth.'),
  'dsr-with-vxlan': () =>
    'DSR load balancing does not work over VXLAN: the agent will not start. Use native routing or Geneve dispatch.',
};

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
  const written = HEADLINES[f.rule]?.(f);
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
