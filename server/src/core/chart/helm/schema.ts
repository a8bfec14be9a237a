// Helm 4 validates the coalesced values (chart defaults + the user's values) against the chart's
// values.schema.json before rendering anything, and refuses the install when they do not match. Cilium charts
// ship a draft-07 schema from 1.16 on, using only type, properties, items, enum, anyOf, oneOf, minimum and
// maximum (1.16–1.21). This checks exactly those keywords, with draft-07 meaning, without compiling the schema
// (ajv needs seconds to compile a 300 KB schema, too slow for the editor); test/chart/schema.test.ts holds it
// equal to ajv on many inputs, and the differential test to Helm itself. The messages are ours; each names
// the key. A schema with any other keyword is refused by `unsupportedKeywords` (checked by the tests).
import type { GoValue } from '../template/index';
import { plainCopy, sameValue } from './recordedValues';

export interface SchemaError {
  /** Dotted key path, e.g. "bpf.masquerade" ("" for the whole document). */
  path: string;
  /** JSON pointer as Helm prints it, e.g. "/bpf/masquerade". */
  pointer: string;
  message: string;
}

type Schema =
  | boolean
  | {
      type?: string | string[];
      properties?: Record<string, Schema>;
      items?: Schema | Schema[];
      enum?: unknown[];
      anyOf?: Schema[];
      oneOf?: Schema[];
      minimum?: number;
      maximum?: number;
    };

export const SUPPORTED_KEYWORDS = new Set([
  '$schema',
  'type',
  'properties',
  'items',
  'enum',
  'anyOf',
  'oneOf',
  'minimum',
  'maximum',
  'description',
  'title',
  'default',
]);

/** Keywords of `schemaText` this validator does not implement (must be empty for every shipped chart). */
export function unsupportedKeywords(schemaText: string): string[] {
  const found = new Set<string>();
  const walk = (s: unknown, inProps: boolean): void => {
    if (Array.isArray(s)) return s.forEach((x) => walk(x, false));
    if (s === null || typeof s !== 'object') return;
    for (const [k, v] of Object.entries(s as Record<string, unknown>)) {
      if (inProps) walk(v, false);
      else {
        if (!SUPPORTED_KEYWORDS.has(k)) found.add(k);
        walk(v, k === 'properties');
      }
    }
  };
  walk(JSON.parse(schemaText), false);
  return [...found].sort();
}

const parsedSchemas = new Map<string, Schema>();

function schemaOf(text: string): Schema {
  let s = parsedSchemas.get(text);
  if (s === undefined) {
    s = JSON.parse(text) as Schema;
    parsedSchemas.set(text, s);
  }
  return s;
}

/** Our values as the plain JSON the validator reads (Maps → objects, Go integers → numbers). */
export function valuesToJson(v: GoValue): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[k] = valuesToJson(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(valuesToJson);
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  return v;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

function hasType(v: unknown, t: string): boolean {
  const j = jsonType(v);
  if (t === 'integer') return j === 'number' && Number.isInteger(v);
  return j === t;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (jsonType(a) !== jsonType(b) || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a))
    return a.length === (b as unknown[]).length && a.every((x, i) => deepEqual(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

interface RawError {
  pointer: string;
  keyword: 'type' | 'enum' | 'anyOf' | 'oneOf' | 'minimum' | 'maximum' | 'false';
  detail: string;
}

/**
 * `only`: when given, `properties` are checked only for the keys it has (recursing into its maps). The values
 * outside it are the chart's own defaults, which the chart's schema accepts (the differential test shows
 * Helm renders the defaults), so skipping them changes no verdict and saves most of the work.
 */
function check(schema: Schema, v: unknown, pointer: string, out: RawError[], only?: Map<string, GoValue>): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ pointer, keyword: 'false', detail: '' });
    return;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(v, t))) {
      out.push({ pointer, keyword: 'type', detail: types.join(' or ') });
      return; // draft-07 validators still check the rest, but every other keyword here needs the right type
    }
  }
  if (schema.enum !== undefined && !schema.enum.some((e) => deepEqual(e, v))) {
    out.push({ pointer, keyword: 'enum', detail: schema.enum.map((e) => JSON.stringify(e)).join(', ') });
  }
  if (typeof v === 'number') {
    if (schema.minimum !== undefined && v < schema.minimum)
      out.push({ pointer, keyword: 'minimum', detail: String(schema.minimum) });
    if (schema.maximum !== undefined && v > schema.maximum)
      out.push({ pointer, keyword: 'maximum', detail: String(schema.maximum) });
  }
  if (schema.anyOf !== undefined && !schema.anyOf.some((s) => valid(s, v, pointer))) {
    out.push({ pointer, keyword: 'anyOf', detail: '' });
  }
  if (schema.oneOf !== undefined && schema.oneOf.filter((s) => valid(s, v, pointer)).length !== 1) {
    out.push({ pointer, keyword: 'oneOf', detail: '' });
  }
  if (schema.properties !== undefined && jsonType(v) === 'object') {
    const o = v as Record<string, unknown>;
    const keys = only
      ? [...only.keys()].filter((k) => Object.prototype.hasOwnProperty.call(schema.properties, k))
      : Object.keys(schema.properties);
    for (const k of keys) {
      const sub = schema.properties[k]!;
      if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
      const next = only?.get(k);
      check(
        sub,
        o[k],
        `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        out,
        only && next instanceof Map ? next : undefined,
      );
    }
  }
  if (schema.items !== undefined && Array.isArray(v)) {
    v.forEach((x, i) => {
      const sub = Array.isArray(schema.items) ? schema.items[i] : (schema.items as Schema);
      if (sub !== undefined) check(sub, x, `${pointer}/${i}`, out);
    });
  }
}

function valid(schema: Schema, v: unknown, pointer: string): boolean {
  const out: RawError[] = [];
  check(schema, v, pointer, out);
  return out.length === 0;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return `a ${typeof v}`;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const raw of pointer.split('/').slice(1)) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function describe(e: RawError, root: unknown, dotted: string): string {
  const where = dotted === '' ? 'The values' : `\`${dotted}\``;
  const actual = valueAt(root, e.pointer);
  switch (e.keyword) {
    case 'type':
      return `${where} is ${typeName(actual)}, but the chart's schema accepts only ${e.detail}.`;
    case 'enum':
      return `${where} is ${JSON.stringify(actual)}, which the chart's schema does not allow (allowed: ${e.detail}).`;
    case 'minimum':
      return `${where} is ${JSON.stringify(actual)}, below the chart's minimum of ${e.detail}.`;
    case 'maximum':
      return `${where} is ${JSON.stringify(actual)}, above the chart's maximum of ${e.detail}.`;
    case 'anyOf':
    case 'oneOf':
      return `${where} (${JSON.stringify(actual)}) matches none of the shapes the chart's schema allows here.`;
    default:
      return `${where} is not allowed by the chart's schema.`;
  }
}

/** The errors of raw checks, deduplicated per pointer and kind, with their messages. */
function described(raw: readonly RawError[], json: unknown, pointerBase = ''): SchemaError[] {
  const seen = new Set<string>();
  const out: SchemaError[] = [];
  for (const e of raw) {
    const key = `${e.pointer}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dotted = e.pointer
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
    out.push({
      path: dotted,
      pointer: e.pointer || '/',
      message: describe({ ...e, pointer: e.pointer.slice(pointerBase.length) }, json, dotted),
    });
  }
  return out;
}

/** Per chart (its defaults map): top-level key → the user's value checked last and its errors. */
const byKeyMemo = new WeakMap<object, Map<string, { user: GoValue; errors: SchemaError[] }>>();

/**
 * Checks the coalesced values against the chart's schema. Returns [] when they pass (or there is no schema).
 * One error per key and kind of problem.
 * @param chart identifies the chart the values were coalesced with (its defaults): with it, each top-level key's
 *   errors are remembered with the user's value there, and checked again only when that value changed (the
 *   coalesced value of a key is fixed by the chart's default and the user's value).
 */
export function validateValues(
  schemaText: string | undefined,
  values: Map<string, GoValue>,
  userValues?: Map<string, GoValue>,
  chart?: object,
): SchemaError[] {
  if (schemaText === undefined) return [];
  const schema = schemaOf(schemaText);
  // Per key only under a root that says nothing but "an object with these properties" (every Cilium chart's).
  const plainRoot =
    schema !== true &&
    schema !== false &&
    schema.properties !== undefined &&
    Object.keys(schema).every((k) =>
      ['$schema', 'type', 'properties', 'description', 'title', 'default'].includes(k),
    ) &&
    (schema.type === undefined ||
      schema.type === 'object' ||
      (Array.isArray(schema.type) && schema.type.includes('object')));
  if (!chart || !userValues || !plainRoot || typeof schema === 'boolean' || schema.properties === undefined) {
    const json = valuesToJson(values);
    const raw: RawError[] = [];
    check(schema, json, '', raw, userValues);
    return described(raw, json);
  }
  // The root (a map: always an object) passes; each of the user's top-level keys the schema names is checked, in
  // the user's order (as check() walks them).
  const out: SchemaError[] = [];
  let memo = byKeyMemo.get(chart);
  if (!memo) byKeyMemo.set(chart, (memo = new Map<string, { user: GoValue; errors: SchemaError[] }>()));
  const props = schema.properties;
  for (const [k, u] of userValues) {
    if (!Object.prototype.hasOwnProperty.call(props, k) || !values.has(k)) continue;
    const hit = memo.get(k);
    let errors: SchemaError[];
    if (hit && sameValue(hit.user, u)) errors = hit.errors;
    else {
      const pointer = `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const json = valuesToJson(values.get(k));
      const raw: RawError[] = [];
      check(props[k]!, json, pointer, raw, u instanceof Map ? u : undefined);
      errors = described(raw, json, pointer);
      memo.set(k, { user: plainCopy(u), errors });
    }
    for (const e of errors) out.push(e);
  }
  return out;
}
