// Offsets ↔ 1-based line/column, computed once per text. A line ends at `\n`, `\r\n` or a lone `\r` (old Mac
// files), exactly as LSP clients and vscode-languageserver-textdocument count lines, so a finding's line is the
// same in the CLI, the editor and the parser (which sees lone `\r` turned into `\n`, see normaliseLineBreaks).

import { partitionPoint } from './partitionPoint';

export interface Position {
  line: number;
  column: number;
}

/**
 * Of `count` lines whose starts (`startOf(i)`) ascend from the first, the index of the one that holds `offset`: the
 * last that starts at or before it (a binary search).
 */
export function lineContaining(count: number, startOf: (i: number) => number, offset: number): number {
  return Math.max(0, partitionPoint(count, (i) => startOf(i) > offset) - 1);
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  /** The index of the last text asked for: callers that ask per document of one text share one index. */
  private static last: LineIndex | undefined;

  /** A (cached) index for this text; building one is O(n), looking up is O(log n). */
  static of(text: string): LineIndex {
    if (LineIndex.last?.text !== text) LineIndex.last = new LineIndex(text);
    return LineIndex.last;
  }

  /** 1-based line and column (columns count UTF-16 units, as LSP and most editors do). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.starts;
    const line = lineContaining(starts.length, (i) => starts[i], o);
    return { line: line + 1, column: o - starts[line] + 1 };
  }

  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    const lineStart = this.starts[l - 1];
    let lineEnd = l < this.starts.length ? this.starts[l] - 1 : this.text.length;
    if (l < this.starts.length && this.text.charCodeAt(lineEnd) === 10 && this.text.charCodeAt(lineEnd - 1) === 13)
      lineEnd--;
    return Math.min(lineStart + Math.max(0, column - 1), lineEnd);
  }
}

/**
 * The text with every lone `\r` turned into `\n`: same length, so every offset stays valid. The YAML parser
 * reads a lone `\r` as part of a line, which made a whole old-Mac file one line with nonsense findings.
 */
export function normaliseLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line break a file mostly uses, for text we insert into it. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  // Most files have no \r at all: one indexOf instead of counting every break (this runs on every keystroke).
  if (!text.includes('\r')) return '\n';
  let lf = 0;
  let crlf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lf++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    }
  }
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
}
