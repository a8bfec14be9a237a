// The type check cilium-agent and cilium-operator run on the cilium-config ConfigMap before anything else, and
// which values it refuses. Both binaries call option.InitConfig from cobra.OnInitialize: it reads the ConfigMap
// directory (ReadDirConfig: one trimmed string per file, empty files kept), and validateConfigMap looks every key up
// among the command's registered flags and converts the string with spf13/cast's `To<Type>E` for the flag's pflag
// type. The first value that does not convert ends the process with log.Fatal("Incorrect config-map flag value"),
// error "option <key>: <cast's error>". Keys without a flag (read only with vp.GetX) are not looked at.
//
// Checked per release (pkg/option/config.go):
// - validateConfigMap @v1.12.19 l.3837-3894, fatal l.3925; @v1.13.18 l.3957, fatal l.4045; @v1.14.19 l.4109,
//   fatal l.4197; @v1.15.19 l.4155, fatal l.4243;
// - split into validateConfigMapFlag @v1.16.19 l.4169-4213 (stringToString added, l.4207), fatal l.4261;
//   @v1.17.13 l.3971, fatal l.4063; @v1.18.7 l.3591, fatal l.3683; @v1.19.1 l.3405, fatal l.3497;
//   @v1.20.0-pre.4 (7527a668) l.3451, fatal l.3543; @v1.21.0-pre.0 (e8649862) l.3445, fatal l.3537.
// - called for the agent by daemon/cmd/daemon_main.go@v1.12.19 l.179, daemon/cmd/root.go@v1.13.18 l.64,
//   @v1.16.19 l.67, @v1.19.1 l.76, @v1.21.0-pre.0 l.76; for the operator by operator/flags.go@v1.12.19 l.21,
//   operator/cmd/flags.go@v1.13.18 l.20, operator/cmd/root.go@v1.16.19 l.308, @v1.19.1 l.423. The hive cells'
//   flags are registered on the same command first (agentHive.RegisterFlags in daemon/cmd/root.go@v1.13.18 l.61,
//   h.RegisterFlags @v1.19.1 l.62), so they are checked too.
//
// What cast accepts for a string s (vendor/github.com/spf13/cast; go.mod: v1.5.0 in 1.12-1.13, v1.5.1 in 1.14,
// v1.6.0 in 1.15-1.16, v1.7.0 in 1.17, v1.9.2 in 1.18, v1.10.0 in 1.19-1.21):
// - bool, every version: strconv.ParseBool(s), so only 1/t/T/TRUE/true/True and 0/f/F/FALSE/false/False; an
//   empty value is refused too (caste.go@v1.12.19 ToBoolE, basic.go@v1.19.1 ToBoolE).
// - duration, every version: "ns" is appended when s has none of the letters n s u µ m h, then
//   time.ParseDuration; so "30" is 30 nanoseconds (accepted) and "" becomes "ns" (refused).
// - int/uint/float up to 1.17 (caste.go ToIntE/ToUintE/ToFloat64E @v1.12.19, @v1.17.13): strconv.ParseInt(s, 0, 0)
//   after trimming a zero decimal part ("10.0" → "10"), ParseFloat for floats; "" and "10.5" are refused; uint
//   refuses a negative number. The flag's bit size is not checked (ParseInt always reads 64 bits).
// - int/uint/float from 1.18 (number.go toNumberE/parseInt/parseUint/trimDecimal @v1.18.7, @v1.19.1): "" is 0
//   (accepted); any decimal part is dropped ("10.5" → 10); uint goes through ParseUint after leading "+" signs
//   are dropped, so any other sign is refused.
// - float: strconv.ParseFloat. Modelled: decimal digits with `_` between them, an optional exponent, and
//   inf/infinity (signed or not) and nan (unsigned only: Go's strconv/atof.go special() lets the sign through to
//   inf alone). Not modelled: hexadecimal floats ("0x1p-2", accepted by Go, refused here), `_` in the exponent,
//   and out-of-range values ("1e400", refused by Go, accepted here).
// - string and stringSlice (strings.Fields) accept anything. stringToString from 1.16: knowledge/stringMapValue.ts
//   (up to 1.15 only a warning). `map` flags parse their own syntax with their own validators: not modelled.
// - a flag type outside the switch (none in the key lists: intSlice, ipNet...) is only logged up to 1.17
//   (log.Warnf "Unable to validate option", config.go@v1.12.19 l.3884-3885, @v1.17.13 l.4011-4012) and
//   refused from 1.18 (return fmt.Errorf, @v1.18.7 l.3632, @v1.19.1 l.3446); here such a type is never refused.

import { minorOf, type CiliumVersion } from '../version';
import { stringMapAccepted } from './stringMapValue';

/** Where the check and its fatal log line are, for messages and citations. */
export const STARTUP_CHECK_CITE =
  'pkg/option/config.go@v1.12.19 l.3837-3894 and l.3925, @v1.16.19 l.4169-4213 and l.4261, @v1.19.1 l.3405-3449 and l.3497, @v1.21.0-pre.0 (e8649862) l.3445-3489 and l.3537';

/** The agent's own words when the check fails. */
export const STARTUP_CHECK_LOG = 'Incorrect config-map flag value';

const GO_BOOL = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** strconv.ParseInt/ParseUint with base 0: decimal, 0x/0o/0b prefixes, a leading 0 for octal, `_` between digits. */
const GO_INT = /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[bB](?:_?[01])+|0[oO]?(?:_?[0-7])+|0|[1-9](?:_?[0-9])*)$/;
/** strconv.ParseFloat: decimal with optional exponent, `_` between digits, signed or unsigned inf/infinity, nan. */
const GO_FLOAT =
  /^(?:[+-]?(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d+)?|inf|infinity)|nan)$/i;
/** time.ParseDuration (micro signs escaped: see rules/configValueTypes.ts). */
const GO_DURATION = /^[+-]?(?:0|(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)$/;
const UNIT_LETTER = /[nsu\u00b5mh]/;

/** cast from 1.18 on (v1.9.2, v1.10.0): empty numbers read as 0, decimal parts dropped, ParseUint for unsigned. */
function newCast(version: CiliumVersion): boolean {
  return minorOf(version) >= 18;
}

/**
 * cast ≤ v1.7.0 trimZeroDecimal: a last "." followed by zeros only is cut ("10.000" → "10", "0xff.0" → "0xff");
 * anything else unchanged (caste.go@v1.12.19 l.1461-1476, the same function up to @v1.17.13 l.1495).
 */
function trimZeroDecimal(s: string): string {
  const m = /^(.+)\.0+$/.exec(s);
  return m ? m[1] : s;
}

/** cast ≥ v1.9.2 trimDecimal: the integer part of a plain decimal ("10.5" → "10", ".5" → "0", "-.5" → "-0"). */
function trimDecimal(s: string): string {
  if (!s.includes('.')) return s;
  const m = /^([-+]?\d*)(\.\d*)?$/.exec(s);
  if (!m) return s;
  return m[1] === '' ? '0' : m[1] === '-' || m[1] === '+' ? `${m[1]}0` : m[1];
}

/** The value of a base-0 Go integer literal (GO_INT), or undefined. */
function goInteger(s: string): bigint | undefined {
  if (!GO_INT.test(s)) return undefined;
  const t = s.replace(/_/g, '');
  const neg = t.startsWith('-');
  const body = t.replace(/^[+-]/, '');
  const octal = /^0([0-7]+)$/.exec(body);
  const n = BigInt(octal ? `0o${octal[1]}` : body);
  return neg ? -n : n;
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function intAccepted(s: string, version: CiliumVersion): boolean {
  if (s === '') return newCast(version);
  const n = goInteger(newCast(version) ? trimDecimal(s) : trimZeroDecimal(s));
  return n !== undefined && n >= INT64_MIN && n <= INT64_MAX;
}

function uintAccepted(s: string, version: CiliumVersion): boolean {
  if (s === '') return newCast(version);
  if (!newCast(version)) {
    // ParseInt, then errNegativeNotAllowed.
    const n = goInteger(trimZeroDecimal(s));
    return n !== undefined && n >= 0n && n <= INT64_MAX;
  }
  // parseUint: strings.TrimLeft(trimDecimal(s), "+"), then strconv.ParseUint, which takes no sign at all.
  const t = trimDecimal(s).replace(/^\++/, '');
  if (/^[+-]/.test(t)) return false;
  const n = goInteger(t);
  return n !== undefined && n <= UINT64_MAX;
}

/**
 * True when the start-up check of `version` refuses `raw` for a flag of pflag type `type` (the binary exits before
 * it starts). Types it does not convert (string, stringSlice) and `map` are never refused here.
 */
export function startupCheckRefuses(raw: string, type: string, version: CiliumVersion): boolean {
  const s = raw.trim();
  if (type === 'bool') return !GO_BOOL.has(s);
  if (type === 'duration') return !GO_DURATION.test(UNIT_LETTER.test(s) ? s : `${s}ns`);
  if (/^int(8|16|32|64)?$/.test(type)) return !intAccepted(s, version);
  if (/^uint(8|16|32|64)?$/.test(type)) return !uintAccepted(s, version);
  if (/^float(32|64)$/.test(type)) return s === '' ? !newCast(version) : !GO_FLOAT.test(s);
  if (type === 'stringToString') return minorOf(version) >= 16 && !stringMapAccepted(s);
  return false;
}
