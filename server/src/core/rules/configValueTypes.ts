// Does a cilium-config string parse as the key's pflag type, the way the agent or operator parses it? Both read
// the ConfigMap as a directory of files, trim each value (pkg/option/config.go ReadDirConfig, `bytes.TrimSpace`).
// Three checks follow, in this order (valueOutcome):
// - the start-up check of every registered flag (knowledge/configMapStartupCheck.ts, validateConfigMap): a value
//   spf13/cast cannot convert stops the binary before it does anything else;
// - hive: a cell's config struct is then decoded with mapstructure and WeaklyTypedInput
//   (vendor/github.com/cilium/hive/cell/config.go@v1.16.19 l.101-130, pkg/hive/cell/config.go@v1.13.18/v1.14.19):
//   strconv.ParseBool / ParseInt(s, 0, bits) / ParseUint(s, 0, bits) / ParseFloat, time.ParseDuration for
//   durations. It is stricter than cast ("30" is no duration, "10.0" no integer, the bit size counts), and a
//   failure is an error from hive: the binary exits (daemon/cmd/root.go@v1.13.18 l.85-86, @v1.16.19 l.40-41,
//   @v1.19.1 l.51-52: log.Fatal on h.Run's error).
// - viper: vp.GetBool / GetInt / GetDuration… through the same cast functions as the start-up check, so a flag's
//   value that passed it reads as it parsed there; a duration without any unit letter gets "ns" appended, so "30"
//   is thirty nanoseconds. A key with no flag (read only with vp.GetX) is not checked at start-up: a value cast
//   cannot convert is the zero value, without a message (vendor/github.com/spf13/cast caste.go@v1.16.19,
//   basic.go/number.go/time.go@v1.19.1).

import type { Component, ConfigKeyInfo, Decoder } from '../knowledge/configKeys';
import { startupCheckRefuses } from '../knowledge/configMapStartupCheck';
import { trailingDigits } from '../textRuns';

export type ValueKind = 'bool' | 'int' | 'uint' | 'duration' | 'float';

/** The kind of check a pflag type needs; strings, lists and maps take any text. */
export function kindOf(type: string): ValueKind | undefined {
  if (type === 'bool') return 'bool';
  if (/^int(8|16|32|64)?$/.test(type)) return 'int';
  if (/^uint(8|16|32|64)?$/.test(type)) return 'uint';
  if (type === 'duration') return 'duration';
  if (/^float(32|64)$/.test(type)) return 'float';
  return undefined;
}

function bitsOf(type: string): number {
  const digits = trailingDigits(type);
  return digits ? Number(digits) : 64;
}

const GO_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** strconv.ParseInt/ParseUint with base 0: decimal, 0x/0o/0b prefixes, a leading 0 for octal, `_` between digits. */
const GO_INT = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO]?(?:_?[0-7])+|0|[1-9](?:_?[0-9])*)$/;
/** strconv.ParseFloat: decimal with optional exponent, `_` between digits, inf/infinity/nan. */
const GO_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?|inf|infinity|nan)$/i;
/**
 * time.ParseDuration: a sequence of decimal numbers with units, optionally signed; "0" alone needs no unit. The two
 * micro signs (U+00B5, U+03BC) are escaped: one non-Latin-1 character in the bundle makes V8 hold its whole source
 * as two-byte text, 3 MB more in every process (test/core/bundleText.test.ts).
 */
const GO_DURATION = /^[+-]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;

export interface ValueProblem {
  /** What the key takes, for the message ("a duration with a unit, like 30s or 1h30m"). */
  expected: string;
  /** The decoder refuses it (hive: the binary exits). */
  refused: boolean;
  /** What viper reads instead, when it does not refuse ("false", "0", "30ns"). */
  readAs?: string;
}

const EXPECTED: Record<ValueKind, string> = {
  bool: 'a boolean (true/false; Go also reads 1/0, t/f, TRUE/FALSE)',
  int: 'a whole number',
  uint: 'a whole number, zero or more',
  duration: 'a duration with a unit, like 30s, 5m or 1h30m',
  float: 'a number',
};
const STRING_MAP_EXPECTED = 'key=value pairs separated by commas (a=b,c=d) or a JSON object of strings';
const ZERO: Record<ValueKind, string> = { bool: 'false', int: '0', uint: '0', duration: '0s', float: '0' };

function inIntRange(text: string, type: string, unsigned: boolean): boolean {
  let n: bigint;
  try {
    const t = text.replace(/_/g, '');
    const neg = t.startsWith('-');
    const body = t.replace(/^[+-]/, '');
    const m = /^0([0-7]+)$/.exec(body);
    n = BigInt(m ? `0o${m[1]}` : body);
    if (neg) n = -n;
  } catch {
    return false;
  }
  const bits = BigInt(bitsOf(type));
  if (unsigned) return n >= 0n && n < 1n << bits;
  return n >= -(1n << (bits - 1n)) && n < 1n << (bits - 1n);
}

/**
 * The problem with `raw` for a key of pflag type `type` read by `decoder`, or undefined when it parses. Empty
 * values are not judged: hive and viper both read an empty bool/number as zero.
 */
export function valueProblem(raw: string, type: string, decoder: Decoder): ValueProblem | undefined {
  const kind = kindOf(type);
  const text = raw.trim();
  if (!kind || text === '') return undefined;
  const expected = EXPECTED[kind];
  const refused = decoder === 'hive';
  const bad = (readAs: string = ZERO[kind]): ValueProblem =>
    refused ? { expected, refused } : { expected, refused, readAs };
  switch (kind) {
    case 'bool':
      return GO_BOOL.has(text) ? undefined : bad();
    case 'int':
    case 'uint': {
      // cast trims a zero decimal part before parsing ("10.0" → 10); mapstructure does not.
      const t = decoder === 'viper' ? text.replace(/^([+-]?\d+)\.0*$/, '$1') : text;
      if (!GO_INT.test(t)) return bad();
      // cast's unsigned parser strips a leading "+"; mapstructure's ParseUint refuses any sign.
      if (kind === 'uint' && (t.startsWith('-') || (decoder === 'hive' && t.startsWith('+')))) return bad();
      // Range is only a hard error for hive (ParseInt with the field's bit size); cast wraps silently.
      if (decoder === 'hive' && !inIntRange(t, type, kind === 'uint')) return bad();
      return undefined;
    }
    case 'float':
      return GO_FLOAT.test(text) ? undefined : bad();
    case 'duration': {
      if (GO_DURATION.test(text)) return undefined;
      if (decoder === 'viper' && !/[nsu\u00b5mh]/.test(text)) {
        // cast appends "ns" to a value without any unit letter.
        if (GO_DURATION.test(`${text}ns`)) return { expected, refused: false, readAs: `${text} nanoseconds` };
      }
      return bad();
    }
  }
}

/** What a component does with a ConfigMap value of its key (valueOutcome). */
export interface ValueOutcome {
  component: Component;
  /** What the key takes, for the message. */
  expected: string;
  /**
   * The component does not start: `startup` when its start-up check of the ConfigMap refuses the value
   * ("Incorrect config-map flag value"), `decode` when the hive cell's decoding does, later.
   */
  refused?: 'startup' | 'decode';
  /** What it reads instead, when it starts ("false", "0", "30 nanoseconds"). */
  readAs?: string;
}

/** What `component` of `info.version` does with the string `raw` for `info`'s key; undefined when it reads it as written. */
export function valueOutcome(raw: string, info: ConfigKeyInfo, component: Component): ValueOutcome | undefined {
  const type = info.types[component];
  const dec = info.decoders[component];
  const flagged = info.flagged.includes(component);
  // A map of strings: only the start-up check is modelled (knowledge/stringMapValue.ts).
  if (type === 'stringToString')
    return flagged && startupCheckRefuses(raw, type, info.version)
      ? { component, expected: STRING_MAP_EXPECTED, refused: 'startup' }
      : undefined;
  const kind = type ? kindOf(type) : undefined;
  if (!type || !dec || !kind) return undefined;
  const expected = EXPECTED[kind];
  if (flagged && startupCheckRefuses(raw, type, info.version)) return { component, expected, refused: 'startup' };
  const p = valueProblem(raw, type, dec);
  if (!p) return undefined;
  if (p.refused) return { component, expected, refused: 'decode' };
  // A flag read through viper reads what the start-up check parsed; only a bare number of nanoseconds surprises.
  if (flagged && !/nanoseconds$/.test(p.readAs ?? '')) return undefined;
  return { component, expected, readAs: p.readAs };
}
