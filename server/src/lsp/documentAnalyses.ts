// One analysis per open document version and settings: diagnostics, hover, completion, code actions and code
// lenses all read the same Analysis instead of parsing again.

import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeSafely, type Analysis, type AnalyzeOptions } from '../core/analyze';
import { IncrementalSession, type InternalError } from '../core/index';
import { chartFilesNear } from '../io/chartFiles';
import { wrappersNear } from '../io/valuesReferences';
import type { UsedBy } from '../core/valuesReferences';
import type { ChartFileHint } from '../core/versionHints';
import { isInside } from '../io/guardedRead';
import { matchesCiliumFiles } from './fileGlobs';
import { describeError } from './guard';
import type { EffectiveSettings } from './settings';

interface Entry {
  version: number;
  /** The text analysed: a client may send new text under a version number it already used. */
  text: string;
  key: string;
  analysis: Analysis;
  chartFiles: ChartFileHint[];
  usedBy: UsedBy[];
}

/** The file system path of a `file:` document, else undefined (untitled documents, virtual file systems). */
function fsPathOf(uri: string): string | undefined {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath : undefined;
  } catch {
    return undefined;
  }
}

export function optionsFor(
  doc: TextDocument,
  settings: EffectiveSettings,
  roots: readonly string[] = [],
  chartFiles: ChartFileHint[] = [],
  usedBy: UsedBy[] = [],
): AnalyzeOptions {
  let path: string | undefined;
  try {
    path = URI.parse(doc.uri).path;
  } catch {
    path = undefined;
  }
  const fsPath = fsPathOf(doc.uri);
  const assumeCilium = !!fsPath && matchesCiliumFiles(fsPath, roots, settings.files ?? []);
  return { version: settings.version, kernel: settings.kernelVersion, path, chartFiles, usedBy, assumeCilium };
}

/**
 * Chart.yaml / Chart.lock beside or above a `file:` document, read only inside the workspace folder that holds it
 * (nothing for documents outside every workspace folder).
 */
export function chartFilesFor(uri: string, roots: readonly string[]): ChartFileHint[] {
  const fsPath = fsPathOf(uri);
  if (!fsPath) return [];
  const root = roots.find((r) => isInside(r, fsPath));
  return root ? chartFilesNear(fsPath, root) : [];
}

/** kustomization / helmfile files beside or above a `file:` document that name it, inside its workspace folder. */
export function usedByFor(uri: string, roots: readonly string[]): UsedBy[] {
  const fsPath = fsPathOf(uri);
  if (!fsPath) return [];
  const root = roots.find((r) => isInside(r, fsPath));
  return root ? wrappersNear(fsPath, root) : [];
}

/** Only what changes the analysis (severity overrides do not). */
function settingsKey(settings: EffectiveSettings): string {
  return JSON.stringify([settings.version ?? null, settings.kernelVersion ?? null, settings.files ?? []]);
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  /** Per open document, the last parse and the changes since: the next analysis parses only what changed. */
  private readonly sessions = new Map<string, IncrementalSession>();
  private roots: string[] = [];

  /** `log`: where failures met after an analysis go (a fixer that throws when a code action reads its fixes). */
  constructor(private readonly log?: (message: string) => void) {}

  /** For the analyses of one document (and Fix All's re-analyses of it): logs a later failure with its stack. */
  reporterFor(uri: string): (e: InternalError) => void {
    return (e) => this.log?.(`${uri}: ${e.what} failed: ${describeError(e.error)}`);
  }

  /** The editor's changes to a document, as they arrive (before the document is updated). */
  noteChanges(doc: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const session = this.sessions.get(doc.uri);
    if (!session) return;
    for (const c of changes) {
      if ('range' in c) session.changed(doc.offsetAt(c.range.start), doc.offsetAt(c.range.end), c.text.length);
      else session.replaced();
    }
  }

  /** The workspace folders: chart files are read inside them only, and `cilium.files` is relative to them. */
  setRoots(roots: string[]): void {
    this.roots = roots;
    this.entries.clear();
  }

  get(doc: TextDocument, settings: EffectiveSettings): Analysis {
    const key = settingsKey(settings);
    const hit = this.entries.get(doc.uri);
    const text = doc.getText();
    // Usually the very same string (an O(1) comparison); a full comparison only when the text was replaced.
    if (hit && hit.version === doc.version && hit.key === key && hit.text === text) return hit.analysis;
    // Chart files are read again when the document changes (a Chart.yaml edited meanwhile counts from the next edit).
    const chartFiles = hit && hit.version === doc.version ? hit.chartFiles : chartFilesFor(doc.uri, this.roots);
    const usedBy = hit && hit.version === doc.version ? hit.usedBy : usedByFor(doc.uri, this.roots);
    let session = this.sessions.get(doc.uri);
    if (!session) this.sessions.set(doc.uri, (session = new IncrementalSession()));
    const options = optionsFor(doc, settings, this.roots, chartFiles, usedBy);
    const analysis = analyzeSafely(text, {
      ...options,
      incremental: session,
      onInternalError: this.reporterFor(doc.uri),
    });
    this.entries.set(doc.uri, { version: doc.version, text, key, analysis, chartFiles, usedBy });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.sessions.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * How the server's TextDocuments create and update documents: as the library does, and each change is handed to
 * the analyses first, so the next analysis knows which part of the text changed. Changes of one notification
 * are applied one at a time, each offset taken in the text it applies to.
 */
export function trackedDocuments(analyses: DocumentAnalyses): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => {
      analyses.forget(uri);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (doc, changes, version) => {
      let current = doc;
      for (const change of changes) {
        analyses.noteChanges(current, [change]);
        current = TextDocument.update(current, [change], version);
      }
      return changes.length === 0 ? TextDocument.update(doc, changes, version) : current;
    },
  };
}
