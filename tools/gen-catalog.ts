// Generates server/src/core/knowledge/catalog.json, the key catalog of the Cilium Helm chart of every supported minor, from
// the upstream chart files copied to ../shared/cilium-charts (see its SOURCES.md). The catalog is committed, so
// nothing needs ../shared at run time; re-run this after changing the charts or this script.
//
//   node --import tsx tools/gen-catalog.ts [chartsDir] [outFile]
//
// chartsDir defaults to <repo>/../shared/cilium-charts and outFile to <repo>/server/src/core/knowledge/catalog.json,
// where <repo> is resolved from this script's own location (import.meta.url), so the working directory does
// not matter. The output is deterministic (sorted keys, one catalog key per line): re-running gives no diff.
// Commented-out keys found per version are listed on stderr so a human can eyeball the heuristic.
//
// What goes in (facts only, never upstream comment text):
// - every key of every mapping in values.yaml, with its default per version; lists are not descended into;
// - types from the YAML values and values.schema.json (1.16+);
// - `open` maps (free-form user keys) get no child entries;
// - keys documented only as commented-out examples (`# mode: snat`), marked `commented` for that version.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parse as parseYaml,
  parseDocument,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import {
  CatalogSchema,
  joinPath,
  type CatalogJson,
  type CatalogKey,
  type CatalogSource,
  type CatalogVersionEntry,
  type JsonType,
} from '../server/src/core/knowledge/catalogSchema';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';
import { checkSourcesAgree, tableSources } from './versionSources';

export const CATALOG_VERSIONS = SUPPORTED_VERSIONS;

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(scriptDir, '..');
export const DEFAULT_CHARTS_DIR = path.resolve(REPO_ROOT, '../shared/cilium-charts');
export const DEFAULT_OUT_FILE = path.resolve(REPO_ROOT, 'server/src/core/knowledge/catalog.json');

/** Maps the chart passes through to Kubernetes objects or templates verbatim: any key is valid below them. */
const OPEN_NAMES = new Set([
  'annotations',
  'podAnnotations',
  'labels',
  'podLabels',
  'nodeSelector',
  'extraConfig',
  'resources',
  'securityContext',
  'podSecurityContext',
  'affinity',
  'updateStrategy',
  'extraEnv',
  'tolerations',
  'topologySpreadConstraints',
  'startupProbe',
  'livenessProbe',
  'readinessProbe',
  'extraArgs',
  'initResources',
  'customCalls',
]);
const OPEN_SUFFIX = /(Annotations|Labels|Selector)$/;
/** Object/array defaults whose JSON is at least this long are not stored (keeps the catalog small). */
const BIG_DEFAULT_CHARS = 200;

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
}

function jsonTypeOf(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const JSON_TYPE_NAMES = new Set<string>(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);

/** JSON types a schema node allows: its `type`, the types of its oneOf/anyOf branches and of its enum values. */
function schemaTypes(node: SchemaNode | undefined): Set<JsonType> {
  const out = new Set<JsonType>();
  if (!node) return out;
  const t = node.type;
  for (const name of Array.isArray(t) ? t : t ? [t] : []) if (JSON_TYPE_NAMES.has(name)) out.add(name as JsonType);
  for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? [])]) for (const x of schemaTypes(branch)) out.add(x);
  for (const e of node.enum ?? []) out.add(jsonTypeOf(e));
  return out;
}

function schemaHasProperties(node: SchemaNode): boolean {
  return node.properties !== undefined || [...(node.oneOf ?? []), ...(node.anyOf ?? [])].some(schemaHasProperties);
}

/**
 * Whether users may put arbitrary keys in this map. Only keys that can hold a map qualify (a boolean named
 * `...Labels` is not a map), judged from the YAML value and, where there is one, the schema.
 */
function isOpen(name: string, value: unknown, schema: SchemaNode | undefined): boolean {
  const sTypes = schemaTypes(schema);
  const canBeMap =
    isPlainObject(value) || (value === null && (sTypes.size === 0 || sTypes.has('object'))) || sTypes.has('object');
  if (!canBeMap) return false;
  if (OPEN_NAMES.has(name) || OPEN_SUFFIX.test(name)) return true;
  if (isPlainObject(value) && Object.keys(value).length === 0) return true;
  if (schema && sTypes.has('object') && !schemaHasProperties(schema)) return true;
  return false;
}

/** Per-key data collected over all versions before it is written out. */
interface KeyAcc {
  types: Set<JsonType>;
  /** A schema said something about this key's type in some version. */
  schemaTyped: boolean;
  /** Types of commented examples; used only when nothing else is known about the key. */
  exampleTypes: Set<JsonType>;
  versions: Map<string, { entry: CatalogVersionEntry; open: boolean }>;
}

/** A real key line of values.yaml, as the commented-key scan needs it. */
interface RealLine {
  col: number;
  /** Catalog path, or null when the key is not in the catalog (inside a list, below an open map). */
  path: string | null;
  /** Commented keys may live below it: it is a structured (non-open) map in the catalog. */
  container: boolean;
  /** Its value is `{}`, `[]` or a free-form map: comments right below may show its content (scanCommented). */
  swallow: boolean;
}

interface VersionScan {
  /** Real keys of this version: path → default and openness. */
  real: Map<string, { value: unknown; open: boolean; schema: SchemaNode | undefined }>;
  lines: Map<number, RealLine>;
  /** Lines inside multi-line scalars or flow collections: a `#` there is content, not a comment. */
  opaque: Set<number>;
}

function scanReal(doc: Document, lc: LineCounter, schemaRoot: SchemaNode | undefined): VersionScan {
  const scan: VersionScan = { real: new Map(), lines: new Map(), opaque: new Set() };
  const lineOf = (offset: number) => lc.linePos(offset).line - 1;
  const colOf = (offset: number) => lc.linePos(offset).col - 1;

  const markOpaque = (node: Node | null | undefined) => {
    if (!node || !node.range) return;
    const multiline = isScalar(node) || ((isMap(node) || isSeq(node)) && (node as YAMLMap).flow);
    if (!multiline) return;
    const first = lineOf(node.range[0]);
    const last = lineOf(Math.max(node.range[0], node.range[1] - 1));
    for (let l = first + 1; l <= last; l++) scan.opaque.add(l);
  };

  const walkSeq = (seq: YAMLSeq) => {
    if (seq.flow) return markOpaque(seq);
    for (const item of seq.items as (Node | null)[]) {
      if (isMap(item)) walkMap(item, null, undefined, undefined);
      else if (isSeq(item)) walkSeq(item);
      else markOpaque(item);
    }
  };

  const walkMap = (map: YAMLMap, parent: string | null, js: unknown, schema: SchemaNode | undefined) => {
    if (map.flow) return markOpaque(map);
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      if (!isScalar(keyNode) || !keyNode.range)
        throw new Error(`non-scalar key in values.yaml near offset ${keyNode?.range?.[0]}`);
      const name = String(keyNode.value);
      const value = isPlainObject(js) ? js[name] : undefined;
      let p: string | null = null;
      let open = false;
      let childSchema: SchemaNode | undefined;
      if (parent !== null) {
        p = joinPath(parent, name);
        childSchema = schema?.properties?.[name];
        open = isOpen(name, value ?? null, childSchema);
        scan.real.set(p, { value: value ?? null, open, schema: childSchema });
      }
      const container = p !== null && !open && isMap(valueNode);
      const line = lineOf(keyNode.range[0]);
      // Several pairs on one line only happen in flow maps (already opaque); keep the block key.
      if (!scan.lines.has(line)) {
        const emptyFlow =
          (isMap(valueNode) || isSeq(valueNode)) &&
          (valueNode as YAMLMap).flow === true &&
          (valueNode as YAMLMap).items.length === 0;
        scan.lines.set(line, { col: colOf(keyNode.range[0]), path: p, container, swallow: emptyFlow || open });
      }
      if (isMap(valueNode)) walkMap(valueNode, container ? p : null, value, childSchema);
      else if (isSeq(valueNode)) walkSeq(valueNode);
      else markOpaque(valueNode);
    }
  };

  const root = doc.contents;
  if (!isMap(root)) throw new Error('values.yaml: top level is not a mapping');
  walkMap(root, '', doc.toJS(), schemaRoot);
  return scan;
}

/** A key found only as a commented-out example. */
interface CommentedKey {
  path: string;
  line: number;
  /** The example's scalar value, when it shows one. */
  example?: string | number | boolean;
  /** The JSON type of the example's value (also for list/map examples, which are not stored). */
  exampleType?: JsonType;
  /** Commented keys were found below it: it is a map. */
  hasChildren: boolean;
  /** A commented list (`# - ...`) follows it: it is a list. */
  hasList: boolean;
  open: boolean;
}

type StackEntry =
  | ({ kind: 'real' } & RealLine)
  | { kind: 'commented'; c: number; k: number; key?: CommentedKey; realPath?: string; container: boolean; run: number }
  | { kind: 'list'; k: number };

const COMMENT_LINE = /^(\s*)#(.*)$/;
/** `key:` or `key: value` after the `#`; the key has no spaces (prose such as `Possible values:` never matches). */
const COMMENT_KEY = /^( *)([^\s:#"'@-][^\s:]*|"[^"]+"|'[^']+'):(?:[ \t]+(.*))?$/;
const CAMEL_KEY = /^[a-z][A-Za-z0-9]*$/;

/**
 * Commented keys upstream wrote at the wrong indentation, found by reading the chart templates' use of them:
 * detected path → the map they really belong to. A target below an open map drops them (the map takes any key).
 */
const MISPLACED: Record<string, string> = {
  // `ipMasqAgent:\n  enabled: false\n# config:\n#   nonMasqueradeCIDRs: []`: the templates read .Values.ipMasqAgent.config.
  config: 'ipMasqAgent',
  // From 1.16 `maglev: {}` is followed by `# tableSize:` / `# hashSeed:` at column 0 (indented in 1.12..1.15).
  tableSize: 'maglev',
  hashSeed: 'maglev',
};

/**
 * Finds keys that values.yaml documents only as commented-out examples, e.g. under `loadBalancer:` the line
 * `  # mode: snat`, or top-level `#kubeProxyReplacement: "false"`. Heuristic, tuned to miss rather than
 * invent:
 * - a candidate is a comment line `# key:` / `# key: value` with a camelCase key and a value that is not prose
 *   (no URL, no unquoted words separated by spaces); `# --` doc lines and `@schema` blocks are skipped;
 * - its parent is found with a stack of the keys seen so far: real keys by their column, commented keys by
 *   the column of their text (`#` column + 1 + spaces after `#`), so `# foo:` / `#   bar: 1` nest;
 * - a candidate indented deeper than the first line of its comment block (a run of comment lines) must
 *   nest under a commented key of that same block; otherwise it is part of an example inside a doc comment
 *   (`# Example:` / `#   redact:` / `#     enabled: true`) and is dropped with everything below it;
 * - a block that starts with a key right below a real key at the same column, or right below that key's
 *   content, (no blank line, no doc line first) shows that key's value when the key is empty or free-form:
 *   `tmpVolume: {}` / `# emptyDir:`, or `securityContext:` ... `drop: [ALL]` / `# runAsUser: 0`: dropped;
 * - children of lists, scalars, open maps and dropped lines are dropped.
 */
function scanCommented(lines: string[], scan: VersionScan): { found: CommentedKey[]; dropped: string[] } {
  const found = new Map<string, CommentedKey>();
  const dropped: string[] = [];
  const stack: StackEntry[] = [];
  let run = 0;
  let runBase: number | undefined;
  let runSwallowed = false;
  let inSchemaBlock = false;
  /** The non-comment line right before the current comment block: its indentation and, if a key, the key. */
  let prevContent: { col: number; real?: RealLine } | undefined;
  let prevLineWasComment = false;
  let runFollows: { col: number; real?: RealLine } | undefined;

  const popCommentedFrom = (k: number) => {
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.kind === 'real' || top.k < k) break;
      stack.pop();
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = scan.opaque.has(i) ? null : COMMENT_LINE.exec(line);
    if (!m) {
      // Not a comment: a blank line, a real key, or other content. Any of these ends the comment block.
      prevLineWasComment = false;
      run++;
      runBase = undefined;
      runSwallowed = false;
      inSchemaBlock = false;
      const real = scan.opaque.has(i) ? undefined : scan.lines.get(i);
      if (line.trim() === '') prevContent = undefined;
      else prevContent = { col: line.length - line.trimStart().length, real };
      if (real) {
        while (stack.length > 0) {
          const top = stack[stack.length - 1];
          const pop =
            top.kind === 'real'
              ? top.col >= real.col
              : top.kind === 'list'
                ? top.k >= real.col
                : top.c >= real.col || top.k > real.col;
          if (!pop) break;
          stack.pop();
        }
        stack.push({ kind: 'real', ...real });
      }
      continue;
    }
    if (!prevLineWasComment) runFollows = prevContent;
    prevLineWasComment = true;
    const c = m[1].length;
    const rest = m[2];
    const trimmed = rest.trim();
    if (/^@schema@?$/.test(trimmed)) {
      inSchemaBlock = !inSchemaBlock;
      continue;
    }
    if (inSchemaBlock || trimmed === '' || trimmed.startsWith('#')) continue;
    // Text column. `#key: v` (no space) is read as `# key: v`, so it lines up with its siblings.
    const t = c + 1 + Math.max(1, rest.length - rest.trimStart().length);
    const firstOfRun = runBase === undefined;
    if (firstOfRun) runBase = t;

    if (trimmed === '-' || trimmed.startsWith('- ')) {
      // A commented list item: its parent key (same or shallower column) is a list; nothing below is a key.
      while (stack.length > 0) {
        const top = stack[stack.length - 1];
        if (top.kind !== 'real' && top.k > t) stack.pop();
        else break;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'commented' && top.key && top.k <= t) top.key.hasList = true;
      stack.push({ kind: 'list', k: t });
      continue;
    }

    const km = COMMENT_KEY.exec(trimmed);
    const rawValue = km?.[3]?.replace(/\s+#.*$/, '').trim() ?? '';
    const proseValue =
      /^[a-z]+:\/\//i.test(rawValue) || (!/^["'[{]/.test(rawValue) && /\s/.test(rawValue)) || rawValue.endsWith(':');
    if (!km || proseValue || trimmed.startsWith('--')) {
      // Prose closes any commented keys at or right of its column; a `# --` doc line starts the next
      // documented key, so it also closes commented keys written with their `#` at or right of its `#`.
      popCommentedFrom(t);
      if (trimmed.startsWith('--')) {
        while (stack.length > 0) {
          const top = stack[stack.length - 1];
          if (top.kind === 'commented' && top.c >= c) stack.pop();
          else break;
        }
      }
      continue;
    }
    if (firstOfRun && runFollows && runFollows.col >= c) {
      // The block hangs right below the key at this column or its content: if that key is empty or
      // free-form, the block shows what goes inside it.
      let owner: StackEntry | undefined;
      for (let j = stack.length - 1; j >= 0 && !owner; j--) {
        const e = stack[j];
        if (e.kind === 'real' && e.col <= c) owner = e;
      }
      if (owner?.kind === 'real' && owner.col === c && owner.swallow) runSwallowed = true;
    }
    // A block scalar (`content: |`) has a value but no example we can show.
    const blockScalar = /^[|>]/.test(rawValue);
    let value: unknown;
    let parsedOk = true;
    if (rawValue !== '' && !blockScalar) {
      try {
        value = parseYaml(rawValue);
      } catch {
        parsedOk = false;
      }
    }
    const name = km[2];
    const k = t;

    // Find the parent: the innermost key left of this one.
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const pop = top.kind === 'real' ? top.col >= c : top.k >= k;
      if (!pop) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    let parentPath: string | null;
    let parentOk: boolean;
    if (!parent) {
      parentPath = '';
      parentOk = true;
    } else if (parent.kind === 'real') {
      parentPath = parent.path;
      parentOk = parent.container;
    } else if (parent.kind === 'commented') {
      parentPath = parent.key?.path ?? parent.realPath ?? null;
      parentOk = parent.container;
    } else {
      parentPath = null;
      parentOk = false;
    }
    let why = '';
    if (runSwallowed) why = 'continues the value above';
    // Deeper than its block's first line: only valid below a commented key of the same block.
    else if (k > runBase! && !(parent?.kind === 'commented' && parent.run === run))
      why = 'example inside a doc comment';
    if (parentPath === '' && MISPLACED[name] !== undefined) {
      parentPath = MISPLACED[name];
      const target = scan.real.get(parentPath);
      if (!target || target.open) why ||= `misplaced upstream, belongs below open ${parentPath}`;
    }

    const valid = why === '' && parentOk && parentPath !== null && CAMEL_KEY.test(name) && parsedOk;
    if (!valid) {
      // Report only the top of each dropped subtree, and nothing below lists/scalars/open maps (expected).
      const parentDropped = parent?.kind === 'commented' && !parent.key && !parent.realPath;
      if (why !== '' && CAMEL_KEY.test(name) && parentOk && !parentDropped) dropped.push(`L${i + 1} ${name} (${why})`);
      stack.push({ kind: 'commented', c, k, container: false, run });
      continue;
    }
    const p = joinPath(parentPath!, name);
    if (parent?.kind === 'commented' && parent.key) parent.key.hasChildren = true;
    const emptyValue = !blockScalar && (rawValue === '' || value === null);
    const realHere = scan.real.get(p);
    if (realHere) {
      // A real key in this version: the comment only shows an example value. Commented keys may nest under
      // it only if it is a structured map.
      const container = !realHere.open && isPlainObject(realHere.value) && emptyValue;
      stack.push({ kind: 'commented', c, k, realPath: p, container, run });
      continue;
    }
    let key = found.get(p);
    const open = emptyValue && (OPEN_NAMES.has(name) || OPEN_SUFFIX.test(name));
    if (!key) {
      key = { path: p, line: i + 1, hasChildren: false, hasList: false, open };
      if (!emptyValue && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
        key.example = value;
      if (blockScalar) key.exampleType = 'string';
      else if (!emptyValue) key.exampleType = jsonTypeOf(value);
      found.set(p, key);
    }
    stack.push({ kind: 'commented', c, k, key, container: emptyValue && !open, run });
  }
  return { found: [...found.values()], dropped };
}

/** Parses SOURCES.md's table into version → tag and commit. */
function readSources(chartsDir: string): Record<string, CatalogSource> {
  const text = readFileSync(path.join(chartsDir, 'SOURCES.md'), 'utf8');
  const out: Record<string, CatalogSource> = {};
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((s) => s.trim());
    const folder = /^v(1\.\d+)$/.exec(cells[1] ?? '');
    if (!folder) continue;
    const tag = /v\d+\.\d+\.\d+[^\s)]*/.exec(cells[5] ?? '')?.[0];
    const commit = /\b[0-9a-f]{40}\b/.exec(cells[6] ?? '')?.[0];
    if (!tag || !commit) throw new Error(`SOURCES.md: cannot read tag/commit for v${folder[1]}: ${line}`);
    out[folder[1]] = {
      tag,
      commit,
      ...(/-pre|-rc|PRE-RELEASE/i.test(`${tag} ${cells[2]}`) ? { prerelease: true as const } : {}),
    };
  }
  return out;
}

export interface GenerateOptions {
  /** Receives the per-version report of commented keys (the CLI prints it to stderr). */
  log?: (line: string) => void;
}

/** Builds the catalog from the chart files in chartsDir (v1.NN/values.yaml, values.schema.json, SOURCES.md). */
export function generateCatalog(chartsDir: string, options: GenerateOptions = {}): CatalogJson {
  const log = options.log ?? (() => {});
  if (!existsSync(chartsDir))
    throw new Error(`Cilium chart files not found at ${chartsDir} (expected v1.NN/values.yaml and SOURCES.md)`);
  // Only the versions we support: a newer folder in ../shared (a new pre-release) must not change the catalog
  // until that version is added to CATALOG_VERSIONS on purpose.
  // The release of each minor is the version table's; SOURCES.md must describe the same charts.
  checkSourcesAgree(path.join(chartsDir, 'SOURCES.md'), readSources(chartsDir));
  const sources: Record<string, CatalogSource> = Object.fromEntries(
    Object.entries(tableSources()).map(([v, r]) => [
      v,
      { tag: `v${r.release}`, commit: r.commit, ...(r.prerelease ? { prerelease: true as const } : {}) },
    ]),
  );
  const acc = new Map<string, KeyAcc>();
  const accFor = (p: string): KeyAcc => {
    let a = acc.get(p);
    if (!a) acc.set(p, (a = { types: new Set(), schemaTyped: false, exampleTypes: new Set(), versions: new Map() }));
    return a;
  };

  for (const version of CATALOG_VERSIONS) {
    if (!sources[version]) throw new Error(`SOURCES.md has no row for v${version}`);
    const valuesFile = path.join(chartsDir, `v${version}`, 'values.yaml');
    if (!existsSync(valuesFile)) throw new Error(`missing ${valuesFile}`);
    const text = readFileSync(valuesFile, 'utf8');
    const schemaFile = path.join(chartsDir, `v${version}`, 'values.schema.json');
    const schema = existsSync(schemaFile) ? (JSON.parse(readFileSync(schemaFile, 'utf8')) as SchemaNode) : undefined;

    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, keepSourceTokens: false });
    if (doc.errors.length > 0) throw new Error(`${valuesFile}: ${doc.errors[0].message}`);
    const scan = scanReal(doc, lc, schema);

    for (const [p, r] of scan.real) {
      const a = accFor(p);
      a.types.add(jsonTypeOf(r.value));
      const st = schemaTypes(r.schema);
      if (st.size > 0) a.schemaTyped = true;
      for (const x of st) a.types.add(x);
      const entry: CatalogVersionEntry = {};
      if (typeof r.value === 'object' && r.value !== null && JSON.stringify(r.value).length >= BIG_DEFAULT_CHARS)
        entry.big = true;
      else entry.default = r.value;
      a.versions.set(version, { entry, open: r.open });
    }

    // Keys the schema has but values.yaml does not (only Helm's `global` in 1.16..1.20): a valid key too.
    if (schema?.properties) {
      for (const [name, node] of Object.entries(schema.properties)) {
        const p = joinPath('', name);
        if (scan.real.has(p)) continue;
        const a = accFor(p);
        const st = schemaTypes(node);
        if (st.size > 0) a.schemaTyped = true;
        for (const x of st) a.types.add(x);
        a.versions.set(version, { entry: {}, open: isOpen(name, null, node) });
        log(`v${version}: schema-only key ${p}`);
      }
    }

    const { found, dropped } = scanCommented(text.split(/\r?\n/), scan);
    for (const ck of found) {
      const a = accFor(ck.path);
      const entry: CatalogVersionEntry = { commented: true };
      if (ck.example !== undefined) entry.example = ck.example;
      if (ck.exampleType) a.exampleTypes.add(ck.exampleType);
      if (ck.hasChildren) a.types.add('object');
      else if (ck.hasList) a.exampleTypes.add('array');
      a.versions.set(version, { entry, open: ck.open });
    }
    log(`v${version}: ${found.length} commented keys: ${found.map((k) => `${k.path}(L${k.line})`).join(' ')}`);
    if (dropped.length > 0)
      log(`v${version}: ${dropped.length} commented lines dropped as examples/unplaceable: ${dropped.join(' | ')}`);
  }

  const keys: Record<string, CatalogKey> = {};
  for (const p of [...acc.keys()].sort()) {
    const a = acc.get(p)!;
    let types = new Set(a.types);
    // `~` in a chart without a schema says nothing about the type: a key only ever seen as null is "unknown".
    if (types.size === 1 && types.has('null') && !a.schemaTyped) types = new Set();
    if (types.size === 0) types = new Set(a.exampleTypes);
    const anyOpen = [...a.versions.values()].some((v) => v.open);
    const inMap: Record<string, CatalogVersionEntry> = {};
    for (const version of CATALOG_VERSIONS) {
      const v = a.versions.get(version);
      if (!v) continue;
      inMap[version] = v.open === anyOpen ? v.entry : { ...v.entry, open: v.open };
    }
    keys[p] = { types: [...types].sort(), open: anyOpen, in: inMap };
  }

  const catalog: CatalogJson = { versions: [...CATALOG_VERSIONS], sources, keys };
  return CatalogSchema.parse(catalog);
}

/** JSON.stringify with object keys sorted at every level, so output order never depends on input order. */
function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The catalog as written to disk: compact JSON with one source and one key per line, for readable diffs. */
export function serializeCatalog(catalog: CatalogJson): string {
  const section = (obj: Record<string, unknown>) =>
    Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`)
      .join(',\n');
  return (
    `{"versions":${stableStringify(catalog.versions)},\n` +
    `"sources":{\n${section(catalog.sources)}\n},\n` +
    `"keys":{\n${section(catalog.keys)}\n}}\n`
  );
}

function main(argv: string[]): void {
  const chartsDir = path.resolve(argv[0] ?? DEFAULT_CHARTS_DIR);
  const outFile = path.resolve(argv[1] ?? DEFAULT_OUT_FILE);
  const catalog = generateCatalog(chartsDir, { log: (l) => process.stderr.write(`${l}\n`) });
  const text = serializeCatalog(catalog);
  writeFileSync(outFile, text);
  const perVersion = catalog.versions.map((v) => {
    const all = Object.values(catalog.keys).filter((k) => k.in[v]);
    return `${v}: ${all.length} keys (${all.filter((k) => k.in[v].commented).length} commented)`;
  });
  process.stderr.write(
    `wrote ${outFile} (${text.length} bytes, ${Object.keys(catalog.keys).length} keys)\n${perVersion.join('\n')}\n`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
