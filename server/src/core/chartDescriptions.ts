// Reads a cilium chart's values.yaml and returns, for each dotted key path, the line the key is written on, the
// comment written above it and the default the chart documents. Used on the upstream values.yaml we ship (hover,
// completion, go-to-definition) and at run time on the user's own chart copy.
// It reads lines, not YAML, so it copes with any file (a chart in the middle of an edit included):
// - helm-docs descriptions start at a `# --` line; comment lines above it (section titles) are dropped;
// - `# @default -- text` is kept as the documented default (helm-docs shows it instead of the written value);
// - `# @schema … # @schema` blocks, other `# @…` markers, and `(type)` prefixes go;
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
const PROSE = new Set([
  'ref',
  'refs',
  'see',
  'note',
  'notes',
  'example',
  'examples',
  'default',
  'e.g',
  'eg',
  'i.e',
  'ie',
  'warning',
  'deprecated',
  'type',
  'values',
  'docs',
  'link',
]);

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

/** One key of a chart's values.yaml. */
export interface ChartKey {
  /** 0-based line of the key (of the commented-out example for keys the chart only documents). */
  line: number;
  /** Column of the key's first character. */
  column: number;
  /** Length of the key as written (quotes included). */
  length: number;
  /** The helm-docs description (`# --` and the lines after it), one paragraph; undefined when there is none. */
  description?: string;
  /** The `# @default -- …` text, when the chart documents its default in words. */
  documentedDefault?: string;
  /** The value written on the key's line (`false`, `"vxlan"`, `{}`); undefined for a key whose value is below it. */
  value?: string;
  /** The key exists only as a commented-out example (`# mode: snat`). */
  commented: boolean;
}

export function parseChartDescriptions(valuesYaml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, k] of parseChartKeys(valuesYaml)) if (k.description) out.set(path, k.description);
  return out;
}

/** Strips a trailing ` # comment` from a value written on a key's line (quotes respected). */
function withoutComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || value[i - 1] === ' ' || value[i - 1] === '\t'))
      return value.slice(0, i).trimEnd();
  }
  return value.trimEnd();
}

export function parseChartKeys(valuesYaml: string): Map<string, ChartKey> {
  const out = new Map<string, ChartKey>();
  const stack: Level[] = [];
  let comment: string[] = [];
  let documentedDefault: string | undefined;
  let lineNo = -1;
  /** The current comment block started with a helm-docs `# --` marker. */
  let described = false;
  /** Column of the `#` of the current `# --` line: an example key must sit exactly there. */
  let describedAt = -1;
  let inSchema = false;
  /** While > -1: inside a block scalar whose key sits at this indentation. */
  let blockScalarIndent = -1;

  const record = (indent: number, column: number, rawKey: string, value: string | undefined, commented: boolean) => {
    while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
    const key = unquote(rawKey);
    const underList = stack.some((s) => s.list);
    const path = [...stack.map((s) => s.key), key].join('.');
    const text = clean(comment);
    if (!underList && !out.has(path)) {
      const written = value === undefined ? undefined : withoutComment(value.trim());
      out.set(path, {
        line: lineNo,
        column,
        length: rawKey.length,
        description: text || undefined,
        documentedDefault,
        value: written === '' || written === undefined || /^[|>]/.test(written) ? undefined : written,
        commented,
      });
    }
    stack.push({ indent, key });
    comment = [];
    documentedDefault = undefined;
    described = false;
    if (value !== undefined && /^[|>][0-9+-]*\s*(#.*)?$/.test(value.trim())) blockScalarIndent = indent;
  };

  for (const rawLine of valuesYaml.split(/\r?\n/)) {
    lineNo++;
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
        documentedDefault = undefined;
        described = true;
        describedAt = indent;
        continue;
      }
      if (b.startsWith('@default') && b.slice(8).trimStart().startsWith('--')) {
        documentedDefault = b.slice(b.indexOf('--') + 2).trim() || undefined;
        continue;
      }
      if (b.startsWith('@')) continue; // @ignored, @section and other helm-docs markers
      // A commented-out example key right after a description documents that key.
      // It must sit at the description's own column: indented text (`#   redact:`) is part of an example.
      const example = described && indent === describedAt && body === body.trimStart() ? KEY.exec(b) : null;
      if (example && looksLikeExampleKey(example[1], keyValue(example))) {
        record(indent, indent + rawLine.slice(indent).indexOf(example[1]), example[1], keyValue(example), true);
        continue;
      }
      comment.push(b);
      continue;
    }
    if (trimmed === '') {
      // helm-docs ties a description to the next key only when no blank line separates them.
      comment = [];
      documentedDefault = undefined;
      described = false;
      continue;
    }
    if (trimmed.startsWith('- ') || trimmed === '-') {
      while (stack.length > 0 && stack[stack.length - 1].indent > indent) stack.pop();
      // List items: what is nested below them is not a chart key path.
      if (!(stack.length > 0 && stack[stack.length - 1].indent === indent && stack[stack.length - 1].list))
        stack.push({ indent, key: '-', list: true });
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
    record(indent, indent, m[1], keyValue(m), false);
  }
  return out;
}
