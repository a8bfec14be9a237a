// Facts of knowledge/configMapStartupCheck.ts that test/core/configMapStartupCheck.test.ts left open, found by
// mutation testing (docs/mutation.md): the edges of what spf13/cast and Go's strconv accept for each flag type, in
// the cast of each version (v1.5.0-v1.7.0 up to 1.17, v1.9.2/v1.10.0 from 1.18), and the citation of the check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STARTUP_CHECK_CITE, startupCheckRefuses } from '../../../server/src/core/knowledge/configMapStartupCheck';
import configMapWrongType from '../../../server/src/core/rules/defs/configmap-wrong-type';
import { minorOf, SUPPORTED_VERSIONS, type CiliumVersion } from '../../../server/src/core/version';

const OLD = SUPPORTED_VERSIONS.filter((v) => minorOf(v) <= 17);
const NEW = SUPPORTED_VERSIONS.filter((v) => minorOf(v) >= 18);

function accepts(type: string, versions: readonly CiliumVersion[], values: string[]): void {
  for (const v of versions)
    for (const s of values) assert.equal(startupCheckRefuses(s, type, v), false, `${type} ${v} ${JSON.stringify(s)}`);
}

function refuses(type: string, versions: readonly CiliumVersion[], values: string[]): void {
  for (const v of versions)
    for (const s of values) assert.equal(startupCheckRefuses(s, type, v), true, `${type} ${v} ${JSON.stringify(s)}`);
}

describe('knowledge/configMapStartupCheck.ts', () => {
  it('the split into 1.12-1.17 and 1.18+ casts covers every version', () => {
    assert.equal(OLD.length + NEW.length, SUPPORTED_VERSIONS.length);
    assert.ok(OLD.includes('1.17') && NEW.includes('1.18'));
  });

  it('integers: strconv.ParseInt(s, 0, 0) literals and the int64 range, in every version', () => {
    // Every cast reads integers with ParseInt(…, 0, 0): caste.go@v1.12.19 l.470-475 (ToIntE),
    // number.go@v1.18.7 l.407-414 (parseInt). Base 0: 0b/0o/0x prefixes, a bare leading 0 for octal, `_` between
    // digits; 64 bits whatever the flag's size.
    const all = SUPPORTED_VERSIONS;
    accepts('int', all, [
      '0b101',
      '0B1_0',
      '0o17',
      '0O17',
      '017',
      '0x_ff',
      '9223372036854775807',
      '-9223372036854775808',
    ]);
    refuses('int', all, ['08', '0b2', '0o8', '1__0', '_1', '9223372036854775808', '-9223372036854775809']);
    // Octal is read as octal: 2^63-1 is 21 sevens (accepted), 2^63 a one and 21 zeros (out of range).
    accepts('int64', all, ['0777777777777777777777']);
    refuses('int64', all, ['01000000000000000000000']);
    // A large decimal with a zero in it is decimal throughout (out of range), not an octal tail.
    refuses('int32', all, ['9300000000000000001']);
  });

  it('integers up to 1.17: only a zero decimal part is trimmed (trimZeroDecimal)', () => {
    // caste.go@v1.12.19 l.1461-1476 (the same up to @v1.17.13 l.1495): the last "." is cut when only zeros follow.
    accepts('int', OLD, ['100.0', '0xff.0', '-3.00']);
    refuses('int', OLD, ['10.05', '.0', '1.0.0']);
  });

  it('integers from 1.18: the integer part of a plain decimal (trimDecimal), range still checked', () => {
    // number.go@v1.18.7 l.524-548: `^([-+]?\d*)(\.\d*)?$`, its first group, "-"/"+" → "-0"/"+0", "" → "0";
    // a string without "." is left alone, so a bare sign stays refused.
    accepts('int', NEW, ['10.55', '-.5', '+.5', '.5', '9223372036854775807.5']);
    refuses('int', NEW, ['-', '+', '9223372036854775808.5', '0x10.5']);
  });

  it('unsigned up to 1.17: ParseInt, then a negative number refused (so the int64 range, and "-0" passes)', () => {
    // caste.go@v1.12.19 l.503-511 (ToUintE): errNegativeNotAllowed only when the parsed value is below 0.
    refuses('uint', OLD, ['', '10.5', '9223372036854775808', '-1']);
    accepts('uint32', OLD, ['9223372036854775807', '-0', '10.0']);
  });

  it('unsigned from 1.18: "" is 0, leading "+" signs dropped, then ParseUint (no sign, 64 bits)', () => {
    // number.go@v1.18.7 l.290-293 ("" → 0) and l.416-423 (parseUint: strings.TrimLeft(trimDecimal(s), "+")).
    accepts('uint', NEW, ['', '++5', '10.5', '9223372036854775808', '18446744073709551615']);
    refuses('uint16', NEW, ['5+', '+-5', '-0', '18446744073709551616']);
  });

  it('floats: strconv.ParseFloat, with a signed inf but never a signed nan', () => {
    const all = SUPPORTED_VERSIONS;
    accepts('float64', all, ['-0.5', '1.', '.5', '.25', '1e5', '1e10', '2.5E+3', '-Inf', '+infinity', 'NaN']);
    // Go's strconv/atof.go special(): after a sign only inf/infinity is tried; "nan" has to come first.
    refuses('float32', all, ['0,5', '0.5s', '+nan', '-nan', 'e5', '1e']);
  });

  it('durations: every component a number with a unit, a bare number taken as nanoseconds', () => {
    // caste.go@v1.17.13 l.81-87 and time.go@v1.19.1 l.87-88: "ns" appended when none of "nsuµmh" appears.
    const all = SUPPORTED_VERSIONS;
    accepts('duration', all, ['1.25s', '.25s', '.5s', '1.s', '-1.5h', '1h2m3.5s', '+0']);
    refuses('duration', all, ['1m 30s', '.s', '1d', '']);
  });

  it('slice types outside the switch are only logged up to 1.17, so the value is not refused', () => {
    // pkg/option/config.go@v1.12.19 l.3884-3885, @v1.17.13 l.4011-4012 (log.Warnf "Unable to validate option").
    for (const type of ['intSlice', 'uintSlice', 'float64Slice', 'int32Slice']) accepts(type, OLD, ['a,b', '']);
  });

  it("the rules cite the check's code at four tags", () => {
    for (const tag of ['@v1.12.19', '@v1.16.19', '@v1.19.1', '@v1.21.0-pre.0'])
      assert.match(STARTUP_CHECK_CITE, new RegExp(`${tag.replace(/\./g, '\\.')}[^@]* l\\.\\d+-\\d+ and l\\.\\d+`), tag);
    assert.ok(STARTUP_CHECK_CITE.startsWith('pkg/option/config.go@v1.12.19 l.3837-3894 and l.3925'));
    assert.ok(configMapWrongType.cite?.startsWith(STARTUP_CHECK_CITE));
  });
});
