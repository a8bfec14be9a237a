// Did-you-mean for cilium-config keys. Plain edit distance misses the usual mistakes with these names, which are
// missing or spelt-out prefixes (`ct-timeout-regular-tcp` for `bpf-ct-timeout-regular-tcp`, `load-balancer-algorithm`
// for `bpf-lb-algorithm`) or a missing middle word (`bpf-algorithm-annotation`). So, in order:
// 1. the same name up to case, `_` for `-`, or Helm-style camelCase (`enableBpfMasquerade`);
// 2. a near typo: after the words both names share at the start and the end, what is left differs by one edit
//    (two when both rests are six characters or more), so `enable-dsr` is not taken for `enable-bbr`;
// 3. every word of the name, in order, inside one known key with the fewest extra words (at most two, a missing
//    leading word preferred), after folding common spellings (`load-balancer` → `lb`); a word may also be an
//    abbreviation of the key's word (`addr` for `address`); only a single best candidate counts.

import { closest, distance } from 'fastest-levenshtein';

/** Words users spell differently from the agent's flag names, folded into the agent's spelling. */
const CANONICAL: Readonly<Record<string, string>> = {
  loadbalancer: 'lb',
  loadbalancing: 'lb',
  conntrack: 'ct',
  masq: 'masquerade',
  masquerading: 'masquerade',
  kubernetes: 'k8s',
  identities: 'identity',
  encrypt: 'encryption',
};

function normalise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[_.\s]+/g, '-')
    .toLowerCase();
}

/** Words of a key, with the multi-word spellings folded into the agent's abbreviation (`load-balancer` → `lb`). */
function words(name: string): string[] {
  const raw = normalise(name).split('-').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === 'load' && raw[i + 1] === 'balancer') {
      out.push('lb');
      i++;
      continue;
    }
    out.push(Object.prototype.hasOwnProperty.call(CANONICAL, raw[i]) ? CANONICAL[raw[i]] : raw[i]);
  }
  return out;
}

/** `want` matches `have` as a word: the same, or an abbreviation of at least three letters (`addr`, `max`). */
function wordMatches(want: string, have: string): 0 | 1 | -1 {
  if (want === have) return 0;
  return want.length >= 3 && have.startsWith(want) ? 1 : -1;
}

/**
 * How far `want` is from `have` when words may only be inserted or abbreviated: twice the number of extra words,
 * plus one when an extra word sits inside the name rather than before it (a missing `bpf-` prefix is the likeliest
 * slip), plus one per abbreviated word. -1 when `want` does not fit, or fits with no change at all.
 */
function insertionCost(want: readonly string[], have: readonly string[]): number {
  let j = 0;
  let inside = false;
  let abbreviated = 0;
  for (const w of have) {
    const m = j < want.length ? wordMatches(want[j], w) : -1;
    if (m >= 0) {
      j++;
      abbreviated += m;
    } else if (j > 0 && j < want.length) inside = true;
  }
  if (j !== want.length) return -1;
  const extra = have.length - want.length;
  if (extra > 2 || (extra === 0 && abbreviated === 0)) return -1;
  return extra * 2 + (inside ? 1 : 0) + abbreviated;
}

/** The parts of two names that differ, after the words they share at the start and at the end. */
function differingParts(a: string, b: string): [string, string] {
  const wa = a.split('-');
  const wb = b.split('-');
  let i = 0;
  while (i < wa.length - 1 && i < wb.length - 1 && wa[i] === wb[i]) i++;
  let k = 0;
  while (k < wa.length - 1 - i && k < wb.length - 1 - i && wa[wa.length - 1 - k] === wb[wb.length - 1 - k]) k++;
  return [wa.slice(i, wa.length - k).join('-'), wb.slice(i, wb.length - k).join('-')];
}

function isNearTypo(name: string, key: string): boolean {
  const [a, b] = differingParts(name, key);
  const d = distance(a, b);
  return d === 1 || (d === 2 && Math.min(a.length, b.length) >= 6);
}

/**
 * What a list of known keys is indexed by, built once per list, so that one suggestion costs about the same
 * whether the agent reads 350 keys or 650, and a ConfigMap or extraConfig of 150,000 unknown keys is linear:
 * - by length, for names too short for the bigram filter;
 * - by two-letter piece (bigram): two edits destroy at most four of a name's bigram positions, so any five of
 *   them include one that the near-typo must contain too (the near typo is within two edits of the whole name,
 *   as the words both share are the same text);
 * - by word and by a word's first three letters: every word of the name must match a word of the key, exactly
 *   or as an abbreviation, which begins with the same three letters.
 * The index only narrows down the candidates; each candidate is judged exactly as a full scan would judge it.
 */
interface KeyIndex {
  known: readonly string[];
  set: ReadonlySet<string>;
  words: string[][];
  byLength: Map<number, number[]>;
  byBigram: Map<string, number[]>;
  byWord: Map<string, number[]>;
  byWordStart: Map<string, number[]>;
}

const indexes = new WeakMap<readonly string[], KeyIndex>();

function push<K>(m: Map<K, number[]>, k: K, i: number): void {
  const list = m.get(k);
  if (!list) m.set(k, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function indexOf(known: readonly string[]): KeyIndex {
  let ix = indexes.get(known);
  if (ix) return ix;
  ix = {
    known,
    set: new Set(known),
    words: [],
    byLength: new Map(),
    byBigram: new Map(),
    byWord: new Map(),
    byWordStart: new Map(),
  };
  for (let i = 0; i < known.length; i++) {
    const k = known[i];
    const w = words(k);
    ix.words.push(w);
    push(ix.byLength, k.length, i);
    for (let j = 0; j + 1 < k.length; j++) push(ix.byBigram, k.slice(j, j + 2), i);
    for (const word of w) {
      push(ix.byWord, word, i);
      if (word.length >= 3) push(ix.byWordStart, word.slice(0, 3), i);
    }
  }
  indexes.set(known, ix);
  return ix;
}

/** Candidates judged by the did-you-mean, for the step-count test (each costs a few small string operations). */
export const suggestSteps = { count: 0 };

const NO_CANDIDATES: readonly number[] = [];

/** Every known key within two edits of `norm` is in the result (and usually little else). */
function typoCandidates(norm: string, ix: KeyIndex): Iterable<number> {
  if (norm.length < 6) {
    const out: number[] = [];
    for (let len = norm.length - 2; len <= norm.length + 2; len++) out.push(...(ix.byLength.get(len) ?? NO_CANDIDATES));
    return out;
  }
  // The five bigram positions with the fewest keys behind them.
  const lists: (readonly number[])[] = [];
  for (let j = 0; j + 1 < norm.length; j++) lists.push(ix.byBigram.get(norm.slice(j, j + 2)) ?? NO_CANDIDATES);
  lists.sort((a, b) => a.length - b.length);
  const out = new Set<number>();
  for (const list of lists.slice(0, 5)) for (const i of list) out.add(i);
  return out;
}

/** Every known key that could hold each of `want`'s words is in the result. */
function wordCandidates(want: readonly string[], ix: KeyIndex): readonly number[] {
  let best: readonly number[] | undefined;
  for (const w of want) {
    const list = (w.length >= 3 ? ix.byWordStart.get(w.slice(0, 3)) : ix.byWord.get(w)) ?? NO_CANDIDATES;
    if (!best || list.length < best.length) best = list;
  }
  return best ?? NO_CANDIDATES;
}

export function suggestConfigKey(name: string, known: readonly string[]): string | undefined {
  return suggestAmong(name, known, true);
}

/** `indexed: false` judges every known key (the reference the index is tested against). */
export function suggestAmong(name: string, known: readonly string[], indexed: boolean): string | undefined {
  if (known.length === 0 || name === '') return undefined;
  const ix = indexOf(known);
  const all = () => known.map((_, i) => i);
  const norm = normalise(name);
  if (norm !== name && ix.set.has(norm)) return norm;

  const typos: string[] = [];
  for (const i of indexed ? typoCandidates(norm, ix) : all()) {
    suggestSteps.count++;
    const k = known[i];
    if (k !== norm && Math.abs(k.length - norm.length) <= 2 && isNearTypo(norm, k)) typos.push(k);
  }
  if (typos.length === 1) return typos[0];
  if (typos.length > 1) {
    const best = closest(norm, typos);
    const d = distance(norm, best);
    if (typos.filter((k) => distance(norm, k) === d).length === 1) return best;
  }

  const want = words(name);
  if (want.length < 2) return undefined;
  let best: string[] = [];
  let bestCost = Infinity;
  // Ties give no suggestion, so the order in which candidates are judged does not matter.
  for (const i of indexed ? wordCandidates(want, ix) : all()) {
    suggestSteps.count++;
    const cost = insertionCost(want, ix.words[i]);
    if (cost < 0) continue;
    if (cost < bestCost) {
      best = [known[i]];
      bestCost = cost;
    } else if (cost === bestCost) best.push(known[i]);
  }
  return best.length === 1 ? best[0] : undefined;
}
