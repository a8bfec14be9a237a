// Generates server/src/core/knowledge/booleanUses.json: for every boolean value of the Cilium chart, per supported
// version, how the chart's own templates use it, so that a quoted boolean (`bpf.masquerade: "false"`) is described
// as what it really does in that version, with the template line as evidence:
// - `text`: written out as text (`{{ .Values.bpf.masquerade | quote }}`): "false" gives the same text as false;
// - `truth`: tested for truth (`if`, `with`, `not`, `and`, `or`, `empty`): any non-empty string is true there;
// - `fails`: compared with a boolean (`eq .Values.x true`) or given to `ternary`: Go templates cannot compare a
//   string with a boolean, and ternary takes only a boolean, so rendering stops with an error;
// - `other`: anything else (`default`, `toYaml`, passed whole to a helper, …), described but not judged;
// and whether the version's values.schema.json (1.16+) refuses a string there, in which case Helm stops first.
//
//   node --import tsx tools/gen-boolean-uses.ts [chartsDir] [outFile]
//
// The templates are read with the project's own Go template parser (server/src/core/chart/template). References
// are followed through `with`, variables (`$x := .Values.bpf`), `$.Values`, `index .Values "a" "b"` and
// defined templates (whose dot is taken to be the chart's top-level context, the way the Cilium chart calls
// them). A parent map passed anywhere else (a helper, `toYaml`, `range`) makes every boolean below it `other`, so
// nothing is called harmless that could be read somewhere this scan cannot follow. Only the versions this project
// supports are read; the output is deterministic.

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArgNode, CommandNode, ListNode, Node, PipeNode } from '../server/src/core/chart/template/ast';
import { parseTemplate } from '../server/src/core/chart/template/parser';
import { getCatalog, keyExistsIn } from '../server/src/core/knowledge/catalog';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(scriptDir, '..');
const chartsDir = process.argv[2] ?? path.resolve(repo, '../shared/cilium-charts');
const outFile = process.argv[3] ?? path.resolve(repo, 'server/src/core/knowledge/booleanUses.json');

type Kind = 'text' | 'truth' | 'fails' | 'other';
interface Use {
  kind: Kind;
  /** templates/… path inside the chart, and 1-based line. */
  file: string;
  line: number;
  /** The function or construct that uses it (`quote`, `if`, `eq`, `toYaml`, `include`…). */
  how: string;
}

/**
 * What a template expression stands for: the chart's top-level context, a values path, a `dict`/`list` built in
 * the template (so `include "x" (dict "root" $)` and `index . 0` can be followed), or something else.
 */
type Sym = { root: true } | { values: string[] } | { dict: Map<string, Sym> } | { list: Sym[] } | undefined;

const PRINT_AS_TEXT = new Set(['quote', 'squote', 'toString']);
const TRUTH = new Set(['not', 'and', 'or', 'empty']);
/** Functions that only look at whether a key is set, or at its kind (`kindIs "invalid"` is the same for "x" and x). */
const PRESENCE = new Set(['hasKey']);

function templateFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...templateFiles(full));
    else out.push(full);
  }
  return out;
}

function scanVersion(version: string, booleans: Set<string>): Map<string, Use[]> {
  const chart = path.join(chartsDir, `v${version}`);
  const uses = new Map<string, Use[]>();
  const texts = new Map<string, string>();
  const record = (p: string[], kind: Kind, how: string, at: { file: string; pos: number }) => {
    const key = p.join('.');
    const text = texts.get(at.file) ?? '';
    const line = text.slice(0, at.pos).split('\n').length;
    const add = (k: string) => {
      const list = uses.get(k) ?? [];
      list.push({ kind, file: at.file, line, how });
      uses.set(k, list);
    };
    if (booleans.has(key)) add(key);
    // A parent map used as a whole: every boolean below it may be read where this scan cannot see.
    else if (kind === 'other') for (const b of booleans) if (b.startsWith(`${key}.`)) add(b);
  };

  // Every defined template, from every file (Helm parses all templates together).
  const defines = new Map<string, { file: string; root: ListNode }>();
  const tops: { file: string; root: ListNode }[] = [];
  const files = [
    ...templateFiles(path.join(chart, 'templates')).map((f) => ({ f, tpl: false })),
    // Files the templates run through `tpl` with the top-level context (files/agent/poststart-eni.bash…).
    ...templateFiles(path.join(chart, 'files')).map((f) => ({ f, tpl: true })),
  ];
  for (const { f, tpl } of files) {
    const file = path.relative(chart, f);
    const text = readFileSync(f, 'utf8');
    if (tpl && !text.includes('{{')) continue;
    texts.set(file, text);
    let parsed;
    try {
      parsed = parseTemplate(file, text, null);
    } catch (e) {
      if (tpl) continue; // not a template after all
      throw new Error(`${version} ${file}: ${(e as Error).message}`, { cause: e });
    }
    tops.push({ file, root: parsed.root });
    for (const d of parsed.defines) defines.set(d.name, { file, root: d.root });
  }

  const resolve = (base: Sym, idents: readonly string[]): Sym => {
    let s = base;
    for (let i = 0; i < idents.length; i++) {
      if (!s) return undefined;
      if ('root' in s) {
        if (idents[i] !== 'Values') return undefined;
        s = { values: [] };
      } else if ('values' in s) return { values: [...s.values, ...idents.slice(i)] };
      else if ('dict' in s) s = s.dict.get(idents[i]);
      else return undefined;
    }
    return s;
  };

  const walked = new Set<string>();
  const symKey = (s: Sym): string =>
    !s
      ? '?'
      : 'root' in s
        ? '$'
        : 'values' in s
          ? `V:${s.values.join('.')}`
          : 'dict' in s
            ? `{${[...s.dict].map(([k, v]) => `${k}=${symKey(v)}`).join(',')}}`
            : `[${s.list.map(symKey).join(',')}]`;

  /** Walks a defined template for a call with this dot (once per template and dot). */
  const callDefine = (name: string, dot: Sym) => {
    const d = defines.get(name);
    const k = `${name}|${symKey(dot)}`;
    if (!d || walked.has(k) || walked.size > 20_000) return;
    walked.add(k);
    walkList(d.file, d.root, dot, new Map([['$', dot]]));
  };

  const walkList = (file: string, list: ListNode | null, dot: Sym, vars: Map<string, Sym>) => {
    if (!list) return;
    for (const n of list.nodes) walkNode(file, n, dot, vars);
  };

  const walkNode = (file: string, n: Node, dot: Sym, vars: Map<string, Sym>) => {
    switch (n.type) {
      case 'action':
        pipe(file, n.pipe, dot, vars, 'print');
        return;
      case 'if':
      case 'with': {
        const v = pipe(file, n.pipe, dot, vars, 'cond');
        walkList(file, n.list, n.type === 'with' ? v : dot, new Map(vars));
        walkList(file, n.elseList, dot, new Map(vars));
        return;
      }
      case 'range': {
        pipe(file, n.pipe, dot, vars, 'range');
        walkList(file, n.list, undefined, new Map(vars));
        walkList(file, n.elseList, dot, new Map(vars));
        return;
      }
      case 'template': {
        const arg = n.pipe ? pipe(file, n.pipe, dot, vars, 'value') : undefined;
        callDefine(n.name, arg);
        return;
      }
      case 'list':
        walkList(file, n, dot, vars);
        return;
      default:
        return;
    }
  };

  /** Evaluates an argument symbolically, without recording a use (the caller decides what the use is). */
  const evalArg = (file: string, a: ArgNode, dot: Sym, vars: Map<string, Sym>): Sym => {
    switch (a.type) {
      case 'dot':
        return dot;
      case 'field':
        return resolve(dot, a.ident);
      case 'variable':
        return resolve(vars.get(a.ident[0]), a.ident.slice(1));
      case 'chain':
        return resolve(evalArg(file, a.node, dot, vars), a.fields);
      case 'pipe':
        return pipe(file, a, dot, vars, 'value');
      default:
        return undefined;
    }
  };

  /** A use of `s` (when it is a values path or holds one) of the given kind. */
  const use = (s: Sym, kind: Kind, how: string, at: { file: string; pos: number }) => {
    if (!s || 'root' in s) return; // the top-level context itself is not a value
    if ('values' in s) record(s.values, kind, how, at);
    else if ('dict' in s) for (const v of s.dict.values()) use(v, 'other', how, at);
    else for (const v of s.list) use(v, 'other', how, at);
  };

  /**
   * `mode`: where the pipeline's result goes. `print` (written out), `cond` (if/with), `value` (an argument or
   * a variable: the value is returned and judged where it is used), `range`.
   */
  const pipe = (
    file: string,
    p: PipeNode,
    dot: Sym,
    vars: Map<string, Sym>,
    mode: 'print' | 'cond' | 'value' | 'range',
  ): Sym => {
    let result: Sym;
    p.cmds.forEach((cmd, i) => {
      result = command(
        file,
        cmd,
        dot,
        vars,
        i === 0 ? undefined : { sym: result },
        p.decl.length > 0 ? 'value' : mode,
        i === p.cmds.length - 1,
      );
    });
    for (const d of p.decl) vars.set(d.ident[0], result);
    return result;
  };

  /** One command; `piped` is the previous command's value (a pipeline passes it as the last argument). */
  const command = (
    file: string,
    c: CommandNode,
    dot: Sym,
    vars: Map<string, Sym>,
    piped: { sym: Sym } | undefined,
    mode: string,
    last: boolean,
  ): Sym => {
    const [head, ...rest] = c.args;
    const at = (pos: number) => ({ file, pos });
    if (head.type !== 'identifier') {
      const v = evalArg(file, head, dot, vars);
      if (last && mode === 'cond') use(v, 'truth', 'if', at(head.pos));
      else if (last && mode === 'print') use(v, 'text', 'printed', at(head.pos));
      else if (last && mode === 'range') use(v, 'other', 'range', at(head.pos));
      return v;
    }
    const fn = head.name;
    const args = rest.map((a) => ({ pos: a.pos, sym: evalArg(file, a, dot, vars), node: a }));
    if (piped) args.push({ pos: c.pos, sym: piped.sym, node: head });
    const literal = (a: ArgNode) => (a.type === 'string' ? a.text : a.type === 'number' ? Number(a.text) : undefined);
    if (fn === 'index' && args.length >= 2 && rest.slice(1).every((a) => literal(a) !== undefined)) {
      let s = args[0].sym;
      for (const a of rest.slice(1)) {
        const k = literal(a);
        s = s && 'list' in s && typeof k === 'number' ? s.list[k] : typeof k === 'string' ? resolve(s, [k]) : undefined;
      }
      return s;
    }
    if (fn === 'dict' && rest.length % 2 === 0 && rest.every((a, i) => i % 2 === 1 || a.type === 'string')) {
      const m = new Map<string, Sym>();
      for (let i = 0; i < rest.length; i += 2) m.set((rest[i] as { text: string }).text, args[i + 1].sym);
      return { dict: m };
    }
    if (fn === 'list' && !piped) return { list: args.map((a) => a.sym) };
    if ((fn === 'include' || fn === 'template') && rest[0]?.type === 'string') {
      callDefine(rest[0].text, args[1]?.sym);
      return undefined;
    }
    if (fn === 'tpl') return undefined; // the files it runs are scanned with the top-level context
    for (const a of args) {
      if (PRINT_AS_TEXT.has(fn)) {
        // The text goes where the pipeline goes: printed as it is, or compared or kept as a string.
        use(a.sym, mode === 'print' && last ? 'text' : 'other', fn, at(a.pos));
      } else if (TRUTH.has(fn)) use(a.sym, 'truth', fn, at(a.pos));
      else if ((fn === 'eq' || fn === 'ne') && rest.some((x) => x.type === 'bool'))
        use(a.sym, 'fails', `${fn} with a boolean`, at(a.pos));
      else if (fn === 'ternary' && a === args[args.length - 1]) use(a.sym, 'fails', 'ternary', at(a.pos));
      else if (PRESENCE.has(fn) || (fn === 'kindIs' && rest[0]?.type === 'string' && rest[0].text === 'invalid'))
        continue;
      else use(a.sym, 'other', fn, at(a.pos));
    }
    return undefined;
  };

  const root: Sym = { root: true };
  for (const t of tops) walkList(t.file, t.root, root, new Map([['$', root]]));
  return uses;
}

/** Whether the version's values.schema.json lets a string through at `key` (no schema: yes). */
function schemaAllowsString(version: string, key: string): boolean {
  const file = path.join(chartsDir, `v${version}`, 'values.schema.json');
  if (!existsSync(file)) return true;
  let node = JSON.parse(readFileSync(file, 'utf8')) as {
    properties?: Record<string, unknown>;
    type?: unknown;
    anyOf?: unknown[];
    oneOf?: unknown[];
  };
  for (const part of key.split('.')) {
    const next = node.properties?.[part] as typeof node | undefined;
    if (!next) return true; // not described: anything goes
    node = next;
  }
  const types = (n: typeof node): string[] => {
    const t = n.type;
    const own = t === undefined ? [] : Array.isArray(t) ? t.map(String) : [String(t)];
    return [...own, ...[...(n.anyOf ?? []), ...(n.oneOf ?? [])].flatMap((b) => types(b as typeof node))];
  };
  const all = types(node);
  return all.length === 0 || all.includes('string');
}

/** Per kind, the first use in the chart: [file under templates/ (or files/…), line, how]. */
type Summary = { schemaRefusesString?: true } & Partial<Record<Kind, [string, number, string]>>;
const out: Record<string, Record<string, Summary>> = {};
/** The chart release each folder holds (Chart.yaml `version:`), cited in the messages as the tag. */
const charts: Record<string, string> = {};
const catalog = getCatalog();
for (const version of SUPPORTED_VERSIONS) {
  if (!existsSync(path.join(chartsDir, `v${version}`, 'templates'))) continue;
  charts[version] =
    /^version:\s*(\S+)/m.exec(readFileSync(path.join(chartsDir, `v${version}`, 'Chart.yaml'), 'utf8'))?.[1] ?? version;
  const booleans = new Set(
    Object.keys(catalog.keys).filter((k) => catalog.keys[k].types.includes('boolean') && keyExistsIn(k, version)),
  );
  const uses = scanVersion(version, booleans);
  for (const key of [...booleans].sort()) {
    // Templates before the files they `tpl` (a script is rendered only when its feature is on).
    const rank = (u: Use) => (u.file.startsWith('templates/') ? 0 : 1);
    const list = (uses.get(key) ?? []).sort(
      (a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line || a.how.localeCompare(b.how),
    );
    const entry: Summary = {};
    if (!schemaAllowsString(version, key)) entry.schemaRefusesString = true;
    for (const kind of ['text', 'truth', 'fails', 'other'] as const) {
      const of = list.filter((u) => u.kind === kind);
      if (of.length > 0) entry[kind] = [of[0].file.replace(/^templates\//, ''), of[0].line, of[0].how];
    }
    (out[key] ??= {})[version] = entry;
  }
}
const sorted: typeof out = {};
for (const k of Object.keys(out).sort()) sorted[k] = out[k];
// One line per value: small, and a diff shows which values changed.
const lines = Object.entries(sorted).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
writeFileSync(outFile, `{"charts":${JSON.stringify(charts)},\n"values":{\n${lines.join(',\n')}\n}}\n`);
console.log(`wrote ${path.relative(repo, outFile)}: ${Object.keys(sorted).length} boolean values`);
