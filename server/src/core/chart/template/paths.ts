// Data paths of provenance (["Values", "bpf", "masquerade"]) are interned: a read of the same key under the same
// path gives the same array, which carries its joined key, its parent and its dotted tail. The evaluator reads
// thousands of paths per render, and joining or copying arrays at every read was most of its provenance cost.
// The tree of paths is shared by every execution (a render after an edit reads mostly the same paths as the one
// before, and finds their keys already made); it is dropped and started again when it grows past a bound, so a
// long session of arbitrary keys cannot grow it without end.

const KEY = Symbol('pathKey');
const KIDS = Symbol('pathKids');
const PARENT = Symbol('pathParent');
const TAIL = Symbol('pathTail');

export type DataPath = readonly string[];

interface Interned {
  [KEY]?: string;
  [KIDS]?: Map<string, DataPath>;
  [PARENT]?: DataPath;
  [TAIL]?: string;
}

/** Paths made under the current root before it is replaced by a fresh one. */
const MAX_PATHS = 100_000;
let made = 0;
let root: DataPath = freshRoot();

function freshRoot(): DataPath {
  const r = [] as string[] & Interned;
  r[KEY] = '';
  made = 0;
  return r;
}

/** The root path for an execution (paths made under it stay valid for the whole execution). */
export function rootPath(): DataPath {
  if (made > MAX_PATHS) root = freshRoot();
  return root;
}

/** The path of `key` under `p`: the same array each time for the same parent and key. */
export function childPath(p: DataPath, key: string): DataPath {
  const parent = p as DataPath & Interned;
  let kids = parent[KIDS];
  if (!kids) parent[KIDS] = kids = new Map();
  let c = kids.get(key);
  if (!c) {
    const fresh = [...p, key] as string[] & Interned;
    const pk = pathKey(p);
    fresh[KEY] = p.length === 0 ? key : `${pk}\u0000${key}`;
    fresh[PARENT] = p;
    kids.set(key, fresh);
    made++;
    c = fresh;
  }
  return c;
}

/** The path joined with NUL (what identifies it in maps); computed once per array. */
export function pathKey(p: DataPath): string {
  const i = p as DataPath & Interned;
  const k = i[KEY];
  if (k !== undefined) return k;
  const j = p.join('\u0000');
  (p as Interned)[KEY] = j;
  return j;
}

/** The keys after the first joined with dots (["Values","bpf","masquerade"] → "bpf.masquerade"); computed once per array. */
export function dottedTail(p: DataPath): string {
  const i = p as DataPath & Interned;
  let t = i[TAIL];
  if (t === undefined) (p as Interned)[TAIL] = t = p.slice(1).join('.');
  return t;
}

/** The parent of an interned path (undefined for a root or a path made elsewhere). */
export function parentPath(p: DataPath): DataPath | undefined {
  return (p as DataPath & Interned)[PARENT];
}
