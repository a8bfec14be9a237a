// Offsets ↔ 1-based line/column, computed once per text.

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** 1-based line and column (columns count UTF-16 units, as LSP and most editors do). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }

  offset(line: number, column: number): number {
    const l = Math.max(1, Math.min(line, this.starts.length));
    const lineStart = this.starts[l - 1];
    const lineEnd = l < this.starts.length ? this.starts[l] - 1 : this.text.length;
    return Math.min(lineStart + Math.max(0, column - 1), lineEnd);
  }
}
