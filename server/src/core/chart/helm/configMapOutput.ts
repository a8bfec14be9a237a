// Finds the cilium-config ConfigMap in the rendered cilium-configmap.yaml and attributes to each of its keys
// the chart values read while that key was written (provenance): a read at an output offset inside a key's
// text belongs to that key; a read between two keys (an `if` deciding whether the next key is written)
// belongs to the next key.
import { isMap, isPair, isScalar, parseAllDocuments, type Node, type Pair } from 'yaml';
import { dottedTail, type DataPath, type GoValue } from '../template/index';

export type KeyOrigin = 'user' | 'default' | 'fixed';

export interface RenderedKey {
  /** The value as the ConfigMap holds it (a string). */
  value: string;
  /**
   * Values paths ("bpf.masquerade") read while this key was written, in read order, without repeats: reads
   * inside the key's line, and every read since the previous key (conditions of blocks that wrote nothing
   * included). A superset of `deps`, for deciding what a key may depend on.
   */
  reads: string[];
  /**
   * Values paths this key's text depends on: the conditions of the if/with/range blocks it sits in and what its
   * printed value was computed from (through variables too). What decided the key, for provenance.
   */
  deps: string[];
  /** The part of `deps` the printed value was computed from (empty when the chart writes a literal). */
  valueDeps: string[];
  /**
   * `user`: at least one value it depends on (its value or a condition around it) is set in the user's file;
   * `default`: its value is computed from chart defaults; `fixed`: the chart writes a value of its own (a literal,
   * no values read for it), whatever conditions on chart defaults decided that it is written at all.
   */
  origin: KeyOrigin;
  /** Offsets of the key line in the rendered text: [start of key, end of value). */
  range: [number, number];
}

/** True when the user's values contain `path` (a dotted path; a map on the way counts only if it has the key). */
export function userHas(user: Map<string, GoValue>, path: string): boolean {
  let cur: GoValue = user;
  for (const k of path.split('.')) {
    if (!(cur instanceof Map) || !cur.has(k)) return false;
    cur = cur.get(k);
  }
  return true;
}

/** The text of a scalar as the ConfigMap stores it: quoted or plain, a ConfigMap value is its string. */
function scalarString(node: Node | null): string | undefined {
  if (node === null) return '';
  if (!isScalar(node)) return undefined;
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

type ConfigMapData = Map<string, { value: string; range: [number, number] }> & { dataStart?: number };

/** The cilium-config data of one rendered text: key → string value, in order. Throws on a YAML error. */
export function configMapData(text: string): ConfigMapData | undefined {
  // Duplicate keys are accepted, the last one winning, as Helm and kubectl accept them.
  const docs = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false });
  if (!Array.isArray(docs)) throw new Error('rendered cilium-configmap.yaml is not YAML');
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message.split('\n')[0]!);
    const c = doc.contents;
    if (!isMap(c)) continue;
    const get = (m: { items: Pair<unknown, unknown>[] }, k: string) =>
      m.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as Node | null | undefined;
    const kind = get(c, 'kind');
    const meta = get(c, 'metadata');
    if (!isScalar(kind) || kind.value !== 'ConfigMap' || !isMap(meta)) continue;
    const name = get(meta, 'name');
    if (!isScalar(name) || name.value !== 'cilium-config') continue;
    const data = get(c, 'data');
    const out: ConfigMapData = new Map();
    out.dataStart = data?.range?.[0] ?? 0;
    if (!isMap(data)) return out;
    for (const pair of data.items as Pair<Node, Node | null>[]) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const value = scalarString(pair.value);
      if (value === undefined) continue;
      const start = pair.key.range?.[0] ?? 0;
      const end = pair.value?.range?.[1] ?? pair.key.range?.[1] ?? start;
      out.set(String(pair.key.value), { value, range: [start, end] });
    }
    return out;
  }
  return undefined;
}

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\x0b',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};

/** A one-line double-quoted YAML scalar's value, or undefined if it is not one this reader handles. */
function doubleQuoted(body: string): { value: string; rest: string } | undefined {
  let out = '';
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    if (c === '"') return { value: out, rest: body.slice(i + 1) };
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return undefined;
    const hex = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hex > 0) {
      const h = body.slice(i + 1, i + 1 + hex);
      if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== hex) return undefined;
      out += String.fromCodePoint(parseInt(h, 16));
      i += hex;
    } else if (e in DQ_ESCAPES) out += DQ_ESCAPES[e];
    else return undefined;
  }
  return undefined;
}

/**
 * cilium-config data read line by line, for the usual shape of the rendered template (`  key: value` lines with
 * plain, single- or double-quoted one-line values under `data:`). Anything else (block scalars, continuation
 * lines, flow collections, several ConfigMaps named cilium-config) returns undefined, and the caller falls back
 * to the full YAML parser. Helm's side of the differential test always uses the full parser.
 */
export function quickConfigMapData(text: string): ConfigMapData | undefined {
  const docs: { start: number; text: string }[] = [];
  const re = /^---[ \t]*$/gm;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    docs.push({ start: last, text: text.slice(last, m.index) });
    last = m.index + m[0].length;
  }
  docs.push({ start: last, text: text.slice(last) });
  const hits = docs.filter(
    (d) => /^kind: ConfigMap[ \t]*$/m.test(d.text) && /^ {2}name: cilium-config[ \t]*$/m.test(d.text),
  );
  if (hits.length !== 1) return undefined;
  const doc = hits[0]!;
  const dataLine = /^data:[ \t]*$/m.exec(doc.text);
  if (!dataLine || /^data:/m.test(doc.text.slice(dataLine.index + 5))) return undefined;
  const out: ConfigMapData = new Map();
  let offset = doc.start + dataLine.index + dataLine[0].length;
  const body = text.slice(offset, doc.start + doc.text.length);
  const lines = body.split('\n');
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const lineStart = offset;
    offset += line.length + 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!line.startsWith('  ')) {
      if (/^[A-Za-z]/.test(line)) break; // the next top-level key
      return undefined;
    }
    const m = /^ {2}([A-Za-z0-9_.\-/]+):(?: (.*))?$/.exec(line);
    if (!m) return undefined;
    const raw = (m[2] ?? '').trim();
    let value: string;
    if (raw.startsWith('"')) {
      const dq = doubleQuoted(raw);
      if (!dq || !/^\s*(#.*)?$/.test(dq.rest)) return undefined;
      value = dq.value;
    } else if (raw.startsWith("'")) {
      const sq = /^'((?:[^']|'')*)'\s*(#.*)?$/.exec(raw);
      if (!sq) return undefined;
      value = sq[1]!.replace(/''/g, "'");
    } else {
      const plain = withoutTrailingComment(raw);
      if (/^[#|>[{&*!%@`]/.test(plain) || plain.includes(': ') || plain.endsWith(':')) return undefined;
      value = plain;
      // A plain scalar continued on more-indented lines (the chart writes `controller-group-metrics:` so):
      // the lines are folded with single spaces. Anything less simple goes to the full parser.
      if (plain === raw) {
        let end = lineStart + line.length;
        while (li + 1 < lines.length && /^ {3,}\S/.test(lines[li + 1]!)) {
          const next = lines[++li]!;
          const part = next.trim();
          if (
            /^[-?:,[\]{}#&*!|>'"%@`]/.test(part) ||
            part.includes(': ') ||
            part.includes(' #') ||
            part.includes('\t') ||
            part.endsWith(':')
          )
            return undefined;
          value = value === '' ? part : `${value} ${part}`;
          end = offset + next.length;
          offset += next.length + 1;
        }
        if (end !== lineStart + line.length) {
          out.set(m[1]!, { value, range: [lineStart + 2, end] });
          continue;
        }
      }
    }
    const keyStart = lineStart + 2;
    out.set(m[1]!, { value, range: [keyStart, lineStart + line.length] });
  }
  // As the YAML parser has it: the data map starts at its first key (an empty one is left to the parser).
  const first = out.values().next();
  if (first.done) return undefined;
  out.dataStart = first.value.range[0];
  return out;
}

/**
 * A piece of rendered output and the data paths it depends on (from the engine's spans provenance), as the
 * engine's interned paths: only the keys' own spans are ever turned into dotted values paths.
 */
export interface OutputSpan {
  start: number;
  end: number;
  paths: readonly DataPath[];
  /** The part of `paths` a printed value was computed from (empty for literal text). */
  own: readonly DataPath[];
}

/** Adds the dotted values paths among `paths` ("bpf.masquerade"; not .Capabilities, .Release, …) to `into`. */
function addValuesPaths(into: Set<string>, paths: readonly DataPath[]): void {
  for (const p of paths) if (p.length >= 2 && p[0] === 'Values') into.add(dottedTail(p));
}

/** The values paths of the spans overlapping [start, end), in order, without repeats; and their `own` part. */
function depsIn(
  spans: readonly OutputSpan[],
  start: number,
  end: number,
  from: { i: number },
): { deps: string[]; valueDeps: string[] } {
  const deps = new Set<string>();
  const own = new Set<string>();
  while (from.i < spans.length && spans[from.i]!.end <= start) from.i++;
  for (let k = from.i; k < spans.length && spans[k]!.start < end; k++) {
    addValuesPaths(deps, spans[k]!.paths);
    addValuesPaths(own, spans[k]!.own);
  }
  return { deps: [...deps], valueDeps: [...own] };
}

/** The proper dotted prefixes of a path ("a.b.c" → "a.b", "a"), kept per path: every render asks for the same ones. */
const prefixCache = new Map<string, readonly string[]>();
function dottedPrefixes(p: string): readonly string[] {
  let hit = prefixCache.get(p);
  if (hit) return hit;
  const out: string[] = [];
  for (let cut = p.lastIndexOf('.'); cut >= 0; cut = cut === 0 ? -1 : p.lastIndexOf('.', cut - 1))
    out.push(p.slice(0, cut));
  if (prefixCache.size >= 20_000) prefixCache.clear();
  prefixCache.set(p, (hit = out));
  return hit;
}

/** A rendered key before its origin is known (that depends on the user's file, not on the render). */
export type ConfigMapKeys = Map<string, Omit<RenderedKey, 'origin'>>;

/** The values read while a template ran: the engine's paths and the output offset of each read, in read order. */
export interface ReadLog {
  paths: readonly DataPath[];
  offsets: readonly number[];
}

/** The cilium-config keys of a rendered text with their provenance; undefined when there is no cilium-config. */
export function configMapKeys(
  text: string,
  reads: ReadLog,
  spans: readonly OutputSpan[] = [],
): ConfigMapKeys | undefined {
  const data = quickConfigMapData(text) ?? configMapData(text);
  if (!data) return undefined;
  const entries = [...data.entries()].sort((a, b) => a[1].range[0] - b[1].range[0]);
  const readsOf = new Map<string, string[]>();
  // Reads come in output order (the output only grows); sorted (stably) only if they ever did not.
  const { paths, offsets } = reads;
  let order: number[] | undefined;
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i]! < offsets[i - 1]!) {
      order = offsets.map((_, k) => k).sort((x, y) => offsets[x]! - offsets[y]!);
      break;
    }
  }
  const at = (k: number) => (order ? order[k]! : k);
  // Reads before `data:` (the template's preamble of variables) are not attributed to the first key.
  let ri = 0;
  while (ri < offsets.length && offsets[at(ri)]! < (data.dataStart ?? 0)) ri++;
  for (const [key, { range }] of entries) {
    const mine = new Set<string>();
    // Everything read before this key's end: reads inside its text, and reads since the previous key ended.
    while (ri < offsets.length && offsets[at(ri)]! < range[1]) {
      mine.add(dottedTail(paths[at(ri)]!));
      ri++;
    }
    // Reading `bpf.masquerade` also reads `bpf` on the way: keep only the paths nothing else extends.
    const inner = new Set<string>();
    for (const p of mine) for (const q of dottedPrefixes(p)) inner.add(q);
    readsOf.set(
      key,
      [...mine].filter((p) => !inner.has(p)),
    );
  }
  const out: ConfigMapKeys = new Map();
  const cursor = { i: 0 };
  for (const [key, { value, range }] of entries) {
    const r = readsOf.get(key) ?? [];
    const { deps, valueDeps } = depsIn(spans, range[0], range[1], cursor);
    out.set(key, { value, reads: r, deps, valueDeps, range });
  }
  return out;
}

/**
 * Values paths every key of the ConfigMap depends on: the guards of the whole template (its outer `if
 * .Values.agent … (not .Values.preflight.enabled)`), which decide whether there is a ConfigMap at all, not what
 * one key says. Empty for fewer than three keys (too few to tell a guard from a shared decision).
 */
export function sharedDeps(keys: Iterable<RenderedKey>): Set<string> {
  let common: Set<string> | undefined;
  let n = 0;
  for (const k of keys) {
    n++;
    common = common ? new Set(k.deps.filter((p) => common!.has(p))) : new Set(k.deps);
  }
  return n >= 3 && common ? common : new Set();
}

/**
 * The conditions that decided whether a key is written (not what it says): its dependencies minus its value's
 * own and minus the whole template's guards, without the parents of deeper paths.
 */
export function keyGuards(key: RenderedKey, shared: ReadonlySet<string>): string[] {
  const own = key.deps.filter((p) => !shared.has(p) && !key.valueDeps.includes(p));
  return own.filter((p) => !own.some((q) => q.startsWith(`${p}.`)));
}

/**
 * Every dotted path userHas() is true for in these values, made in one walk: the keys chained through maps, as
 * long as no key on the way holds a dot (a path is split at every dot, so such a key is never reached). Undefined
 * for values nested deeper than any real file (or made of aliases to themselves): ask userHas() then.
 */
function userPathSet(user: Map<string, GoValue>): Set<string> | undefined {
  const out = new Set<string>();
  const stack: [Map<string, GoValue>, string, number][] = [[user, '', 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [m, prefix, depth] = top;
    if (depth > 64) return undefined;
    for (const [k, v] of m) {
      if (k.includes('.')) continue;
      const p = depth === 0 ? k : `${prefix}.${k}`;
      out.add(p);
      if (v instanceof Map) stack.push([v, p, depth + 1]);
    }
  }
  return out;
}

/** The keys with their origin for these user values. */
export function withOrigins(keys: ConfigMapKeys, user: Map<string, GoValue>): Map<string, RenderedKey> {
  const set = userPathSet(user);
  const memo = new Map<string, boolean>();
  const inUser = set
    ? (p: string) => set.has(p)
    : (p: string) => {
        let h = memo.get(p);
        if (h === undefined) memo.set(p, (h = userHas(user, p)));
        return h;
      };
  const out = new Map<string, RenderedKey>();
  for (const [key, k] of keys) {
    const origin: KeyOrigin = k.deps.some(inUser) ? 'user' : k.valueDeps.length === 0 ? 'fixed' : 'default';
    out.set(key, { value: k.value, reads: k.reads, deps: k.deps, valueDeps: k.valueDeps, origin, range: k.range });
  }
  return out;
}

/** `value  # note` → `value` (what `/\s+#.*$/` did, without its quadratic retries on long blank runs). */
function withoutTrailingComment(raw: string): string {
  // `.*$` cannot cross a line break: only a `#` after the last one can start the comment.
  let lastBreak = raw.length - 1;
  while (lastBreak >= 0 && !'\n\r\u2028\u2029'.includes(raw[lastBreak])) lastBreak--;
  for (let hash = raw.indexOf('#', Math.max(1, lastBreak + 1)); hash > 0; hash = raw.indexOf('#', hash + 1)) {
    if (!/\s/.test(raw[hash - 1])) continue;
    let start = hash - 1;
    while (start > 0 && /\s/.test(raw[start - 1])) start--;
    return raw.slice(0, start);
  }
  return raw;
}
