// Asks the client to fetch code lenses again (`workspace/codeLens/refresh`) when a document's verdict changed
// without its text changing: its first analysis (an editor asks for lenses as soon as it shows the file, which on
// the first file after start-up is before the server has analysed it, and then not again until an edit) and a
// change of settings (another target version). Edits need nothing: the editor asks again after each. One request
// per turn of the event loop, whatever the number of documents.

import type { Connection } from 'vscode-languageserver';
import type { VerdictParams } from './protocol';

export class LensRefresher {
  private readonly shown = new Map<string, { version: number; verdict: string }>();
  private scheduled = false;
  /** Refresh requests sent (for tests). */
  sent = 0;

  constructor(
    private readonly connection: Pick<Connection, 'sendRequest'>,
    private readonly supported: () => boolean,
  ) {}

  published(p: VerdictParams): void {
    const verdict = JSON.stringify(p.documents.map((d) => [d.headline, d.details, d.versionBadge, d.line]));
    const last = this.shown.get(p.uri);
    this.shown.set(p.uri, { version: p.version, verdict });
    const stale = !last || (last.version === p.version && last.verdict !== verdict);
    if (!stale || !this.supported() || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.sent++;
      this.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    });
  }

  forget(uri: string): void {
    this.shown.delete(uri);
  }
}
