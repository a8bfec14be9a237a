// What the agent's and operator's own source says about a cilium-config key in one version, as text for the
// hover, the completion documentation and the rendered ConfigMap view: its type, default, which binary reads it,
// how a bad value is treated, deprecation, and in which versions it exists. From knowledge/configKeys.ts.

import { CHART_ONLY_KEY_NOTES } from '../knowledge/configKeyNotes';
import {
  chartConfigKeyVersions,
  chartWritesConfigKey,
  configKeyInfo,
  configKeyVersions,
  type ConfigKeyInfo,
} from '../knowledge/configKeys';
import { CIDR_KEYS } from '../rules/configCidr';
import { deprecationText, readersText, suggestionFor } from '../rules/configMapKeyRules';
import { minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from '../version';

/** "1.12–1.21", "1.17–1.21", "only 1.18", or a list when the key comes and goes. */
function span(vs: readonly CiliumVersion[]): string {
  if (vs.length === 0) return 'none';
  const contiguous = SUPPORTED_VERSIONS.indexOf(vs[vs.length - 1]) - SUPPORTED_VERSIONS.indexOf(vs[0]) + 1 === vs.length;
  if (!contiguous) return vs.join(', ');
  return vs.length === 1 ? `only ${vs[0]}` : `${vs[0]}–${vs[vs.length - 1]}`;
}

function typeText(info: ConfigKeyInfo): string {
  const [a, o] = [info.types.agent, info.types.operator];
  if (a && o && a !== o) return `agent \`${a}\`, operator \`${o}\``;
  return `\`${a ?? o}\``;
}

function defaultText(d: string): string {
  return d === '""' ? 'empty' : `\`${d}\``;
}

/** One line: "Type: `bool` · Default: `false` · Read by cilium-agent". */
export function configKeySummary(info: ConfigKeyInfo): string {
  return `Type: ${typeText(info)} · Default in ${info.version}: ${defaultText(info.default)} · Read by ${readersText(info.components)}`;
}

/** A short comment for the rendered ConfigMap view: "bool, default false, cilium-agent". */
export function configKeyComment(key: string, v: CiliumVersion): string {
  const info = configKeyInfo(key, v);
  if (!info) return chartWritesConfigKey(key, v) ? 'written by the chart, not read by cilium-agent/operator' : `not read by Cilium ${v}`;
  const t = info.types.agent ?? info.types.operator;
  const d = info.default === '""' ? 'empty' : info.default;
  return `${t}, default ${d}, ${info.components.map((c) => `cilium-${c}`).join(' + ')}${info.deprecated ? ', deprecated' : ''}`;
}

/** What a bad value does, from the start-up check and the way the key is decoded (rules/configValueTypes.ts). */
function decodingText(info: ConfigKeyInfo): string | undefined {
  const t = info.types.agent ?? info.types.operator ?? '';
  if (!/^(bool|u?int\d*|duration|float\d+)$/.test(t)) return undefined;
  // A flag's value is type-checked before the binary starts; a hive cell decodes it again, more strictly.
  const stopping = info.components.filter((c) => info.flagged.includes(c) || info.decoders[c] === 'hive');
  const out: string[] = [];
  if (stopping.length > 0) out.push(`A value that does not parse as \`${t}\` stops ${readersText(stopping)} at start-up.`);
  if (stopping.length < info.components.length)
    out.push(`Without a flag, a value that does not parse is read as ${t === 'bool' ? 'false' : '0'} without a message.`);
  if (t === 'duration' && info.components.some((c) => info.decoders[c] === 'viper'))
    out.push('A number without a unit is read as nanoseconds.');
  return out.join(' ');
}

/** The Markdown lines for a key in a version: facts, history and, for keys no version reads, a did-you-mean. */
export function configKeyFacts(key: string, v: CiliumVersion): string[] {
  const info = configKeyInfo(key, v);
  const read = configKeyVersions(key);
  const out: string[] = [];
  if (info) {
    out.push(configKeySummary(info));
    if (info.deprecated) out.push(`**Deprecated in ${v}:** "${deprecationText(info.deprecated)}"`);
    const dec = decodingText(info);
    if (dec) out.push(dec);
    const family = Object.prototype.hasOwnProperty.call(CIDR_KEYS, key) ? CIDR_KEYS[key] : undefined;
    if (family) out.push(`Takes an IPv${family} CIDR; anything else stops cilium-agent at start-up.`);
    const notes = [`Read in ${span(read)}.`];
    if (info.hidden) notes.push('A hidden flag (not in `--help`).');
    if (chartWritesConfigKey(key, v)) notes.push(`The ${v} chart writes it.`);
    notes.push(`Source: \`${info.source}\` (${info.release}).`);
    out.push(notes.join(' '));
    return out;
  }
  const note = CHART_ONLY_KEY_NOTES[key];
  if (chartWritesConfigKey(key, v)) {
    out.push(`Written by the ${v} chart, but not read by cilium-agent or cilium-operator.${note ? ` ${note}` : ''}`);
    return out;
  }
  if (read.length > 0) {
    const last = read[read.length - 1];
    out.push(
      minorOf(last) < minorOf(v)
        ? `Not read by Cilium ${v}: removed in ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.indexOf(last) + 1]} (read in ${span(read)}).`
        : `Not read by Cilium ${v} yet: read in ${span(read)}.`,
    );
    return out;
  }
  const written = chartConfigKeyVersions(key);
  if (written.length > 0) {
    out.push(`Only the ${span(written)} chart wrote it; no cilium-agent or cilium-operator from ${SUPPORTED_VERSIONS[0]} on reads it.${note ? ` ${note}` : ''}`);
    return out;
  }
  const s = suggestionFor(key, v);
  out.push(`Not read by cilium-agent or cilium-operator in any version from ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}; it is ignored.${s ? ` Did you mean \`${s}\`?` : ''}`);
  return out;
}
