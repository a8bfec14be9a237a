// Analysing open documents as they change, and publishing the result: diagnostics (with the document version)
// and the `cilium/verdict` notification. There is no fixed delay: a change is analysed on the next turn of the
// event loop. A burst of changes that arrived together is analysed once, at its latest version: the JSON-RPC
// layer hands the server one queued message per turn, so the analysis waits for a turn in which no change to
// that document came in. A result for a version that has been superseded is dropped.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { verdictOf } from '../core/explain';
import type { ServerContext } from './context';
import { diagnosticsFor } from './diagnostics';
import { VERDICT_NOTIFICATION, type VerdictParams } from './protocol';

/** What the scheduler needs from the server: the parts of ServerContext it reads (a test passes a fake). */
export type ValidatorContext = Pick<ServerContext, 'connection' | 'documents' | 'settings' | 'analyses'>;

interface Pending {
  handle: ReturnType<typeof setImmediate>;
  /**
   * A change came in since the last turn: more of the burst may still be queued. Starts true, because the
   * message that scheduled us was handed over in the same turn as the JSON-RPC layer queued its next one.
   */
  changedSinceTurn: boolean;
}

export class Validator {
  private readonly pending = new Map<string, Pending>();
  /** Latest validation started per document: an older one that finishes late publishes nothing. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 0;
  /** Validations run (for tests: a burst of changes must cost one). */
  validations = 0;

  constructor(
    private readonly ctx: ValidatorContext,
    /** Called after each verdict is sent (the server refreshes code lenses from it). */
    private readonly onVerdict?: (p: VerdictParams) => void,
  ) {}

  /** A document opened or changed. */
  changed(doc: TextDocument): void {
    const pending = this.pending.get(doc.uri);
    // Already scheduled: that run reads the newest text when it happens.
    if (pending) pending.changedSinceTurn = true;
    else this.schedule(doc.uri);
  }

  /** Every open document again (settings changed). */
  revalidateAll(): void {
    for (const doc of this.ctx.documents.all()) if (!this.pending.has(doc.uri)) this.schedule(doc.uri);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.tickets.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }

  private cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (p) clearImmediate(p.handle);
    this.pending.delete(uri);
  }

  private schedule(uri: string): void {
    const entry: Pending = { handle: setImmediate(() => this.turn(uri, entry)), changedSinceTurn: true };
    this.pending.set(uri, entry);
  }

  private turn(uri: string, entry: Pending): void {
    if (entry.changedSinceTurn) {
      // Another keystroke of the same burst was read during the last turn: give the rest of it one more turn.
      entry.changedSinceTurn = false;
      entry.handle = setImmediate(() => this.turn(uri, entry));
      return;
    }
    this.pending.delete(uri);
    this.validate(uri).catch((err) =>
      this.ctx.connection.console.error(`analysis of ${uri} failed: ${(err as Error).stack ?? err}`),
    );
  }

  private async validate(uri: string): Promise<void> {
    const ticket = ++this.nextTicket;
    this.tickets.set(uri, ticket);
    const settings = await this.ctx.settings.forDocument(uri);
    const doc = this.ctx.documents.get(uri);
    // Closed meanwhile, or a newer validation has started: this one has nothing current to say.
    if (!doc || this.tickets.get(uri) !== ticket) return;
    const version = doc.version;
    this.validations++;
    const analysis = this.ctx.analyses.get(doc, settings);
    // The user sees an internal-error diagnostic on the document; the stack goes to the server log for a report.
    for (const e of analysis.internalErrors) {
      this.ctx.connection.console.error(
        `${uri}: ${e.what} failed: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}`,
      );
    }
    await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(doc, analysis, settings) });
    const text = doc.getText();
    const lineAt = (offset: number) => doc.positionAt(offset).line;
    const verdict: VerdictParams = {
      uri,
      version,
      documents: analysis.documents.map((d) => verdictOf(d, text, lineAt)),
    };
    await this.ctx.connection.sendNotification(VERDICT_NOTIFICATION, verdict);
    this.onVerdict?.(verdict);
  }
}
