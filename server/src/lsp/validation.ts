// Analysing open documents as they change, and publishing the result: diagnostics (with the document version)
// and the `cilium/verdict` notification. A change is analysed at once when the document was quiet, and
// debounced during a burst of keystrokes; a result for a version that has been superseded is dropped.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { verdictOf } from '../core/explain';
import type { ServerContext } from './context';
import { diagnosticsFor } from './diagnostics';
import { VERDICT_NOTIFICATION, type VerdictParams } from './protocol';

export const DEBOUNCE_MS = 150;

export class Validator {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastChange = new Map<string, number>();
  /** Latest validation started per document: an older one that finishes late publishes nothing. */
  private readonly tickets = new Map<string, number>();
  private nextTicket = 0;

  constructor(private readonly ctx: ServerContext) {}

  /** A document opened or changed. */
  changed(doc: TextDocument): void {
    const now = Date.now();
    const pending = this.timers.get(doc.uri);
    const last = this.lastChange.get(doc.uri);
    this.lastChange.set(doc.uri, now);
    // Quiet document (or just opened): analyse at once. Typing: wait until the keystrokes pause.
    const quiet = !pending && (last === undefined || now - last > DEBOUNCE_MS);
    this.schedule(doc.uri, quiet ? 0 : DEBOUNCE_MS);
  }

  /** Every open document again (settings changed). */
  revalidateAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri, 0);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.tickets.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  dispose(): void {
    for (const uri of [...this.timers.keys()]) this.cancel(uri);
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri).catch((err) => this.ctx.connection.console.error(`analysis of ${uri} failed: ${(err as Error).stack ?? err}`));
      }, delay),
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
    const analysis = this.ctx.analyses.get(doc, settings);
    // The user sees an internal-error diagnostic on the document; the stack goes to the server log for a report.
    for (const e of analysis.internalErrors) {
      this.ctx.connection.console.error(`${uri}: ${e.what} failed: ${e.error instanceof Error ? (e.error.stack ?? e.error.message) : String(e.error)}`);
    }
    await this.ctx.connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(doc, analysis, settings) });
    const text = doc.getText();
    const verdict: VerdictParams = { uri, version, documents: analysis.documents.map((d) => verdictOf(d, text)) };
    await this.ctx.connection.sendNotification(VERDICT_NOTIFICATION, verdict);
  }
}
