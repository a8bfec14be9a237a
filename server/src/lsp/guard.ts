// Every handler runs through `guard`: an exception is logged and answered as a ResponseError (requests) or
// swallowed (notifications), so one bad request or document never ends the session.

import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

/** A request about a document the client never opened (or already closed). */
export class UnknownDocumentError extends Error {
  constructor(uri: unknown) {
    super(`unknown document ${JSON.stringify(uri)} (not open)`);
  }
}

/** An error's stack (else its text), for the server log. */
export function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Wraps a request handler: errors are logged and answered with a ResponseError naming the request. */
export function guard<P, R>(
  connection: Connection,
  name: string,
  fn: (params: P) => R | Promise<R>,
): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await fn(params);
    } catch (err) {
      if (err instanceof ResponseError) throw err;
      connection.console.error(`${name} failed: ${describeError(err)}`);
      const code = err instanceof UnknownDocumentError ? ErrorCodes.InvalidParams : ErrorCodes.InternalError;
      throw new ResponseError(
        code,
        `Cilium Config: ${name} failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  };
}

/** Wraps a notification handler: errors are logged, nothing is answered. */
export function guardNotification<P>(
  connection: Connection,
  name: string,
  fn: (params: P) => void | Promise<void>,
): (params: P) => void {
  return (params: P) => {
    try {
      const result = fn(params);
      if (result instanceof Promise)
        result.catch((err) => connection.console.error(`${name} failed: ${describeError(err)}`));
    } catch (err) {
      connection.console.error(`${name} failed: ${describeError(err)}`);
    }
  };
}
