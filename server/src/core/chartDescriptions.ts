// Reads a cilium chart's values.yaml and returns, for each key path, the comment written above the key. Used at
// run time on the user's own chart copy to add the chart's words to a hover; nothing of it is shipped.

const KEY_LINE = /^( *)([A-Za-z0-9_.-]+|"[^"]+"):(\s|$)/;

export function parseChartDescriptions(valuesYaml: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack: { indent: number; key: string }[] = [];
  let comment: string[] = [];
  let inSchema = false;
  for (const rawLine of valuesYaml.split(/\r?\n/)) {
    const trimmed = rawLine.trim();
    if (trimmed.startsWith('#')) {
      const body = trimmed.replace(/^#+\s?/, '');
      if (body.startsWith('@schema')) {
        inSchema = !inSchema; // helm-schema blocks come in pairs of `# @schema` lines
        continue;
      }
      if (inSchema || body.startsWith('@')) continue; // @default and similar markers
      comment.push(body.replace(/^--\s?/, ''));
      continue;
    }
    if (trimmed === '') {
      comment = [];
      continue;
    }
    const m = KEY_LINE.exec(rawLine);
    if (!m || trimmed.startsWith('-')) {
      comment = [];
      continue;
    }
    const indent = m[1].length;
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = m[2].replace(/^"|"$/g, '');
    const path = [...stack.map((s) => s.key), key].join('.');
    const text = comment.join(' ').replace(/\s+/g, ' ').trim();
    if (text) out.set(path, text);
    comment = [];
    stack.push({ indent, key });
  }
  return out;
}
