// Where each document's settings come from: `initializationOptions.settings`, then (when the client supports
// `workspace/configuration`) the `cilium` section scoped to the document, re-read after
// `workspace/didChangeConfiguration`. Problems are shown once as a `window/showMessage` warning.

import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { isInside } from '../io/guardedRead';
import { configIncludes, LintConfigLocator } from '../io/lintConfigFile';
import { SETTINGS_SECTION } from './protocol';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, withLintConfig, type EffectiveSettings } from './settings';

export class SettingsStore {
  private initial: EffectiveSettings = DEFAULT_SETTINGS;
  private canPull = false;
  private ready = false;
  private readonly perDocument = new Map<string, Promise<EffectiveSettings>>();
  private readonly resolved = new Map<string, EffectiveSettings>();
  private readonly reported = new Set<string>();
  private pending: string[] = [];
  /** `.cilium-lint.yaml` lookup per workspace folder (never above it, never outside the workspace). */
  private locators = new Map<string, LintConfigLocator>();

  constructor(private readonly connection: Connection) {}

  /** From the initialize request. Problems are held until `initialized` (a client shows nothing before). */
  initialize(initSettings: unknown, canPullConfiguration: boolean): void {
    const { values, problems } = parseSettings(initSettings);
    this.initial = mergeSettings(DEFAULT_SETTINGS, values);
    this.canPull = canPullConfiguration;
    this.pending.push(...problems);
  }

  /** The workspace folders: `.cilium-lint.yaml` is looked for inside them only. */
  setRoots(roots: readonly string[]): void {
    this.locators = new Map(roots.map((r) => [r, new LintConfigLocator(r)]));
  }

  /** A `.cilium-lint.yaml` changed on disk or in the editor: read it again for every document. */
  lintConfigChanged(): void {
    for (const l of this.locators.values()) l.forget();
    this.reported.clear();
    this.perDocument.clear();
    this.resolved.clear();
  }

  /** After `initialized`: messages can be shown from now on. */
  initialized(): void {
    this.ready = true;
    this.report(this.pending);
    this.pending = [];
  }

  /** `workspace/didChangeConfiguration`: a pushed `cilium` section replaces the initial settings; pulled ones are read again. */
  changed(pushed: unknown): void {
    const section =
      pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    this.reported.clear(); // a setting that is still wrong after the change is worth saying again
    if (section !== undefined && section !== null) {
      const { values, problems } = parseSettings(section);
      this.initial = mergeSettings(DEFAULT_SETTINGS, values);
      this.report(problems);
    }
    for (const l of this.locators.values()) l.forget();
    this.perDocument.clear();
    this.resolved.clear();
  }

  /** The settings for a document: pulled once per document (until the configuration changes), else the initial ones. */
  forDocument(uri: string): Promise<EffectiveSettings> {
    let p = this.perDocument.get(uri);
    if (!p) {
      p = this.pull(uri).then((pulled) => {
        const s = this.withProjectConfig(uri, pulled);
        if (this.perDocument.get(uri) === p) this.resolved.set(uri, s);
        return s;
      });
      this.perDocument.set(uri, p);
    }
    return p;
  }

  /** Without waiting: what the document's last analysis used (requests must not wait on the client). */
  cached(uri: string): EffectiveSettings {
    return this.resolved.get(uri) ?? this.initial;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.resolved.delete(uri);
  }

  /** The document's settings over the `.cilium-lint.yaml` that applies to it (the editor's settings win). */
  private withProjectConfig(uri: string, settings: EffectiveSettings): EffectiveSettings {
    let fsPath: string | undefined;
    try {
      const u = URI.parse(uri);
      fsPath = u.scheme === 'file' ? u.fsPath : undefined;
    } catch {
      fsPath = undefined;
    }
    if (!fsPath) return settings;
    const root = [...this.locators.keys()].filter((r) => isInside(r, fsPath)).sort((a, b) => b.length - a.length)[0];
    const found = root ? this.locators.get(root)!.forFile(fsPath) : undefined;
    if (!found) return settings;
    if (!found.ok) {
      this.report(found.problems.map((p) => `${p} (the file is ignored until it is fixed)`));
      return settings;
    }
    return withLintConfig(settings, found.config, !configIncludes(found.config, fsPath));
  }

  private async pull(uri: string): Promise<EffectiveSettings> {
    if (!this.canPull) return this.initial;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration({
        scopeUri: uri,
        section: SETTINGS_SECTION,
      });
      const { values, problems } = parseSettings(raw);
      this.report(problems);
      // The initialization options still decide whatever the client's configuration leaves out.
      return mergeSettings(this.initial, values);
    } catch (err) {
      this.connection.console.log(
        `workspace/configuration failed, using the initial settings: ${(err as Error).message}`,
      );
      return this.initial;
    }
  }

  private report(problems: string[]): void {
    if (!this.ready) {
      this.pending.push(...problems);
      return;
    }
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.connection.console.warn(p);
      void this.connection.window.showWarningMessage(`Cilium Config: ${p}`);
    }
  }
}
