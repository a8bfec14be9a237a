// Reads a cilium chart's values.yaml and returns, for each dotted key path, the comment written above the key.
// Used at run time on the user's own chart copy to add the chart's words to a hover; nothing of it is shipped.
// It reads lines, not YAML, so it copes with any file (a chart in the middle of an edit included):
// - helm-docs descriptions start at a `# --` line; comment lines above it (section titles) are dropped;
// - `# @schema … # @schema` blocks, `# @default -- …` and other `# @…` markers, and `(type)` prefixes go;
// - keys that upstream only documents as a commented-out example (`# -- text` then `# mode: snat`) count;
// - block scalar bodies (`key: |`) and list items are not mistaken for keys.

// The blanks after the colon and the value are separate groups (`\s+` then a non-blank) so the regex cannot
// split a run of blanks in many ways: it stays linear (checked by test/core/regexSafety.test.ts).
const KEY = /^([A-Za-z0-9_./-]+|"[^"]*"|'[^']*')\s*:(?:(\s+)(\S.*)?)?$/;

/** The value text of a KEY match: undefined for `key:` alone, '' for `key:` and blanks. */
function keyValue(m: RegExpExecArray): string | undefined {
  return m[3] ?? (m[2] !== undefined ? '' : undefined);
}
/** A commented-out example key's value: one YAML-looking token, not prose ("note: the value is …"). */
const EXAMPLE_VALUE = /^(?:|~|null|true|false|-?[\d.]+|"[^"]*"|'[^']*'|\[[^\]]*\]|\{[^}]*\}|[^\s#]+)\s*(?:#.*)?$/;
const TYPE_PREFIX = /^\((?:string|bool|boolean|int|integer|float64|float|number|list|object|map|array|dict)\)\s*/i;

/** Words that start prose lines ("ref: https://…", "note: …") rather than keys. */
const PROSE = new Set(['ref', 'refs', 'see', 'note', 'notes', 'example', 'examples', 'default', 'e.g', 'eg', 'i.e', 'ie', 'warning', 'deprecated', 'type', 'values', 'docs', 'link']);

function looksLikeExampleKey(key: string, value: string | undefined): boolean {
  const k = key.replace(/^["']|["']$/g, '');
  if (!/^[a-z]/.test(k) || PROSE.has(k.toLowerCase())) return false;
  const v = (value ?? '').trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false; // a URL
  return EXAMPLE_VALUE.test(v);
}

interface Level {
  indent: number;
  key: string;
  /** Keys below a list item have no dotted path of their own. */
  list?: boolean;
}

function unquote(k: string): string {
  return k.length >= 2 && (k[0] === '"' || k[0] === "'") && k[k.length - 1] === k[0] ? k.slice(1, -1) : k;
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return i;
}

function clean(lines: string[]): string {
  const text = lines
    .map((l, i) => (i === 0 ? l.replace(TYPE_PREFIX, '') : l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text;
}

export function parseChartDescriptions(valuesYaml: string): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Level[] = [];
  let comment: string[] = [];
  /** The current comment block started with a helm-docs `# --` marker. */
  let described = false;
  /** Column of the `#` of the current `# --` line: an example key must sit exactly there. */
  let describedAt = -1;
  let inSchema = false;
  /** While > -1: inside a block scalar whose key sits at this indentation. */
  let blockScalarIndent = -1;

  const record = (indent: number, rawKey: string, value: string | undefined) => {
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = unquote(rawKey);
    const underList = stack.some((s) => s.list);
    const path = [...stack.map((s) => s.key), key].join('.');
    const text = clean(comment);
    if (text && !underList && !out.has(path)) out.set(path, text);
    stack.push({ indent, key });
    comment = [];
    described = false;
    if (value !== undefined && /^[|>][0-9+-]*\s*(#.*)?$/.test(value.trim())) blockScalarIndent = indent;
  };

  for (const rawLine of valuesYaml.split(/\r?\n/)) {
    const trimmed = rawLine.trim();
    const indent = indentOf(rawLine);
    if (blockScalarIndent >= 0) {
      if (trimmed === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (trimmed.startsWith('#')) {
      const hashes = /^#+/.exec(trimmed)![0].length;
      const afterHash = trimmed.slice(hashes);
      const body = afterHash.replace(/^\s/, '');
      if (/^@schema\b/.test(body.trim())) {
        inSchema = !inSchema; // helm-schema blocks are fenced by a pair of `# @schema` lines
        continue;
      }
      if (inSchema) continue;
      const b = body.trim();
      if (b.startsWith('--')) {
        // A new helm-docs description: whatever came before it (section titles, notes) is not part of it.
        comment = [b.replace(/^-+\s?/, '')];
        described = true;
        describedAt = indent;
        continue;
      }
      if (b.startsWith('@')) continue; // @default -- …, @ignored, @section and other helm-docs markers
      // A commented-out example key right after a description documents that key.
      // It must sit at the description's own column: indented text (`#   redact:`) is part of an example.
      const example = described && indent === describedAt && body === body.trimStart() ? KEY.exec(b) : null;
      if (example && looksLikeExampleKey(example[1], keyValue(example))) {
        record(indent, example[1], keyValue(example));
        continue;
      }
      comment.push(b);
      continue;
    }
    if (trimmed === '') {
      // helm-docs ties a description to the next key only when no blank line separates them.
      comment = [];
      described = false;
      continue;
    }
    if (trimmed.startsWith('- ') || trimmed === '-') {
      while (stack.length > 0 && stack[stack.length - 1].indent > indent) stack.pop();
      // List items: what is nested below them is not a chart key path.
      if (!(stack.length > 0 && stack[stack.length - 1].indent === indent && stack[stack.length - 1].list)) stack.push({ indent, key: '-', list: true });
      comment = [];
      described = false;
      continue;
    }
    const m = KEY.exec(trimmed);
    if (!m) {
      comment = [];
      described = false;
      continue;
    }
    record(indent, m[1], keyValue(m));
  }
  return out;
}
