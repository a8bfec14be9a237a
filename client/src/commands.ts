// The extension's commands: Explain Datapath, Fix All, Select Target Version, Show Rendered cilium-config,
// Preview Upgrade to….

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FIX_ALL_KIND,
  SETTINGS_SECTION,
  UPGRADE_PLAN_REQUEST,
  type UpgradePlanResult,
} from '../../server/src/lsp/protocol';
import { ExplainViews } from './explainView';
import type { FailureReporter } from './failures';
import { RenderedConfigViews, RENDERED_SCHEME, renderedSource } from './renderedConfigView';
import { serverVersions, versionPicks, type VersionPick } from './serverVersions';

const SCHEME = 'cilium-config';

/** Read-only Markdown documents (the upgrade report). */
class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.contents.clear();
    this.changed.dispose();
  }
}

function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return vscode.Uri.parse(arg);
  return vscode.window.activeTextEditor?.document.uri;
}

/** Opens a Markdown document of ours in the preview beside the editor. */
async function showBeside(
  docs: VirtualDocuments,
  view: vscode.Uri,
  markdown: string,
  failures: FailureReporter,
): Promise<void> {
  docs.set(view, markdown);
  await failures.guard('Opening the preview', () => vscode.commands.executeCommand('markdown.showPreviewToSide', view));
}

/** After the upgrade preview: the migration on the user's word, checked against edits made in between. */
async function offerMigration(
  uri: vscode.Uri,
  to: string,
  result: UpgradePlanResult,
  failures: FailureReporter,
): Promise<void> {
  const apply = 'Apply Migration';
  const choice = await vscode.window.showInformationMessage(
    `Cilium Config: migrate ${uri.path.split('/').pop()} to Cilium ${to}?`,
    apply,
  );
  if (choice !== apply) return;
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (doc && doc.version !== result.version) {
    void vscode.window.showWarningMessage(
      'Cilium Config: the file changed since the preview; run Preview Upgrade again.',
    );
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of result.edits)
    edit.replace(
      uri,
      new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character),
      e.newText,
    );
  const applied = await failures.guard('Applying the migration', () => vscode.workspace.applyEdit(edit));
  if (applied === false)
    failures.requestFailed('Applying the migration', 'VS Code refused the edit (is the file read-only?)');
}

/** The minors the running server supports (its initialize result); says so once when the server is not up yet. */
function knownVersions(c: LanguageClient | undefined): ReturnType<typeof serverVersions> {
  const known = serverVersions(c?.initializeResult);
  if (!known)
    void vscode.window.showWarningMessage(
      'Cilium Config: the language server has not started yet, so the supported Cilium versions are not known; try again in a moment.',
    );
  return known;
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: () => LanguageClient | undefined,
  failures: FailureReporter,
): void {
  const docs = new VirtualDocuments();
  context.subscriptions.push(docs, vscode.workspace.registerTextDocumentContentProvider(SCHEME, docs));
  const explainViews = new ExplainViews(client, failures);
  context.subscriptions.push(explainViews);
  const rendered = new RenderedConfigViews(client);
  context.subscriptions.push(rendered, vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, rendered));

  context.subscriptions.push(
    vscode.commands.registerCommand('cilium.explain', async (arg?: unknown) => {
      const uri = targetUri(arg);
      if (!uri || !client()) return undefined;
      return explainViews.show(uri);
    }),
    vscode.commands.registerCommand('cilium.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const actions = await failures.guard('Fix All', () =>
        vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          editor.document.uri,
          new vscode.Range(0, 0, 0, 0),
          FIX_ALL_KIND,
        ),
      );
      const fixAll = actions?.find((a) => a.kind?.value === FIX_ALL_KIND && a.edit);
      if (!fixAll?.edit) {
        void vscode.window.showInformationMessage('Cilium Config: nothing to fix in this file.');
        return false;
      }
      const edit = fixAll.edit;
      return (await failures.guard('Fix All', () => vscode.workspace.applyEdit(edit))) ?? false;
    }),
    vscode.commands.registerCommand('cilium.selectVersion', async () => {
      const known = knownVersions(client());
      if (!known) return undefined;
      const items: VersionPick[] = [
        {
          label: 'Detect from the file',
          description:
            'wrapper, Chart.yaml, image tag, chart label, # cilium-version comment; else assume the newest release',
          value: 'auto',
        },
        ...versionPicks(known),
      ];
      const pick = await vscode.window.showQuickPick(items, {
        placeHolder: 'Target Cilium version for this workspace',
      });
      if (!pick) return undefined;
      const target = vscode.workspace.workspaceFolders
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('version', pick.value, target);
      return pick.value;
    }),
    // The upgrade assistant (`cilium/upgradePlan`): the report beside the file, then the migration on request.
    // The command resolves with the plan once the report shows; the offer to migrate stays on screen.
    vscode.commands.registerCommand('cilium.previewUpgrade', async (arg?: unknown, version?: unknown) => {
      const uri = targetUri(arg);
      const c = client();
      if (!uri || !c) return undefined;
      let to = typeof version === 'string' ? version : undefined;
      if (!to) {
        const known = knownVersions(c);
        if (!known) return undefined;
        const pick = await vscode.window.showQuickPick(versionPicks(known), {
          placeHolder: 'Preview what changes when this file is deployed with…',
        });
        if (!pick) return undefined;
        to = pick.value;
      }
      const target = to;
      const result = await failures.guard('Preview Upgrade', () =>
        c.sendRequest<UpgradePlanResult>(UPGRADE_PLAN_REQUEST, { uri: uri.toString(), to: target }),
      );
      if (!result) return undefined;
      const view = vscode.Uri.from({ scheme: SCHEME, path: `/${uri.path.split('/').pop()} — upgrade to ${to}.md` });
      await showBeside(docs, view, result.markdown, failures);
      if (result.edits.length > 0)
        offerMigration(uri, to, result, failures).catch((err: unknown) =>
          failures.requestFailed('Applying the migration', err),
        );
      return result;
    }),
    vscode.commands.registerCommand('cilium.showRenderedConfig', async (arg?: unknown) => {
      const uri = targetUri(arg);
      if (!uri) return undefined;
      return rendered.show(renderedSource(uri));
    }),
  );
}
