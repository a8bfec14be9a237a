// Errors raised while parsing or executing a template. The message follows Go's text/template wording
// because Helm shows those texts to users (and our differential tests compare them with the real Helm's):
//
//   parse:     template: NAME:LINE: DETAIL
//   execution: template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: DETAIL
//
// FILE is the file (parse name) holding the failing node, NAME the template being executed (a `define`d
// name when the error happens inside one), COL Go's 0-based byte column in the line and CONTEXT the failing
// node written back as source (current Go releases no longer shorten it; Go before 1.18 cut it to 20 bytes).

export type TemplateErrorKind = 'parse' | 'exec';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';

  constructor(
    /** The full Go-style message. */
    message: string,
    readonly kind: TemplateErrorKind,
    /** The template being executed (exec) or parsed (parse). */
    readonly templateName: string,
    /** The file the failing node comes from (its parse name). */
    readonly fileName: string,
    /** 1-based line in `fileName`. */
    readonly line: number,
    /** Go's 0-based byte column in the line (exec errors only; 0 for parse errors). */
    readonly column: number,
    /** The failing node written back as source (exec errors only). */
    readonly context: string,
    /** The detail after the location, e.g. `error calling fail: bad value` or `nil pointer evaluating ...`. */
    readonly detail: string,
    /** For `error calling F: ...`: the function name and the error the function threw. */
    readonly call?: { readonly func: string; readonly cause: unknown },
  ) {
    super(message);
  }

  /**
   * Provenance (only when the execution traced reads): the data paths the failing action depended on — the
   * conditions of every if/with/range around it and what its own pipeline had read when it failed.
   */
  deps?: readonly (readonly string[])[];
}
