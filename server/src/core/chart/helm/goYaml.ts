// YAML as Helm sees it. Helm reads values files with sigs.k8s.io/yaml: the text is decoded by a YAML 1.1
// decoder (go-yaml v2 rules: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0777` is octal, `1_000` is 1000, `1e6`
// is a float), converted to JSON (non-string keys become their text) and decoded by encoding/json, so every
// number becomes a float64 (a JS number here) and every mapping a map[string]interface{} (a Map here).
// Checked with the real Helm 4.1.4: `{{ printf "%T" .Values.x }}` prints float64 for 3, 1000000 and 1.5, and a
// key `n:` reaches the templates as "false".
//
// toYaml/fromYaml/toJson follow the same library: output keys sorted, go-yaml v2 quoting (strings that would
// read back as another type are double-quoted, strings that cannot be plain are single-quoted, multi-line
// strings use a literal block) and folding of long plain strings at 80 columns.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { GoObject, type GoValue } from '../template/index';
import { stripTrailing } from '../../textRuns';

export class YamlReadError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem when known. */
    readonly line?: number,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading

const BOOL_TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const BOOL_FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const FLOAT_RE = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** What a plain (unquoted, untagged) scalar means to go-yaml v2. */
export function resolvePlain(text: string): null | boolean | number | string {
  if (NULLS.has(text)) return null;
  if (BOOL_TRUE.has(text)) return true;
  if (BOOL_FALSE.has(text)) return false;
  switch (text) {
    case '.inf':
    case '.Inf':
    case '.INF':
    case '+.inf':
    case '+.Inf':
    case '+.INF':
      return Infinity;
    case '-.inf':
    case '-.Inf':
    case '-.INF':
      return -Infinity;
    case '.nan':
    case '.NaN':
    case '.NAN':
      return NaN;
  }
  const c = text[0]!;
  if (!/[-+.0-9]/.test(c)) return text;
  const plain = text.replace(/_/g, '');
  const asInt = parseGoInt(plain);
  if (asInt !== undefined) return asInt;
  if (plain.startsWith('0b') || plain.startsWith('-0b')) {
    const neg = plain.startsWith('-');
    const digits = plain.slice(neg ? 3 : 2);
    if (/^[01]+$/.test(digits)) return (neg ? -1 : 1) * parseInt(digits, 2);
  }
  if (FLOAT_RE.test(plain)) return Number(plain);
  return text;
}

/** strconv.ParseInt(s, 0, 64) / ParseUint: decimal, 0x hex, 0 octal, 0o octal, 0b binary, with a sign. */
function parseGoInt(s: string): number | undefined {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2]!;
  let n: number;
  if (/^0[xX]/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) n = parseInt(body.slice(2), 8);
  else if (body.length > 1 && body[0] === '0') n = parseInt(body.slice(1), 8);
  else n = parseInt(body, 10);
  return sign * n;
}

/** The JSON key text sigs.k8s.io/yaml gives a non-string mapping key. */
function keyText(k: GoValue): string {
  if (k === null || k === undefined) return 'null';
  if (typeof k === 'number') return Number.isInteger(k) ? String(k) : goFormatFloatG(k);
  return String(k);
}

interface ReadBudget {
  left: number;
  cut?: boolean;
  /** Aliases met so far: a value read through one depends on the rest of the document. */
  aliases: number;
  /** Remember each top-level entry as read (see `readPairs`). */
  memo?: boolean;
}

/**
 * A top-level entry of the values as read, per parsed pair. An editor analyses the whole file on every keystroke,
 * and the incremental parse (parse/sections.ts) keeps the very pair objects of every section the edit did not
 * touch: their values read the same, so only the edited section is read again. Only entries read without an alias
 * are kept (an alias reads another part of the document); the nodes they counted are charged to the budget again.
 * The values are never changed once read (the renderer copies them), so sharing them is safe.
 */
interface ReadPair {
  key: string;
  value: GoValue;
  nodes: number;
}
const readPairs = new WeakMap<object, ReadPair>();

/** Counter for tests: top-level entries of the values read, and those taken from the last read. */
export const valueReadSteps = { read: 0, reused: 0 };

function convertNode(
  node: Node | null | undefined,
  doc: Document,
  depth: number,
  fromAnySchema = false,
  budget?: ReadBudget,
): GoValue {
  if (depth > 1000) throw new YamlReadError('values nested too deeply');
  if (node === null || node === undefined) return null;
  if (budget) budget.left--;
  if (isAlias(node)) {
    if (budget) budget.aliases++;
    // Past the budget an alias reads as null: an alias bomb stays a few nodes instead of hanging the editor.
    if (budget && budget.left < 0) {
      budget.cut = true;
      return null;
    }
    return convertNode(node.resolve(doc), doc, depth + 1, fromAnySchema, budget);
  }
  if (isScalar(node)) {
    const raw = node.value;
    const tag = node.tag;
    // A document parsed with another schema has already typed its plain scalars: take their source text.
    const src = fromAnySchema && node.type === 'PLAIN' ? (node as { source?: string }).source : undefined;
    const text = src ?? (typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw));
    if (fromAnySchema && node.type === 'PLAIN' && src === undefined && typeof raw !== 'string') {
      // No source text kept: the typed value is what YAML 1.1 gave, which is what Helm reads too.
      return typeof raw === 'bigint' ? Number(raw) : (raw as GoValue);
    }
    if (tag === 'tag:yaml.org,2002:str' || tag === '!!str') return text;
    if (tag === 'tag:yaml.org,2002:null') return null;
    if (node.type === 'PLAIN' && (tag === undefined || tag === '!' || tag.startsWith('tag:yaml.org,2002:'))) {
      const v = resolvePlain(text);
      if (typeof v === 'number' && !Number.isFinite(v)) {
        throw new YamlReadError(`the number ${text} cannot be written as JSON`, lineOf(node, doc));
      }
      return v;
    }
    return text;
  }
  if (isMap(node)) {
    const out = new Map<string, GoValue>();
    const merges: GoValue[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const kNode = pair.key as Node | null;
      // A document parsed with merge keys on (the analysis's tree) holds `<<` as a symbol key.
      const mergeKey =
        isScalar(kNode) &&
        (kNode.value === '<<' || (typeof kNode.value === 'symbol' && kNode.value.description === '<<'));
      if (mergeKey && kNode.type === 'PLAIN') {
        const v = convertNode(pair.value as Node, doc, depth + 1, fromAnySchema, budget);
        if (Array.isArray(v)) merges.push(...v);
        else merges.push(v);
        continue;
      }
      const memo = depth === 0 && budget?.memo;
      const known = memo ? readPairs.get(pair) : undefined;
      if (known && budget) {
        valueReadSteps.reused++;
        budget.left -= known.nodes;
        out.set(known.key, known.value);
        continue;
      }
      if (memo) valueReadSteps.read++;
      const left = budget?.left ?? 0;
      const aliases = budget?.aliases ?? 0;
      const k = keyText(convertNode(kNode, doc, depth + 1, fromAnySchema, budget));
      const v = convertNode(pair.value as Node, doc, depth + 1, fromAnySchema, budget);
      out.set(k, v);
      if (memo && budget.aliases === aliases) readPairs.set(pair, { key: k, value: v, nodes: left - budget.left });
    }
    // Merge keys (`<<: *anchor`) give defaults that explicit keys override.
    for (const m of merges) {
      if (!(m instanceof Map)) continue;
      for (const [k, v] of m) if (!out.has(k)) out.set(k, v);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((i) => convertNode(i as Node, doc, depth + 1, fromAnySchema, budget));
  return null;
}

function lineOf(node: Node, doc: Document): number | undefined {
  const off = node.range?.[0];
  if (off === undefined) return undefined;
  const src = (doc as unknown as { _src?: string })._src;
  if (!src) return undefined;
  return src.slice(0, off).split('\n').length;
}

/** A node of an already parsed document (any schema) as Helm would read it from that YAML text. */
/**
 * Past `maxNodes` values (an alias counts each time it is expanded), further aliases read as null: a values
 * file that blows up through aliases stays small instead of hanging the editor (Helm refuses such a file).
 */
export function nodeToGoValue(node: Node | null | undefined, doc: Document, maxNodes = 10_000): GoValue {
  return convertNode(node, doc, 0, true, { left: maxNodes, aliases: 0, memo: true });
}

/**
 * Reads a values file as Helm does. Empty file → empty map. Throws YamlReadError when Helm would refuse it
 * (YAML syntax errors, duplicate keys, a top level that is not a mapping).
 */
export function readValuesYaml(text: string): Map<string, GoValue> {
  // Duplicate keys are accepted, the last one winning (checked with Helm 4.1.4: `x: 1` then `x: 2` gives 2, and
  // a repeated mapping replaces the earlier one instead of merging with it).
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  if (!Array.isArray(docs)) throw new YamlReadError('not a YAML stream');
  // sigs.k8s.io/yaml reads only the first document.
  const doc = docs[0];
  if (!doc) return new Map();
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new YamlReadError(e.message.split('\n')[0]!, e.linePos?.[0]?.line);
  }
  const v = convertNode(doc.contents, doc, 0);
  if (v === null) return new Map();
  if (!(v instanceof Map)) throw new YamlReadError('the values are not a mapping of keys to values');
  return v;
}

/** fromYaml: a mapping, or throws (Helm's fromYaml returns {"Error": msg} instead; the caller decides). */
export function readAnyYaml(text: string): GoValue {
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false });
  if (!Array.isArray(docs)) throw new YamlReadError('not a YAML stream');
  const doc = docs[0];
  if (!doc) return null;
  if (doc.errors.length > 0) throw new YamlReadError(doc.errors[0]!.message.split('\n')[0]!);
  return convertNode(doc.contents, doc, 0);
}

// ---------------------------------------------------------------------------------------------------------
// JSON (encoding/json)

/** Go's strconv.FormatFloat(f, 'g', -1, 64). */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  // JS gives the shortest round-trip digits; pick Go's layout: %e when exp < -4 || exp >= 21 (precision -1
  // uses eprec = 21 when shortest digits ≤ 21).
  const s = f.toExponential(); // shortest digits, e.g. "1.5e+6"
  const [mant, e] = s.split('e') as [string, string];
  const expN = Number(e);
  const digits = mant.replace('-', '').replace('.', '').length;
  const eprec = digits > 21 ? digits : 21;
  if (expN < -4 || expN >= eprec) {
    const sign = expN < 0 ? '-' : '+';
    const abs = Math.abs(expN);
    return `${mant}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(f).includes('e') ? f.toFixed(Math.max(0, digits - 1 - expN)) : String(f);
}

function jsonFloat(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${goFormatFloatG(f)}`);
  const abs = Math.abs(f);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    // Go: 'e' format with the exponent's leading zero removed, e.g. 1e-07 → 1e-7.
    return f.toExponential().replace(/e([-+])0*(\d)/, 'e$1$2');
  }
  return String(f).includes('e') ? withoutTrailingZeros(f.toFixed(20)) : String(f);
}

/** `1.2300` → `1.23`, `5.000` → `5` (what `/\.?0+$/` did, in linear time). */
function withoutTrailingZeros(s: string): string {
  const t = stripTrailing(s, '0');
  return t.length < s.length && t.endsWith('.') ? t.slice(0, -1) : t;
}

function jsonString(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || c === 0x2028 || c === 0x2029 || (escapeHtml && (ch === '<' || ch === '>' || ch === '&'))) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out + '"';
}

/** encoding/json Marshal of a Go value (map keys sorted; toJson escapes <, >, & like Go, toRawJson does not). */
export function toGoJson(v: GoValue, escapeHtml = true): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return jsonFloat(v);
    case 'bigint':
      return v.toString();
    case 'string':
      return jsonString(v, escapeHtml);
    case 'function':
      throw new Error('json: unsupported type: func');
  }
  if (Array.isArray(v)) return `[${v.map((x) => toGoJson(x, escapeHtml)).join(',')}]`;
  if (v instanceof Map) {
    const keys = [...v.keys()].sort(byteOrder);
    return `{${keys.map((k) => `${jsonString(k, escapeHtml)}:${toGoJson(v.get(k), escapeHtml)}`).join(',')}}`;
  }
  if (v instanceof GoObject) {
    const entries = Object.entries(v.fields);
    return `{${entries.map(([k, x]) => `${jsonString(k, escapeHtml)}:${toGoJson(x, escapeHtml)}`).join(',')}}`;
  }
  return 'null';
}

/** Go compares strings byte-wise (UTF-8); for BMP text, UTF-16 order matches except surrogates — good enough. */
export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** encoding/json Unmarshal into interface{}: numbers float64, objects Maps. Throws on bad JSON. */
export function fromGoJson(text: string): GoValue {
  return jsToGo(JSON.parse(text));
}

function jsToGo(v: unknown): GoValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(jsToGo);
  if (typeof v === 'object') {
    const m = new Map<string, GoValue>();
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, jsToGo(x));
    return m;
  }
  return v as GoValue;
}

// ---------------------------------------------------------------------------------------------------------
// Writing (sigs.k8s.io/yaml Marshal = encoding/json, then go-yaml v2 emits the decoded JSON)

/**
 * The value as go-yaml v2 sees it after the JSON round trip: floats that are whole numbers within int64 come
 * back as ints, other numbers as floats; structs as maps of their JSON fields.
 */
type YNode = null | boolean | string | { int: string } | { float: number } | YNode[] | Map<string, YNode>;

function toYNode(v: GoValue): YNode {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'string':
      return v;
    case 'bigint':
      return { int: v.toString() };
    case 'number': {
      const text = jsonFloat(v);
      // go-yaml reads the JSON number text back: an integer literal becomes an int, otherwise a float.
      if (/^-?\d+$/.test(text)) return { int: text };
      return { float: Number(text) };
    }
    case 'function':
      throw new Error('json: unsupported type: func');
  }
  if (Array.isArray(v)) return v.map(toYNode);
  if (v instanceof Map) {
    const m = new Map<string, YNode>();
    for (const [k, x] of v) m.set(k, toYNode(x));
    return m;
  }
  if (v instanceof GoObject) {
    const m = new Map<string, YNode>();
    for (const [k, x] of Object.entries(v.fields)) m.set(k, toYNode(x));
    return m;
  }
  return null;
}

const BEST_WIDTH = 80;

/** go-yaml v2's float text: strconv 'g' with .inf/.nan spellings. */
function yamlFloat(f: number): string {
  if (f === Infinity) return '.inf';
  if (f === -Infinity) return '-.inf';
  if (Number.isNaN(f)) return '.nan';
  return goFormatFloatG(f);
}

/** True when go-yaml would read the plain text back as something other than this string. */
function resolvesToNonString(s: string): boolean {
  const v = resolvePlain(s);
  if (typeof v !== 'string') return true;
  // go-yaml v2 also resolves unquoted timestamps (it quotes them to keep them strings) and base-60 floats.
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ]|$)/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true;
  return false;
}

interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
const isSpace = (c: string | undefined) => c === ' ';
const isBreak = (c: string | undefined) =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';

function isPrintable(c: string): boolean {
  const n = c.codePointAt(0)!;
  return (
    n === 0x0a ||
    (n >= 0x20 && n <= 0x7e) ||
    n === 0x85 ||
    (n >= 0xa0 && n <= 0xd7ff) ||
    (n >= 0xe000 && n <= 0xfffd && n !== 0xfeff) ||
    (n >= 0x10000 && n <= 0x10ffff)
  );
}

/**
 * When an indicator character keeps a scalar from being written plain (in flow context, in block context):
 * always, only when a blank follows it, or only when a blank precedes it.
 */
type IndicatorWhen = 'always' | 'blank after' | 'blank before';

interface Indicator {
  flow?: IndicatorWhen;
  block?: IndicatorWhen;
}

function indicatorHolds(when: IndicatorWhen | undefined, blankBefore: boolean, blankAfter: boolean): boolean {
  return when === 'always' || (when === 'blank after' && blankAfter) || (when === 'blank before' && blankBefore);
}

/** libyaml's indicators as a scalar's first character (yaml_emitter_analyze_scalar, `if (first)`). */
const FIRST_CHAR_INDICATORS: ReadonlyMap<string, Indicator> = new Map<string, Indicator>([
  ...[...'#,[]{}&*!|>\'"%@`'].map((c): [string, Indicator] => [c, { flow: 'always', block: 'always' }]),
  ['?', { flow: 'always', block: 'blank after' }],
  [':', { flow: 'always', block: 'blank after' }],
  ['-', { flow: 'blank after', block: 'blank after' }],
]);

/** libyaml's indicators anywhere after the first character. */
const LATER_CHAR_INDICATORS: ReadonlyMap<string, Indicator> = new Map<string, Indicator>([
  ...[...',?[]{}'].map((c): [string, Indicator] => [c, { flow: 'always' }]),
  [':', { flow: 'always', block: 'blank after' }],
  ['#', { flow: 'blank before', block: 'blank before' }],
]);

/** libyaml's yaml_emitter_analyze_scalar: which styles can write `s` unchanged. */
function analyzeScalar(s: string): ScalarAnalysis {
  if (s.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const chars = [...s];
  const indicators = indicatorsIn(s, chars);
  const first = chars[0]!;
  const last = chars[chars.length - 1]!;
  const lineBreaks = chars.some(isBreak);
  // go-yaml lets the emitter write Unicode, so only an unprintable character is special (not any non-ASCII one).
  const specialCharacters = chars.some((c) => !isPrintable(c));
  // A space right after a line break, a line break right after a space.
  const breakSpace = chars.some((c, i) => i > 0 && isSpace(c) && isBreak(chars[i - 1]));
  const spaceBreak = chars.some((c, i) => i > 0 && isBreak(c) && isSpace(chars[i - 1]));
  const trailingSpace = isSpace(last);
  const plainAllowed = !(
    isSpace(first) ||
    isBreak(first) ||
    trailingSpace ||
    isBreak(last) ||
    breakSpace ||
    spaceBreak ||
    specialCharacters ||
    lineBreaks
  );
  return {
    multiline: lineBreaks,
    flowPlainAllowed: plainAllowed && !indicators.flow,
    blockPlainAllowed: plainAllowed && !indicators.block,
    singleQuotedAllowed: !(breakSpace || spaceBreak || specialCharacters),
    blockAllowed: !(trailingSpace || spaceBreak || specialCharacters),
  };
}

/** Whether an indicator in `s` (its `chars`) keeps it from being written plain in flow and in block context. */
function indicatorsIn(s: string, chars: readonly string[]): { flow: boolean; block: boolean } {
  const documentMarker = s.startsWith('---') || s.startsWith('...');
  let flow = documentMarker;
  let block = documentMarker;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const indicator = (i === 0 ? FIRST_CHAR_INDICATORS : LATER_CHAR_INDICATORS).get(c);
    if (indicator) {
      const followedByWhitespace = isBlank(chars[i + 1]);
      if (indicatorHolds(indicator.flow, precededByWhitespace, followedByWhitespace)) flow = true;
      if (indicatorHolds(indicator.block, precededByWhitespace, followedByWhitespace)) block = true;
    }
    precededByWhitespace = isBlank(c);
  }
  return { flow, block };
}

/** The one-letter escapes of a double-quoted scalar (libyaml's yaml_emitter_write_double_quoted). */
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\x0b': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** How a double-quoted scalar writes `c` after its backslash: a one-letter escape, else its code point in hex. */
function doubleQuotedEscape(c: string): string {
  if (Object.prototype.hasOwnProperty.call(SHORT_ESCAPES, c)) return SHORT_ESCAPES[c]!;
  const n = c.codePointAt(0)!;
  const hex = n.toString(16).toUpperCase();
  return n <= 0xff ? `x${hex.padStart(2, '0')}` : n <= 0xffff ? `u${hex.padStart(4, '0')}` : `U${hex.padStart(8, '0')}`;
}

class Emitter {
  out = '';
  column = 0;

  write(s: string): void {
    this.out += s;
    const nl = s.lastIndexOf('\n');
    this.column = nl < 0 ? this.column + [...s].length : [...s.slice(nl + 1)].length;
  }

  newline(indent: number): void {
    this.out += '\n' + ' '.repeat(indent);
    this.column = indent;
  }

  /** Writes a string scalar the way go-yaml v2 picks and lays out its style. `indent`: continuation indent. */
  stringScalar(s: string, indent: number, simpleKey: boolean): void {
    const a = analyzeScalar(s);
    let style: 'plain' | 'single' | 'double' | 'literal';
    if (s.includes('\n') && !simpleKey) style = 'literal';
    else if (resolvesToNonString(s)) style = 'double';
    else style = 'plain';
    if (style === 'plain' && (!a.blockPlainAllowed || s.length === 0 || (simpleKey && a.multiline))) style = 'single';
    if (style === 'single' && (!a.singleQuotedAllowed || (simpleKey && a.multiline))) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
    switch (style) {
      case 'plain':
        return this.writeFolded(s, indent, !simpleKey);
      case 'single':
        this.write("'");
        this.writeFolded(s.replace(/'/g, "''"), indent, !simpleKey);
        return this.write("'");
      case 'double':
        return this.writeDouble(s, indent, !simpleKey);
      case 'literal':
        return this.writeLiteral(s, indent);
    }
  }

  /**
   * Whether the space at chars[i] becomes a line break: breaks are allowed, the line is past 80 columns and the
   * space is the first of its run (the ends of the text and the space before another one are decided by the style).
   */
  private foldsAt(chars: readonly string[], i: number, allowBreaks: boolean): boolean {
    return allowBreaks && chars[i] === ' ' && chars[i - 1] !== ' ' && this.column > BEST_WIDTH;
  }

  /** Plain or single-quoted text: a space becomes a line break once the line is past 80 columns. */
  private writeFolded(s: string, indent: number, allowBreaks: boolean): void {
    const chars = [...s];
    for (let i = 0; i < chars.length; i++) {
      // Never the last character, nor a space followed by another: go-yaml keeps those on the line.
      if (this.foldsAt(chars, i, allowBreaks) && i + 1 < chars.length && chars[i + 1] !== ' ') this.newline(indent);
      else this.write(chars[i]!);
    }
  }

  private writeDouble(s: string, indent: number, allowBreaks: boolean): void {
    this.write('"');
    const chars = [...s];
    for (let i = 0; i < chars.length; i++) {
      const c = chars[i]!;
      if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
        this.write(`\\${doubleQuotedEscape(c)}`);
      } else if (this.foldsAt(chars, i, allowBreaks) && i !== 0 && i !== chars.length - 1) {
        this.newline(indent);
        // A space that starts the next line would be folded away when read: escape it.
        if (chars[i + 1] === ' ') this.write('\\');
      } else {
        this.write(c);
      }
    }
    this.write('"');
  }

  private writeLiteral(s: string, indent: number): void {
    let chomp = '';
    if (!s.endsWith('\n')) chomp = '-';
    else if (s.length === 1 || isBreak(s[s.length - 2])) chomp = '+';
    const indicator = s.startsWith(' ') || s.startsWith('\n') ? String(2) : '';
    this.write(`|${indicator}${chomp}`);
    const body = s.endsWith('\n') ? s.slice(0, -1) : s;
    for (const line of body.split('\n')) {
      if (line.length === 0) {
        this.out += '\n';
        this.column = 0;
      } else {
        this.newline(indent);
        this.write(line);
      }
    }
  }

  scalar(v: YNode, indent: number, simpleKey = false): void {
    if (v === null) return this.write('null');
    if (typeof v === 'boolean') return this.write(v ? 'true' : 'false');
    if (typeof v === 'string') return this.stringScalar(v, indent, simpleKey);
    if (!Array.isArray(v) && !(v instanceof Map)) {
      if ('int' in v) return this.write(v.int);
      return this.write(yamlFloat(v.float));
    }
  }

  /** A node in block context. `indent` is the indentation of this node's own entries. */
  node(v: YNode, indent: number): void {
    if (v instanceof Map) {
      if (v.size === 0) return this.write('{}');
      const keys = [...v.keys()].sort(byteOrder);
      keys.forEach((k, i) => {
        if (i > 0) this.newline(indent);
        this.scalar(k, indent, true);
        this.write(':');
        this.value(v.get(k)!, indent, false);
      });
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return this.write('[]');
      v.forEach((x, i) => {
        if (i > 0) this.newline(indent);
        this.write('-');
        this.value(x, indent, true);
      });
      return;
    }
    this.scalar(v, indent);
  }

  /** The value after `key:` or `-`. */
  private value(v: YNode, parentIndent: number, inSeq: boolean): void {
    if (v instanceof Map && v.size > 0) {
      if (inSeq) {
        // go-yaml writes the first key of a mapping in a list on the dash line.
        this.write(' ');
        this.node(v, parentIndent + 2);
      } else {
        this.newline(parentIndent + 2);
        this.node(v, parentIndent + 2);
      }
      return;
    }
    if (Array.isArray(v) && v.length > 0) {
      if (inSeq) {
        this.write(' ');
        this.node(v, parentIndent + 2);
      } else {
        // A list inside a mapping is not indented further (go-yaml v2).
        this.newline(parentIndent);
        this.node(v, parentIndent);
      }
      return;
    }
    this.write(' ');
    if (v instanceof Map || Array.isArray(v))
      this.node(v, parentIndent + 2); // empty: {} or []
    else this.scalar(v, parentIndent + 2);
  }
}

/** sigs.k8s.io/yaml Marshal (what Helm's toYaml returns before trimming the final newline). */
export function toGoYaml(v: GoValue): string {
  const node = toYNode(v);
  const e = new Emitter();
  e.node(node, 0);
  return e.out + '\n';
}
