// The Sprig (v3) and Helm template functions the Cilium charts call in any version 1.12–1.21
// (`node tools/list-chart-functions.mjs` lists them), with Go's behaviour: argument types are checked as Go's
// text/template checks them ("wrong type for value; expected string; got float64"), and a function that returns
// a Go error throws. `include`, `tpl`, `required`, `lookup` and `.Files` are wired in render.ts, where the
// template set is known.
//
// The certificate and time functions (genCA, genSignedCert, buildCustomCert, now, dateModify) return fixed
// stand-ins: their output only ever lands in TLS Secrets, never in cilium-config, and a fixed value keeps
// renders deterministic.
import { createHash } from 'node:crypto';
import {
  formatValue,
  goKind,
  goTypeName,
  GoObject,
  isTrue,
  quoteGo,
  withSignature,
  type FuncMap,
  type GoParamType,
  type GoValue,
} from '../template/index';
import { deepCopy } from './coalesce';
import { fromGoJson, readAnyYaml, toGoJson, toGoYaml } from './goYaml';
import { parseSemver, semverSatisfies } from './semver';
import { stripTrailing, trimWhere } from '../../textRuns';

type GoMap = Map<string, GoValue>;

// ---------------------------------------------------------------------------------------------------------
// Go argument conversion

function wrongType(expected: string, v: GoValue): Error {
  if (v === null || v === undefined) return new Error(`invalid value; expected ${expected}`);
  return new Error(`wrong type for value; expected ${expected}; got ${goTypeName(v)}`);
}

export function argString(v: GoValue): string {
  if (typeof v === 'string') return v;
  throw wrongType('string', v);
}

/** An `int` parameter: Go integers (bigint); whole JS numbers are accepted as untyped template constants. */
export function argInt(v: GoValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw wrongType('int', v);
}

function argBool(v: GoValue): boolean {
  if (typeof v === 'boolean') return v;
  throw wrongType('bool', v);
}

export function argMap(v: GoValue): GoMap {
  if (v instanceof Map) return v;
  throw wrongType('map[string]interface {}', v);
}

/** Sprig's strval: strings as they are, everything else as fmt's %v. */
export function strval(v: GoValue): string {
  if (typeof v === 'string') return v;
  return formatValue(v);
}

/** Sprig's empty: nil, false, 0, "" and empty collections are empty; structs never are. */
export function isEmpty(v: GoValue): boolean {
  return !isTrue(v);
}

/** Sprig's strslice: a list as strings (nil items dropped from []interface{}); a scalar as a one-item list. */
function strslice(v: GoValue): string[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval);
  return [strval(v)];
}

/** spf13/cast ToInt64 as Sprig's int/int64 use it. */
function castInt(v: GoValue): bigint {
  if (v === null || v === undefined) return 0n;
  switch (typeof v) {
    case 'bigint':
      return v;
    case 'number':
      return Number.isFinite(v) ? BigInt(Math.trunc(v)) : 0n;
    case 'boolean':
      return v ? 1n : 0n;
    case 'string': {
      // cast trims a zero decimal part ("8.0" → "8") and parses with base prefix detection (0x, 0o, 0b, 0).
      const s = v.replace(/^([-+]?\d+)\.0*$/, '$1');
      const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[1-9][0-9]*|0)$/.exec(s.replace(/_/g, ''));
      if (!m) return 0n;
      const body = m[2]!;
      let n: bigint;
      if (/^0[xXbBoO]/.test(body)) n = BigInt(body.toLowerCase());
      else if (body.length > 1 && body[0] === '0') n = BigInt(`0o${body.slice(1)}`);
      else n = BigInt(body);
      return m[1] === '-' ? -n : n;
    }
  }
  return 0n;
}

function castFloat(v: GoValue): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'number':
      return v;
    case 'bigint':
      return Number(v);
    case 'boolean':
      return v ? 1 : 0;
    case 'string': {
      const n = Number(v.trim() === '' ? 'x' : v);
      return Number.isNaN(n) ? 0 : n;
    }
  }
  return 0;
}

/**
 * What Helm's fromYaml and fromJson give: the decoded map (an empty one when the text holds anything else), or a
 * map with the parser's message under `Error` when the text does not parse.
 */
function decodedMap(decode: () => GoValue): GoValue {
  try {
    const v = decode();
    return v instanceof Map ? v : new Map();
  } catch (e) {
    return new Map([['Error', (e as Error).message]]);
  }
}

/** Go's reflect.DeepEqual for our values (used by `has`). */
function deepEqual(a: GoValue, b: GoValue): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, x] of a) if (!b.has(k) || !deepEqual(x, b.get(k))) return false;
    return true;
  }
  return a === b;
}

/** Go's regexp syntax → JavaScript: named groups and flags written the Go way. */
function goRegex(pattern: string, flags = ''): RegExp {
  let p = pattern.replace(/\(\?P</g, '(?<');
  let f = flags;
  const inline = /^\(\?([imsU]+)\)/.exec(p);
  if (inline) {
    p = p.slice(inline[0].length);
    for (const c of inline[1]!) if ('ims'.includes(c) && !f.includes(c)) f += c;
  }
  p = p.replace(/\\z/g, '$').replace(/\\A/g, '^');
  return new RegExp(p, f + 'u');
}

/** Go's regexp.Expand template syntax ($1, ${1}, $name, $$) → a replacement function. */
function goExpand(repl: string): (...m: unknown[]) => string {
  return (...args: unknown[]) => {
    const groupsObj =
      typeof args[args.length - 1] === 'object'
        ? (args[args.length - 1] as Record<string, string | undefined>)
        : undefined;
    const nums = args.slice(0, groupsObj ? -3 : -2) as (string | undefined)[];
    return repl.replace(
      /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
      (_all, d: string, braced?: string, bare?: string) => {
        if (d === '$') return '$';
        const name = braced ?? bare!;
        if (/^\d+$/.test(name)) return nums[Number(name)] ?? '';
        return groupsObj?.[name] ?? '';
      },
    );
  };
}

function goPathBase(p: string): string {
  if (p === '') return '.';
  const t = stripTrailing(p, '/');
  if (t === '') return '/';
  return t.slice(t.lastIndexOf('/') + 1);
}

function goPathClean(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const s = (rooted ? '/' : '') + out.join('/');
  return s === '' ? '.' : s;
}

function goPathDir(p: string): string {
  const i = p.lastIndexOf('/');
  return goPathClean(p.slice(0, i + 1));
}

/** Go's strings.Title: the first letter of every word upper-cased. */
function goTitle(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    const isSep = !/[\p{L}\p{N}_']/u.test(prev);
    out += isSep ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

/** A certificate stand-in (Sprig's certificate struct: Cert and Key, PEM text). */
function fakeCert(cn: string): GoObject {
  const tag = createHash('sha256').update(cn).digest('base64').slice(0, 32);
  return new GoObject('sprig.certificate', {
    Cert: `-----BEGIN CERTIFICATE-----\n${tag}\n-----END CERTIFICATE-----\n`,
    Key: `-----BEGIN RSA PRIVATE KEY-----\n${tag}\n-----END RSA PRIVATE KEY-----\n`,
  });
}

/** A fixed time stand-in with the methods the charts call on it. */
function fakeTime(): GoObject {
  const t: GoObject = new GoObject(
    'time.Time',
    {},
    {
      Format: () => '2026-01-01T00:00:00Z',
      UTC: () => t,
      Unix: () => 1767225600n,
    },
    () => '2026-01-01 00:00:00 +0000 UTC',
  );
  return t;
}

function semverObject(text: string): GoObject {
  const v = parseSemver(text);
  return new GoObject(
    '*semver.Version',
    {},
    {
      Major: () => v.major,
      Minor: () => v.minor,
      Patch: () => v.patch,
      Prerelease: () => v.pre,
      Original: () => v.original,
      String: () => `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre}` : ''}`,
    },
    () => `${v.major}.${v.minor}.${v.patch}${v.pre ? `-${v.pre}` : ''}`,
  );
}

/** mergo.Merge(dst, src) without override: fills keys missing (or empty) in dst, recursing into maps. */
function mergoMerge(dst: GoMap, src: GoMap): void {
  for (const [k, sv] of src) {
    const dv = dst.get(k);
    if (dv instanceof Map && sv instanceof Map) mergoMerge(dv, sv);
    else if (!dst.has(k) || dv === null || dv === undefined || (!isTrue(dv) && !(dv instanceof Map))) {
      dst.set(k, deepCopy(sv));
    }
  }
}

function toList(v: GoValue, fn: string): GoValue[] {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot ${fn} on type ${goTypeName(v)}`);
}

/**
 * Go parameter types of the functions (Sprig's signatures), so the engine rejects wrong argument types and counts
 * with Go's messages before calling them. Functions taking interface{} check nothing.
 */
const S = 'string' as const;
const I = 'int' as const;
const ANY = 'interface {}' as const;
const MAP = 'map[string]interface {}' as const;
const sig = (params: GoParamType[], variadic?: GoParamType): [GoParamType[], GoParamType?] => [params, variadic];
const SIGNATURES: Record<string, [GoParamType[], GoParamType?]> = {
  default: sig([ANY], ANY),
  empty: sig([ANY]),
  coalesce: sig([], ANY),
  ternary: sig([ANY, ANY, 'bool']),
  fail: sig([S]),
  quote: sig([], ANY),
  toString: sig([ANY]),
  join: sig([S, ANY]),
  lower: sig([S]),
  title: sig([S]),
  trim: sig([S]),
  trimPrefix: sig([S, S]),
  trimSuffix: sig([S, S]),
  replace: sig([S, S, S]),
  contains: sig([S, S]),
  hasPrefix: sig([S, S]),
  hasSuffix: sig([S, S]),
  trunc: sig([I, S]),
  indent: sig([I, S]),
  nindent: sig([I, S]),
  split: sig([S, S]),
  splitList: sig([S, S]),
  regexMatch: sig([S, S]),
  regexReplaceAll: sig([S, S, S]),
  b64enc: sig([S]),
  sha256sum: sig([S]),
  base: sig([S]),
  dir: sig([S]),
  list: sig([], ANY),
  tuple: sig([], ANY),
  append: sig([ANY, ANY]),
  prepend: sig([ANY, ANY]),
  concat: sig([], ANY),
  first: sig([ANY]),
  mustFirst: sig([ANY]),
  has: sig([ANY, ANY]),
  dict: sig([], ANY),
  get: sig([MAP, S]),
  set: sig([MAP, S, ANY]),
  unset: sig([MAP, S]),
  hasKey: sig([MAP, S]),
  dig: sig([], ANY),
  omit: sig([MAP], S),
  merge: sig([MAP], MAP),
  deepCopy: sig([ANY]),
  kindOf: sig([ANY]),
  kindIs: sig([S, ANY]),
  typeOf: sig([ANY]),
  typeIs: sig([S, ANY]),
  int: sig([ANY]),
  int64: sig([ANY]),
  float64: sig([ANY]),
  mul: sig([ANY], ANY),
  toYaml: sig([ANY]),
  fromYaml: sig([S]),
  fromYamlArray: sig([S]),
  toJson: sig([ANY]),
  toRawJson: sig([ANY]),
  fromJson: sig([S]),
  semver: sig([S]),
  semverCompare: sig([S, S]),
  now: sig([]),
  dateModify: sig([S, ANY]),
  mustDateModify: sig([S, ANY]),
  genCA: sig([S, I]),
  genSignedCert: sig([S, ANY, ANY, I, ANY]),
  buildCustomCert: sig([S, S]),
  lookup: sig([S, S, S, S]),
};

/** The Sprig and Helm functions that need nothing from the running template set. */
export function sprigFunctions(): FuncMap {
  const fns = plainFunctions();
  for (const [name, [params, variadic]] of Object.entries(SIGNATURES)) {
    const fn = fns[name];
    if (fn) fns[name] = withSignature(fn, params, variadic);
  }
  return fns;
}

function plainFunctions(): FuncMap {
  return {
    // --- defaults and logic
    default: (d, ...given) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]),
    empty: (v) => isEmpty(v),
    coalesce: (...vs) => vs.find((v) => !isEmpty(v)) ?? null,
    ternary: (vt, vf, cond) => (argBool(cond) ? vt : vf),
    fail: (msg) => {
      throw new Error(argString(msg));
    },

    // --- strings
    quote: (...vs) =>
      vs
        .filter((v) => v !== null && v !== undefined)
        .map((v) => quoteGo(strval(v)))
        .join(' '),
    toString: (v: GoValue) => strval(v),
    join: (sep, v) => strslice(v).join(argString(sep)),
    lower: (s) => argString(s).toLowerCase(),
    title: (s) => goTitle(argString(s)),
    trim: (s) => trimWhere(argString(s), (c) => /[\s\u0085\u00a0]/u.test(c)),
    trimPrefix: (prefix, s) => {
      const p = argString(prefix);
      const str = argString(s);
      return str.startsWith(p) ? str.slice(p.length) : str;
    },
    trimSuffix: (suffix, s) => {
      const p = argString(suffix);
      const str = argString(s);
      return p.length > 0 && str.endsWith(p) ? str.slice(0, str.length - p.length) : str;
    },
    replace: (oldS, newS, src) => argString(src).split(argString(oldS)).join(argString(newS)),
    contains: (sub, s) => argString(s).includes(argString(sub)),
    hasPrefix: (prefix, s) => argString(s).startsWith(argString(prefix)),
    hasSuffix: (suffix, s) => argString(s).endsWith(argString(suffix)),
    trunc: (c, s) => {
      const n = Number(argInt(c));
      const str = argString(s);
      if (n < 0 && str.length + n > 0) return str.slice(str.length + n);
      if (n >= 0 && str.length > n) return str.slice(0, n);
      return str;
    },
    indent: (n, s) => {
      const pad = ' '.repeat(Number(argInt(n)));
      return pad + argString(s).split('\n').join(`\n${pad}`);
    },
    nindent: (n, s) => {
      const pad = ' '.repeat(Number(argInt(n)));
      return `\n${pad}${argString(s).split('\n').join(`\n${pad}`)}`;
    },
    split: (sep, s) => {
      const parts = argString(s).split(argString(sep));
      return new Map(parts.map((p, i) => [`_${i}`, p] as [string, GoValue]));
    },
    splitList: (sep, s) => {
      const str = argString(s);
      const sp = argString(sep);
      return sp === '' ? [...str] : str.split(sp);
    },
    regexMatch: (re, s) => {
      try {
        return goRegex(argString(re)).test(argString(s));
      } catch {
        return false;
      }
    },
    regexReplaceAll: (re, s, repl) => argString(s).replace(goRegex(argString(re), 'g'), goExpand(argString(repl))),
    b64enc: (s) => Buffer.from(argString(s), 'utf8').toString('base64'),
    sha256sum: (s) => createHash('sha256').update(argString(s), 'utf8').digest('hex'),
    base: (p) => goPathBase(argString(p)),
    dir: (p) => goPathDir(argString(p)),

    // --- lists
    list: (...vs) => vs,
    tuple: (...vs) => vs,
    append: (l, v) => [...toList(l ?? [], 'append'), v],
    prepend: (l, v) => [v, ...toList(l ?? [], 'prepend')],
    concat: (...ls) => ls.flatMap((l) => (l === null || l === undefined ? [] : toList(l, 'concat'))),
    first: (l) =>
      Array.isArray(l) ? (l[0] ?? null) : l === null || l === undefined ? null : (toList(l, 'find first')[0] ?? null),
    mustFirst: (l) => toList(l, 'find first')[0] ?? null,
    has: (needle, hay) =>
      hay === null || hay === undefined ? false : toList(hay, 'has').some((x) => deepEqual(x, needle)),

    // --- dicts
    dict: (...kv) => {
      const m = new Map<string, GoValue>();
      for (let i = 0; i < kv.length; i += 2) m.set(strval(kv[i]), i + 1 < kv.length ? kv[i + 1] : '');
      return m;
    },
    get: (d, key) => {
      const m = argMap(d);
      const k = argString(key);
      return m.has(k) ? m.get(k)! : '';
    },
    set: (d, key, value) => {
      const m = argMap(d);
      m.set(argString(key), value);
      return m;
    },
    unset: (d, key) => {
      const m = argMap(d);
      m.delete(argString(key));
      return m;
    },
    hasKey: (d, key) => argMap(d).has(argString(key)),
    dig: (...ps) => {
      if (ps.length < 2) throw new Error('dig needs at least two arguments');
      const dict = argMap(ps[ps.length - 1]);
      const def = ps[ps.length - 2];
      const keys = ps.slice(0, -2).map(argString);
      let cur: GoMap = dict;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        if (!cur.has(k)) return def;
        const v = cur.get(k)!;
        if (i === keys.length - 1) return v;
        if (!(v instanceof Map))
          throw new Error(`interface conversion: interface {} is ${goTypeName(v)}, not map[string]interface {}`);
        cur = v;
      }
      return def;
    },
    omit: (d, ...keys) => {
      const m = argMap(d);
      const drop = new Set(keys.map(argString));
      return new Map([...m].filter(([k]) => !drop.has(k)));
    },
    merge: (dst, ...srcs) => {
      const d = argMap(dst);
      for (const s of srcs) mergoMerge(d, argMap(s));
      return d;
    },
    deepCopy: (v) => deepCopy(v),

    // --- types and numbers
    kindOf: (v) => goKind(v),
    kindIs: (k, v) => argString(k) === goKind(v),
    typeOf: (v) => goTypeName(v),
    typeIs: (t, v) => argString(t) === goTypeName(v),
    int: (v) => castInt(v),
    int64: (v) => castInt(v),
    float64: (v) => castFloat(v),
    mul: (a, ...vs) => vs.reduce<bigint>((acc: bigint, v: GoValue) => acc * castInt(v), castInt(a)),

    // --- encodings (Helm's own toYaml/fromYaml/toJson/fromJson; Sprig's toRawJson)
    toYaml: (v) => {
      try {
        return toGoYaml(v).replace(/\n$/, '');
      } catch {
        return '';
      }
    },
    fromYaml: (s) => decodedMap(() => readAnyYaml(argString(s))),
    fromYamlArray: (s) => {
      try {
        const v = readAnyYaml(argString(s));
        return Array.isArray(v) ? v : [];
      } catch (e) {
        return [(e as Error).message];
      }
    },
    toJson: (v) => {
      try {
        return toGoJson(v, true);
      } catch {
        return '';
      }
    },
    toRawJson: (v) => toGoJson(v, false),
    fromJson: (s) => decodedMap(() => fromGoJson(argString(s))),

    // --- versions
    semver: (v) => semverObject(argString(v)),
    semverCompare: (c, v) => semverSatisfies(argString(c), argString(v)),

    // --- stand-ins (see the file comment)
    now: () => fakeTime(),
    dateModify: (_fmt, t) => t,
    mustDateModify: (_fmt, t) => t,
    genCA: (cn) => fakeCert(argString(cn)),
    genSignedCert: (cn) => fakeCert(argString(cn)),
    buildCustomCert: (cert, key) => new GoObject('sprig.certificate', { Cert: argString(cert), Key: argString(key) }),
    lookup: () => new Map(),
  };
}
