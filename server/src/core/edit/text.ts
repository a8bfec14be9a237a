// Line arithmetic on the user's file, shared by the edit primitives. Offsets are file offsets; a line's end is
// the offset of its "\n" (or of the "\r" of "\r\n"), so text inserted there stays on that line.

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset where the line holding `offset` ends, before "\r\n" or "\n" (the text's end on the last line). */
export function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The start of the line after the one holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** Nothing but spaces and tabs between the start of the line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return text.slice(lineStart(text, offset), offset).trim() === '';
}

/** What follows `offset` on its line, without the line break. */
export function restOfLine(text: string, offset: number): string {
  return text.slice(offset, lineEnd(text, offset));
}

/**
 * A trailing comment (`  # keep`) or nothing: true when only a comment or spaces follow `offset` (the end of a
 * node, so a `#` right there cannot belong to a value) on its line.
 */
export function onlyCommentFollows(text: string, offset: number): boolean {
  return /^\s*(#.*)?$/.test(restOfLine(text, offset));
}

/** `key:` alone on its line (a trailing comment allowed): the start of a block mapping. Linear, no regex. */
function blockKeyIndent(line: string): number | undefined {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  const first = line[indent];
  if (first === undefined || first === '#' || first === '-' || /\s/.test(first)) return undefined;
  let hash = line.indexOf('#', indent + 1);
  if (hash < 0) hash = line.length;
  const head = line.slice(indent, hash).trimEnd();
  if (head.length < 2 || !head.endsWith(':')) return undefined;
  if (hash < line.length && /[\r\u2028\u2029]/.test(line.slice(hash + 1).replace(/\r$/, ''))) return undefined;
  return indent;
}

/** The last text asked about and its answer: every fix of every document asks again for the same file. */
let lastStep: { text: string; step: number | undefined } | undefined;

/**
 * The indentation step of the file as a whole: the first block key (`key:` alone on its line) followed by a
 * more indented key. Used when the mapping being edited has no nested mapping to learn the step from.
 */
export function fileIndentStep(text: string): number | undefined {
  if (lastStep?.text === text) return lastStep.step;
  const step = computeIndentStep(text);
  lastStep = { text, step };
  return step;
}

function computeIndentStep(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const keyIndent = blockKeyIndent(lines[i]);
    if (keyIndent === undefined || /:\s*[|>]/.test(lines[i])) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next.trim() === '' || next.trimStart().startsWith('#')) continue;
      const indent = next.length - next.trimStart().length;
      if (!next.trimStart().startsWith('-') && indent > keyIndent) return indent - keyIndent;
      break;
    }
  }
  return undefined;
}

/** `"x"` or `'x'` → `x`; anything else unchanged. (A loop, not `/^(["']).*\1$/`, which a ReDoS checker flags.) */
export function stripMatchingQuotes(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
