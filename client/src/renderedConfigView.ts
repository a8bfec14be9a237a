// "Cilium: Show Rendered cilium-config": a read-only YAML document beside the editor holding the whole
// cilium-config ConfigMap the chart renders for a file, each key annotated with where its value comes from. The
// text comes from the server (`cilium/renderedConfig`); the view follows the file as it is edited, and the
// settings (a new target version) as they change. A chart refusal or a failed request is shown in the document
// itself, never as an empty view.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  RENDERED_CONFIG_REQUEST,
  SETTINGS_SECTION,
  type RenderedConfigParams,
  type RenderedConfigResult,
} from '../../server/src/lsp/protocol';

/** The scheme of the rendered views: the path names the file, the query is the URI of the file rendered. */
export const RENDERED_SCHEME = 'cilium-rendered';

/** Edits arrive per keystroke; the view asks again once typing pauses this long. */
const REFRESH_DELAY_MS = 300;

export function renderedViewUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() || 'values.yaml';
  return vscode.Uri.from({
    scheme: RENDERED_SCHEME,
    path: `/${name} (rendered cilium-config).yaml`,
    query: source.toString(),
  });
}

/** The file a view renders (a view of a view renders the same file). */
export function renderedSource(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === RENDERED_SCHEME ? vscode.Uri.parse(uri.query) : uri;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class RenderedConfigViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) for (const view of this.openViews()) this.refreshSoon(view);
      }),
    ];
  }

  /** Asks the server; the result (or why there is none) is the document's text. */
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const c = this.client();
    if (!c) return '# Cilium Config: the language server is not running, so nothing can be rendered.\n';
    try {
      const params: RenderedConfigParams = { uri: uri.query };
      const result = await c.sendRequest<RenderedConfigResult>(RENDERED_CONFIG_REQUEST, params);
      return result.yaml ?? '# Cilium Config: this file holds no Cilium Helm values or cilium-config ConfigMap.\n';
    } catch (err) {
      return `# Cilium Config could not render this file:\n${messageOf(err)
        .split('\n')
        .map((l) => `#   ${l}`)
        .join('\n')}\n`;
    }
  }

  /** Opens (or shows again) the view of `source` beside the current editor; returns its text. */
  async show(source: vscode.Uri): Promise<string> {
    const view = renderedViewUri(source);
    // An open view is already kept current; asking again covers a change the server saw after the last refresh.
    if (this.openViews().some((u) => u.toString() === view.toString())) this.changed.fire(view);
    const doc = await vscode.workspace.openTextDocument(view);
    if (doc.languageId !== 'yaml') await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
    await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    return doc.getText();
  }

  private openViews(): vscode.Uri[] {
    return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === RENDERED_SCHEME).map((d) => d.uri);
  }

  private sourceChanged(source: vscode.Uri): void {
    if (source.scheme === RENDERED_SCHEME) return;
    const key = source.toString();
    for (const view of this.openViews()) if (view.query === key) this.refreshSoon(view);
  }

  private refreshSoon(view: vscode.Uri): void {
    const key = view.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(view);
      }, REFRESH_DELAY_MS),
    );
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
