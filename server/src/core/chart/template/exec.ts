// The evaluator: walks a parsed template with Go's execution semantics. Internally a value read from a map
// that is nil (or missing under missingkey=zero) is `null` — Go's nil interface, which fails when a field
// chain goes through it — while "no value" (Go's invalid reflect.Value: a missing key under missingkey=default,
// a nil pipeline result) is `undefined`, which a field chain passes through silently. Both print `<no value>`
// and reach functions as null.

import {
  nodeString,
  type ActionNode,
  type AnyNode,
  type ArgNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type RangeNode,
  type VariableNode,
} from './ast';
import { goEq, goHtml, goJs, goLe, goLen, goLt, goSlice, goUrlQuery, indexOnce } from './builtins';
import { TemplateError } from './errors';
import { formatValue, goSprint, goSprintf, goSprintln, quoteGo } from './format';
import { childPath, parentPath, pathKey, rootPath } from './paths';
import { GoObject, goTypeName, isTrue, signatureOf, type GoFunc, type GoParamType, type GoValue } from './values';

export type MissingKeyMode = 'default' | 'zero' | 'error';

export interface CompiledTemplate {
  readonly name: string;
  readonly root: ListNode;
}

/** Where templates and functions are looked up during an execution. */
export interface Registry {
  lookupTemplate(name: string): CompiledTemplate | undefined;
  lookupFunc(name: string): GoFunc | undefined;
}

export interface Writer {
  s: string;
}

/** State shared by an execution and every nested execution it starts (template calls, include, tpl). */
export interface ExecShared {
  readonly missingKey: MissingKeyMode;
  readonly tracer: ((path: readonly string[], outputOffset: number, kind: 'read' | 'derived') => void) | null;
  readonly paths: WeakMap<object, readonly string[]> | null;
  /** The path of the data root (provenance only): reads of values from outside the data hang off it too. */
  readonly root: readonly string[] | null;
  readonly maxDepth: number;
  depth: number;
  /** The outermost output, whose length is the offset reported to the tracer. */
  readonly rootWriter: Writer;
  /** Innermost-last stack of running template names. */
  readonly running: string[];
  /**
   * Provenance (only with a tracer): the data paths read by the pipeline being evaluated, by joined key; made at
   * its first read (most pipelines read nothing: literals, variables).
   */
  acc: Map<string, readonly string[]> | null;
  /** Provenance: a pipeline is being evaluated (its reads go to `acc`). */
  inPipe: boolean;
  /** Provenance: the data paths the enclosing if/with/range conditions depended on (innermost last). */
  readonly control: (readonly (readonly string[])[])[];
  /** Provenance: control[0..i] merged in order, filled in when first asked for (see controlUnion). */
  readonly unions: ((readonly string[])[] | undefined)[];
  /** Provenance (opt-in): told about every piece of top-level output and the data paths it depends on. */
  readonly spans:
    | ((start: number, end: number, paths: readonly (readonly string[])[], own: readonly (readonly string[])[]) => void)
    | null;
}

/** A fresh shared state for a top-level execution. */
export function newShared(
  missingKey: MissingKeyMode,
  tracer: ExecShared['tracer'],
  data: GoValue,
  maxDepth: number,
  rootWriter: Writer,
  spans: ExecShared['spans'] = null,
): ExecShared {
  // Spans need the same bookkeeping as the tracer; a silent tracer stands in when only spans are asked for.
  const t = tracer ?? (spans ? () => {} : null);
  const paths = t ? new WeakMap<object, readonly string[]>() : null;
  const root = t ? rootPath() : null;
  if (paths && root && data !== null && typeof data === 'object') paths.set(data, root);
  return {
    missingKey,
    tracer: t,
    paths,
    root,
    maxDepth,
    depth: 0,
    rootWriter,
    running: [],
    acc: null,
    inPipe: false,
    control: [],
    unions: [],
    spans,
  };
}

function pushControl(sh: ExecShared, deps: readonly (readonly string[])[]): void {
  sh.control.push(deps);
  sh.unions.push(undefined);
}

function popControl(sh: ExecShared): void {
  sh.control.pop();
  sh.unions.pop();
}

/**
 * Every enclosing condition's paths merged outermost first (what `deps` merged level by level gives): computed once
 * per level, not again for each piece of output written inside it.
 */
function controlUnion(sh: ExecShared): readonly (readonly string[])[] {
  const n = sh.control.length;
  if (n === 0) return [];
  let i = n - 1;
  while (i >= 0 && sh.unions[i] === undefined) i--;
  let u: (readonly string[])[] = i >= 0 ? sh.unions[i]! : [];
  for (let k = i + 1; k < n; k++) {
    u = mergeDeps(u, sh.control[k]!);
    sh.unions[k] = u;
  }
  return u;
}

/** `deps` followed by the enclosing conditions' paths (as merging each level in turn gives). */
function withControl(sh: ExecShared, deps: readonly (readonly string[])[]): readonly (readonly string[])[] {
  return mergeDeps(deps, controlUnion(sh));
}

/** Provenance: what the action being evaluated depends on (enclosing conditions and its pipeline's reads so far). */
export function actionDeps(sh: ExecShared): readonly (readonly string[])[] {
  let deps: readonly (readonly string[])[] = sh.acc ? leafPaths(sh.acc) : [];
  // Innermost condition first: it is the most specific test of the action.
  for (let i = sh.control.length - 1; i >= 0; i--) deps = mergeDeps(deps, sh.control[i]!);
  return deps;
}

/** Provenance: `p` was read by the pipeline being evaluated, if any. */
export function noteRead(sh: ExecShared, p: readonly string[]): void {
  if (sh.inPipe) (sh.acc ??= new Map()).set(pathKey(p), p);
}

const NO_DEPS: readonly (readonly string[])[] = Object.freeze([]);

const MISSING = Symbol('missing');
type Final = GoValue | typeof MISSING;

const enum Signal {
  None = 0,
  Break = 1,
  Continue = 2,
}

interface Var {
  name: string;
  value: GoValue;
  /** Provenance: the data paths this value was derived from (null when not tracing or none). */
  deps: readonly (readonly string[])[] | null;
}

const BUILTIN_NAMES = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
]);

export function isBuiltin(name: string): boolean {
  return BUILTIN_NAMES.has(name);
}

function errText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

const utf8 = new TextEncoder();

/** The paths of a read set without the containers read on the way to a leaf (Values, Values.bpf for Values.bpf.x). */
export function leafPaths(m: Map<string, readonly string[]>): (readonly string[])[] {
  if (m.size <= 1) return [...m.values()];
  // A path is a container when another path of the set lies below it: mark every ancestor of every path.
  const inner = new Set<string>();
  let unknown = false;
  for (const p of m.values()) {
    if (p.length <= 1) continue;
    const parent = parentPath(p);
    if (parent === undefined) {
      unknown = true;
      break;
    }
    for (let a: readonly string[] | undefined = parent; a !== undefined && a.length > 0; a = parentPath(a)) {
      const k = pathKey(a);
      if (inner.has(k)) break;
      inner.add(k);
    }
  }
  if (unknown) return leafPathsSlow(m);
  const out: (readonly string[])[] = [];
  for (const [k, p] of m) if (!inner.has(k)) out.push(p);
  return out;
}

/** leafPaths for paths not built by childPath (no parent links). */
function leafPathsSlow(m: Map<string, readonly string[]>): (readonly string[])[] {
  const out: (readonly string[])[] = [];
  for (const [k, p] of m) {
    const prefix = k + '\u0000';
    let isPrefix = false;
    for (const k2 of m.keys()) {
      if (k2.length > prefix.length && k2.startsWith(prefix)) {
        isPrefix = true;
        break;
      }
    }
    if (!isPrefix) out.push(p);
  }
  return out;
}

/**
 * `a` then the paths of `b` not in it. Both are lists without repeats (every list of paths the evaluator makes is),
 * so an empty side gives the other one unchanged, without building anything.
 */
export function mergeDeps(a: readonly (readonly string[])[], b: readonly (readonly string[])[]): (readonly string[])[] {
  if (b.length === 0) return a as (readonly string[])[];
  if (a.length === 0) return b as (readonly string[])[];
  const m = new Map<string, readonly string[]>();
  for (const p of a) m.set(pathKey(p), p);
  for (const p of b) m.set(pathKey(p), p);
  return [...m.values()];
}

/** Names of variables assigned with `=` anywhere inside a control node's branches (cached per node). */
const assignedCache = new WeakMap<Node, string[]>();
function assignedIn(node: Node): string[] {
  const hit = assignedCache.get(node);
  if (hit) return hit;
  const names = new Set<string>();
  const visit = (n: Node | null): void => {
    if (!n) return;
    switch (n.type) {
      case 'action':
        if (n.pipe.isAssign) for (const d of n.pipe.decl) names.add(d.ident[0]!);
        return;
      case 'list':
        n.nodes.forEach(visit);
        return;
      case 'if':
      case 'with':
      case 'range':
        visit(n.list);
        visit(n.elseList);
        return;
    }
  };
  if (node.type === 'if' || node.type === 'with' || node.type === 'range') {
    visit(node.list);
    visit(node.elseList);
  }
  const out = [...names];
  assignedCache.set(node, out);
  return out;
}

export class State {
  private vars: Var[];
  private node: AnyNode | null = null;
  /** True while dot is a range element (Go sees it as interface{}; error texts name that type). */
  private dotIface = false;

  constructor(
    private readonly sh: ExecShared,
    private readonly reg: Registry,
    private readonly tmpl: CompiledTemplate,
    private readonly w: Writer,
    dot: GoValue,
  ) {
    this.vars = [{ name: '$', value: dot, deps: null }];
  }

  run(dot: GoValue): void {
    this.sh.running.push(this.tmpl.name);
    try {
      this.walk(dot, this.tmpl.root);
    } finally {
      this.sh.running.pop();
    }
  }

  // ------------------------------------------------------------------------------------------------------
  // errors

  errorf(detail: string, call?: { func: string; cause: unknown }): never {
    const e = this.makeError(detail, call);
    if (this.sh.tracer) e.deps = actionDeps(this.sh);
    throw e;
  }

  private makeError(detail: string, call?: { func: string; cause: unknown }): TemplateError {
    const name = this.tmpl.name;
    const node = this.node;
    if (!node) {
      return new TemplateError(`template: ${name}: ${detail}`, 'exec', name, name, 0, 0, '', detail, call);
    }
    const text = node.tree.text;
    const before = text.slice(0, node.pos);
    const nl = before.lastIndexOf('\n');
    let line = 1;
    for (let k = before.indexOf('\n'); k >= 0; k = before.indexOf('\n', k + 1)) line++;
    const col = utf8.encode(before.slice(nl + 1)).length;
    const context = nodeString(node);
    const file = node.tree.parseName;
    return new TemplateError(
      `template: ${file}:${line}:${col}: executing ${quoteGo(name)} at <${context}>: ${detail}`,
      'exec',
      name,
      file,
      line,
      col,
      context,
      detail,
      call,
    );
  }

  // ------------------------------------------------------------------------------------------------------
  // walking

  private walk(dot: GoValue, node: Node): Signal {
    switch (node.type) {
      case 'text':
        if (this.sh.spans !== null && this.w === this.sh.rootWriter) {
          const start = this.w.s.length;
          this.w.s += node.text;
          this.reportSpan(start, null);
        } else this.w.s += node.text;
        return Signal.None;
      case 'action': {
        this.node = node;
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          if (this.sh.spans !== null && this.w === this.sh.rootWriter) {
            const start = this.w.s.length;
            const deps = this.lastDeps;
            this.printValue(node, val);
            this.reportSpan(start, deps);
          } else this.printValue(node, val);
        }
        return Signal.None;
      }
      case 'list':
        for (const n of node.nodes) {
          const s = this.walk(dot, n);
          if (s !== Signal.None) return s;
        }
        return Signal.None;
      case 'if':
      case 'with': {
        this.node = node;
        const mark = this.vars.length;
        const val = this.evalPipeline(dot, node.pipe);
        const control = this.sh.tracer !== null;
        const condDeps = this.lastDeps;
        if (control) pushControl(this.sh, condDeps);
        let sig = Signal.None;
        if (isTrue(val)) {
          if (node.type === 'with') {
            const saved = this.dotIface;
            this.dotIface = false;
            sig = this.walk(val, node.list);
            this.dotIface = saved;
          } else sig = this.walk(dot, node.list);
        } else if (node.elseList) sig = this.walk(dot, node.elseList);
        if (control) {
          popControl(this.sh);
          this.vars.length = mark;
          this.addBranchDeps(node, condDeps);
        }
        this.vars.length = mark;
        return sig;
      }
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'break':
        return Signal.Break;
      case 'continue':
        return Signal.Continue;
    }
  }

  private walkRange(dot: GoValue, r: RangeNode): Signal {
    this.node = r;
    const mark = this.vars.length;
    const val = this.evalPipeline(dot, r.pipe);
    const mark2 = this.vars.length;
    const nDecl = r.pipe.decl.length;
    const savedIface = this.dotIface;
    const tracingDeps = this.sh.tracer !== null;
    const rangeDeps = this.lastDeps;
    if (tracingDeps) pushControl(this.sh, rangeDeps);
    let elemPath: readonly string[] | null = null;
    const one = (index: GoValue, elem: GoValue): Signal => {
      if (nDecl > 0) {
        const top = this.vars[this.vars.length - 1]!;
        top.value = elem;
        if (tracingDeps) top.deps = elemPath ? [...rangeDeps, elemPath] : rangeDeps;
      }
      if (nDecl > 1) {
        const second = this.vars[this.vars.length - 2]!;
        second.value = index;
        if (tracingDeps) second.deps = rangeDeps;
      }
      this.dotIface = true;
      const s = this.walk(elem, r.list);
      this.dotIface = savedIface;
      this.vars.length = mark2;
      return s;
    };
    let ran = false;
    const tracing = this.sh.tracer !== null && val !== null && typeof val === 'object';
    if (Array.isArray(val)) {
      for (let i = 0; i < val.length; i++) {
        ran = true;
        const e = val[i];
        const elem = e === undefined ? null : e;
        if (tracing) elemPath = this.trace(val, String(i), elem);
        if (one(BigInt(i), elem) === Signal.Break) break;
      }
    } else if (val instanceof Map) {
      const keys = [...val.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const k of keys) {
        ran = true;
        const e = val.get(k);
        const elem = e === undefined ? null : e;
        if (tracing) elemPath = this.trace(val, k, elem);
        if (one(k, elem) === Signal.Break) break;
      }
    } else if (typeof val === 'bigint') {
      if (nDecl > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
      for (let i = 0n; i < val; i++) {
        ran = true;
        if (one(undefined, i) === Signal.Break) break;
      }
    } else if (val === undefined || val === null) {
      // no value: like an empty map
    } else {
      // Go reports this at the last node evaluated in the range pipeline.
      this.errorf(`range can't iterate over ${formatValue(val)}`);
    }
    let sig = Signal.None;
    if (!ran && r.elseList) sig = this.walk(dot, r.elseList);
    if (tracingDeps) {
      popControl(this.sh);
      this.vars.length = mark;
      this.addBranchDeps(r, rangeDeps);
      return sig;
    }
    this.vars.length = mark;
    return sig;
  }

  private walkTemplate(dot: GoValue, t: { pos: number; name: string; pipe: PipeNode | null } & AnyNode): Signal {
    this.node = t;
    const tmpl = this.reg.lookupTemplate(t.name);
    if (!tmpl) this.errorf(`template ${quoteGo(t.name)} not defined`);
    if (this.sh.depth >= this.sh.maxDepth) this.errorf(`exceeded maximum template depth (${this.sh.maxDepth})`);
    const newDot = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    this.sh.depth++;
    try {
      new State(this.sh, this.reg, tmpl, this.w, newDot).run(newDot);
    } finally {
      this.sh.depth--;
    }
    return Signal.None;
  }

  private printValue(node: ActionNode, v: GoValue): void {
    if (v === undefined || v === null) {
      this.w.s += '<no value>';
      return;
    }
    switch (typeof v) {
      case 'string':
        this.w.s += v;
        return;
      case 'function':
        this.node = node;
        this.errorf(`can't print ${nodeString(node)} of type ${goTypeName(v)}`);
    }
    this.w.s += formatValue(v);
  }

  // ------------------------------------------------------------------------------------------------------
  // evaluation

  /** Provenance: the data paths the last evaluated pipeline depended on (empty when not tracing). */
  private lastDeps: readonly (readonly string[])[] = [];

  private evalPipeline(dot: GoValue, pipe: PipeNode): GoValue {
    this.node = pipe;
    const sh = this.sh;
    const outerAcc = sh.acc;
    const outerIn = sh.inPipe;
    if (sh.tracer) {
      sh.acc = null;
      sh.inPipe = true;
    }
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A nil interface becomes "no value" between commands, as Go digs into interface{} results.
      if (value === null) value = undefined;
    }
    const v = value === MISSING ? undefined : value;
    let deps: readonly (readonly string[])[] | null = null;
    if (sh.tracer) {
      const mine = sh.acc;
      sh.acc = outerAcc;
      sh.inPipe = outerIn;
      if (mine) {
        if (outerIn) {
          const outer = (sh.acc ??= new Map());
          for (const [k, p] of mine) outer.set(k, p);
        }
        deps = leafPaths(mine);
      } else deps = NO_DEPS;
      this.lastDeps = deps;
      if (pipe.decl.length > 0) {
        // A variable's value also depends on the conditions of the blocks its assignment sits in.
        deps = withControl(sh, deps);
      }
    }
    for (const d of pipe.decl) {
      const name = d.ident[0]!;
      if (pipe.isAssign) this.setVar(name, v, deps);
      else this.vars.push({ name, value: v, deps });
    }
    return v;
  }

  private setVar(name: string, value: GoValue, deps: readonly (readonly string[])[] | null): void {
    for (let k = this.vars.length - 1; k >= 0; k--) {
      if (this.vars[k]!.name === name) {
        this.vars[k]!.value = value;
        this.vars[k]!.deps = deps;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private findVar(name: string): Var {
    for (let k = this.vars.length - 1; k >= 0; k--) {
      if (this.vars[k]!.name === name) return this.vars[k]!;
    }
    return this.errorf(`undefined variable: ${name}`);
  }

  private notAFunction(args: readonly ArgNode[] | null, final: Final): void {
    if ((args && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
    }
  }

  private evalCommand(dot: GoValue, cmd: CommandNode, final: Final): GoValue {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        return this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
  }

  private idealConstant(n: NumberNode): GoValue {
    this.node = n;
    if (n.error) this.errorf(n.error);
    return n.value;
  }

  private evalFieldNode(dot: GoValue, field: FieldNode, args: readonly ArgNode[] | null, final: Final): GoValue {
    this.node = field;
    return this.evalFieldChain(dot, dot, this.dotIface, field, field.ident, args, final);
  }

  private evalChainNode(dot: GoValue, chain: ChainNode, args: readonly ArgNode[] | null, final: Final): GoValue {
    this.node = chain;
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    let recv = this.evalArg(dot, chain.node);
    if (recv === null && chain.node.type === 'pipe') recv = undefined;
    return this.evalFieldChain(dot, recv, false, chain, chain.fields, args, final);
  }

  private evalVariableNode(dot: GoValue, v: VariableNode, args: readonly ArgNode[] | null, final: Final): GoValue {
    this.node = v;
    const slot = this.findVar(v.ident[0]!);
    const value = slot.value;
    if (slot.deps && this.sh.tracer) this.reportDerived(slot.deps);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, false, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    receiverIface: boolean,
    node: AnyNode,
    ident: readonly string[],
    args: readonly ArgNode[] | null,
    final: Final,
  ): GoValue {
    const n = ident.length;
    let recv = receiver;
    let iface = receiverIface;
    for (let k = 0; k < n - 1; k++) {
      recv = this.evalField(dot, ident[k]!, node, null, MISSING, recv, iface);
      iface = true;
    }
    return this.evalField(dot, ident[n - 1]!, node, args, final, recv, iface);
  }

  private evalField(
    dot: GoValue,
    fieldName: string,
    node: AnyNode,
    args: readonly ArgNode[] | null,
    final: Final,
    receiver: GoValue,
    receiverIface: boolean,
  ): GoValue {
    if (receiver === undefined) {
      if (this.sh.missingKey === 'error') this.errorf(`nil data; no entry for key ${quoteGo(fieldName)}`);
      return undefined;
    }
    if (receiver === null) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof Map) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      const v = receiver.get(fieldName);
      if (this.sh.tracer) this.trace(receiver, fieldName, v);
      if (v !== undefined) return v;
      if (receiver.has(fieldName)) return null;
      switch (this.sh.missingKey) {
        case 'default':
          return undefined;
        case 'zero':
          return null;
        case 'error':
          return this.errorf(`map has no entry for key ${quoteGo(fieldName)}`);
      }
    }
    if (receiver instanceof GoObject) {
      if (receiver.hasMethod(fieldName)) {
        return this.evalCall(dot, receiver.methods[fieldName]!, node, fieldName, args, final);
      }
      if (receiver.hasField(fieldName)) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        const v = receiver.fields[fieldName];
        if (this.sh.tracer) this.trace(receiver, fieldName, v);
        return v === undefined ? null : v;
      }
      return this.errorf(`can't evaluate field ${fieldName} in type ${receiver.typeName}`);
    }
    return this.errorf(
      `can't evaluate field ${fieldName} in type ${receiverIface ? 'interface {}' : goTypeName(receiver)}`,
    );
  }

  /**
   * Reports a read of key from container when the container's path from the root is known, and returns
   * that path (null when unknown).
   */
  trace(container: object, key: string, child: GoValue): readonly string[] | null {
    const sh = this.sh;
    const paths = sh.paths;
    if (!paths) return null;
    const p = paths.get(container);
    if (!p) return null;
    const cp = childPath(p, key);
    sh.tracer!(cp, sh.rootWriter.s.length, 'read');
    noteRead(sh, cp);
    if (child !== null && typeof child === 'object' && !paths.has(child)) paths.set(child, cp);
    return cp;
  }

  /**
   * After an if/with/range: every outer variable that its branches may assign now also depends on the
   * condition, whether or not a branch ran (a default left unchanged because the condition was false still
   * depends on that condition).
   */
  private addBranchDeps(node: Node, condDeps: readonly (readonly string[])[]): void {
    if (condDeps.length === 0) return;
    const names = assignedIn(node);
    if (names.length === 0) return;
    for (const name of names) {
      for (let k = this.vars.length - 1; k >= 0; k--) {
        const slot = this.vars[k]!;
        if (slot.name !== name) continue;
        slot.deps = mergeDeps(slot.deps ?? [], condDeps);
        break;
      }
    }
  }

  /** Tells the spans listener what the output just written depends on: enclosing conditions and its own pipeline. */
  private reportSpan(start: number, own: readonly (readonly string[])[] | null): void {
    const end = this.w.s.length;
    if (end === start) return;
    const deps = withControl(this.sh, own ?? []);
    this.sh.spans!(start, end, deps, own ?? []);
  }

  /** A variable was used: report the data paths its value came from, at the current output offset. */
  private reportDerived(deps: readonly (readonly string[])[]): void {
    const sh = this.sh;
    const off = sh.rootWriter.s.length;
    for (const p of deps) {
      sh.tracer!(p, off, 'derived');
      noteRead(sh, p);
    }
  }

  private evalArg(dot: GoValue, n: ArgNode): GoValue {
    this.node = n;
    switch (n.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldNode(dot, n, [n], MISSING);
      case 'variable':
        return this.evalVariableNode(dot, n, null, MISSING);
      case 'pipe':
        return this.evalPipeline(dot, n);
      case 'identifier':
        return this.evalFunction(dot, n, n, null, MISSING);
      case 'chain':
        return this.evalChainNode(dot, n, null, MISSING);
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
  }

  private evalFunction(
    dot: GoValue,
    node: IdentifierNode,
    cmd: AnyNode,
    args: readonly ArgNode[] | null,
    final: Final,
  ): GoValue {
    this.node = node;
    const name = node.name;
    const fn = this.reg.lookupFunc(name);
    if (fn) return this.evalCall(dot, fn, cmd, name, args, final);
    if (BUILTIN_NAMES.has(name)) return this.evalBuiltin(dot, cmd, name, args ? args.slice(1) : [], final);
    return this.errorf(`${quoteGo(name)} is not a defined function`);
  }

  /** Calls a caller-supplied function or method with evaluated arguments; a throw becomes Go's error. */
  private evalCall(
    dot: GoValue,
    fn: GoFunc,
    node: AnyNode,
    name: string,
    args: readonly ArgNode[] | null,
    final: Final,
  ): GoValue {
    const argNodes = args ? args.slice(1) : [];
    const numIn = argNodes.length + (final === MISSING ? 0 : 1);
    const argv = new Array<GoValue>(numIn);
    const sig = signatureOf(fn);
    if (sig) {
      const numFixed = sig.params.length;
      if (sig.variadic !== undefined) {
        if (numIn < numFixed)
          this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${argNodes.length}`);
      } else if (numIn !== numFixed) {
        this.errorf(`wrong number of args for ${name}: want ${numFixed} got ${numIn}`);
      }
      const typeAt = (k: number): GoParamType => (k < numFixed ? sig.params[k]! : sig.variadic!);
      for (let k = 0; k < argNodes.length; k++) argv[k] = this.evalTypedArg(dot, argNodes[k]!, typeAt(k));
      if (final !== MISSING) argv[argNodes.length] = this.validateType(final, typeAt(numIn - 1));
    } else {
      for (let k = 0; k < argNodes.length; k++) {
        const v = this.evalArg(dot, argNodes[k]!);
        argv[k] = v === undefined ? null : v;
      }
      if (final !== MISSING) argv[argNodes.length] = final === undefined ? null : final;
    }
    let result: GoValue;
    try {
      result = fn(...argv);
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
      this.node = node;
      return this.errorf(`error calling ${name}: ${errText(e)}`, { func: name, cause: e });
    }
    return result === undefined ? null : result;
  }

  /** An argument for a parameter of a declared Go type: literals must fit it, values must have it. */
  private evalTypedArg(dot: GoValue, n: ArgNode, typ: GoParamType): GoValue {
    if (typ === 'interface {}') {
      const v = this.evalArg(dot, n);
      return v === undefined ? null : v;
    }
    this.node = n;
    switch (n.type) {
      case 'nil':
        if (typ === 'map[string]interface {}' || typ === '[]interface {}') return null;
        return this.errorf(`cannot assign nil to ${typ}`);
      case 'bool':
        if (typ === 'bool') return n.value;
        break;
      case 'string':
        if (typ === 'string') return n.text;
        break;
      case 'number': {
        const v = n.value;
        if (typ === 'int' || typ === 'int64') {
          if (typeof v === 'bigint') return v;
          if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
          return this.errorf(`expected integer; found ${n.text}`);
        }
        if (typ === 'float64') {
          if (n.error) this.errorf(n.error);
          return Number(v);
        }
        break;
      }
      default:
        return this.validateType(this.evalArg(dot, n), typ);
    }
    switch (typ) {
      case 'bool':
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'string':
        return this.errorf(`expected string; found ${nodeString(n)}`);
      case 'int':
      case 'int64':
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'float64':
        return this.errorf(`expected float; found ${nodeString(n)}`);
      default:
        return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ}`);
    }
  }

  /** Go's validateType: a value passed to a typed parameter. */
  private validateType(v: GoValue, typ: GoParamType): GoValue {
    if (typ === 'interface {}') return v === undefined ? null : v;
    const nilable = typ === 'map[string]interface {}' || typ === '[]interface {}';
    if (v === undefined) {
      if (nilable) return null;
      return this.errorf(`invalid value; expected ${typ}`);
    }
    let ok: boolean;
    switch (typ) {
      case 'string':
        ok = typeof v === 'string';
        break;
      case 'int':
      case 'int64':
        ok = typeof v === 'bigint';
        break;
      case 'float64':
        ok = typeof v === 'number';
        break;
      case 'bool':
        ok = typeof v === 'boolean';
        break;
      case 'map[string]interface {}':
        ok = v instanceof Map;
        break;
      case '[]interface {}':
        ok = Array.isArray(v);
        break;
    }
    if (ok) return v;
    return this.errorf(`wrong type for value; expected ${typ}; got ${v === null ? 'interface {}' : goTypeName(v)}`);
  }

  // ------------------------------------------------------------------------------------------------------
  // Go's predefined functions

  private arity(name: string, nArgs: number, final: Final, min: number, variadic: boolean): void {
    const numIn = nArgs + (final === MISSING ? 0 : 1);
    if (variadic) {
      if (numIn < min) this.errorf(`wrong number of args for ${name}: want at least ${min} got ${nArgs}`);
    } else if (numIn !== min) {
      this.errorf(`wrong number of args for ${name}: want ${min} got ${numIn}`);
    }
  }

  /** Arguments of Go's own functions (reflect.Value parameters): a literal nil arrives as no value. */
  private evalAll(dot: GoValue, nodes: readonly ArgNode[], final: Final): GoValue[] {
    const out = nodes.map((n) => (n.type === 'nil' ? undefined : this.evalArg(dot, n)));
    if (final !== MISSING) out.push(final);
    return out;
  }

  private evalBuiltin(dot: GoValue, cmd: AnyNode, name: string, args: readonly ArgNode[], final: Final): GoValue {
    const call = <T extends GoValue>(f: () => T): T => {
      try {
        return f();
      } catch (e) {
        if (e instanceof TemplateError) throw e;
        if (e instanceof RangeError && /call stack/i.test(e.message)) throw e;
        this.node = cmd;
        return this.errorf(`error calling ${name}: ${errText(e)}`, { func: name, cause: e });
      }
    };
    const nilToNull = (v: GoValue) => (v === undefined ? null : v);
    switch (name) {
      case 'and':
      case 'or': {
        this.arity(name, args.length, final, 1, true);
        const wantTrue = name === 'or';
        let v: GoValue = undefined;
        for (const a of args) {
          v = this.evalArg(dot, a);
          if (isTrue(v) === wantTrue) return v;
        }
        if (final !== MISSING) v = final;
        return v;
      }
      case 'not': {
        this.arity(name, args.length, final, 1, false);
        return !isTrue(this.evalAll(dot, args, final)[0]);
      }
      case 'eq': {
        this.arity(name, args.length, final, 1, true);
        const v = this.evalAll(dot, args, final);
        return call(() => goEq(v[0], v.slice(1)));
      }
      case 'ne':
      case 'lt':
      case 'le':
      case 'gt':
      case 'ge': {
        this.arity(name, args.length, final, 2, false);
        const [a, b] = this.evalAll(dot, args, final);
        return call(() => {
          switch (name) {
            case 'ne':
              return !goEq(a, [b]);
            case 'lt':
              return goLt(a, b);
            case 'le':
              return goLe(a, b);
            case 'gt':
              return !goLe(a, b);
            default:
              return !goLt(a, b);
          }
        });
      }
      case 'len': {
        this.arity(name, args.length, final, 1, false);
        const [v] = this.evalAll(dot, args, final);
        return call(() => goLen(v, v === null));
      }
      case 'index': {
        this.arity(name, args.length, final, 1, true);
        const v = this.evalAll(dot, args, final);
        return call(() => {
          let item = v[0];
          if (item === null || item === undefined) throw new Error('index of untyped nil');
          for (const ix of v.slice(1)) {
            const container = item;
            item = indexOnce(container, ix === undefined ? null : ix);
            if (
              this.sh.tracer &&
              container !== null &&
              typeof container === 'object' &&
              (typeof ix === 'string' || typeof ix === 'bigint')
            ) {
              this.trace(container, String(ix), item);
            }
          }
          return item;
        });
      }
      case 'slice': {
        this.arity(name, args.length, final, 1, true);
        const v = this.evalAll(dot, args, final);
        return call(() => goSlice(v[0], v.slice(1)));
      }
      case 'print':
        return goSprint(this.evalAll(dot, args, final).map(nilToNull));
      case 'println':
        return goSprintln(this.evalAll(dot, args, final).map(nilToNull));
      case 'printf': {
        this.arity(name, args.length, final, 1, true);
        const fmtNode = args[0];
        let format: GoValue;
        if (fmtNode) {
          if (
            fmtNode.type === 'bool' ||
            fmtNode.type === 'number' ||
            fmtNode.type === 'nil' ||
            fmtNode.type === 'dot'
          ) {
            this.node = fmtNode;
            if (fmtNode.type === 'nil') this.errorf('cannot assign nil to string');
            if (fmtNode.type !== 'dot') this.errorf(`expected string; found ${nodeString(fmtNode)}`);
          }
          format = this.evalArg(dot, fmtNode);
        } else format = final === MISSING ? undefined : final;
        if (typeof format !== 'string') {
          if (format === undefined) this.errorf('invalid value; expected string');
          this.errorf(
            `wrong type for value; expected string; got ${format === null ? 'interface {}' : goTypeName(format)}`,
          );
        }
        const rest = fmtNode ? this.evalAll(dot, args.slice(1), final) : [];
        return goSprintf(format, rest.map(nilToNull));
      }
      case 'html':
        return goHtml(this.evalAll(dot, args, final));
      case 'js':
        return goJs(this.evalAll(dot, args, final));
      case 'urlquery':
        return goUrlQuery(this.evalAll(dot, args, final));
      case 'call': {
        this.arity(name, args.length, final, 1, true);
        const v = this.evalAll(dot, args, final);
        const fn = v[0];
        const fnName = args[0] ? nodeString(args[0]) : '<pipeline>';
        return call(() => {
          if (fn === null || fn === undefined) throw new Error('call of nil');
          if (typeof fn !== 'function') throw new Error(`non-function ${fnName} of type ${goTypeName(fn)}`);
          const r = fn(...v.slice(1).map(nilToNull));
          return r === undefined ? null : r;
        });
      }
    }
    return this.errorf(`${quoteGo(name)} is not a defined function`);
  }
}
