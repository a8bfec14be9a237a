// The language server: a thin layer that keeps documents in sync, reads settings, and answers every request
// from one cached Analysis per document version. All Cilium knowledge lives in the core.

import {
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  MarkupKind,
  ResponseError,
  ErrorCodes,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { completeAt } from '../core/completion';
import { explainMarkdown, renderedConfigYaml, verdictOf } from '../core/explain';
import { fixAllEdits } from '../core/fixes/index';
import { hoverAt } from '../core/hover';
import type { TextEdit } from '../core/types';
import { chartDescriptionLookup, findCachedCharts, findWorkspaceCharts, type ChartSource } from './chartDocs';
import { toDiagnostic, toRange, toTextEdit } from './convert';
import { DocumentAnalyses, optionsFor } from './documentAnalyses';
import {
  EXPLAIN_REQUEST,
  FIX_ALL_KIND,
  RENDERED_CONFIG_REQUEST,
  SETTINGS_SECTION,
  VERDICT_NOTIFICATION,
  type ExplainParams,
  type ExplainResult,
  type RenderedConfigParams,
  type RenderedConfigResult,
  type VerdictParams,
} from './protocol';
import { DEFAULT_SETTINGS, readSettings, type EffectiveSettings } from './settings';

/** Server-side command for editors without their own "explain" UI (VS Code registers `cilium.explain` itself). */
export const EXPLAIN_COMMAND = 'cilium.explain';
const DEBOUNCE_MS = 150;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new DocumentAnalyses();
  const perDocument = new Map<string, EffectiveSettings>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const reported = new Set<string>();
  let initSettings: EffectiveSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let versionedEdits = false;
  let workspaceRoots: string[] = [];
  let charts: ChartSource[] | undefined;

  const log = (message: string) => connection.console.log(message);

  /** Runs a handler; an exception is logged and answered as an error instead of taking the server down. */
  function safe<P, R>(name: string, fn: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await fn(params);
      } catch (err) {
        const e = err as Error;
        connection.console.error(`${name} failed: ${e.stack ?? e.message}`);
        throw new ResponseError(ErrorCodes.InternalError, `Cilium Config: ${name} failed: ${e.message}`);
      }
    };
  }

  function warnOnce(problems: string[]): void {
    for (const p of problems) {
      if (reported.has(p)) continue;
      reported.add(p);
      void connection.window.showWarningMessage(p);
    }
  }

  async function settingsFor(uri: string): Promise<EffectiveSettings> {
    const known = perDocument.get(uri);
    if (known) return known;
    let settings = initSettings;
    if (canPullConfiguration) {
      try {
        const raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
        const read = readSettings(raw);
        warnOnce(read.problems);
        // The initialization options still decide whatever the client's configuration leaves out.
        settings = { ...initSettings, ...stripUndefined(read.settings), rules: { ...initSettings.rules, ...read.settings.rules } };
      } catch (err) {
        log(`workspace/configuration failed, using the initial settings: ${(err as Error).message}`);
      }
    }
    perDocument.set(uri, settings);
    return settings;
  }

  function cachedSettings(uri: string): EffectiveSettings {
    return perDocument.get(uri) ?? initSettings;
  }

  function chartLookup(settings: EffectiveSettings) {
    if (!charts) {
      charts = [];
      try {
        charts.push(...findWorkspaceCharts(workspaceRoots));
        if (settings.readHelmCache) charts.push(...findCachedCharts());
        if (charts.length > 0) log(`chart descriptions from: ${charts.map((c) => c.path).join(', ')}`);
      } catch (err) {
        log(`reading chart descriptions failed: ${(err as Error).message}`);
      }
    }
    return chartDescriptionLookup(charts);
  }

  async function validate(doc: TextDocument): Promise<void> {
    const settings = await settingsFor(doc.uri);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return; // a newer version is on its way
    const analysis = analyses.get(current, settings);
    const diagnostics: Diagnostic[] = [];
    for (const f of [...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)]) {
      const d = toDiagnostic(current, f, settings);
      if (d) diagnostics.push(d);
    }
    await connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    const text = current.getText();
    const verdict: VerdictParams = { uri: current.uri, version: current.version, documents: analysis.documents.map((d) => verdictOf(d, text)) };
    await connection.sendNotification(VERDICT_NOTIFICATION, verdict);
  }

  const lastRun = new Map<string, number>();

  /**
   * Analyses soon after a change: at once when the document was quiet (so a single edit is answered without
   * delay), and debounced during a burst of keystrokes (so only the last version is analysed).
   */
  function schedule(doc: TextDocument, delay: number): void {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    const now = Date.now();
    if (!pending && now - (lastRun.get(doc.uri) ?? 0) > delay) delay = 0;
    lastRun.set(doc.uri, now);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        validate(doc).catch((err) => connection.console.error(`validation of ${doc.uri} failed: ${(err as Error).stack ?? err}`));
      }, delay),
    );
  }

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    const opts = (params.initializationOptions ?? {}) as { settings?: unknown; clientHandlesExplain?: boolean };
    const read = readSettings(opts.settings);
    initSettings = read.settings;
    // Reported after `initialized`: a client cannot show messages before that.
    const problems = read.problems;
    connection.onInitialized(() => warnOnce(problems));
    workspaceRoots = (params.workspaceFolders ?? [])
      .map((f) => f.uri)
      .concat(params.rootUri ? [params.rootUri] : [])
      .filter((u) => u.startsWith('file:'))
      .map((u) => URI.parse(u).fsPath);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: opts.clientHandlesExplain ? [] : [EXPLAIN_COMMAND] },
      },
      serverInfo: { name: 'cilium-config', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration(
    safe('didChangeConfiguration', (change) => {
      const section = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
      if (section !== undefined) {
        const read = readSettings(section);
        warnOnce(read.problems);
        initSettings = read.settings;
      }
      perDocument.clear();
      analyses.clear();
      charts = undefined;
      for (const doc of documents.all()) schedule(doc, 0);
    }),
  );

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    analyses.forget(e.document.uri);
    perDocument.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function analysisOf(uri: string) {
    const doc = documents.get(uri);
    if (!doc) throw new Error(`unknown document ${uri}`);
    const settings = cachedSettings(uri);
    return { doc, settings, analysis: analyses.get(doc, settings) };
  }

  connection.onHover(
    safe('hover', (params) => {
      const { doc, settings, analysis } = analysisOf(params.textDocument.uri);
      const h = hoverAt(analysis, doc.getText(), doc.offsetAt(params.position), { chartDescription: chartLookup(settings) });
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(doc, h.range) } : null;
    }),
  );

  connection.onCompletion(
    safe('completion', (params) => {
      const { doc, analysis } = analysisOf(params.textDocument.uri);
      return completeAt(analysis, doc.getText(), doc.offsetAt(params.position)).map(
        (c, i): CompletionItem => ({
          label: c.label,
          kind: c.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
          detail: c.detail,
          documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
          sortText: String(i).padStart(4, '0'),
          filterText: c.label,
          tags: c.deprecated ? [CompletionItemTag.Deprecated] : undefined,
          ...(c.replaceRange ? { textEdit: { range: toRange(doc, c.replaceRange), newText: c.insertText } } : { insertText: c.insertText }),
        }),
      );
    }),
  );

  function workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    const lsp = edits.map((e) => toTextEdit(doc, e));
    return versionedEdits ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: lsp }] } : { changes: { [doc.uri]: lsp } };
  }

  connection.onCodeAction(
    safe('codeAction', (params) => {
      const { doc, settings, analysis } = analysisOf(params.textDocument.uri);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const start = doc.offsetAt(params.range.start);
        const end = doc.offsetAt(params.range.end);
        for (const f of analysis.documents.flatMap((d) => d.findings)) {
          if (!f.fixes?.length || settings.rules[f.rule] === 'off') continue;
          if (f.range.start > end || f.range.end < start) continue;
          const diagnostic = toDiagnostic(doc, f, settings);
          f.fixes.forEach((fix, i) =>
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: diagnostic ? [diagnostic] : undefined,
              isPreferred: i === 0,
              edit: workspaceEdit(doc, fix.edits),
            }),
          );
        }
      }
      if (wants(FIX_ALL_KIND) && (only || actions.length > 0)) {
        const edits = fixAllEdits(doc.getText(), optionsFor(doc, settings));
        if (edits.length > 0) actions.push({ title: 'Fix all Cilium problems in this file', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits) });
      }
      return actions;
    }),
  );

  connection.onCodeLens(
    safe('codeLens', (params) => {
      const { doc, analysis } = analysisOf(params.textDocument.uri);
      const text = doc.getText();
      return analysis.documents.map((d): CodeLens => {
        const v = verdictOf(d, text);
        const position = { line: v.line, character: 0 };
        return { range: { start: position, end: position }, command: { title: v.summary, command: EXPLAIN_COMMAND, arguments: [doc.uri] } };
      });
    }),
  );

  const explain = (uri: string): ExplainResult => {
    const { doc, analysis } = analysisOf(uri);
    const text = doc.getText();
    return { markdown: explainMarkdown(analysis, text), documents: analysis.documents.map((d) => verdictOf(d, text)) };
  };

  connection.onExecuteCommand(
    safe('executeCommand', (params) => {
      if (params.command !== EXPLAIN_COMMAND) throw new Error(`unknown command ${params.command}`);
      const uri = params.arguments?.[0];
      if (typeof uri !== 'string') throw new Error(`${EXPLAIN_COMMAND} needs the document URI as its argument`);
      return explain(uri).markdown;
    }),
  );

  connection.onRequest(EXPLAIN_REQUEST, safe('explain', (params: ExplainParams) => explain(params.uri)));
  connection.onRequest(
    RENDERED_CONFIG_REQUEST,
    safe('renderedConfig', (params: RenderedConfigParams): RenderedConfigResult => ({ yaml: renderedConfigYaml(analysisOf(params.uri).analysis) })),
  );

  documents.listen(connection);
  connection.listen();
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
