// Go's fmt as templates use it: Sprint, Sprintln, Sprintf and the %v text of every value. Floats print as
// Go prints float64 (shortest digits, exponent from 1e+06 and below 1e-04), integers in decimal, maps as
// map[k:v ...] in sorted key order, slices as [a b], nil as <nil>; a verb that does not fit its operand
// prints Go's %!verb(type=value) instead of failing, as Go does.

import { GoObject, goTypeName, type GoValue } from './values';
import { stripTrailing } from '../../textRuns';

// ---------------------------------------------------------------------------------------------------------
// Floats

/** The exact decimal expansion of a finite double: digits (no leading zeros, "0" for zero) and the position
 *  of the decimal point (value = 0.DIGITS × 10^dp). */
function exactDecimal(x: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '0', dp: 1 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let digits: string;
  let fracDigits: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    fracDigits = 0;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    fracDigits = -exp;
  }
  // value = digits × 10^-fracDigits
  const dp = digits.length - fracDigits;
  // strip leading zeros (none for BigInt strings) and trailing zeros
  digits = stripTrailing(digits, '0');
  if (digits === '') return { digits: '0', dp: 1 };
  return { digits, dp };
}

/** Rounds a digit string to `nd` digits, half to even (Go rounds the exact value this way). */
function roundDigits(d: { digits: string; dp: number }, nd: number): { digits: string; dp: number } {
  const { digits } = d;
  let { dp } = d;
  if (nd < 0) return { digits: '0', dp };
  if (digits.length <= nd) return d;
  const next = digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else {
    const rest = digits.slice(nd + 1);
    if (/[1-9]/.test(rest)) up = true;
    else up = nd > 0 ? (digits.charCodeAt(nd - 1) - 48) % 2 === 1 : false;
  }
  let kept = digits.slice(0, nd);
  if (up) {
    // increment kept
    const arr = kept.split('').map((c) => c.charCodeAt(0) - 48);
    let k = arr.length - 1;
    while (k >= 0) {
      if (arr[k]! < 9) {
        arr[k]!++;
        break;
      }
      arr[k] = 0;
      k--;
    }
    if (k < 0) {
      arr.unshift(1);
      dp++;
      arr.pop();
      if (arr.length === 0) arr.push(1);
    }
    kept = arr.join('');
  }
  kept = stripTrailing(kept, '0');
  if (kept === '') return { digits: '0', dp: 1 };
  return { digits: kept, dp };
}

/** Shortest round-trip digits of a finite non-zero double (what Go's strconv uses for precision -1). */
function shortestDigits(x: number): { digits: string; dp: number } {
  if (x === 0) return { digits: '0', dp: 1 };
  const s = Math.abs(x).toExponential();
  const e = s.indexOf('e');
  const digits = s.slice(0, e).replace('.', '');
  return { digits, dp: Number(s.slice(e + 1)) + 1 };
}

function fmtE(neg: boolean, d: { digits: string; dp: number }, prec: number, e: string): string {
  let s = neg ? '-' : '';
  const digs = d.digits === '0' ? '0' : d.digits;
  s += digs[0];
  if (prec > 0) {
    s += '.';
    const rest = digs.slice(1, 1 + prec);
    s += rest + '0'.repeat(prec - rest.length);
  }
  let exp = d.digits === '0' ? 0 : d.dp - 1;
  s += e;
  if (exp < 0) {
    s += '-';
    exp = -exp;
  } else s += '+';
  s += exp < 10 ? '0' + exp : String(exp);
  return s;
}

function fmtF(neg: boolean, d: { digits: string; dp: number }, prec: number): string {
  let s = neg ? '-' : '';
  const digs = d.digits === '0' ? '' : d.digits;
  if (d.dp > 0 && digs !== '') {
    const intPart = digs.slice(0, d.dp);
    s += intPart + '0'.repeat(Math.max(0, d.dp - intPart.length));
  } else s += '0';
  if (prec > 0) {
    s += '.';
    for (let k = 0; k < prec; k++) {
      const idx = d.dp + k;
      s += idx >= 0 && idx < digs.length ? digs[idx] : '0';
    }
  }
  return s;
}

/**
 * Go's strconv.FormatFloat(x, fmt, prec, 64) for fmt in e, E, f, g, G (prec -1 = shortest).
 */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const shortest = prec < 0;
  let d: { digits: string; dp: number };
  if (shortest) {
    d = shortestDigits(x);
    if (fmt === 'e' || fmt === 'E') prec = d.digits.length - 1;
    else if (fmt === 'f') prec = Math.max(d.digits.length - d.dp, 0);
    else prec = d.digits.length;
  } else {
    const exact = exactDecimal(x);
    if (fmt === 'e' || fmt === 'E') d = roundDigits(exact, prec + 1);
    else if (fmt === 'f') d = roundDigits(exact, exact.dp + prec);
    else {
      if (prec === 0) prec = 1;
      d = roundDigits(exact, prec);
    }
    if (x === 0) d = { digits: '0', dp: 1 };
  }
  if (fmt === 'e' || fmt === 'E') return fmtE(neg, d, prec, fmt);
  if (fmt === 'f') return fmtF(neg, d, prec);
  // %g
  let eprec = prec;
  const nd = d.digits === '0' ? 0 : d.digits.length;
  if (eprec > nd && nd >= d.dp) eprec = nd;
  if (shortest) eprec = 6;
  const exp = d.digits === '0' ? 0 : d.dp - 1;
  if (exp < -4 || exp >= eprec) {
    let p = prec;
    if (p > nd) p = nd;
    return fmtE(neg, d, Math.max(p - 1, 0), fmt === 'G' ? 'E' : 'e');
  }
  let p = prec;
  if (p > d.dp) p = nd;
  return fmtF(neg, d.digits === '0' ? { digits: '0', dp: 1 } : d, Math.max(p - d.dp, 0));
}

// ---------------------------------------------------------------------------------------------------------
// Strings

function isPrintableRune(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp < 0xe000) return false;
  if (cp === 0xfffd) return true;
  if (cp > 0x10ffff) return false;
  // Unicode format/separator characters Go treats as non-printable (approximation of unicode.IsPrint).
  return (
    !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp)) &&
    (cp === 0x20 || !/\p{Zs}/u.test(String.fromCodePoint(cp)))
  );
}

/** Go's strconv.Quote (asciiOnly: QuoteToASCII, as %+q). */
export function quoteGo(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') {
      out += '\\' + ch;
      continue;
    }
    if (cp < 0x80 ? cp >= 0x20 && cp !== 0x7f : !asciiOnly && isPrintableRune(cp)) {
      out += ch;
      continue;
    }
    switch (ch) {
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp >= 0xd800 && cp < 0xe000) out += '\\ufffd';
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

function quoteRune(cp: number): string {
  if (cp === 0x27) return "'\\''";
  if (cp === 0x5c) return "'\\\\'";
  const q = quoteGo(String.fromCodePoint(cp));
  return "'" + q.slice(1, -1).replace(/\\"/g, '"') + "'";
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// %v

function isGoString(v: GoValue): v is string {
  return typeof v === 'string';
}

/** A value as Go's %v prints it. */
export function formatValue(v: GoValue): string {
  return formatV(v, false, 0);
}

function sortedKeys(m: Map<string, GoValue>): string[] {
  return [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function formatV(v: GoValue, plus: boolean, depth: number): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatFloat(v, 'g', -1);
    case 'bigint':
      return v.toString();
    case 'function':
      return '0xc000010000';
  }
  if (depth > 100) return '...';
  if (Array.isArray(v)) return '[' + v.map((e) => formatV(e, plus, depth + 1)).join(' ') + ']';
  if (v instanceof Map) {
    return (
      'map[' +
      sortedKeys(v)
        .map((k) => `${k}:${formatV(v.get(k), plus, depth + 1)}`)
        .join(' ') +
      ']'
    );
  }
  if (v instanceof GoObject) {
    if (v.stringer) return v.stringer();
    const inner = Object.entries(v.fields)
      .map(([k, f]) => (plus ? `${k}:` : '') + formatV(f, plus, depth + 1))
      .join(' ');
    return (v.typeName.startsWith('*') ? '&{' : '{') + inner + '}';
  }
  return String(v);
}

// ---------------------------------------------------------------------------------------------------------
// Print / Println

/** fmt.Sprint: operands concatenated, with a space between two operands when neither is a string. */
export function goSprint(args: readonly GoValue[]): string {
  let out = '';
  for (let k = 0; k < args.length; k++) {
    if (k > 0 && !isGoString(args[k]) && !isGoString(args[k - 1])) out += ' ';
    out += formatValue(args[k]);
  }
  return out;
}

/** fmt.Sprintln: operands separated by spaces, then a newline. */
export function goSprintln(args: readonly GoValue[]): string {
  return args.map(formatValue).join(' ') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// Printf

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  width: number | null;
  prec: number | null;
  verb: string;
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  if (spec.width === null) return s;
  const n = runeCount(s);
  if (n >= spec.width) return s;
  const fill = spec.width - n;
  if (spec.minus) return s + ' '.repeat(fill);
  if (spec.zero && numeric) {
    // zeros go after the sign
    const signed = s[0] === '-' || s[0] === '+' || s[0] === ' ';
    if (signed) return s[0] + '0'.repeat(fill) + s.slice(1);
    return '0'.repeat(fill) + s;
  }
  if (spec.zero && !numeric) return '0'.repeat(fill) + s;
  return ' '.repeat(fill) + s;
}

function badVerb(spec: Spec, v: GoValue): string {
  if (v === null || v === undefined) return `%!${spec.verb}(<nil>)`;
  return `%!${spec.verb}(${goTypeName(v)}=${formatValue(v)})`;
}

function formatInteger(n: bigint, spec: Spec): string {
  let digits: string;
  const neg = n < 0n;
  const abs = neg ? -n : n;
  let prefix = '';
  switch (spec.verb) {
    case 'd':
    case 'v':
      digits = abs.toString(10);
      break;
    case 'x':
      digits = abs.toString(16);
      if (spec.sharp) prefix = '0x';
      break;
    case 'X':
      digits = abs.toString(16).toUpperCase();
      if (spec.sharp) prefix = '0X';
      break;
    case 'o':
      digits = abs.toString(8);
      if (spec.sharp && digits !== '0') prefix = '0';
      break;
    case 'O':
      digits = abs.toString(8);
      prefix = '0o';
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    default:
      digits = abs.toString(10);
  }
  if (spec.prec !== null) {
    if (spec.prec === 0 && n === 0n) digits = '';
    else if (digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  }
  const sign = neg ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const body = sign + prefix + digits;
  // Go ignores the 0 flag when a precision is given for integers.
  return pad(body, spec.prec !== null ? { ...spec, zero: false } : spec, true);
}

function formatFloatVerb(x: number, spec: Spec): string {
  let verb = spec.verb;
  let prec = spec.prec ?? -1;
  if (verb === 'v') verb = 'g';
  if (verb === 'F') verb = 'f';
  if ((verb === 'e' || verb === 'E' || verb === 'f') && spec.prec === null) prec = 6;
  let s = formatFloat(x, verb as 'e' | 'E' | 'f' | 'g' | 'G', prec);
  if (spec.plus && s[0] !== '-' && s[0] !== '+') s = '+' + s;
  else if (spec.space && s[0] !== '-' && s[0] !== '+') s = ' ' + s;
  else if (s[0] === '+' && !spec.plus) s = s.slice(1);
  if (!Number.isFinite(x)) return pad(s, { ...spec, zero: false }, true);
  return pad(s, spec, true);
}

function formatString(s: string, spec: Spec): string {
  if (spec.prec !== null) s = [...s].slice(0, spec.prec).join('');
  switch (spec.verb) {
    case 's':
    case 'v':
      return pad(s, spec, false);
    case 'q':
      if (spec.sharp && !/[`\x00-\x08\x0a-\x1f\x7f]/.test(s) && !s.includes('\ufffd'))
        return pad('`' + s + '`', spec, false);
      return pad(quoteGo(s, spec.plus), spec, false);
    case 'x':
    case 'X': {
      const bytes = new TextEncoder().encode(s);
      let h = '';
      for (let k = 0; k < bytes.length; k++) {
        if (k > 0 && spec.space) h += ' ';
        if (spec.sharp && (k === 0 || spec.space)) h += spec.verb === 'x' ? '0x' : '0X';
        const b = bytes[k]!.toString(16).padStart(2, '0');
        h += spec.verb === 'X' ? b.toUpperCase() : b;
      }
      return pad(h, spec, false);
    }
  }
  return badVerb(spec, s);
}

function formatOne(v: GoValue, spec: Spec, depth = 0): string {
  const verb = spec.verb;
  if (v === null || v === undefined) {
    if (verb === 'v') return pad('<nil>', spec, false);
    return badVerb(spec, v);
  }
  if (v instanceof GoObject && v.stringer && 'vsq'.includes(verb)) return formatString(v.stringer(), spec);
  switch (typeof v) {
    case 'boolean':
      if (verb === 't' || verb === 'v') return pad(v ? 'true' : 'false', spec, false);
      return badVerb(spec, v);
    case 'bigint':
      switch (verb) {
        case 'd':
        case 'v':
        case 'x':
        case 'X':
        case 'o':
        case 'O':
        case 'b':
          return formatInteger(v, spec);
        case 'c':
          return pad(String.fromCodePoint(Number(v)), spec, false);
        case 'q':
          return pad(quoteRune(Number(v)), spec, false);
        case 'U': {
          const hex = v.toString(16).toUpperCase().padStart(4, '0');
          return pad(`U+${hex}`, spec, false);
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
          return badVerb(spec, v);
      }
      return badVerb(spec, v);
    case 'number':
      if ('vbeEfFgGxX'.includes(verb) && verb !== 'x' && verb !== 'X' && verb !== 'b') return formatFloatVerb(v, spec);
      return badVerb(spec, v);
    case 'string':
      return formatString(v, spec);
    case 'function':
      return verb === 'v' || verb === 'p' ? pad('0xc000010000', spec, false) : badVerb(spec, v);
  }
  if (depth > 100) return '...';
  if (Array.isArray(v)) {
    if (verb === 'v' || 'sdqxXtfgeEGobc'.includes(verb)) {
      const inner = { ...spec, width: spec.width };
      return '[' + v.map((e) => formatOne(e, inner, depth + 1)).join(' ') + ']';
    }
    return badVerb(spec, v);
  }
  if (v instanceof Map) {
    const inner = spec;
    return (
      'map[' +
      sortedKeys(v)
        .map((k) => `${formatOne(k, inner, depth + 1)}:${formatOne(v.get(k), inner, depth + 1)}`)
        .join(' ') +
      ']'
    );
  }
  if (v instanceof GoObject) {
    const inner = Object.entries(v.fields)
      .map(([k, f]) => (spec.plus ? `${k}:` : '') + formatOne(f, spec, depth + 1))
      .join(' ');
    return (v.typeName.startsWith('*') ? '&{' : '{') + inner + '}';
  }
  return badVerb(spec, v);
}

/** fmt.Sprintf with Go's verbs, flags, width and precision, and Go's %!verb(...) texts for mismatches. */
export function goSprintf(format: string, args: readonly GoValue[]): string {
  let out = '';
  let argNum = 0;
  const n = format.length;
  let k = 0;
  while (k < n) {
    const pct = format.indexOf('%', k);
    if (pct < 0) {
      out += format.slice(k);
      break;
    }
    out += format.slice(k, pct);
    k = pct + 1;
    if (k >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const spec: Spec = {
      minus: false,
      plus: false,
      sharp: false,
      space: false,
      zero: false,
      width: null,
      prec: null,
      verb: '',
    };
    flags: for (; k < n; k++) {
      switch (format[k]) {
        case '-':
          spec.minus = true;
          spec.zero = false;
          break;
        case '+':
          spec.plus = true;
          break;
        case '#':
          spec.sharp = true;
          break;
        case ' ':
          spec.space = true;
          break;
        case '0':
          spec.zero = !spec.minus;
          break;
        default:
          break flags;
      }
    }
    // width
    if (format[k] === '*') {
      k++;
      const a = args[argNum++];
      if (typeof a === 'bigint') {
        spec.width = Number(a);
        if (spec.width < 0) {
          spec.minus = true;
          spec.width = -spec.width;
          spec.zero = false;
        }
      } else out += '%!(BADWIDTH)';
    } else {
      let w = '';
      while (k < n && format[k]! >= '0' && format[k]! <= '9') w += format[k++];
      if (w) spec.width = Number(w);
    }
    if (format[k] === '.') {
      k++;
      if (format[k] === '*') {
        k++;
        const a = args[argNum++];
        if (typeof a === 'bigint' && a >= 0n) spec.prec = Number(a);
        else out += '%!(BADPREC)';
      } else {
        let p = '';
        while (k < n && format[k]! >= '0' && format[k]! <= '9') p += format[k++];
        spec.prec = p ? Number(p) : 0;
      }
    }
    if (k >= n) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(k)!);
    k += verb.length;
    spec.verb = verb;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argNum >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argNum++];
    if (verb === 'T') {
      out += pad(arg === null || arg === undefined ? '<nil>' : goTypeName(arg), spec, false);
      continue;
    }
    if (verb === 'v' && spec.sharp) {
      out += goSyntax(arg);
      continue;
    }
    if (!'vsdqtxXobcUeEfFgGp'.includes(verb)) {
      out += badVerb(spec, arg);
      continue;
    }
    out += formatOne(arg, spec);
  }
  if (argNum < args.length) {
    out +=
      '%!(EXTRA ' +
      args
        .slice(argNum)
        .map((a) => (a === null || a === undefined ? '<nil>' : `${goTypeName(a)}=${formatValue(a)}`))
        .join(', ') +
      ')';
  }
  return out;
}

/** %#v: Go-syntax representation (enough for debugging output). */
function goSyntax(v: GoValue): string {
  if (v === null || v === undefined) return '<nil>';
  switch (typeof v) {
    case 'string':
      return quoteGo(v);
    case 'number':
      return formatFloat(v, 'g', -1);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return String(v);
  }
  if (Array.isArray(v)) return '[]interface {}{' + v.map(goSyntax).join(', ') + '}';
  if (v instanceof Map)
    return (
      'map[string]interface {}{' +
      sortedKeys(v)
        .map((k) => `${quoteGo(k)}:${goSyntax(v.get(k))}`)
        .join(', ') +
      '}'
    );
  return formatValue(v);
}
