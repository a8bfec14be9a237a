// Helm 4 validates the coalesced values (chart defaults + the user's values) against the chart's
// values.schema.json before rendering anything, and refuses the install when they do not match. Cilium charts
// ship a schema from 1.16 on; it uses only type/properties/items/anyOf/enum, which ajv checks the same way as
// Helm's validator (santhosh-tekuri/jsonschema). The messages are ours; each names the key.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { GoValue } from '../template/index';

export interface SchemaError {
  /** Dotted key path, e.g. "bpf.masquerade" ("" for the whole document). */
  path: string;
  /** JSON pointer as Helm prints it, e.g. "/bpf/masquerade". */
  pointer: string;
  message: string;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(schemaText: string): ValidateFunction {
  const hit = compiled.get(schemaText);
  if (hit) return hit;
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const fn = ajv.compile(JSON.parse(schemaText) as object);
  compiled.set(schemaText, fn);
  return fn;
}

/** Our values as the plain JSON the validator reads (Maps → objects, Go integers → numbers). */
function toJson(v: GoValue): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[k] = toJson(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  return v;
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

function describe(e: ErrorObject, root: unknown, dotted: string): string {
  const where = dotted === '' ? 'The values' : `\`${dotted}\``;
  const actual = valueAt(root, e.instancePath);
  switch (e.keyword) {
    case 'type': {
      const want = String((e.params as { type: string | string[] }).type).split(',').join(' or ');
      return `${where} is ${typeName(actual)}, but the chart's schema accepts only ${want}.`;
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((x) => JSON.stringify(x)).join(', ');
      return `${where} is ${JSON.stringify(actual)}, which the chart's schema does not allow (allowed: ${allowed}).`;
    }
    case 'anyOf':
      return `${where} (${JSON.stringify(actual)}) matches none of the shapes the chart's schema allows here.`;
    case 'required':
      return `${where} lacks \`${(e.params as { missingProperty: string }).missingProperty}\`, which the chart's schema requires.`;
    case 'additionalProperties':
      return `${where} has the key \`${(e.params as { additionalProperty: string }).additionalProperty}\`, which the chart's schema does not know.`;
    default:
      return `${where} breaks the chart's schema (${e.keyword}: ${e.message ?? 'invalid'}).`;
  }
}

/**
 * Checks the coalesced values against the chart's schema. Returns [] when they pass (or there is no schema).
 * One error per key: the validator's sub-errors of a failed `anyOf` are folded into one message.
 */
export function validateValues(schemaText: string | undefined, values: Map<string, GoValue>): SchemaError[] {
  if (schemaText === undefined) return [];
  const validate = validatorFor(schemaText);
  const json = toJson(values);
  if (validate(json)) return [];
  const errors = validate.errors ?? [];
  // An anyOf failure also reports each branch's failure at the same or deeper paths: keep the anyOf only.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && [...anyOfPaths].some((p) => e.schemaPath.includes('/anyOf/') && (e.instancePath === p || e.instancePath.startsWith(`${p}/`)))) continue;
    const dotted = e.instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
    const key = `${e.instancePath}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: dotted, pointer: e.instancePath || '/', message: describe(e, json, dotted) });
  }
  return out;
}
