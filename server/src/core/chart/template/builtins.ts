// Go's predefined template functions that work on already evaluated values: comparisons with Go's kind
// rules, index, slice, len, and the html/js/urlquery escapers. Each throws a plain Error with Go's text; the
// evaluator wraps it as `error calling NAME: ...`. (and/or/not/print*/call need the evaluator and live there.)

import { formatValue, goSprint, goSprintf } from './format';
import { GoObject, goTypeName, type GoValue } from './values';

// ---------------------------------------------------------------------------------------------------------
// Comparisons

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: GoValue): BasicKind {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'invalid';
  }
}

const isNilValue = (v: GoValue) => v === null || v === undefined;

/** Go's `eq arg1 arg2...`: true if arg1 equals any of the others. */
export function goEq(arg1: GoValue, rest: readonly GoValue[]): boolean {
  if (rest.length === 0) throw new Error('missing argument for comparison');
  const k1 = basicKind(arg1);
  for (const arg of rest) {
    const k2 = basicKind(arg);
    let truth = false;
    if (k1 !== k2) {
      if (!isNilValue(arg1) && !isNilValue(arg)) throw incompatible(arg1, arg);
    } else if (k1 !== 'invalid') {
      truth = arg1 === arg;
    } else if (isNilValue(arg1) || isNilValue(arg)) {
      truth = isNilValue(arg1) === isNilValue(arg);
    } else {
      const t1 = goTypeName(arg1);
      const t2 = goTypeName(arg);
      if (t1 !== t2)
        throw new Error(`non-comparable types ${goSprintf('%s', [arg1])}: ${t1}, ${t2}: ${formatValue(arg)}`);
      if (arg instanceof Map || Array.isArray(arg) || typeof arg === 'function') {
        throw new Error(`non-comparable type ${goSprintf('%s', [arg])}: ${t2}`);
      }
      truth = arg1 === arg || (arg1 instanceof GoObject && arg instanceof GoObject && structEqual(arg1, arg));
    }
    if (truth) return true;
  }
  return false;
}

/** Go 1.24+ names both types: "incompatible types for comparison: int and string". */
function incompatible(a: GoValue, b: GoValue): Error {
  return new Error(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
}

function structEqual(a: GoObject, b: GoObject): boolean {
  const ka = Object.keys(a.fields);
  if (ka.length !== Object.keys(b.fields).length) return false;
  return ka.every((k) => a.fields[k] === b.fields[k]);
}

/** Go's `lt a b`. */
export function goLt(a: GoValue, b: GoValue): boolean {
  const k1 = basicKind(a);
  const k2 = basicKind(b);
  if (k1 === 'invalid' || k2 === 'invalid') throw new Error('invalid type for comparison');
  if (k1 !== k2) throw incompatible(a, b);
  if (k1 === 'bool') throw new Error('invalid type for comparison');
  return (a as number | bigint | string) < (b as number | bigint | string);
}

export function goLe(a: GoValue, b: GoValue): boolean {
  return goLt(a, b) || goEq(a, [b]);
}

// ---------------------------------------------------------------------------------------------------------
// Indexing

function indexArg(index: GoValue, cap: number): number {
  if (typeof index === 'bigint') {
    if (index < 0n || index > BigInt(cap)) throw new Error(`index out of range: ${index}`);
    return Number(index);
  }
  if (index === null || index === undefined) throw new Error('cannot index slice/array with nil');
  throw new Error(`cannot index slice/array with type ${goTypeName(index)}`);
}

const utf8 = new TextEncoder();

/** One step of Go's `index`: item[key]. `isNilIface` says item is a nil interface (a nil map element). */
export function indexOnce(item: GoValue, index: GoValue): GoValue {
  if (item === null || item === undefined) throw new Error('index of nil pointer');
  if (Array.isArray(item)) {
    const x = indexArg(index, item.length);
    // Go checks x against the length and then lets reflect refuse x == len, with reflect's own text.
    if (x >= item.length) throw new Error('reflect: slice index out of range');
    const v = item[x];
    return v === undefined ? null : v;
  }
  if (typeof item === 'string') {
    const bytes = utf8.encode(item);
    const x = indexArg(index, bytes.length);
    if (x >= bytes.length) throw new Error('reflect: string index out of range');
    return BigInt(bytes[x]!);
  }
  if (item instanceof Map) {
    if (index === null || index === undefined) throw new Error('value is nil; should be of type string');
    if (typeof index !== 'string') throw new Error(`value has type ${goTypeName(index)}; should be string`);
    const v = item.get(index);
    return v === undefined ? null : v;
  }
  throw new Error(`can't index item of type ${goTypeName(item)}`);
}

/** Go's `slice item i j k`. */
export function goSlice(item: GoValue, indexes: readonly GoValue[]): GoValue {
  if (item === null || item === undefined) throw new Error('slice of untyped nil');
  if (indexes.length > 3) throw new Error(`too many slice indexes: ${indexes.length}`);
  let len: number;
  let bytes: Uint8Array | null = null;
  if (typeof item === 'string') {
    if (indexes.length === 3) throw new Error('cannot 3-index slice a string');
    bytes = utf8.encode(item);
    len = bytes.length;
  } else if (Array.isArray(item)) {
    len = item.length;
  } else {
    throw new Error(`can't slice item of type ${goTypeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, len);
  });
  if (idx[0]! > idx[1]!) throw new Error(`invalid slice index: ${idx[0]} > ${idx[1]}`);
  if (indexes.length === 3 && idx[1]! > idx[2]!) throw new Error(`invalid slice index: ${idx[1]} > ${idx[2]}`);
  if (bytes) return new TextDecoder().decode(bytes.slice(idx[0], idx[1]));
  return (item as GoValue[]).slice(idx[0], idx[1]);
}

/** Go's `len`. `nilIface` distinguishes a nil interface value (Go: "len of nil pointer") from no value. */
export function goLen(item: GoValue, nilIface: boolean): bigint {
  if (item === null || item === undefined) {
    if (nilIface) throw new Error('len of nil pointer');
    throw new Error('reflect: call of reflect.Value.Type on zero Value');
  }
  if (typeof item === 'string') return BigInt(utf8.encode(item).length);
  if (Array.isArray(item)) return BigInt(item.length);
  if (item instanceof Map) return BigInt(item.size);
  throw new Error(`len of type ${goTypeName(item)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Escapers: the text of the arguments as print would make it, escaped.

function argsText(args: readonly GoValue[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return goSprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}

export function goHtml(args: readonly GoValue[]): string {
  return argsText(args).replace(/[\0"'&<>]/g, (c) =>
    c === '\0'
      ? '\uFFFD'
      : c === '"'
        ? '&#34;'
        : c === "'"
          ? '&#39;'
          : c === '&'
            ? '&amp;'
            : c === '<'
              ? '&lt;'
              : '&gt;',
  );
}

export function goJs(args: readonly GoValue[]): string {
  let out = '';
  for (const ch of argsText(args)) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (cp < 0x20) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else if (cp >= 0x80 && /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cn}\p{Co}]/u.test(ch))
      out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += ch;
  }
  return out;
}

export function goUrlQuery(args: readonly GoValue[]): string {
  let out = '';
  for (const b of utf8.encode(argsText(args))) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
