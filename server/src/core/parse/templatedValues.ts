// Where a Cilium document's values come from a template. Only these make the `template-syntax` note: template
// syntax inside a block scalar (a shell script, a config blob) is text the chart passes through, not a value
// we would read, and templates in the file's other documents are none of our business.

import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Range } from '../types';
import { hasTemplateInString, MapView, resolveAlias, TEMPLATED, toPlain } from './tree';
import { TEMPLATE_FILL } from './templates';

const MAX_NODES = 20_000;

/**
 * False when no key or value of `text` can read as templated (see toPlain): nothing masked, no mask character,
 * no `${` but the `${1}` of a regex replacement in a value (keys are checked for any `${`: such a `${1}` followed
 * on its line by a colon may be in a key), and no escape (`\x24`, `\u007b`, a `\` line continuation) that could
 * spell one in a quoted string. A few scans of the text instead of a walk over every value on every keystroke.
 */
function mayHoldTemplate(text: string): boolean {
  if (hasTemplateInString(text) || ['\\x', '\\u', '\\U', '\\\n', '\\\r'].some((s) => text.includes(s))) return true;
  for (let at = text.indexOf('${'); at >= 0; at = text.indexOf('${', at + 2)) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(at, lineEnd).includes(':')) return true;
  }
  return false;
}

/** File ranges of the templated keys and scalar values in `root`, in document order (bounded). */
export function templatedValueRanges(root: MapView): Range[] {
  const out: Range[] = [];
  const ctx = root.ctx;
  if (ctx.templates.length === 0 && !mayHoldTemplate(ctx.text)) return out;
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
