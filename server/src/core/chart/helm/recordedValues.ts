// Exact memoisation of template renders by what they read. The values a render sees are built from
// RecordedMap (a Map that notes, while a recording is on, every key looked up, every presence test and every
// enumeration). A template's output depends only on the chart (fixed per version and options) and on what it
// observed of the values, so when every observation of an earlier render of the same template is the same in
// the new values, the earlier result is the result: a changed key the template never looked at costs nothing.
//
// Why Map methods and not the engine's provenance reads: functions such as toYaml, hasKey, dig, merge or
// deepCopy receive whole maps and look inside them on their own; every such look goes through these methods.
// Lists cannot be watched element by element, so a list that was looked up is compared whole. A template that
// changes the values (sprig's set/unset/merge on them) is never reused: later templates see its changes.

import type { GoValue } from '../template/index';

const GET = 1;
const HAS = 2;

/** What one template run looked at, gathered per map (no string building per lookup). */
export class Recorder {
  /** Maps looked at, in first-look order. */
  readonly maps: RecordedMap[] = [];
  /** The values were changed during the recording (the result must not be reused). */
  mutated = false;
  /** Outputs of other templates reused by `include` (name → text, undefined when absent). */
  readonly files = new Map<string, string | undefined>();
  readonly gen: number;
  constructor() {
    this.gen = ++generation;
  }
}

let generation = 0;
let active: Recorder | null = null;

/** Starts recording into a fresh Recorder (one at a time; renders do not nest). */
export function startRecording(): Recorder {
  active = new Recorder();
  return active;
}

export function stopRecording(): void {
  active = null;
}

/** The recorder of the running template, if any (for `include`'s reuse of a rendered file). */
export function activeRecorder(): Recorder | null {
  return active;
}

export class RecordedMap extends Map<string, GoValue> {
  /** Keys from the values root (a list element's map has its index as a key). */
  path: readonly (string | number)[] = [];
  /** Per-recording bookkeeping: the generation it belongs to and key → GET|HAS. */
  // Private fields: invisible to deep comparisons of the values.
  #gen = 0;
  #seen: Map<string, number> | undefined;
  /** Enumerated (keys, size or all entries seen) during generation `#enumGen`. */
  #enumGen = 0;

  private note(k: string, op: number): void {
    const r = active!;
    if (this.#gen !== r.gen) {
      this.#gen = r.gen;
      this.#seen = new Map();
      r.maps.push(this);
    }
    const s = this.#seen!;
    s.set(k, (s.get(k) ?? 0) | op);
  }

  private noteAll(): void {
    const r = active!;
    if (this.#gen !== r.gen) {
      this.#gen = r.gen;
      this.#seen = new Map();
      r.maps.push(this);
    }
    this.#enumGen = r.gen;
  }

  override get(k: string): GoValue | undefined {
    if (active) this.note(k, GET);
    return super.get(k);
  }

  /** get() without recording (for comparing observations). */
  peek(k: string): GoValue | undefined {
    return super.get(k);
  }

  /** has() without recording. */
  peekHas(k: string): boolean {
    return super.has(k);
  }

  override has(k: string): boolean {
    if (active) this.note(k, HAS);
    return super.has(k);
  }

  override get size(): number {
    if (active) this.noteAll();
    return super.size;
  }

  override keys(): MapIterator<string> {
    if (active) this.noteAll();
    return super.keys();
  }

  override values(): MapIterator<GoValue> {
    if (active) this.noteAll();
    return super.values();
  }

  override entries(): MapIterator<[string, GoValue]> {
    if (active) this.noteAll();
    return super.entries();
  }

  override [Symbol.iterator](): MapIterator<[string, GoValue]> {
    if (active) this.noteAll();
    return super.entries();
  }

  override forEach(cb: (value: GoValue, key: string, map: Map<string, GoValue>) => void, thisArg?: unknown): void {
    if (active) this.noteAll();
    super.forEach(cb, thisArg);
  }

  override set(k: string, v: GoValue): this {
    if (active) active.mutated = true;
    return super.set(k, v);
  }

  override delete(k: string): boolean {
    if (active) active.mutated = true;
    return super.delete(k);
  }

  override clear(): void {
    if (active) active.mutated = true;
    super.clear();
  }

  /** What the recording `r` saw of this map: per key the value (or presence), and the key list if enumerated. */
  observation(r: Recorder): MapObservation {
    const gets: [string, Sig][] = [];
    const has: [string, boolean][] = [];
    const enumerated = this.#enumGen === r.gen;
    if (enumerated) {
      for (const [k, v] of Map.prototype.entries.call(this) as MapIterator<[string, GoValue]>) gets.push([k, sig(v)]);
    } else {
      for (const [k, op] of this.#seen ?? []) {
        if (op & GET) gets.push([k, sig(Map.prototype.get.call(this, k) as GoValue | undefined)]);
        else has.push([k, Map.prototype.has.call(this, k)]);
      }
    }
    return {
      path: this.path,
      pathKey: this.path.join('\u0000'),
      gets,
      has,
      keys: enumerated ? [...(Map.prototype.keys.call(this) as MapIterator<string>)] : undefined,
    };
  }
}

const MISSING = Symbol('missing');
const A_MAP = Symbol('recorded map');
/** A looked-up value: scalars as they are, a watched map as a marker (its own lookups are observed), anything else copied whole. */
type Sig = GoValue | typeof MISSING | typeof A_MAP | { whole: GoValue };

function sig(v: GoValue | undefined): Sig {
  if (v === undefined) return MISSING;
  if (v instanceof RecordedMap) return A_MAP;
  if (v !== null && typeof v === 'object') return { whole: plainCopy(v) };
  return v;
}

/**
 * A copy with plain Maps, made without recording (lists hold maps that are RecordedMaps too). The schema check
 * keeps the user's values it checked last with it.
 */
export function plainCopy(v: GoValue): GoValue {
  if (v instanceof Map) {
    const m = new Map<string, GoValue>();
    for (const [k, x] of Map.prototype.entries.call(v) as MapIterator<[string, GoValue]>) m.set(k, plainCopy(x));
    return m;
  }
  if (Array.isArray(v)) return v.map(plainCopy);
  return v;
}

/**
 * The same Go values: maps with the same keys in the same order (anything iterating a map sees the order),
 * lists element by element, numbers with their Go kind. Compares without recording.
 */
export function sameValue(a: GoValue, b: GoValue): boolean {
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map)) return false;
    const ea = [...(Map.prototype.entries.call(a) as MapIterator<[string, GoValue]>)];
    const eb = [...(Map.prototype.entries.call(b) as MapIterator<[string, GoValue]>)];
    if (ea.length !== eb.length) return false;
    for (let i = 0; i < ea.length; i++) if (ea[i]![0] !== eb[i]![0] || !sameValue(ea[i]![1], eb[i]![1])) return false;
    return true;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i]!, b[i]!)) return false;
    return true;
  }
  return Object.is(a, b);
}

function sameSig(a: Sig, v: GoValue | undefined): boolean {
  if (a === MISSING) return v === undefined;
  if (a === A_MAP) return v instanceof RecordedMap;
  if (a !== null && typeof a === 'object' && 'whole' in a)
    return (
      v !== undefined && !(v instanceof RecordedMap) && v !== null && typeof v === 'object' && sameValue(a.whole, v)
    );
  return v !== undefined && (v === null || typeof v !== 'object') && Object.is(a, v);
}

/** A file output a template only hashed into its own output: that it existed is what counts, not its text. */
export const ANY_TEXT = '\u0000any text\u0000';

export interface MapObservation {
  path: readonly (string | number)[];
  /** `path` joined with NUL (the key of the per-render cache of maps by path). */
  pathKey: string;
  gets: [string, Sig][];
  has: [string, boolean][];
  /** The keys in order, when the map was enumerated. */
  keys: string[] | undefined;
}

export interface Observations {
  maps: MapObservation[];
  files: Map<string, string | undefined>;
}

/** What the recording saw (call after stopRecording, before the values change). */
export function observations(r: Recorder): Observations {
  return { maps: r.maps.map((m) => m.observation(r)), files: new Map(r.files) };
}

/** The RecordedMap at a path of the values, or undefined when the path leads elsewhere. */
function mapAt(
  root: RecordedMap,
  path: readonly (string | number)[],
  key: string,
  cache: Map<string, RecordedMap | undefined>,
): RecordedMap | undefined {
  if (path.length === 0) return root;
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit;
  let cur: GoValue | undefined = root;
  for (const k of path) {
    if (typeof k === 'number') cur = Array.isArray(cur) ? cur[k] : undefined;
    else cur = cur instanceof RecordedMap ? (Map.prototype.get.call(cur, k) as GoValue | undefined) : undefined;
  }
  const out = cur instanceof RecordedMap ? cur : undefined;
  cache.set(key, out);
  return out;
}

/** True when the values (and the reused file outputs) show a template everything it saw before. */
export function sameObservations(
  o: Observations,
  root: RecordedMap,
  files: ReadonlyMap<string, string>,
  cache = new Map<string, RecordedMap | undefined>(),
): boolean {
  for (const [name, text] of o.files) if (text === ANY_TEXT ? !files.has(name) : files.get(name) !== text) return false;
  for (const m of o.maps) {
    const map = mapAt(root, m.path, m.pathKey, cache);
    if (!map) return false;
    if (m.keys) {
      const now = [...(Map.prototype.keys.call(map) as MapIterator<string>)];
      if (now.length !== m.keys.length) return false;
      for (let i = 0; i < now.length; i++) if (now[i] !== m.keys[i]) return false;
    }
    for (const [k, s] of m.gets) if (!sameSig(s, map.peek(k))) return false;
    for (const [k, present] of m.has) if (map.peekHas(k) !== present) return false;
  }
  return true;
}

/** A new, empty RecordedMap (for coalescing straight into watched maps). */
export function newRecordedMap(): Map<string, GoValue> {
  return new RecordedMap();
}

/** Gives every RecordedMap of the values its path from the root (list elements by index). Returns the root. */
export function withPaths(root: Map<string, GoValue>): RecordedMap {
  if (!(root instanceof RecordedMap)) throw new Error('values are not recorded maps');
  const visit = (v: GoValue, path: readonly (string | number)[]): void => {
    if (v instanceof RecordedMap) {
      v.path = path;
      for (const [k, x] of Map.prototype.entries.call(v) as MapIterator<[string, GoValue]>)
        if (x !== null && typeof x === 'object') visit(x, [...path, k]);
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (x !== null && typeof x === 'object') visit(x, [...path, i]);
      }
    }
  };
  visit(root, []);
  return root;
}
