// What every feature of the server shares: the connection, the open documents, their settings and analyses,
// the chart descriptions, and what the client said it supports.

import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core/analyze';
import type { ChartDescriptions } from './chartDocs';
import type { DocumentAnalyses } from './documentAnalyses';
import { UnknownDocumentError } from './guard';
import type { EffectiveSettings } from './settings';
import type { SettingsStore } from './settingsStore';

export interface ClientSupport {
  /** WorkspaceEdit.documentChanges (versioned edits). */
  versionedEdits: boolean;
  /** The client runs `cilium.explain` itself. */
  handlesExplain: boolean;
  /** The client accepts `workspace/codeLens/refresh`. */
  codeLensRefresh: boolean;
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  analyses: DocumentAnalyses;
  charts: ChartDescriptions;
  client: ClientSupport;
}

export interface OpenDocument {
  doc: TextDocument;
  settings: EffectiveSettings;
  analysis: Analysis;
}

/** Longest a request waits for the document's settings from the client (a client that never answers them must
 * not freeze hovers; it then gets the initial settings). */
export const SETTINGS_WAIT_MS = 5000;

/** Waits until the document's settings have been read (`workspace/configuration`), so a request sent right after
 * opening a document is answered for the version the user set, not the default. */
export async function settingsReady(ctx: ServerContext, uri: unknown): Promise<void> {
  if (typeof uri !== 'string' || !ctx.documents.get(uri)) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    ctx.settings.forDocument(uri),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, SETTINGS_WAIT_MS))),
  ]);
  clearTimeout(timer);
}

/** The open document with its current analysis (cached per version); throws for a document that is not open. */
export function openDocument(ctx: ServerContext, uri: unknown): OpenDocument {
  const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
  if (!doc) throw new UnknownDocumentError(uri);
  const settings = ctx.settings.cached(doc.uri);
  return { doc, settings, analysis: ctx.analyses.get(doc, settings) };
}
