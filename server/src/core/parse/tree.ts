// A read-only view of a YAML mapping that the rules can query by key path. It follows aliases and `<<` merge
// keys the way Helm would see them, maps every range back into the user's file (values embedded as a YAML
// string live in their own parsed document), and reports values that came from a template as unknown.

import { Alias, Document, isAlias, isMap, isScalar, isSeq, Node, Scalar, visit, YAMLMap } from 'yaml';
import type { Range } from '../types';
import { overlapsTemplate, TEMPLATE_FILL } from './templates';

/** A value we cannot know because a template fills it in. */
export const TEMPLATED = Symbol('templated');
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain } | typeof TEMPLATED;

export interface TreeContext {
  doc: Document.Parsed;
  /** The text the node offsets point into (an embedded string's own text for embedded values). */
  text: string;
  /** Maps an offset in `text` to an offset in the user's file. */
  toFile: (offset: number) => number;
  templates: readonly Range[];
  /** The user's file as written (templates not masked), to quote values; offsets via `toFile`. */
  original?: string;
}

export interface TreeEntry {
  key: string;
  keyRange: Range;
  valueRange: Range;
  /** The value node after following an alias; null for `key:` with nothing after it. */
  node: Node | null;
  /** True when the entry came in through a `<<` merge key rather than being written in this mapping. */
  merged: boolean;
  /** True when the value is an alias (`*name`). */
  aliased: boolean;
  /** The key's node as parsed (identity lets the rules cache what they found under an unchanged entry). */
  keyNode?: unknown;
}

const MAX_ALIAS_HOPS = 8;

/**
 * Alias targets for a whole document, found in one pass. The parser's own `Alias.resolve` walks the document
 * for every alias, which turns a file with many aliases (an "alias bomb") into minutes of work.
 */
const aliasTargets = new WeakMap<Document.Parsed, Map<Alias, Node>>();

function targetsOf(doc: Document.Parsed): Map<Alias, Node> {
  let targets = aliasTargets.get(doc);
  if (targets) return targets;
  targets = new Map();
  const latest = new Map<string, Node>();
  visit(doc, {
    Node: (_key, node) => {
      // An alias refers to the last anchor of that name written before it, as YAML defines.
      if (isAlias(node)) {
        const t = latest.get(node.source);
        if (t) targets!.set(node, t);
      } else if ((node as { anchor?: string }).anchor) {
        latest.set((node as { anchor: string }).anchor, node);
      }
    },
  });
  aliasTargets.set(doc, targets);
  return targets;
}

export function resolveAlias(node: unknown, doc: Document.Parsed): Node | null {
  let current = node;
  for (let hop = 0; hop < MAX_ALIAS_HOPS && isAlias(current); hop++) {
    current = targetsOf(doc).get(current) ?? null;
  }
  if (isAlias(current)) return null;
  return (current as Node | null) ?? null;
}

/** Merge keys can multiply entries (a merge of merges of merges); past this many we stop expanding. */
const MAX_MERGED_ENTRIES = 10_000;

/** Entries put in a mapping's key index, for the step-count tests (each mapping should be indexed once). */
export const keyIndexSteps = { count: 0 };

export class MapView {
  private cache: TreeEntry[] | undefined;

  constructor(
    readonly map: YAMLMap,
    readonly ctx: TreeContext,
    private readonly depth = 0,
  ) {}

  rangeOf(node: { range?: [number, number, number] | null } | null | undefined): Range {
    const r = node?.range;
    if (!r) {
      const own = this.map.range ?? [0, 0, 0];
      return { start: this.ctx.toFile(own[0]), end: this.ctx.toFile(own[0]) };
    }
    return { start: this.ctx.toFile(r[0]), end: this.ctx.toFile(Math.max(r[0], r[1])) };
  }

  /** The range of the whole mapping in the file (used when a finding has no key of its own to sit on). */
  get range(): Range {
    return this.rangeOf(this.map);
  }

  /** Direct entries in source order; merged entries first so that written keys override them, as in Helm. */
  entries(): TreeEntry[] {
    if (this.cache) return this.cache;
    const own: TreeEntry[] = [];
    const merged: TreeEntry[] = [];
    for (const item of this.map.items) {
      if (isMergeKey(item.key)) {
        if (this.depth < MAX_ALIAS_HOPS) for (const e of this.mergedEntries(item.value)) merged.push(e);
        continue;
      }
      const key = keyText(item.key, this.ctx.text);
      if (key === undefined) continue;
      const aliased = isAlias(item.value);
      const node = resolveAlias(item.value, this.ctx.doc);
      const keyRange = this.rangeOf(item.key as Node);
      const valueRange = item.value ? this.rangeOf(item.value) : { start: keyRange.end, end: keyRange.end };
      own.push({ key, keyRange, valueRange, node, merged: false, aliased, keyNode: item.key });
    }
    this.cache = merged.length > 0 ? merged.concat(own) : own;
    return this.cache;
  }

  private mergedEntries(value: unknown): TreeEntry[] {
    const sources = isSeq(value) ? value.items : [value];
    const out: TreeEntry[] = [];
    const done = new Set<Node>();
    for (const source of sources) {
      const target = resolveAlias(source, this.ctx.doc);
      if (!isMap(target) || done.has(target)) continue;
      done.add(target);
      const at = this.rangeOf(source as Node);
      for (const e of new MapView(target, this.ctx, this.depth + 1).entries()) {
        if (out.length >= MAX_MERGED_ENTRIES) return out;
        out.push({ ...e, merged: true, keyRange: at, valueRange: at });
      }
    }
    return out;
  }

  private byKey: Map<string, TreeEntry> | undefined;

  /** The effective entry for a key: the last one written wins, as Helm's YAML decoder does. */
  get(key: string): TreeEntry | undefined {
    // Indexed once per mapping: the rules ask for hundreds of paths, and a scan per question was
    // (keys × questions) on a mapping with tens of thousands of keys.
    if (!this.byKey) {
      this.byKey = new Map();
      for (const e of this.entries()) this.byKey.set(e.key, e);
      keyIndexSteps.count += this.byKey.size;
    }
    return this.byKey.get(key);
  }

  child(key: string): MapView | undefined {
    const e = this.get(key);
    return e ? this.viewOf(e) : undefined;
  }

  /**
   * The mapping under this very entry. Not the same as `child(entry.key)` when a key is written twice (common
   * while typing): `child` follows the last one, which may be a scalar or empty even though this one is a map.
   */
  viewOf(entry: TreeEntry): MapView | undefined {
    if (!isMap(entry.node)) return undefined;
    // Kept, so that asking again for the same mapping reuses its key index (a fix per finding under a
    // 150,000-key extraConfig asked for it 500 times, each rebuilding the index).
    let view = this.views.get(entry);
    if (!view) {
      view = new MapView(entry.node, this.ctx, this.depth + 1);
      this.views.set(entry, view);
    }
    return view;
  }

  private readonly views = new Map<TreeEntry, MapView>();

  /** Follows a dotted path (`bpf.masquerade`); returns the entry of the last segment. */
  lookup(path: string | readonly string[]): TreeEntry | undefined {
    const parts = typeof path === 'string' ? path.split('.') : path;
    let view: MapView | undefined = this;
    for (let i = 0; i < parts.length - 1; i++) {
      view = view?.child(parts[i]);
      if (!view) return undefined;
    }
    return view?.get(parts[parts.length - 1]);
  }

  lookupMap(path: string): MapView | undefined {
    const e = this.lookup(path);
    return e && isMap(e.node) ? new MapView(e.node, this.ctx, this.depth + 1) : undefined;
  }

  /** The plain value of an entry; template-filled scalars read as TEMPLATED. */
  valueOf(entry: TreeEntry): Plain {
    return toPlain(entry.node, this.ctx, 0);
  }

  /** Source text of an entry's value as written (for messages that quote the user). */
  sourceOf(entry: TreeEntry): string {
    const n = entry.node?.range;
    if (!n) return '';
    const masked = this.ctx.text.slice(n[0], n[1]);
    // Quote the user's own text (`${CLUSTER_ID}`, not its mask) when the offsets map one-to-one into the file.
    const { original, toFile } = this.ctx;
    if (original && masked.includes(TEMPLATE_FILL)) {
      const a = toFile(n[0]);
      const b = toFile(n[1]);
      if (b - a === n[1] - n[0]) return original.slice(a, b);
    }
    return masked;
  }

  /** True when the entry's value is a template in quotes: a string whatever gets substituted. */
  quotedTemplate(entry: TreeEntry): boolean {
    const n = entry.node;
    return (
      isScalar(n) &&
      (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) &&
      this.valueOf(entry) === TEMPLATED
    );
  }
}

function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  return typeof key.value === 'symbol' || (key.value === '<<' && key.type === Scalar.PLAIN);
}

/** Key names as written: `y:` is a key named "y" to a human even though YAML 1.1 reads it as a boolean. */
function keyText(key: unknown, text: string): string | undefined {
  if (!isScalar(key)) return undefined;
  if (key.type === Scalar.PLAIN && key.range) return text.slice(key.range[0], key.range[1]).trim();
  if (key.value === null || key.value === undefined) return '';
  return String(key.value);
}

const MAX_PLAIN_DEPTH = 64;
/** Aliases let a small file describe a huge value; past this many nodes the value counts as unknown. */
const MAX_PLAIN_NODES = 50_000;

/**
 * A masked template (TEMPLATE_FILL) or a Terraform `${…}` in a string value, not a digits-only `${1}` (a regex
 * capture group). Linear, no regex.
 */
export function hasTemplateInString(v: string): boolean {
  if (v.includes(TEMPLATE_FILL)) return true;
  for (let at = v.indexOf('${'); at >= 0; at = v.indexOf('${', at + 2)) {
    let i = at + 2;
    while (i < v.length && v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) i++;
    if (!(i > at + 2 && v[i] === '}')) return true;
  }
  return false;
}

export function toPlain(node: Node | null, ctx: TreeContext, depth: number, budget = { left: MAX_PLAIN_NODES }): Plain {
  if (node === null || node === undefined) return null;
  if (depth > MAX_PLAIN_DEPTH || --budget.left < 0) return TEMPLATED;
  if (isScalar(node)) {
    if (node.range && overlapsTemplate({ start: node.range[0], end: node.range[1] }, ctx.templates)) return TEMPLATED;
    const v = node.value;
    if (typeof v === 'string' && hasTemplateInString(v)) return TEMPLATED;
    if (v === null || typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') return v;
    if (typeof v === 'bigint') return Number(v);
    return String(v);
  }
  if (isSeq(node)) {
    const out: Plain[] = [];
    for (const item of node.items) {
      if (budget.left < 0) return TEMPLATED;
      out.push(toPlain(resolveAlias(item, ctx.doc), ctx, depth + 1, budget));
    }
    return out;
  }
  if (isMap(node)) {
    const view = new MapView(node, ctx, depth);
    const out: { [key: string]: Plain } = {};
    for (const e of view.entries()) {
      if (budget.left < 0) return TEMPLATED;
      out[e.key] = toPlain(e.node, ctx, depth + 1, budget);
    }
    return out;
  }
  return null;
}

/** Nodes below a node as toPlain counts them, for subtrees counted to the end (they do not change). */
const plainCounts = new WeakMap<Node, number>();

/**
 * True when toPlain would give up on this value for its size (more than MAX_PLAIN_NODES nodes, aliases and
 * merge keys followed), without building it. Counts are remembered per node, so asking at every depth of a
 * tree costs one walk.
 */
export function exceedsPlainNodes(node: Node, ctx: TreeContext): boolean {
  const budget = { left: MAX_PLAIN_NODES };
  countPlainNodes(node, ctx, 0, budget);
  return budget.left < 0;
}

function countPlainNodes(node: Node | null, ctx: TreeContext, depth: number, budget: { left: number }): void {
  if (node === null || node === undefined || budget.left < 0) return;
  const known = plainCounts.get(node);
  if (known !== undefined) {
    budget.left -= known;
    return;
  }
  const before = budget.left;
  budget.left--;
  if (depth > MAX_PLAIN_DEPTH) return;
  if (isSeq(node)) {
    for (const item of node.items) {
      if (budget.left < 0) return;
      countPlainNodes(resolveAlias(item, ctx.doc), ctx, depth + 1, budget);
    }
  } else if (isMap(node)) {
    for (const e of new MapView(node, ctx, depth).entries()) {
      if (budget.left < 0) return;
      countPlainNodes(e.node, ctx, depth + 1, budget);
    }
  }
  if (budget.left >= 0) plainCounts.set(node, before - budget.left);
}
