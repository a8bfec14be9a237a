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

/**
 * The indentation step of the file as a whole: the first block key (`key:` alone on its line) followed by a
 * more indented key. Used when the mapping being edited has no nested mapping to learn the step from.
 */
export function fileIndentStep(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const m = /^( *)[^\s#-][^#]*:\s*(#.*)?\r?$/.exec(lines[i]);
    if (!m || /:\s*[|>]/.test(lines[i])) continue;
    for (let j = i + 1; j < lines.length; j++) {
      const next = lines[j];
      if (next.trim() === '' || next.trimStart().startsWith('#')) continue;
      const indent = next.length - next.trimStart().length;
      if (!next.trimStart().startsWith('-') && indent > m[1].length) return indent - m[1].length;
      break;
    }
  }
  return undefined;
}
