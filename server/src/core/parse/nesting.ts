// A linear pre-scan that bounds how deeply a text nests before the YAML parser sees it. The parser recurses
// once per nesting level; around a thousand levels deep (`- - - … x`, `[[[…]]]`) a second parse in the same
// process dies inside V8 with "RegExpCompiler Allocation failed", a fatal error no try/catch can stop, so the
// language server would crash on every restart. Counting is cheap; recursing is not.
//
// The estimate is deliberately conservative: it may count a level the parser would not (a `[` at the start of
// a block-scalar line, a bracket inside a multi-line quoted string), but it must never miss one the parser
// would build. That is why quotes are honoured only within one line and only inside flow collections, and
// why the indentation levels are counted on every line whatever the scanner thinks the context is.

/**
 * Deepest nesting we hand to the parser. Parsing twice in one process first failed at about 1,000 levels in
 * our measurements (node 20, default stack), so 200 keeps a five-fold margin for the deeper stack of the
 * language server. Real files are far below it: Cilium's own chart values nest 8 levels, Kubernetes
 * manifests rarely more than 20, and pretty-printed JSON would need 100 levels before it reached this.
 */
export const MAX_NESTING = 200;

export interface ExcessiveNesting {
  /** The estimated depth when the scan stopped (just above the limit). */
  depth: number;
  /** Offset of the character where the limit was crossed. */
  offset: number;
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

function isBreak(c: number): boolean {
  return c === LF || c === CR;
}

/** Blank in YAML's sense: a separator after an indicator (also true at the end of the text). */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/** Counter for tests: how many characters the scan looked at (must stay linear in the input). */
export const nestingScanSteps = { count: 0 };

/**
 * Returns where the text first nests deeper than `limit`, or undefined if it never does. One pass, O(n): each
 * character is looked at once and each indentation level is pushed and popped at most once.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): ExcessiveNesting | undefined {
  const indents: number[] = []; // columns of the block levels open at the current line, increasing
  let flow = 0; // open `[` / `{`
  let flowBase = 0; // block depth when the outermost flow collection opened
  const n = text.length;
  let i = 0;
  while (i < n) {
    // --- Line start: indentation (spaces only; a tab cannot indent YAML).
    let col = 0;
    while (i < n && text.charCodeAt(i) === SPACE) {
      i++;
      col++;
    }
    nestingScanSteps.count += col;
    const first = text.charCodeAt(i);
    if (i < n && !isBreak(first) && first !== 35 /* # */) {
      while (indents.length > 0 && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
    }
    let sameLine = 0; // `- - x`, `? - x`: levels opened on this very line
    let valueStart = true; // the next token may open a flow collection or a quoted scalar
    let quote = 0; // inside a quoted scalar in a flow collection (`"` or `'`), reset at the end of the line
    let prev = SPACE;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      nestingScanSteps.count++;
      if (isBreak(c)) break;
      if (quote !== 0) {
        if (quote === 34 && c === 92 /* \ */ && !isBreak(text.charCodeAt(i + 1))) i++;
        else if (c === quote) {
          if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
          else {
            quote = 0;
            valueStart = false;
          }
        }
        prev = c;
        continue;
      }
      if (c === SPACE || c === TAB) {
        prev = c;
        continue;
      }
      const next = text.charCodeAt(i + 1);
      if (c === 35 /* # */ && (prev === SPACE || prev === TAB)) {
        // A comment runs to the end of the line.
        while (i + 1 < n && !isBreak(text.charCodeAt(i + 1))) i++;
        continue;
      }
      if (c === 91 /* [ */ || c === 123 /* { */) {
        if (flow > 0 || valueStart) {
          if (flow === 0) flowBase = indents.length + sameLine;
          flow++;
          if (flowBase + flow > limit) return { depth: flowBase + flow, offset: i };
          valueStart = true;
          prev = c;
          continue;
        }
      } else if (c === 93 /* ] */ || c === 125 /* } */) {
        if (flow > 0) {
          flow--;
          valueStart = false;
          prev = c;
          continue;
        }
      } else if (flow > 0 && c === 44 /* , */) {
        valueStart = true;
        prev = c;
        continue;
      } else if (flow > 0 && (c === 34 || c === 39) && valueStart) {
        quote = c;
        prev = c;
        continue;
      } else if (
        c === 58 /* : */ &&
        (isBlank(next) || (flow > 0 && (next === 44 || next === 93 || next === 125 || prev === 34 || prev === 39)))
      ) {
        valueStart = true;
        prev = c;
        continue;
      } else if ((c === 45 /* - */ || c === 63) /* ? */ && valueStart && isBlank(next)) {
        // A block sequence entry or explicit key; on the same line as another one it opens a nested level.
        // Inside a flow collection this is invalid YAML, but the parser may still nest it: count it anyway.
        sameLine++;
        if (indents.length + sameLine + flow > limit) return { depth: indents.length + sameLine + flow, offset: i };
        prev = c;
        continue;
      } else if ((c === 33 /* ! */ || c === 38) /* & */ && valueStart) {
        // A tag or an anchor: the value still starts after it.
        while (i + 1 < n && !isBlank(text.charCodeAt(i + 1))) {
          i++;
          nestingScanSteps.count++;
        }
        prev = text.charCodeAt(i);
        continue;
      }
      valueStart = false;
      prev = c;
    }
    if (indents.length + sameLine > limit) return { depth: indents.length + sameLine, offset: i };
    // Line break: `\r\n`, `\n` or a lone `\r` (old Mac files), as the parser and the line index read them.
    if (i < n) i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  }
  return undefined;
}
