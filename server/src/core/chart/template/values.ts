// The value model shared by the template engine and its callers (the Helm layer). Go's dynamic values map
// onto plain JavaScript values so callers can build data without wrapping everything:
//
//   Go                              JavaScript
//   nil (untyped or interface)      null (undefined is accepted in data and treated the same)
//   bool                            boolean
//   string                          string
//   float64 (and float32)           number
//   int, int64, uint8, ... (any     bigint — every Go integer kind compares with every other, as Go's
//   integer kind)                   template comparisons do; they print as Go prints integers
//   map[string]interface{}          Map<string, GoValue>  (ranged and printed in sorted key order)
//   []interface{} (any slice)       GoValue[]
//   struct / pointer with methods   GoObject (named fields and methods: .Release.Name, .Files.Get "f")
//   func value (for `call`)         a JavaScript function
//
// Plain JavaScript objects are NOT Go maps: use Map so key order, `len` and `index` behave like Go's.

/** A Go method or function: receives Go values, returns one. Throw an Error to return a Go error. */
export type GoFunc = (...args: GoValue[]) => GoValue;

/** A Go `map[string]interface{}`. */
export type GoMap = Map<string, GoValue>;

/** Any value the engine can hold. */
export type GoValue = null | undefined | boolean | string | number | bigint | GoValue[] | GoMap | GoObject | GoFunc;

/**
 * A Go struct (or pointer to struct) seen through the template: exported fields and methods by name.
 * Methods win over fields of the same name, as in Go. A method is called with the arguments written after it
 * in the template (`.Files.Get "configs/x"`), or with none when it is the last element of a field chain.
 */
export class GoObject {
  constructor(
    /** Go type name used in error messages, e.g. `*chartutil.Capabilities`. */
    readonly typeName: string,
    /** Exported fields by name. */
    readonly fields: Readonly<Record<string, GoValue>> = {},
    /** Exported methods by name. */
    readonly methods: Readonly<Record<string, GoFunc>> = {},
    /**
     * How the object prints with `{{ . }}`, `print` or `%v`/`%s`: Go calls a `String()` method when the type
     * has one (e.g. Helm's KubeVersion prints `v1.30.0`). Without it the engine prints `{field1 field2}`
     * in the order of `fields`, as Go prints a struct.
     */
    readonly stringer?: () => string,
  ) {}

  hasField(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.fields, name);
  }

  hasMethod(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.methods, name);
  }
}

/** Go's truth: false, 0, nil, and empty strings/slices/maps are false; everything else is true. */
export function isTrue(v: GoValue): boolean {
  if (v === null || v === undefined) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v.length > 0;
    case 'number':
      return v !== 0;
    case 'bigint':
      return v !== 0n;
    case 'function':
      return true;
    default:
      if (Array.isArray(v)) return v.length > 0;
      if (v instanceof Map) return v.size > 0;
      return true; // structs are always true
  }
}

/** The reflect.Kind of a value's Go type (Sprig's kindOf prints it): what each JavaScript representation stands for. */
export type GoKind = 'invalid' | 'bool' | 'string' | 'float64' | 'int' | 'func' | 'slice' | 'map' | 'ptr';

export function goKind(v: GoValue): GoKind {
  if (v === null || v === undefined) return 'invalid';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
  }
  if (Array.isArray(v)) return 'slice';
  if (v instanceof Map) return 'map';
  return 'ptr'; // a GoObject: a pointer to a struct
}

/** The type name of each kind, as `%T` prints it; a struct (kind `ptr`) prints its own name. */
const TYPE_NAMES: Readonly<Record<Exclude<GoKind, 'ptr'>, string>> = {
  invalid: '<nil>',
  bool: 'bool',
  string: 'string',
  float64: 'float64',
  int: 'int',
  func: 'func(...interface {}) (interface {}, error)',
  slice: '[]interface {}',
  map: 'map[string]interface {}',
};

/** The Go type name of a value, as Go's `%T` and error messages show it. */
export function goTypeName(v: GoValue): string {
  const kind = goKind(v);
  if (kind !== 'ptr') return TYPE_NAMES[kind];
  return v instanceof GoObject ? v.typeName : 'interface {}';
}

/** True for null/undefined (Go's nil). */
export function isNil(v: GoValue): v is null | undefined {
  return v === null || v === undefined;
}

/**
 * Go parameter types a function may declare (see withSignature). `int` accepts any integer (bigint): the value
 * model does not keep Go's int/int64 distinction.
 */
export type GoParamType =
  'interface {}' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'map[string]interface {}' | '[]interface {}';

export interface GoSignature {
  readonly params: readonly GoParamType[];
  /** Type of the `...` parameter after `params`, if the function is variadic. */
  readonly variadic?: GoParamType;
}

const SIGNATURES = new WeakMap<GoFunc, GoSignature>();

/**
 * Declares a function's Go parameter types, so the engine checks calls as Go does before calling it: argument
 * count (`wrong number of args for F: want 2 got 1`), literal types (`expected integer; found "x"`) and value
 * types (`wrong type for value; expected string; got float64`), with Go's texts and error position. Without a
 * signature a function receives whatever it is given and checks its arguments itself.
 */
export function withSignature<F extends GoFunc>(fn: F, params: readonly GoParamType[], variadic?: GoParamType): F {
  SIGNATURES.set(fn, variadic === undefined ? { params } : { params, variadic });
  return fn;
}

export function signatureOf(fn: GoFunc): GoSignature | undefined {
  return SIGNATURES.get(fn);
}
