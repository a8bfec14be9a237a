// The public entry point: a set of named templates sharing functions and `define`d templates, as Go's
// *template.Template with its associated templates.

import type { ListNode } from './ast';
import { TemplateError } from './errors';
import {
  actionDeps,
  isBuiltin,
  newShared,
  noteRead,
  State,
  type CompiledTemplate,
  type ExecShared,
  type Registry,
  type Writer,
} from './exec';
import { quoteGo } from './format';
import { childPath } from './paths';
import { isEmptyList, parseTemplate, unquoteGo, type ParsedFile } from './parser';
import { GoObject, type GoFunc, type GoValue } from './values';

/**
 * Functions callable from templates by name. A function receives Go values and returns one; to return a Go
 * error it throws (any Error): the template then fails with `error calling NAME: <message>`.
 */
export type FuncMap = Record<string, GoFunc>;

/**
 * Go's `missingkey` option: what a missing map key gives.
 * - `default` (Go's default): no value; prints `<no value>`.
 * - `zero`: the map element type's zero value — for `map[string]interface{}` a nil interface, which prints
 *   `<no value>` too but makes a longer field chain through it an error. **Helm uses `zero`.**
 * - `error`: execution stops with `map has no entry for key "K"` (Helm's --strict).
 */
export type MissingKey = 'default' | 'zero' | 'error';

/**
 * Provenance hook, called during execution:
 * - kind 'read': a field or map key was read from the data (also by `index`, `range`, and functions calling
 *   traceRead). Reads through variables, parenthesised pipelines and nested templates keep the full path as
 *   long as the container read from was itself reached from the root (`$v := .Values.bpf` then `$v.masquerade`
 *   reports ["Values","bpf","masquerade"]).
 * - kind 'derived': a variable was used, and its value had been computed from this data path — read by the
 *   pipeline that assigned it, or by the condition of an if/with/range enclosing that assignment (so a
 *   `$default := "false"` reassigned inside `{{ if .Values.eni.enabled }}` reports eni.enabled wherever
 *   `$default` is used later). Reported once per path for each use.
 * @param path the keys from the data root, e.g. ["Values", "bpf", "masquerade"]; list elements by index.
 * @param outputOffset the length of the top-level output written so far (inside `include`/`tpl`, the
 *   position in the outermost output where the nested result is being computed).
 */
export type ReadTracer = (path: readonly string[], outputOffset: number, kind: 'read' | 'derived') => void;

export interface TemplateSetOptions {
  /** Functions available to templates (in addition to Go's built-ins; same names override built-ins). */
  funcs?: FuncMap;
  /** Default `missingkey` behaviour for executions (Go's default is `default`; Helm uses `zero`). */
  missingKey?: MissingKey;
  /**
   * Accept calls to functions that are not defined when parsing (Go's parse.SkipFuncCheck). Calling such a
   * function at execution time fails. Without this, an unknown function is a parse error, as in Go.
   */
  skipFuncCheck?: boolean;
  /** Maximum nesting of `template`/nested executions before failing (Go: 100000). */
  maxDepth?: number;
  /** The set's own name, used in "no template X associated with template NAME" (Helm's is `gotpl`). */
  name?: string;
}

/**
 * Provenance by output span (opt-in): called for each piece of the top-level output as it is written —
 * literal text and printed values — with the data paths it depends on: the conditions of every if/with/range
 * it sits in (the branch taken), and for a printed value everything its pipeline read (directly, through
 * variables, or inside include/tpl). Unlike ReadTracer offsets, reads of conditions whose block wrote nothing
 * are not attached to the next line. Paths are leaves only (no containers read on the way). `own` is the part of
 * `paths` the printed value itself was computed from (empty for literal text).
 */
export type SpanListener = (
  start: number,
  end: number,
  paths: readonly (readonly string[])[],
  own: readonly (readonly string[])[],
) => void;

export interface ExecuteOptions {
  /** Overrides the set's missingKey for this execution. */
  missingKey?: MissingKey;
  /** Receives every data read with its path and the output offset at that moment. */
  tracer?: ReadTracer;
  /** Receives every written piece of output with the data paths it depends on. */
  spans?: SpanListener;
}

export class TemplateSet {
  private readonly templates = new Map<string, Entry>();
  /** Files registered with parseLazy and not parsed yet, by file name (`preparsed`: their tree, made at build time). */
  private readonly pending = new Map<string, { text: string; seq: number; preparsed?: () => ParsedFile }>();
  /** For pending files: template name → files that (by a quick scan) define it. */
  private readonly pendingIndex = new Map<string, string[]>();
  private seq = 0;
  /** How the set's files were turned into trees: by the parser, or from a tree made at build time (tests, bench). */
  readonly loadStats = { parsed: 0, preparsed: 0 };
  private readonly funcs = new Map<string, GoFunc>();
  private readonly missingKey: MissingKey;
  private readonly skipFuncCheck: boolean;
  private readonly maxDepth: number;
  private readonly setName: string;
  /** Parsed `tpl` texts by name and text (bounded). */
  private readonly textCache = new Map<string, ParsedFile>();
  /** The running execution, if any (nested calls from functions join it). */
  private active: ExecShared | null = null;

  constructor(options: TemplateSetOptions = {}) {
    this.missingKey = options.missingKey ?? 'default';
    this.skipFuncCheck = options.skipFuncCheck ?? false;
    this.maxDepth = options.maxDepth ?? 100000;
    this.setName = options.name ?? 'gotpl';
    if (options.funcs) this.addFuncs(options.funcs);
  }

  /** Adds (or replaces) functions. Must be called before parsing templates that use them. */
  addFuncs(funcs: FuncMap): this {
    for (const [name, fn] of Object.entries(funcs)) this.funcs.set(name, fn);
    return this;
  }

  private readonly hasFunction = (name: string): boolean => this.funcs.has(name) || isBuiltin(name);

  private readonly registry: Registry = {
    lookupTemplate: (name) => this.lookup(name),
    lookupFunc: (name) => this.funcs.get(name),
  };

  /**
   * Go's rule for several definitions of one name, applied by parse order (seq) so lazily parsed files give
   * the same result: a later definition replaces an earlier one, except that an empty definition (only
   * spaces and comments) never replaces a non-empty one.
   */
  private add(name: string, root: ListNode, seq: number): void {
    const old = this.templates.get(name);
    const empty = isEmptyList(root);
    if (old) {
      const newer = seq > old.seq;
      const wins = newer ? !(empty && !old.empty) : old.empty && !empty;
      if (!wins) return;
    }
    this.templates.set(name, { name, root, seq, empty });
  }

  private addParsed(name: string, text: string, seq: number, preparsed?: () => ParsedFile): void {
    const parsed = preparsed ? preparsed() : this.parseFile(name, text);
    if (preparsed) this.loadStats.preparsed++;
    else this.loadStats.parsed++;
    for (const d of parsed.defines) this.add(d.name, d.root, seq);
    this.add(name, parsed.root, seq);
  }

  /**
   * Parses `text` as the file `name` with this set's function check, without adding it: what parse() would add
   * (tools/gen-charts.ts ships it pre-parsed; parseLazy takes it back). Throws a TemplateError (kind 'parse').
   */
  parseFile(name: string, text: string): ParsedFile {
    return parseTemplate(name, text, this.skipFuncCheck ? null : this.hasFunction);
  }

  /**
   * Parses `text` as the template `name` (the file) and adds every `define`/`block` in it to the set.
   * Throws a TemplateError (kind 'parse') with Go's message. A later definition of a name replaces the
   * earlier one, except that an empty definition never replaces a non-empty one (Go's rule).
   */
  parse(name: string, text: string): void {
    this.addParsed(name, text, ++this.seq);
  }

  /**
   * Registers a file to be parsed only when one of its templates is first needed (executed, called with
   * `template`/include, or asked for with has()). A quick scan finds the names it defines; if a name is not
   * found that way, every pending file is parsed before giving up, so the result is always the same as with
   * parse(). Parse errors surface when the file is parsed (Helm would report them before rendering).
   * `preparsed`, when given, returns what parseFile(name, text) gives (a tree made at build time) and is called
   * instead of the parser.
   */
  parseLazy(name: string, text: string, preparsed?: () => ParsedFile): void {
    const seq = ++this.seq;
    this.pending.set(name, { text, seq, preparsed });
    const names = new Set<string>([name]);
    for (const m of text.matchAll(/\{\{-?\s*(?:define|block)\s+(?:"((?:[^"\\\n]|\\.)*)"|`([^`]*)`)/g)) {
      const raw = m[1] !== undefined ? unquoteGo(`"${m[1]}"`) : (m[2] ?? null);
      if (raw !== null) names.add(raw);
    }
    for (const n of names) {
      const files = this.pendingIndex.get(n);
      if (files) files.push(name);
      else this.pendingIndex.set(n, [name]);
    }
  }

  private parsePending(file: string): void {
    const p = this.pending.get(file);
    if (!p) return;
    this.pending.delete(file);
    this.addParsed(file, p.text, p.seq, p.preparsed);
  }

  private parseAllPending(): void {
    for (const file of [...this.pending.keys()]) this.parsePending(file);
    this.pendingIndex.clear();
  }

  private lookup(name: string): CompiledTemplate | undefined {
    if (this.pending.size > 0) {
      const files = this.pendingIndex.get(name);
      if (files) {
        this.pendingIndex.delete(name);
        for (const f of files) this.parsePending(f);
      }
      if (!this.templates.has(name)) this.parseAllPending();
    }
    return this.templates.get(name);
  }

  /**
   * For a function called by a running execution that traces reads: the data paths the calling action depends
   * on (the conditions around it and what its pipeline read). Empty outside one.
   */
  currentDeps(): readonly (readonly string[])[] {
    const sh = this.active;
    return sh && sh.tracer ? actionDeps(sh) : [];
  }

  /** True when a template (file or `define`) of this name exists. */
  has(name: string): boolean {
    return this.lookup(name) !== undefined;
  }

  /** All template names, sorted (parses any files still pending). */
  names(): string[] {
    this.parseAllPending();
    return [...this.templates.keys()].sort();
  }

  /** Executes the named template with `data` as `.` and `$`; returns the output. Throws TemplateError. */
  execute(name: string, data: GoValue, options: ExecuteOptions = {}): string {
    const tmpl = this.lookup(name);
    if (!tmpl) throw this.noTemplate(name);
    return this.runTopLevel(this.registry, tmpl, name, data, options);
  }

  /** One execution of its own (not nested in a running one): its own writer, tracer, missingkey and depth budget. */
  private runTopLevel(
    reg: Registry,
    tmpl: CompiledTemplate,
    name: string,
    data: GoValue,
    options: ExecuteOptions,
  ): string {
    const writer: Writer = { s: '' };
    const shared = newShared(
      options.missingKey ?? this.missingKey,
      options.tracer ?? null,
      data,
      this.maxDepth,
      writer,
      options.spans ?? null,
    );
    const outer = this.active;
    this.active = shared;
    try {
      new State(shared, reg, tmpl, writer, data).run(data);
    } catch (e) {
      throw stackOverflowAsTemplateError(e, name);
    } finally {
      this.active = outer;
    }
    return writer.s;
  }

  private noTemplate(name: string): TemplateError {
    const detail = `no template ${quoteGo(name)} associated with template ${quoteGo(this.setName)}`;
    return new TemplateError(`template: ${detail}`, 'exec', name, name, 0, 0, '', detail);
  }

  /**
   * Executes a named template from inside a function (Helm's `include`). Within a running execution it shares
   * that execution's tracer, missingkey and depth budget, and reports reads at the outer output offset;
   * outside one it behaves like execute(). Errors are thrown as TemplateError, which the calling function
   * turns into `error calling include: template: ...` as Go/Helm do.
   */
  executeNested(name: string, data: GoValue): string {
    const sh = this.active;
    if (!sh) return this.execute(name, data);
    const tmpl = this.lookup(name);
    if (!tmpl) throw this.noTemplate(name);
    return this.runNested(sh, this.registry, tmpl, data);
  }

  private runNested(sh: ExecShared, reg: Registry, tmpl: CompiledTemplate, data: GoValue): string {
    if (sh.depth >= sh.maxDepth) {
      const detail = `exceeded maximum template depth (${sh.maxDepth})`;
      throw new TemplateError(`template: ${tmpl.name}: ${detail}`, 'exec', tmpl.name, tmpl.name, 0, 0, '', detail);
    }
    const writer: Writer = { s: '' };
    sh.depth++;
    try {
      new State(sh, reg, tmpl, writer, data).run(data);
    } finally {
      sh.depth--;
    }
    return writer.s;
  }

  /**
   * Parses `text` at run time and executes it with `data` (Helm's `tpl`). The text sees every template defined
   * in the set; `define`s inside it stay local to this call. `name` is the template name used in error
   * messages: Helm parses tpl text under its root template's name, `gotpl`. Parsed texts are cached.
   */
  executeText(name: string, text: string, data: GoValue, options: ExecuteOptions = {}): string {
    const key = name + '\u0000' + text;
    let parsed = this.textCache.get(key);
    if (!parsed) {
      parsed = parseTemplate(name, text, this.skipFuncCheck ? null : this.hasFunction);
      if (this.textCache.size >= 1000) this.textCache.clear();
      this.textCache.set(key, parsed);
    }
    const local = new Map<string, CompiledTemplate>();
    for (const d of parsed.defines) local.set(d.name, { name: d.name, root: d.root });
    const self: CompiledTemplate = { name, root: parsed.root };
    local.set(name, self);
    const reg: Registry = {
      lookupTemplate: (n) => local.get(n) ?? this.lookup(n),
      lookupFunc: (n) => this.funcs.get(n),
    };
    const sh = this.active;
    if (sh && options.missingKey === undefined && options.tracer === undefined && options.spans === undefined)
      return this.runNested(sh, reg, self, data);
    return this.runTopLevel(reg, self, name, data, options);
  }

  /**
   * For functions that read maps themselves (Sprig's hasKey, get, dig): reports a read of `key` from
   * `container` to the current execution's tracer, if the container's path from the data root is known.
   */
  traceRead(container: GoValue, key: string): void {
    const sh = this.active;
    if (!sh || !sh.tracer || !sh.paths || container === null || typeof container !== 'object') return;
    const p = sh.paths.get(container);
    if (!p) return;
    const cp = childPath(p, key);
    sh.tracer(cp, sh.rootWriter.s.length, 'read');
    noteRead(sh, cp);
    let child: GoValue = undefined;
    if (container instanceof Map) child = container.get(key);
    else if (container instanceof GoObject) child = container.fields[key];
    if (child !== null && typeof child === 'object' && !sh.paths.has(child)) sh.paths.set(child, cp);
  }

  /**
   * For functions whose result comes from outside the data (Helm's `lookup` asks the cluster): reports a read of
   * the path [`source`] (a name no template can write as a field) to the current execution's tracer, as if the
   * result had been read from the data there, so whatever the result decides (a variable holding it, an `if` on it,
   * a `fail` under that `if`) depends on that path; and reads from the result are reported below it.
   */
  traceSource(source: string, result: GoValue): void {
    const sh = this.active;
    if (!sh || !sh.tracer || !sh.paths || !sh.root) return;
    const p = childPath(sh.root, source);
    sh.tracer(p, sh.rootWriter.s.length, 'read');
    noteRead(sh, p);
    if (result !== null && typeof result === 'object' && !sh.paths.has(result)) sh.paths.set(result, p);
  }

  /** The path from the data root by which `container` was reached in the current execution, if known. */
  pathOf(container: GoValue): readonly string[] | undefined {
    const sh = this.active;
    if (!sh || !sh.paths || container === null || typeof container !== 'object') return undefined;
    return sh.paths.get(container);
  }

  /** The name of the template currently executing (innermost), e.g. for Helm's `tpl`; undefined when idle. */
  currentTemplateName(): string | undefined {
    const r = this.active?.running;
    return r && r.length > 0 ? r[r.length - 1] : undefined;
  }
}

interface Entry extends CompiledTemplate {
  /** Order of the parse()/parseLazy() call that produced it. */
  readonly seq: number;
  readonly empty: boolean;
}

/** A JavaScript stack overflow (runaway template recursion) reported as a template error, not a crash. */
function stackOverflowAsTemplateError(e: unknown, name: string): unknown {
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    const detail = 'template recursion too deep (stack exhausted)';
    return new TemplateError(`template: ${name}: ${detail}`, 'exec', name, name, 0, 0, '', detail);
  }
  return e;
}
