// Values given as a YAML string inside another YAML file (Argo CD `helm.values`, RKE2/k3s `valuesContent`).
// We parse the string on its own and map every offset in it back to the user's file, so a finding on
// `bpf:` inside the block scalar lands on that very line of the Application or HelmChart.

import { Scalar } from 'yaml';
import { parseYamlFile, type ParsedYaml } from './yamlFile';
import { lineContaining } from '../positions';

export interface EmbeddedYaml {
  parsed: ParsedYaml;
  toFile: (innerOffset: number) => number;
}

/** `toOuter` maps an offset of the outer parse to the file (identity for top-level documents). */
export function parseEmbedded(
  scalar: Scalar,
  outerText: string,
  toOuter: (n: number) => number,
): EmbeddedYaml | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const inner = scalar.value;
  const parsed = parseYamlFile(inner);
  const start = scalar.range[0];
  if (scalar.type === Scalar.BLOCK_LITERAL) {
    const table = literalLineTable(outerText, start, inner);
    if (table) {
      const innerLineStarts = lineStarts(inner);
      return {
        parsed,
        toFile: (offset) => {
          const line = lineContaining(innerLineStarts.length, (i) => innerLineStarts[i], offset);
          const column = offset - innerLineStarts[line];
          const outer = table[Math.min(line, table.length - 1)];
          return toOuter(outer + column);
        },
      };
    }
  }
  // Folded or quoted strings do not keep line structure: point everything at the start of the string.
  return { parsed, toFile: () => toOuter(start) };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * For each line of the literal block's value, the file offset where that line's text begins (after the block's
 * indentation). Returns undefined if the layout is not the simple one we can map exactly.
 */
function literalLineTable(text: string, headerStart: number, inner: string): number[] | undefined {
  const headerEnd = text.indexOf('\n', headerStart);
  if (headerEnd < 0) return undefined;
  const innerLines = inner.split('\n');
  const table: number[] = [];
  let pos = headerEnd + 1;
  let indent = -1;
  for (let i = 0; i < innerLines.length && pos <= text.length; i++) {
    const lineEnd = text.indexOf('\n', pos) < 0 ? text.length : text.indexOf('\n', pos);
    const line = text.slice(pos, lineEnd);
    if (indent < 0 && line.trim() !== '') indent = line.length - line.trimStart().length;
    const skip = line.trim() === '' ? Math.min(line.length, Math.max(indent, 0)) : Math.max(indent, 0);
    table.push(pos + skip);
    pos = lineEnd + 1;
  }
  return table.length > 0 ? table : undefined;
}
