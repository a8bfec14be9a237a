// Data paths of provenance (["Values", "bpf", "masquerade"]) are built once per execution and shared: a read
// of the same key of the same container gives the same array, which carries its joined key and its parent. The
// evaluator reads thousands of paths per render, and joining or copying arrays at every read was most of its
// provenance cost.

const KEY = Symbol('pathKey');
const KIDS = Symbol('pathKids');
const PARENT = Symbol('pathParent');

export type DataPath = readonly string[];

interface Interned {
  [KEY]?: string;
  [KIDS]?: Map<string, DataPath>;
  [PARENT]?: DataPath;
}

/** A fresh root path (one per execution: the children hang off it and go with it). */
export function rootPath(): DataPath {
  const r = [] as string[] & Interned;
  r[KEY] = '';
  return r;
}

/** The path of `key` under `p`: the same array each time for the same parent and key. */
export function childPath(p: DataPath, key: string): DataPath {
  const parent = p as DataPath & Interned;
  let kids = parent[KIDS];
  if (!kids) parent[KIDS] = kids = new Map();
  let c = kids.get(key);
  if (!c) {
    const made = [...p, key] as string[] & Interned;
    const pk = pathKey(p);
    made[KEY] = p.length === 0 ? key : `${pk}\u0000${key}`;
    made[PARENT] = p;
    kids.set(key, made);
    c = made;
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

/** The parent of an interned path (undefined for a root or a path made elsewhere). */
export function parentPath(p: DataPath): DataPath | undefined {
  return (p as DataPath & Interned)[PARENT];
}
