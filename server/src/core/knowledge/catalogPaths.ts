// Catalog key paths: dotted key names, a name holding `.` or `"` written as a JSON string (`a."b.c"`).
// Kept apart from catalogSchema.ts so the run time loads no zod.

/** Appends one key name to a catalog path, quoting it when it contains a `.` or `"`. */
export function joinPath(parent: string, segment: string): string {
  const seg = /[."]/.test(segment) ? JSON.stringify(segment) : segment;
  return parent === '' ? seg : `${parent}.${seg}`;
}

/** Splits a catalog path into its key names (undoing the quoting of joinPath). '' → []. */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '"') {
      // A quoted segment is a JSON string literal: find its closing quote (skipping escapes).
      let j = i + 1;
      while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
      out.push(JSON.parse(path.slice(i, j + 1)) as string);
      i = j + 2; // past the closing quote and the following dot
    } else {
      const dot = path.indexOf('.', i);
      const end = dot === -1 ? path.length : dot;
      out.push(path.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** The parent path of a catalog path ('' for a top-level key). */
export function parentPath(path: string): string {
  const segs = splitPath(path);
  return segs.slice(0, -1).reduce(joinPath, '');
}
