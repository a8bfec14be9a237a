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

/** The open document with its current analysis (cached per version); throws for a document that is not open. */
export function openDocument(ctx: ServerContext, uri: unknown): OpenDocument {
  const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
  if (!doc) throw new UnknownDocumentError(uri);
  const settings = ctx.settings.cached(doc.uri);
  return { doc, settings, analysis: ctx.analyses.get(doc, settings) };
}
