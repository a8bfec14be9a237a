// The status bar item for the active editor: the verdict of its Cilium documents, in a warning colour when Host
// Routing or Masquerading fell back to the legacy path. Hidden for files that are not Cilium configuration.

import * as vscode from 'vscode';
import type { DocumentVerdict, VerdictParams } from '../../server/src/lsp/protocol';
import { statusText } from './statusText';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cilium.verdict', vscode.StatusBarAlignment.Right, 100);
  private readonly verdicts = new Map<string, DocumentVerdict[]>();

  constructor() {
    this.item.name = 'Cilium datapath';
    this.item.command = 'cilium.explain';
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
      return;
    }
    const fellBack = docs.some((d) => d.fellBack);
    const broken = docs.some((d) => !d.agentStarts || !d.installSucceeds);
    this.item.text = statusText(docs);
    this.item.backgroundColor = broken ? new vscode.ThemeColor('statusBarItem.errorBackground') : fellBack ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const md = new vscode.MarkdownString(docs.map((d) => `**${d.versionText}** (${d.kind}): ${d.summary}${d.agentStarts ? '' : ' — the agent would not start'}${d.installSucceeds ? '' : ' — the chart would not install'}`).join('\n\n'));
    md.appendMarkdown(docs.some((d) => d.versionSource === 'default') ? '\n\nClick for the full explanation. The version is assumed: run **Cilium: Select Target Cilium Version** to set it.' : '\n\nClick for the full explanation.');
    this.item.tooltip = md;
    this.item.show();
  }

  text(): string | undefined {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
