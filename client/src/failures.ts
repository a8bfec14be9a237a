// What the user sees when the language server does not start or a request to it fails, kept free of the
// `vscode` module so it can be tested in plain Node. A server that cannot start says so and opens its output
// (the reason is there: a missing dist/server.js, a crash on start-up); a failed request becomes one error
// message, never an exception thrown out of a command or an unhandled rejection, and the same message is not
// stacked while the user has not dismissed it. Cancellations are the user moving on, not failures.

/** The part of the VS Code window this needs. */
export interface FailureUi {
  /** An error notification with buttons; resolves with the button clicked (undefined when dismissed). */
  showError(message: string, ...actions: string[]): PromiseLike<string | undefined>;
  /** A line in the extension's output channel. */
  log(line: string): void;
  /** Brings the output channel into view. */
  revealOutput(): void;
}

export const SHOW_OUTPUT = 'Show Output';

/** JSON-RPC codes for "the answer is no longer wanted": RequestCancelled, ContentModified, ServerCancelled. */
const CANCELLED_CODES = new Set([-32800, -32801, -32802]);

export function isCancellation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, name } = err as { code?: unknown; name?: unknown };
  return (typeof code === 'number' && CANCELLED_CODES.has(code)) || name === 'Canceled';
}

export function describeError(err: unknown): string {
  const text =
    err instanceof Error ? err.message : typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
  return text.trim() || 'no reason given';
}

export class FailureReporter {
  /** Messages on screen now: the same one is not shown twice at once. */
  private readonly showing = new Set<string>();
  /** Start-up failures already reported (the same error can arrive from two places). */
  private readonly reportedStarts = new WeakSet<object>();
  private last: string | undefined;

  constructor(private readonly ui: FailureUi) {}

  /** The server did not start or its initialization failed: the reason in the output, shown at once. */
  startFailed(err: unknown): void {
    if (err && typeof err === 'object') {
      if (this.reportedStarts.has(err)) return;
      this.reportedStarts.add(err);
    }
    this.ui.log(`The Cilium Config language server did not start: ${describeError(err)}`);
    this.ui.revealOutput();
    this.show('Cilium Config: the language server did not start, so files are not checked. The output shows why.');
  }

  /**
   * Runs one request. Its result, or undefined when it failed: the failure is logged and shown (once while on
   * screen), never thrown.
   */
  async guard<T>(what: string, request: () => PromiseLike<T>): Promise<T | undefined> {
    try {
      return await request();
    } catch (err) {
      this.requestFailed(what, err);
      return undefined;
    }
  }

  /** A failed request: logged, and shown unless it was cancelled. */
  requestFailed(what: string, err: unknown): void {
    if (isCancellation(err)) return;
    const reason = describeError(err);
    this.ui.log(`${what} failed: ${reason}`);
    this.show(`Cilium Config: ${what} failed: ${firstLine(withoutServerPrefix(reason))}`);
  }

  /** The last message shown (for the integration tests). */
  lastMessage(): string | undefined {
    return this.last;
  }

  private show(message: string): void {
    this.last = message;
    if (this.showing.has(message)) return;
    this.showing.add(message);
    const done = (choice?: string) => {
      this.showing.delete(message);
      if (choice === SHOW_OUTPUT) this.ui.revealOutput();
    };
    Promise.resolve(this.ui.showError(message, SHOW_OUTPUT)).then(done, () => done());
  }
}

/** The server names itself and the request in its errors ("Cilium Config: cilium/explain failed: …"); the
 * message already says both in the user's words. */
function withoutServerPrefix(reason: string): string {
  return reason.replace(/^Cilium Config: \S+ failed: /, '');
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
