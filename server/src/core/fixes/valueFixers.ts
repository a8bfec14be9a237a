// Fixes that rewrite one value in place: a quoted boolean, a ConfigMap value that is not a string, a
// kube-proxy replacement mode in the spelling of another version, a near-miss of an allowed word.

import { isMap, isScalar, isSeq } from 'yaml';
import { mapAt, replaceValue } from '../edit/yamlEdit';
import { KPR_SUCCESSORS, kprFacts } from '../knowledge/kprModes';
import { apiServerNote } from './datapathFixers';
import {
  changeOf,
  one,
  revealNote,
  valueText,
  writtenEntry,
  writtenValue,
  type Fixer,
  type FixContext,
} from './context';
import type { Finding, Fix, TextEdit } from '../types';
import { nearestWord } from '../rules/nearestWord';
import { allowedIn, schemaEnumValues, type EnumSpec } from '../knowledge/enumValues';
import { CONTEXT_OPTIONS, METRIC_NAMES, setFor } from '../knowledge/hubbleMetrics';

/** Replaces the value at a dotted Helm path or a ConfigMap key. */
function replaceAt(c: FixContext, path: string, text: string): TextEdit[] | undefined {
  if (c.configMap) return replaceValue(c.root, path, text, c.text);
  const parts = path.split('.');
  const parent = mapAt(c.root, parts.slice(0, -1));
  return parent && replaceValue(parent, parts[parts.length - 1], text, c.text);
}

export { nearestWord };

export const quotedBoolean: Fixer = (f, c) => {
  const entry = f.key ? writtenEntry(c, f.key) : undefined;
  if (!entry || !isScalar(entry.node) || typeof entry.node.value !== 'string') return [];
  const value = /^(false|no|off)$/i.test(entry.node.value.trim()) ? 'false' : 'true';
  return one(`Write ${value} without quotes`, replaceAt(c, f.key!, value));
};

/** `enable-bpf-masquerade: true` → `"true"`, as written (so `1.10` stays `"1.10"`); no value → `""`. */
export const configMapQuote: Fixer = (f, c) => {
  const entry = f.key ? writtenEntry(c, f.key) : undefined;
  if (!entry || isMap(entry.node) || isSeq(entry.node) || entry.aliased) return [];
  if (isScalar(entry.node) && entry.node.tag) return [];
  if (entry.node === null || (isScalar(entry.node) && entry.node.value === null))
    return one(`Write ${f.key}: ""`, replaceValue(c.root, f.key!, '""', c.text));
  const raw = c.text.slice(entry.valueRange.start, entry.valueRange.end);
  const quoted = valueText(raw, entry, true);
  return one(`Quote the value: ${quoted}`, replaceValue(c.root, f.key!, quoted, c.text));
};

/** The words a fix may write: the accepted ones that are not deprecated (knowledge/kprModes.ts). */
function kprAccepted(c: FixContext): readonly string[] {
  const facts = kprFacts(c.doc.version);
  return facts.words.filter((w) => !(w in (facts.deprecated ?? {})));
}

/**
 * What a word from another era means here: an old mode's successor (strict → true from 1.14, where 1.14 renamed
 * them), or true/false written for a version before the rename (→ its full and off words).
 */
function kprRenamed(raw: string, c: FixContext): string | undefined {
  const facts = kprFacts(c.doc.version);
  const w = raw.toLowerCase();
  if (facts.words.includes('true')) return KPR_SUCCESSORS[w];
  return w === 'true' ? facts.full[0] : w === 'false' ? facts.off : undefined;
}

/**
 * A kube-proxy replacement mode this version does not take (or only as deprecated): strict/disabled become
 * true/false from 1.14, true/false become strict/disabled up to 1.13, and a typo becomes the word it misses.
 * partial and probe have no single equivalent and get no fix.
 */
export const kprValue: Fixer = (_f, c) => {
  const key = c.configMap ? 'kube-proxy-replacement' : 'kubeProxyReplacement';
  const entry = writtenEntry(c, key);
  if (!entry || !isScalar(entry.node)) return [];
  const raw = writtenValue(c, entry).trim();
  const renamed = kprRenamed(raw, c);
  const to = renamed ?? nearestWord(raw, kprAccepted(c));
  if (!to || to === raw) return [];
  const why = renamed ? ` (what ${raw} means in ${c.doc.version})` : '';
  // An invalid mode stops the agent before it checks anything else: a valid one may bring up what was hidden.
  const full = to === 'true' || to === 'strict';
  const note =
    revealNote(c.predict.revealedBy(changeOf(c, key, 'kube-proxy-replacement', to))) +
    (full && !c.configMap ? apiServerNote(c) : '');
  return one(
    `Write ${key}: ${c.configMap ? `"${to}"` : to}${why}${note}`,
    replaceAt(c, key, valueText(to, entry, c.configMap)),
  );
};

/** A value with a fixed set of words (`routingMode: natve`): the nearest word, if there is exactly one. */
export function nearestAllowed(allowedByKey: Record<string, readonly string[]>): Fixer {
  return (f, c) => {
    const allowed = f.key ? allowedByKey[f.key] : undefined;
    const entry = allowed && writtenEntry(c, f.key!);
    if (!allowed || !entry || !isScalar(entry.node)) return [];
    const raw = writtenValue(c, entry).trim();
    const to = nearestWord(raw, allowed);
    if (!to || to === raw) return [];
    return one(`Change to ${to}`, replaceAt(c, f.key!, valueText(to, entry, c.configMap)));
  };
}

/** A word outside a value-word rule's set (`encryption.type: wiregard`): the nearest word of it in the target version. */
export function nearestWordFix(spec: EnumSpec): Fixer {
  return (f, c) => nearestWordIn(f, c, spec);
}

/** chart-schema-enum: the nearest word the chart's values.schema.json allows there. */
export const schemaEnumValue: Fixer = (f, c) => nearestWordIn(f, c, undefined);

function nearestWordIn(f: Finding, c: FixContext, spec: EnumSpec | undefined): Fix[] {
  if (!f.key) return [];
  const allowed = spec
    ? allowedIn(spec, c.doc.version)
    : c.configMap
      ? undefined
      : schemaEnumValues(f.key, c.doc.version);
  const entry = allowed && writtenEntry(c, f.key);
  if (!allowed || !entry || !isScalar(entry.node)) return [];
  const raw = writtenValue(c, entry).trim();
  const to = nearestWord(raw, allowed);
  if (!to || to === raw) return [];
  // A refused word hides every later check: name what the corrected word brings to light (dsr over VXLAN...).
  const note =
    spec?.configMap || !c.configMap ? revealNote(c.predict.revealedBy(changeOf(c, f.key, spec?.configMap, to))) : '';
  return one(`Change to ${to}${note}`, replaceAt(c, f.key, valueText(to, entry, c.configMap)));
}

/** A misspelt Hubble metric or context option name inside the metrics list: the nearest name, in place. */
export const hubbleMetricWord: Fixer = (f, c) => {
  const set = f.rule === 'hubble-metric-unknown' ? METRIC_NAMES : CONTEXT_OPTIONS;
  const word = c.text.slice(f.range.start, f.range.end);
  const to = nearestWord(word, setFor(set, c.doc.version));
  if (!to || to === word || !/^[A-Za-z0-9-]+$/.test(word)) return [];
  return one(`Change ${word} to ${to}`, [{ range: f.range, newText: to }]);
};
