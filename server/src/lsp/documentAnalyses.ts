// One analysis per open document version and settings: diagnostics, hover, completion, code actions and code
// lenses all read the same Analysis instead of parsing again.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeSafely, type Analysis, type AnalyzeOptions } from '../core/analyze';
import { chartFilesNear } from '../io/chartFiles';
import type { ChartFileHint } from '../core/versionHints';
import { isInside } from '../io/guardedRead';
import { matchesCiliumFiles } from './fileGlobs';
import type { EffectiveSettings } from './settings';

interface Entry {
  version: number;
  /** The text analysed: a client may send new text under a version number it already used. */
  text: string;
  key: string;
  analysis: Analysis;
  chartFiles: ChartFileHint[];
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

export function optionsFor(doc: TextDocument, settings: EffectiveSettings, roots: readonly string[] = [], chartFiles: ChartFileHint[] = []): AnalyzeOptions {
  let path: string | undefined;
  try {
    path = URI.parse(doc.uri).path;
  } catch {
    path = undefined;
  }
  const fsPath = fsPathOf(doc.uri);
  const assumeCilium = !!fsPath && matchesCiliumFiles(fsPath, roots, settings.files ?? []);
  return { version: settings.version, kernel: settings.kernelVersion, path, chartFiles, assumeCilium };
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

/** Only what changes the analysis (severity overrides do not). */
function settingsKey(settings: EffectiveSettings): string {
  return JSON.stringify([settings.version ?? null, settings.kernelVersion ?? null, settings.files ?? []]);
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();
  private roots: string[] = [];

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
    const analysis = analyzeSafely(text, optionsFor(doc, settings, this.roots, chartFiles));
    this.entries.set(doc.uri, { version: doc.version, text, key, analysis, chartFiles });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
