// Finds the key under a cursor: which Cilium document, which key path, and whether the cursor is on the key or
// its value. Hover, completion and the explanation all start here.

import { isMap } from 'yaml';
import type { Analysis, DocumentAnalysis } from './analyze';
import type { MapView, TreeEntry } from './parse/tree';

export interface Located {
  doc: DocumentAnalysis;
  /** Key path from the values root (`['bpf', 'masquerade']`), or the ConfigMap key. */
  path: string[];
  entry: TreeEntry;
  /** The mapping that holds the entry. */
  view: MapView;
  onValue: boolean;
}

const MAX_DEPTH = 32;

export function locate(analysis: Analysis, offset: number): Located | undefined {
  for (const doc of analysis.documents) {
    let view: MapView | undefined = doc.source.root;
    const path: string[] = [];
    for (let depth = 0; view && depth < MAX_DEPTH; depth++) {
      const current: MapView = view;
      view = undefined;
      for (const entry of current.entries()) {
        if (entry.merged) continue;
        if (offset >= entry.keyRange.start && offset <= entry.keyRange.end) {
          return { doc, path: [...path, entry.key], entry, view: current, onValue: false };
        }
        if (offset >= entry.valueRange.start && offset <= entry.valueRange.end) {
          if (isMap(entry.node) && doc.source.format === 'helm') {
            path.push(entry.key);
            view = current.viewOf(entry);
            break;
          }
          return { doc, path: [...path, entry.key], entry, view: current, onValue: true };
        }
      }
    }
  }
  return undefined;
}
