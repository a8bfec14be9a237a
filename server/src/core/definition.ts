// Go to definition: from a Helm key in the user's values to where the upstream chart of the target version
// defines it (its line in that version's values.yaml, which the language server serves read-only). A key the
// chart does not have goes to its nearest ancestor the chart has (`extraConfig.foo` → `extraConfig`).

import type { Analysis } from './analyze';
import { chartValuesIndex } from './chart/values/chartValues';
import { locate } from './locate';

export interface ChartDefinition {
  /** The chart version whose values.yaml holds the key ("1.18"). */
  version: string;
  /** The dotted path found there (the key itself, or its nearest ancestor in that chart). */
  path: string;
  /** 0-based line and column of the key in that values.yaml, and its length. */
  line: number;
  column: number;
  length: number;
}

export function definitionAt(analysis: Analysis, offset: number): ChartDefinition | undefined {
  const at = locate(analysis, offset);
  if (!at || at.doc.source.format !== 'helm') return undefined;
  const index = chartValuesIndex(at.doc.version);
  if (!index) return undefined;
  for (let n = at.path.length; n > 0; n--) {
    const path = at.path.slice(0, n).join('.');
    const key = index.keys.get(path);
    if (key) return { version: at.doc.version, path, line: key.line, column: key.column, length: key.length };
  }
  return undefined;
}
