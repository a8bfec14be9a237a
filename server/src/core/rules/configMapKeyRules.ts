// Rules for the keys of a hand-written (or rendered) cilium-config ConfigMap, checked against what the agent and
// operator of the target version read (knowledge/configKeys.ts, extracted from each release's Go source) and what
// the chart writes there: unknown keys with a did-you-mean, keys removed before or added after the target
// version, deprecated keys with the agent's own deprecation message, and values the key's type cannot hold.
//
// Neither binary complains about a key it does not read: both load the ConfigMap as a directory into viper and
// only ask for the keys they know (pkg/option/config.go ReadDirConfig/MergeConfig), so a misspelt key is silently
// ignored. That is why unknown keys are warnings: the harm is that the setting the user meant never applies.

import { oldConfigKey } from '../knowledge/oldConfigKeys';
import {
  chartConfigKeyVersions,
  chartWritesConfigKey,
  configKeyInfo,
  configKeysIn,
  configKeyVersions,
  type Component,
  type ConfigKeyInfo,
} from '../knowledge/configKeys';
import { overlapsTemplate } from '../parse/templates';
import type { MapView, TreeEntry } from '../parse/tree';
import type { Finding } from '../types';
import { minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from '../version';
import { suggestConfigKey } from './configKeySuggest';
import { cidrFamily, CIDR_KEYS } from './configCidr';
import { valueOutcome, type ValueOutcome } from './configValueTypes';
import { STARTUP_CHECK_LOG } from '../knowledge/configMapStartupCheck';

const TEMPLATE_IN_KEY = /\{\{|\$\{|%\{/;

/**
 * Keys whose values a dedicated rule already judges, with the agent's own error message: kube-proxy-replacement
 * (kpr-invalid-value, knowledge/agentExits.ts). A second finding on the same value would be noise.
 */
const VALUE_OWNED_ELSEWHERE = new Set(['kube-proxy-replacement']);

function nextVersion(v: CiliumVersion): CiliumVersion | undefined {
  return SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.indexOf(v) + 1];
}

/** "cilium-agent", "cilium-operator" or "cilium-agent and cilium-operator". */
export function readersText(components: readonly Component[]): string {
  return components.map((c) => `cilium-${c}`).join(' and ');
}

/** A deprecation message, shortened to its first sentence when long, without a trailing period. */
export function deprecationText(message: string): string {
  let t = message.trim();
  if (t.length > 160) {
    const cut = t.search(/\.\s/);
    if (cut > 20) t = t.slice(0, cut);
    else t = `${t.slice(0, 157)}…`;
  }
  return t.replace(/\.$/, '');
}

/**
 * Deprecation messages that name the wrong successor. pkg/loadbalancer/config.go@v1.18.7 l.261 and l.266 (same in
 * v1.19.1) call MarkDeprecated on node-port-algorithm twice, and the second message, "Use --bpf-lb-mode instead",
 * wins; its successor is really bpf-lb-algorithm (../shared/cilium-config-keys/README.md, "Notable facts").
 */
const WRONG_SUCCESSOR = new Set(['node-port-algorithm']);

/**
 * The key a deprecated key's own message names as its one-to-one successor (`Use --enable-egress-gateway
 * instead`), when that key exists in `v` with the same type. A message naming two flags (`tunnel`: routing-mode
 * and tunnel-protocol) or a successor of another type (`k8s-api-server` → the list k8s-api-server-urls,
 * `ces-write-qps-limit` → the ces-rate-limits JSON) is advice, not a rename.
 */
export function successorIn(old: ConfigKeyInfo | undefined, v: CiliumVersion): string | undefined {
  if (!old?.deprecated || WRONG_SUCCESSOR.has(old.key)) return undefined;
  const named = [...old.deprecated.matchAll(/--([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]);
  if (named.length !== 1) return undefined;
  const next = configKeyInfo(named[0], v);
  if (!next) return undefined;
  const type = (i: ConfigKeyInfo) => i.types.agent ?? i.types.operator;
  return type(next) === type(old) ? next.key : undefined;
}

/** The suggestion for an unknown key in `v` (also used by the quick-fix and the hover). */
export function suggestionFor(key: string, v: CiliumVersion): string | undefined {
  return suggestConfigKey(key, configKeysIn(v));
}

/** The key a finding's quick-fix renames to: the did-you-mean, or the successor the deprecation names. */
export function configMapRenameTarget(rule: string, key: string, v: CiliumVersion): string | undefined {
  // An old key whose successor takes other values (enable-dsr → bpf-lb-mode: dsr) is advice, not a rename.
  if (rule === 'configmap-unknown-key') return oldConfigKey(key) ? undefined : suggestionFor(key, v);
  if (rule === 'configmap-key-deprecated') return successorIn(configKeyInfo(key, v), v);
  if (rule === 'configmap-key-removed') {
    const old = oldConfigKey(key);
    if (old?.sameValue && configKeyInfo(old.successor, v)) return old.successor;
    const have = configKeyVersions(key);
    const last = have[have.length - 1];
    return last && minorOf(last) < minorOf(v) ? successorIn(configKeyInfo(key, last), v) : undefined;
  }
  return undefined;
}

export function configMapKeyFindings(data: MapView, version: CiliumVersion): Finding[] {
  const out: Finding[] = [];
  for (const e of data.entries()) {
    // A key produced by a template is unknown (the parser masks its text); a merged entry has no line of its own.
    if (e.merged || e.key === '' || TEMPLATE_IN_KEY.test(e.key) || overlapsTemplate(e.keyRange, data.ctx.templates))
      continue;
    const info = configKeyInfo(e.key, version);
    if (!info) {
      if (chartWritesConfigKey(e.key, version)) continue; // read by another component, or ignored by design
      out.push(missingKey(e, version));
      continue;
    }
    const dep = deprecated(e, info);
    if (dep) out.push(dep);
    const typed = VALUE_OWNED_ELSEWHERE.has(e.key) ? undefined : (wrongType(e, data, info) ?? wrongCidr(e, data));
    if (typed) out.push(typed);
  }
  return out;
}

function missingKey(e: TreeEntry, version: CiliumVersion): Finding {
  const key = e.key;
  const read = configKeyVersions(key);
  if (read.length > 0) {
    const first = read[0];
    const last = read[read.length - 1];
    if (minorOf(last) < minorOf(version)) {
      const removedIn = nextVersion(last)!;
      const lastInfo = configKeyInfo(key, last);
      const successor = successorIn(lastInfo, version);
      const why = lastInfo?.deprecated ? ` ${last} had deprecated it: "${deprecationText(lastInfo.deprecated)}".` : '';
      return {
        rule: 'configmap-key-removed',
        severity: 'warning',
        message: `${key} was removed in Cilium ${removedIn} (last read in ${last}), so the ${version} agent and operator ignore it.${why}${successor ? ` Use ${successor} instead.` : ''}`,
        range: e.keyRange,
        key,
      };
    }
    if (minorOf(first) > minorOf(version)) {
      return {
        rule: 'configmap-key-not-yet-available',
        severity: 'warning',
        message: `${key} is read from Cilium ${first} on; the ${version} agent and operator ignore it.`,
        range: e.keyRange,
        key,
      };
    }
    // Read before and after the target version but not in it: it went away and came back.
    return {
      rule: 'configmap-key-removed',
      severity: 'warning',
      message: `${key} is not read by Cilium ${version} (it is read in ${read.join(', ')}), so it is ignored here.`,
      range: e.keyRange,
      key,
    };
  }
  const written = chartConfigKeyVersions(key);
  if (written.length > 0) {
    // Written by other versions' charts, read by no agent or operator in the supported range.
    return {
      rule: 'configmap-key-removed',
      severity: 'warning',
      message: `${key} is written by the ${spanText(written)} chart, but no cilium-agent or cilium-operator from ${SUPPORTED_VERSIONS[0]} on reads it, and the ${version} chart no longer writes it: Cilium ${version} ignores it.`,
      range: e.keyRange,
      key,
    };
  }
  const old = oldConfigKey(key);
  if (old && configKeyInfo(old.successor, version)) {
    return {
      rule: old.sameValue ? 'configmap-key-removed' : 'configmap-unknown-key',
      severity: 'warning',
      message: `${key} is not read by any cilium-agent or cilium-operator from ${SUPPORTED_VERSIONS[0]} on, so Cilium ${version} ignores it: ${old.history}. ${old.sameValue ? `Use ${old.successor} instead.` : `Did you mean ${old.successor}?`}`,
      range: e.keyRange,
      key,
    };
  }
  const suggestion = suggestionFor(key, version);
  return {
    rule: 'configmap-unknown-key',
    severity: 'warning',
    message: `${key} is not read by cilium-agent or cilium-operator (in any version from ${SUPPORTED_VERSIONS[0]} to ${SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]}) and the chart does not write it, so Cilium ${version} ignores it silently.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
    range: e.keyRange,
    key,
  };
}

function spanText(vs: readonly CiliumVersion[]): string {
  return vs.length === 1 ? vs[0] : `${vs[0]}–${vs[vs.length - 1]}`;
}

function deprecated(e: TreeEntry, info: ConfigKeyInfo): Finding | undefined {
  if (!info.deprecated) return undefined;
  const who = info.deprecatedBy ? `cilium-${info.deprecatedBy}` : readersText(info.components);
  const successor = successorIn(info, info.version);
  const fromChart = chartWritesConfigKey(e.key, info.version);
  return {
    rule: 'configmap-key-deprecated',
    // The chart of that version writing it itself means the user has nothing to change yet.
    severity: fromChart ? 'info' : 'warning',
    message: `${e.key} is deprecated in Cilium ${info.version}; ${who} says: "${deprecationText(info.deprecated)}".${successor ? ` Use ${successor} instead.` : ''}${fromChart ? ` The ${info.version} chart still writes it.` : ''}`,
    range: e.keyRange,
    key: e.key,
  };
}

/** The user's value as quoted in a message: trimmed, cut to 40 characters. */
function shownValue(v: string): string {
  const t = v.trim();
  return JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
}

/** Where the option is registered in the Go source, at the release the key data was read from. */
function registeredAt(info: ConfigKeyInfo): string {
  return `${info.source} at ${info.release}`;
}

function wrongType(e: TreeEntry, data: MapView, info: ConfigKeyInfo): Finding | undefined {
  const v = data.valueOf(e);
  // Non-strings are configmap-value-not-string (the API server refuses them); templated values are unknown.
  if (typeof v !== 'string') return undefined;
  const outcomes = info.components.map((c) => valueOutcome(v, info, c)).filter((o) => o !== undefined);
  // The agent not starting is the worst outcome, then the operator not starting, then a value read differently.
  const worst =
    outcomes.find((o) => o.refused && o.component === 'agent') ??
    outcomes.find((o) => o.refused) ??
    outcomes.find((o) => o.readAs);
  if (!worst) return undefined;
  if (worst.refused && worst.component === 'agent') return agentRefuses(e, info, worst, v);
  const shown = shownValue(v);
  const where = registeredAt(info);
  if (worst.refused) {
    const why =
      worst.refused === 'startup'
        ? `cilium-operator's start-up check of the ConfigMap refuses it, and the operator does not start (the option is registered at ${where}). cilium-operator says: "${STARTUP_CHECK_LOG}"`
        : `cilium-operator cannot decode its configuration and does not start (the option is registered at ${where}).`;
    return {
      rule: 'configmap-wrong-type',
      severity: 'error',
      message: `${e.key} takes ${worst.expected}, and ${shown} does not parse as one: ${why}`,
      range: e.valueRange,
      key: e.key,
    };
  }
  const nanos = /nanoseconds$/.test(worst.readAs ?? '');
  return {
    rule: 'configmap-wrong-type',
    severity: 'warning',
    message: nanos
      ? `${e.key} takes ${worst.expected}; ${shown} has no unit, and cilium-${worst.component} reads it as ${worst.readAs}. Write the unit, for example "${v.trim()}s" (the option is registered at ${where}).`
      : `${e.key} takes ${worst.expected}, and ${shown} does not parse as one: cilium-${worst.component} reads it as ${worst.readAs} without any message (it has no flag, so the start-up check does not look at it; it is read at ${where}).`,
    range: e.valueRange,
    key: e.key,
  };
}

/** The versions whose agent refuses `raw` for `key` at the same stage, as "1.12–1.21" or a list. */
function versionsRefusing(key: string, raw: string, stage: ValueOutcome['refused']): string {
  const vs = SUPPORTED_VERSIONS.filter((v) => {
    const i = configKeyInfo(key, v);
    return i !== undefined && valueOutcome(raw, i, 'agent')?.refused === stage;
  });
  const contiguous = vs.every((v, i) => i === 0 || minorOf(v) === minorOf(vs[i - 1]) + 1);
  return contiguous && vs.length > 1 ? `${vs[0]}–${vs[vs.length - 1]}` : vs.join(', ');
}

/** A value cilium-agent refuses: at its start-up check of the ConfigMap, or when its hive cell decodes it. */
function agentRefuses(e: TreeEntry, info: ConfigKeyInfo, o: ValueOutcome, raw: string): Finding {
  const where = registeredAt(info);
  const span = versionsRefusing(e.key, raw, o.refused);
  const stage =
    o.refused === 'startup'
      ? `It is refused by the agent's start-up check of the ConfigMap, in Cilium ${span} (the flag is registered at ${where}). The agent exits with: "${STARTUP_CHECK_LOG}" (option ${e.key})`
      : `It passes the start-up check, but the agent cannot decode it into its configuration and exits, in Cilium ${span} (the option is registered at ${where}).`;
  return {
    rule: 'configmap-value-stops-agent',
    severity: 'error',
    message: `${e.key} takes ${o.expected}, and ${shownValue(raw)} is not one: the agent will not start. ${stage}`,
    range: e.valueRange,
    key: e.key,
  };
}

const CIDR_EXAMPLE: Record<4 | 6, string> = { 4: '10.0.0.0/8', 6: 'fd00::/100' };

/** A native-routing CIDR the agent cannot parse, or of the other address family: the agent exits (configCidr.ts). */
function wrongCidr(e: TreeEntry, data: MapView): Finding | undefined {
  const want = Object.prototype.hasOwnProperty.call(CIDR_KEYS, e.key) ? CIDR_KEYS[e.key] : undefined;
  const v = data.valueOf(e);
  if (!want || typeof v !== 'string' || v.trim() === '') return undefined;
  const family = cidrFamily(v);
  if (family === want) return undefined;
  const shown = shownValue(v);
  // The agent refuses it, so it is the same finding as a bad bool: the verdict says the agent will not start.
  return {
    rule: 'configmap-value-stops-agent',
    severity: 'error',
    message:
      family === undefined
        ? `${e.key} takes an IPv${want} CIDR such as ${CIDR_EXAMPLE[want]}, and ${shown} is not a CIDR: the agent will not start. It exits while reading its configuration.`
        : `${e.key} takes an IPv${want} CIDR, and ${shown} is an IPv${family} CIDR: the agent will not start. The agent exits with: "${e.key} must be an IPv${want} CIDR"`,
    range: e.valueRange,
    key: e.key,
  };
}
