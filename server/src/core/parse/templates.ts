// Values files are often templates themselves (Helm `{{ }}`, helmfile .gotmpl, Terraform `${}` / `%{}`).
// We cannot evaluate those, so we blank them out before parsing and remember where they were: a value that
// came from a template is "unknown" to every rule instead of a parse error that hides the whole file.

import type { Range } from '../types';

/**
 * What a masked template expression becomes: a private-use character, repeated to keep the width. It is a plain
 * scalar character for YAML (also inside flow mappings, where `{` `}` of `${X}` would not be), and any string
 * value containing it, even one parsed again from a block scalar (embedded values), is known to be templated.
 */
export const TEMPLATE_FILL = '\uE000';

export interface MaskedText {
  /** Same length as the input, template expressions replaced so the rest stays parseable YAML. */
  text: string;
  templates: Range[];
}

// `${1}` (a regex capture group, e.g. in the chart's own relabelling rules) is not a template, so digits-only
// `${N}` is left alone.
const INLINE = /\{\{-?[\s\S]*?-?\}\}|%\{[^}\n]*\}|\$\{(?!\d+\})[^}\n]*\}/g;
const COMMENT_LINE = /^[ \t]*#/;
const ONLY_TEMPLATES_LINE = /^[ \t]*(?:(?:\{\{-?[^\n]*?-?\}\}|%\{[^}\n]*\})[ \t]*)+$/;

export function maskTemplates(input: string): MaskedText {
  if (!input.includes('{{') && !input.includes('%{') && !input.includes('${')) return { text: input, templates: [] };
  const templates: Range[] = [];
  let out = '';
  let offset = 0;
  for (const line of input.split('\n')) {
    if (COMMENT_LINE.test(line)) {
      // A template inside a comment changes nothing Helm sees.
      out += line;
    } else if (ONLY_TEMPLATES_LINE.test(line)) {
      // A control line such as `{{- if .Values.x }}` or `%{ endif }`: drop it from the YAML entirely.
      templates.push({ start: offset, end: offset + line.length });
      out += ' '.repeat(line.length);
    } else {
      out += line.replace(INLINE, (match, at: number) => {
        templates.push({ start: offset + at, end: offset + at + match.length });
        // A Terraform directive (`%{ if x }`) renders to nothing, so it must not glue text onto a key.
        if (match.startsWith('%{')) return ' '.repeat(match.length);
        // Keep the width so every offset still points at the user's text.
        return TEMPLATE_FILL.repeat(match.length);
      });
    }
    out += '\n';
    offset += line.length + 1;
  }
  return { text: out.slice(0, -1), templates };
}

export function overlapsTemplate(range: Range, templates: readonly Range[]): boolean {
  for (const t of templates) if (t.start < range.end && range.start < t.end) return true;
  return false;
}
