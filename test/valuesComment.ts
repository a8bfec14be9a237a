/** The comment block right above a (possibly commented-out) key of a values.yaml, with its line numbers (1-based). */
export function commentAbove(
  text: string,
  dotted: string,
): { first: number; keyLine: number; text: string } | undefined {
  const lines = text.split('\n');
  const segs = dotted.split('.');
  let from = 0;
  let keyLine = -1;
  for (let depth = 0; depth < segs.length; depth++) {
    const indent = ' '.repeat(depth * 2);
    const re = new RegExp(`^${indent}(?:# )?${segs[depth].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
    keyLine = -1;
    for (let i = from; i < lines.length; i++) {
      const l = lines[i];
      // Leaving the parent block: a real key less indented than this level.
      if (depth > 0 && /^\s*[^\s#]/.test(l) && l.length - l.trimStart().length < depth * 2) break;
      if (re.test(l)) {
        keyLine = i;
        break;
      }
    }
    if (keyLine < 0) return undefined;
    from = keyLine + 1;
  }
  // Up through the comment lines at the key's own indentation, to the helm-docs marker ("# --") that opens the doc.
  const indent = /^\s*/.exec(lines[keyLine])![0];
  let first = keyLine;
  while (first > 0 && lines[first - 1].startsWith(`${indent}#`) && !/^\s/.test(lines[first - 1].slice(indent.length))) {
    first--;
    if (lines[first].startsWith(`${indent}# --`)) break;
  }
  return { first: first + 1, keyLine: keyLine + 1, text: lines.slice(first, keyLine).join('\n') };
}
