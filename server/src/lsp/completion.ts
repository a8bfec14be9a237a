// textDocument/completion: keys valid at the cursor for the target version, and the values a key accepts.

import {
  CompletionItemKind,
  CompletionItemTag,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { completeAt, type CompletionEntry } from '../core/completion';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { openDocument, settingsReady, type ServerContext } from './context';
import { toRange } from './convert';
import { guard } from './guard';

export const TRIGGER_CHARACTERS = [':', ' '];

export function toCompletionItem(doc: TextDocument, c: CompletionEntry, index: number): CompletionItem {
  const item: CompletionItem = {
    label: c.label,
    kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
    detail: c.detail,
    // The core returns entries best first.
    sortText: String(index).padStart(4, '0'),
    filterText: c.label,
  };
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (c.replaceRange) item.textEdit = { range: toRange(doc, c.replaceRange), newText: c.insertText };
  else item.insertText = c.insertText;
  return item;
}

export function complete(ctx: ServerContext, params: CompletionParams): CompletionItem[] {
  const { doc, analysis } = openDocument(ctx, params.textDocument?.uri);
  return completeAt(analysis, doc.getText(), doc.offsetAt(params.position)).map((c, i) => toCompletionItem(doc, c, i));
}

export function registerCompletion(ctx: ServerContext): void {
  ctx.connection.onCompletion(
    guard(ctx.connection, 'completion', async (params: CompletionParams) => {
      await settingsReady(ctx, params.textDocument?.uri);
      return complete(ctx, params);
    }),
  );
}
