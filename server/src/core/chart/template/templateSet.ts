// The public entry point: a set of named templates sharing functions and `define`d templates, as Go's
// *template.Template with its associated templates.

import type { GoFunc, GoValue } from './values';

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
 * Called whenever a field or map key is read from the data during execution.
 * @param path the keys from the data root, e.g. ["Values", "bpf", "masquerade"]. Reads through variables,
 *   `index`, parenthesised pipelines and nested templates keep the full path as long as the container they read
 *   from was itself reached from the root.
 * @param outputOffset the length of the top-level output written so far (inside `include`/`tpl`, the
 *   position in the outermost output where the nested result is being computed).
 */
export type ReadTracer = (path: readonly string[], outputOffset: number) => void;

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
}

export interface ExecuteOptions {
  /** Overrides the set's missingKey for this execution. */
  missingKey?: MissingKey;
  /** Receives every data read with its path and the output offset at that moment. */
  tracer?: ReadTracer;
}

export class TemplateSet {
  constructor(options: TemplateSetOptions = {}) {
    void options;
    throw new Error('not implemented yet');
  }

  /** Adds (or replaces) functions. Must be called before parsing templates that use them. */
  addFuncs(funcs: FuncMap): this {
    void funcs;
    return this;
  }

  /**
   * Parses `text` as the template `name` (the file) and adds every `define`/`block` in it to the set.
   * Throws a TemplateError (kind 'parse') with Go's message. A later definition of a name replaces the
   * earlier one, except that an empty definition never replaces a non-empty one (Go's rule).
   */
  parse(name: string, text: string): void {
    void name;
    void text;
  }

  /** True when a template (file or `define`) of this name exists. */
  has(name: string): boolean {
    void name;
    return false;
  }

  /** All template names, sorted. */
  names(): string[] {
    return [];
  }

  /** Executes the named template with `data` as `.` and `$`; returns the output. Throws TemplateError. */
  execute(name: string, data: GoValue, options: ExecuteOptions = {}): string {
    void name;
    void data;
    void options;
    return '';
  }

  /**
   * Executes a named template from inside a function (Helm's `include`). Within a running execution it shares
   * that execution's tracer, missingkey and depth budget, and reports reads at the outer output offset;
   * outside one it behaves like execute(). Errors are thrown as TemplateError, which the calling function
   * turns into `error calling include: template: ...` as Go/Helm do.
   */
  executeNested(name: string, data: GoValue): string {
    void name;
    void data;
    return '';
  }

  /**
   * Parses `text` at run time and executes it with `data` (Helm's `tpl`). The text sees every template defined
   * in the set; `define`s inside it stay local to this call. `name` is the template name used in error
   * messages (Helm uses the name of the template calling `tpl`). Parsed texts are cached.
   */
  executeText(name: string, text: string, data: GoValue, options: ExecuteOptions = {}): string {
    void name;
    void text;
    void data;
    void options;
    return '';
  }

  /**
   * For functions that read maps themselves (Sprig's hasKey, get, dig): reports a read of `key` from
   * `container` to the current execution's tracer, if the container's path from the data root is known.
   */
  traceRead(container: GoValue, key: string): void {
    void container;
    void key;
  }

  /** The path from the data root by which `container` was reached in the current execution, if known. */
  pathOf(container: GoValue): readonly string[] | undefined {
    void container;
    return undefined;
  }

  /** The name of the template currently executing (innermost), e.g. for Helm's `tpl`; undefined when idle. */
  currentTemplateName(): string | undefined {
    return undefined;
  }
}
