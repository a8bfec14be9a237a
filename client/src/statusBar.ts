// The status bar items for the active editor: the verdict of its Cilium documents (click: the explanation), in an
// error colour when the agent will not start or the chart will not install and a warning colour when a path fell
// back to legacy; beside it the target version and where it came from (click: set it). Hidden for files that are
// not Cilium configuration.

import * as vscode from 'vscode';
import { SELECT_VERSION_COMMAND, type DocumentVerdict, type VerdictParams } from '../../server/src/lsp/protocol';
import { statusText, statusTooltip, versionStatusText, worstDocument } from './statusText';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cilium.verdict', vscode.StatusBarAlignment.Right, 100);
  private readonly version = vscode.window.createStatusBarItem('cilium.version', vscode.StatusBarAlignment.Right, 99);
  private readonly verdicts = new Map<string, DocumentVerdict[]>();

  constructor() {
    this.item.name = 'Cilium datapath';
    this.item.command = 'cilium.explain';
    this.version.name = 'Cilium target version';
    this.version.command = SELECT_VERSION_COMMAND;
  }

  update(p: VerdictParams): void {
    this.verdicts.set(p.uri, p.documents);
    this.show(vscode.window.activeTextEditor?.document.uri.toString());
  }

  forget(uri: string): void {
    this.verdicts.delete(uri);
  }

  show(uri: string | undefined): void {
    const docs = uri ? this.verdicts.get(uri) : undefined;
    if (!docs || docs.length === 0) {
      this.item.hide();
      this.version.hide();
      return;
    }
    const level = worstDocument(docs).level;
    this.item.text = statusText(docs);
    this.item.backgroundColor =
      level === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : level === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    this.item.tooltip = new vscode.MarkdownString(statusTooltip(docs));
    this.version.text = versionStatusText(docs);
    this.version.tooltip = 'Target Cilium version and where it came from. Click to set it.';
    this.item.show();
    this.version.show();
  }

  text(): string | undefined {
    return this.item.text;
  }

  versionText(): string | undefined {
    return this.version.text;
  }

  dispose(): void {
    this.item.dispose();
    this.version.dispose();
  }
}
