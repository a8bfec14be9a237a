// Conversions between the core's file offsets and the protocol's line/character positions.

import type { Range as LspRange, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from '../core/types';

export function toRange(doc: TextDocument, r: Range): LspRange {
  return { start: doc.positionAt(r.start), end: doc.positionAt(r.end) };
}

export function toTextEdit(doc: TextDocument, e: TextEdit): LspTextEdit {
  return { range: toRange(doc, e.range), newText: e.newText };
}
