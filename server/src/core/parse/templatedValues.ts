// Where a Cilium document's values come from a template. Only these make the `template-syntax` note: template
// syntax inside a block scalar (a shell script, a config blob) is text the chart passes through, not a value
// we would read, and templates in the file's other documents are none of our business.

import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Range } from '../types';
import { MapView, resolveAlias, TEMPLATED, toPlain } from './tree';
import { TEMPLATE_FILL } from './templates';

const MAX_NODES = 20_000;

/** File ranges of the templated keys and scalar values in `root`, in document order (bounded). */
export function templatedValueRanges(root: MapView): Range[] {
  const out: Range[] = [];
  const ctx = root.ctx;
  let budget = MAX_NODES;
  const visitNode = (node: Node | null, view: MapView) => {
    if (!node || --budget < 0) return;
    if (isScalar(node)) {
      if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) return;
      if (toPlain(node, ctx, 0) === TEMPLATED) out.push(view.rangeOf(node));
    } else if (isMap(node)) {
      visitMap(node === view.map ? view : new MapView(node, ctx));
    } else if (isSeq(node)) {
      for (const item of node.items) visitNode(resolveAlias(item, ctx.doc), view);
    }
  };
  const visitMap = (view: MapView) => {
    for (const e of view.entries()) {
      if (e.merged || budget < 0) continue;
      if (e.key.includes(TEMPLATE_FILL) || e.key.includes('${')) out.push(e.keyRange);
      if (!e.aliased) visitNode(e.node, view);
    }
  };
  visitMap(root);
  return out;
}
