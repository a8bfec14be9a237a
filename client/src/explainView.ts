// "Cilium: Explain Datapath" as a webview beside the file: the core's explanation as HTML (`cilium/explain` with
// `html: true`), the packet path picture included, in a page with a strict CSP (explainPage.ts). Every line
// reference, in a box of the picture or in the text, moves the editor of the file to that line. One view per
// file; it follows the file as it is edited and the settings as they change.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EXPLAIN_REQUEST,
  SETTINGS_SECTION,
  type ExplainParams,
  type ExplainResult,
} from '../../server/src/lsp/protocol';
import { explainPage, newNonce, revealLine } from './explainPage';
import type { FailureReporter } from './failures';

export const EXPLAIN_VIEW_TYPE = 'cilium.explain';

/** Edits arrive per keystroke; the view asks again once typing pauses this long. */
const REFRESH_DELAY_MS = 400;

interface OpenView {
  panel: vscode.WebviewPanel;
  source: vscode.Uri;
  timer?: ReturnType<typeof setTimeout>;
}

export class ExplainViews implements vscode.Disposable {
  private readonly views = new Map<string, OpenView>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly failures: FailureReporter,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        const view = this.views.get(e.document.uri.toString());
        if (view) this.refreshSoon(view);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SETTINGS_SECTION)) for (const view of this.views.values()) this.refreshSoon(view);
      }),
    ];
  }

  /** Opens (or brings forward) the view of `source`; resolves with the explanation shown. */
  async show(source: vscode.Uri): Promise<ExplainResult | undefined> {
    const key = source.toString();
    let view = this.views.get(key);
    if (!view) {
      const name = source.path.split('/').pop() || 'values.yaml';
      const panel = vscode.window.createWebviewPanel(
        EXPLAIN_VIEW_TYPE,
        `${name} — datapath`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [] },
      );
      const opened: OpenView = { panel, source };
      view = opened;
      this.views.set(key, opened);
      panel.onDidDispose(() => {
        if (opened.timer) clearTimeout(opened.timer);
        this.views.delete(key);
      });
      panel.webview.onDidReceiveMessage((message: unknown) =>
        this.failures.guard('Going to the line', () => this.reveal(source, message)),
      );
    } else {
      view.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    return this.render(view);
  }

  private async render(view: OpenView): Promise<ExplainResult | undefined> {
    const c = this.client();
    if (!c) return undefined;
    const params: ExplainParams = { uri: view.source.toString(), picture: true, html: true };
    const result = await this.failures.guard('Explain Datapath', () =>
      c.sendRequest<ExplainResult>(EXPLAIN_REQUEST, params),
    );
    if (!result || !this.views.has(view.source.toString())) return result;
    const title = view.panel.title;
    view.panel.webview.html = explainPage(result.html ?? '<p>The language server sent no explanation.</p>', {
      nonce: newNonce(),
      title,
    });
    return result;
  }

  private refreshSoon(view: OpenView): void {
    if (view.timer) clearTimeout(view.timer);
    view.timer = setTimeout(() => {
      view.timer = undefined;
      void this.render(view);
    }, REFRESH_DELAY_MS);
  }

  /** A click on "line N": the file's editor (opened if need be) gets the cursor at that line's first character. */
  private async reveal(source: vscode.Uri, message: unknown): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(source);
    const line = revealLine(message, doc.lineCount);
    if (line === undefined) return;
    const at = new vscode.Position(line - 1, doc.lineAt(line - 1).firstNonWhitespaceCharacterIndex);
    const column =
      vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString())?.viewColumn ??
      vscode.ViewColumn.One;
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: column,
      selection: new vscode.Range(at, at),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    for (const view of [...this.views.values()]) view.panel.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
