// Values files are often templates themselves (Helm `{{ }}`, helmfile .gotmpl, Terraform `${}` / `%{}`).
// We cannot evaluate those, so we blank them out before parsing and remember where they were: a value that
// came from a template is "unknown" to every rule instead of a parse error that hides the whole file.
//
// This runs on every keystroke over text anyone may open, so it is a hand-written scanner, linear in the
// length of the text: no backtracking regular expression ever sees user text here (a line of `{{a}}` × 27
// used to take seconds, and `${` × 100,000 minutes).

import type { Range } from '../types';
import { partitionPoint } from '../partitionPoint';

/**
 * What a masked template expression becomes: a private-use character, repeated to keep the width. It is a plain
 * scalar character for YAML (also inside flow mappings, where `{` `}` of `${X}` would not be), and any string
 * value containing it, even one parsed again from a block scalar (embedded values), is known to be templated.
 */
export const TEMPLATE_FILL = '\uE000';

export interface MaskedText {
  /** Same length as the input, template expressions replaced so the rest stays parseable YAML. */
  text: string;
  templates: Range[];
}

/** Counter for tests: characters looked at by the masker (must grow linearly with the input). */
export const maskSteps = { count: 0 };

export function maskTemplates(input: string): MaskedText {
  if (!input.includes('{{') && !input.includes('%{') && !input.includes('${')) return { text: input, templates: [] };
  const templates: Range[] = [];
  const out: string[] = [];
  let lineStart = 0;
  while (lineStart <= input.length) {
    // A line ends at `\n`, `\r\n` or a lone `\r`; the break itself is copied unchanged.
    let lineEnd = lineStart;
    while (lineEnd < input.length && input.charCodeAt(lineEnd) !== 10 && input.charCodeAt(lineEnd) !== 13) lineEnd++;
    maskSteps.count += lineEnd - lineStart + 1;
    const line = input.slice(lineStart, lineEnd);
    if (isCommentLine(line)) {
      // A template inside a comment changes nothing Helm sees.
      out.push(line);
    } else if (isOnlyTemplates(line)) {
      // A control line such as `{{- if .Values.x }}` or `%{ endif }`: drop it from the YAML entirely.
      templates.push({ start: lineStart, end: lineEnd });
      out.push(' '.repeat(line.length));
    } else {
      out.push(maskInline(line, lineStart, templates));
    }
    if (lineEnd >= input.length) break;
    const breakLength = input.charCodeAt(lineEnd) === 13 && input.charCodeAt(lineEnd + 1) === 10 ? 2 : 1;
    out.push(input.slice(lineEnd, lineEnd + breakLength));
    lineStart = lineEnd + breakLength;
  }
  return { text: out.join(''), templates };
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

function isCommentLine(line: string): boolean {
  let i = 0;
  while (i < line.length && isSpaceOrTab(line.charCodeAt(i))) i++;
  return line.charCodeAt(i) === 35; // #
}

/**
 * True when the line is nothing but templates and blanks: `{{ … }}` (anything up to a later `}}`, so
 * `{{ a }} x {{ b }}` counts as one expression) and `%{ … }` (no `}` inside). Decided with one left-to-right
 * pass over "positions where a template may start", which is what the former regular expression meant.
 */
function isOnlyTemplates(line: string): boolean {
  const n = line.length;
  // reachable[i]: a template may start at i (after skipping blanks); the line matches if n is reachable.
  const reachable = new Uint8Array(n + 1);
  const skipBlanks = (i: number) => {
    while (i < n && isSpaceOrTab(line.charCodeAt(i))) i++;
    return i;
  };
  reachable[skipBlanks(0)] = 1;
  let braceOpenAt = -1; // earliest reachable `{{`: every later `}}` can close it
  let tokens = 0;
  for (let i = 0; i < n; i++) {
    if (reachable[i]) {
      if (line.startsWith('{{', i) && braceOpenAt < 0) braceOpenAt = i;
      if (line.startsWith('%{', i)) {
        const close = line.indexOf('}', i + 2);
        if (close >= 0) {
          reachable[skipBlanks(close + 1)] = 1;
          tokens++;
        }
      }
    }
    // `}}` at i closes the reachable `{{` if it opened at least two characters before.
    if (braceOpenAt >= 0 && i >= braceOpenAt + 2 && line.charCodeAt(i) === 125 && line.charCodeAt(i + 1) === 125) {
      reachable[skipBlanks(i + 2)] = 1;
      tokens++;
    }
  }
  return tokens > 0 && reachable[n] === 1 && n > 0;
}

/**
 * Replaces inline templates, leftmost first, as a global regex would: `{{ … }}` up to the first `}}`,
 * `%{ … }` and `${ … }` up to the first `}` (a digits-only `${N}` is a regex capture group, not a template).
 */
function maskInline(line: string, offset: number, templates: Range[]): string {
  const parts: string[] = [];
  let copied = 0;
  let noDoubleClose = false; // no `}}` left on this line: no later `{{` can be closed
  let noSingleClose = false; // no `}` left: no later `%{` / `${` can be closed
  for (let i = 0; i < line.length - 1; i++) {
    const c = line.charCodeAt(i);
    const next = line.charCodeAt(i + 1);
    if (next !== 123 /* { */) continue;
    let end = -1;
    if (c === 123 /* { */ && !noDoubleClose) {
      const close = line.indexOf('}}', i + 2);
      if (close < 0) noDoubleClose = true;
      else end = close + 2;
    } else if ((c === 37 /* % */ || (c === 36 /* $ */ && !digitsThenBrace(line, i + 2))) && !noSingleClose) {
      const close = line.indexOf('}', i + 2);
      if (close < 0) noSingleClose = true;
      else end = close + 1;
    }
    if (end < 0) continue;
    const match = line.slice(i, end);
    templates.push({ start: offset + i, end: offset + end });
    parts.push(line.slice(copied, i));
    // A Terraform directive (`%{ if x }`) renders to nothing, so it must not glue text onto a key; anything else
    // keeps its width (every offset still points at the user's text) as a run of TEMPLATE_FILL.
    parts.push(c === 37 ? ' '.repeat(match.length) : TEMPLATE_FILL.repeat(match.length));
    copied = end;
    i = end - 1;
  }
  parts.push(line.slice(copied));
  return parts.join('');
}

/** `${1}`: one or more digits, then `}`. Each `${` owns the digits after it, so this stays linear overall. */
function digitsThenBrace(line: string, from: number): boolean {
  let i = from;
  while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  return i > from && line.charCodeAt(i) === 125;
}

/**
 * True when the range overlaps a template. `templates` is in file order and the ranges do not overlap (as
 * maskTemplates makes them), so a binary search finds the only candidate: called once per scalar, a linear
 * walk here made big templated files quadratic.
 */
export function overlapsTemplate(range: Range, templates: readonly Range[]): boolean {
  const first = partitionPoint(templates.length, (i) => templates[i].end > range.start);
  return first < templates.length && templates[first].start < range.end;
}
