// One analysis per open document version and settings: diagnostics, hover, completion, code actions and code
// lenses all read the same Analysis instead of parsing again.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyzeSafely, type Analysis, type AnalyzeOptions } from '../core/analyze';
import type { EffectiveSettings } from './settings';

interface Entry {
  version: number;
  /** The text analysed: a client may send new text under a version number it already used. */
  text: string;
  key: string;
  analysis: Analysis;
}

export function optionsFor(doc: TextDocument, settings: EffectiveSettings): AnalyzeOptions {
  let path: string | undefined;
  try {
    path = URI.parse(doc.uri).path;
  } catch {
    path = undefined;
  }
  return { version: settings.version, kernel: settings.kernelVersion, path };
}

/** Only what changes the analysis (severity overrides do not). */
function settingsKey(settings: EffectiveSettings): string {
  return JSON.stringify([settings.version ?? null, settings.kernelVersion ?? null]);
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();

  get(doc: TextDocument, settings: EffectiveSettings): Analysis {
    const key = settingsKey(settings);
    const hit = this.entries.get(doc.uri);
    const text = doc.getText();
    // Usually the very same string (an O(1) comparison); a full comparison only when the text was replaced.
    if (hit && hit.version === doc.version && hit.key === key && hit.text === text) return hit.analysis;
    const analysis = analyzeSafely(text, optionsFor(doc, settings));
    this.entries.set(doc.uri, { version: doc.version, text, key, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
