// A unified diff (`diff -u` / `git apply` format) between two texts, for --fix-dry-run. Fixes change a few lines,
// so the common head and tail are cut first and only the middle is compared line by line (longest common
// subsequence); a middle too large for that is shown as one replaced block, which is still a valid patch.

const CONTEXT = 3;
/** Above this many cells the line-by-line table is not built (memory), and the middle is one block. */
const MAX_TABLE_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

function splitKeepingEnd(text: string): { lines: string[]; finalBreak: boolean } {
  if (text === '') return { lines: [], finalBreak: true };
  const finalBreak = text.endsWith('\n');
  const lines = (finalBreak ? text.slice(0, -1) : text).split('\n');
  return { lines, finalBreak };
}

function middleOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length > MAX_TABLE_CELLS)
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (j < b.length && (i === a.length || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]))
      ops.push({ kind: '+', line: b[j++] });
    else ops.push({ kind: '-', line: a[i++] });
  }
  return ops;
}

/** The diff of `before` → `after` with file headers `a/<name>` and `b/<name>`; empty when they are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const A = splitKeepingEnd(before);
  const B = splitKeepingEnd(after);
  // A changed final line break is a change of the last line: keep it out of the common tail.
  let head = 0;
  while (head < A.lines.length && head < B.lines.length && A.lines[head] === B.lines[head]) head++;
  let tail = 0;
  while (
    tail < A.lines.length - head &&
    tail < B.lines.length - head &&
    A.lines[A.lines.length - 1 - tail] === B.lines[B.lines.length - 1 - tail] &&
    (tail > 0 || A.finalBreak === B.finalBreak)
  )
    tail++;
  const ops: Op[] = [
    ...A.lines.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middleOps(A.lines.slice(head, A.lines.length - tail), B.lines.slice(head, B.lines.length - tail)),
    ...A.lines.slice(A.lines.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
  const lastA = A.lines.length - 1;
  const lastB = B.lines.length - 1;
  const out = [`--- a/${name}`, `+++ b/${name}`];
  let k = 0;
  let lineA = 0;
  let lineB = 0;
  // Positions of each op in both files, to number hunks.
  const pos = ops.map((op) => {
    const p = { a: lineA, b: lineB };
    if (op.kind !== '+') lineA++;
    if (op.kind !== '-') lineB++;
    return p;
  });
  while (k < ops.length) {
    while (k < ops.length && ops[k].kind === ' ') k++;
    if (k >= ops.length) break;
    const start = Math.max(0, k - CONTEXT);
    let end = k;
    // Extend over changes closer than two contexts apart.
    for (let m = k; m < ops.length; m++) {
      if (ops[m].kind !== ' ') end = m;
      else if (m - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    const hunk = ops.slice(start, stop);
    const countA = hunk.filter((o) => o.kind !== '+').length;
    const countB = hunk.filter((o) => o.kind !== '-').length;
    const fromA = countA === 0 ? pos[start].a : pos[start].a + 1;
    const fromB = countB === 0 ? pos[start].b : pos[start].b + 1;
    out.push(`@@ -${fromA},${countA} +${fromB},${countB} @@`);
    for (let m = start; m < stop; m++) {
      const op = ops[m];
      out.push(op.kind + op.line);
      const p = pos[m];
      // "\ No newline at end of file" after the last line of a side that lacks the final break.
      const endsA = op.kind !== '+' && p.a === lastA && !A.finalBreak;
      const endsB = op.kind !== '-' && p.b === lastB && !B.finalBreak;
      if (endsA || endsB) out.push('\\ No newline at end of file');
    }
    k = stop;
  }
  return out.join('\n') + '\n';
}
