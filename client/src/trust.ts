// Workspace trust on the client side, kept free of the `vscode` module so it can be tested in plain Node. The
// server enforces trust itself (it reads no chart in an untrusted workspace, whatever a setting says); the client
// tells it the trust state at start and when the user grants trust, starts it again (trusted) if it is down by
// then, and never asks for the Helm cache in Restricted Mode.

import { SETTINGS_SECTION, type WorkspaceTrustParams } from '../../server/src/lsp/protocol';

/** The part of `vscode.workspace` this needs. */
export interface TrustSource {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => void): { dispose(): void };
}

/** The language server as far as trust is concerned. */
export type ServerState = 'running' | 'starting' | 'down';

export interface TrustServer {
  state(): ServerState;
  /** Resolves once a running or starting server runs. */
  ready(): PromiseLike<unknown>;
  /** Sends `cilium/didChangeWorkspaceTrust`. */
  notify(params: WorkspaceTrustParams): PromiseLike<unknown>;
  /** Starts a server that failed to start or stopped; it is then initialized with the current trust state. */
  restart(): PromiseLike<unknown>;
}

/** Settings as the server should see them: `readHelmCache` only in a trusted workspace. */
export function trustedSettings<T extends { readHelmCache?: unknown }>(
  settings: T,
  trusted: boolean,
): Omit<T, 'readHelmCache'> & { readHelmCache: boolean } {
  return { ...settings, readHelmCache: trusted && settings.readHelmCache !== false };
}

/** A `workspace/configuration` answer with the `cilium` sections passed through trustedSettings. */
export function patchConfigurationAnswer(
  result: unknown,
  items: readonly { section?: string }[],
  trusted: boolean,
): unknown {
  if (!Array.isArray(result)) return result;
  return (result as unknown[]).map((r, i) =>
    items[i]?.section === SETTINGS_SECTION && r && typeof r === 'object'
      ? trustedSettings(r as { readHelmCache?: unknown }, trusted)
      : r,
  );
}

/**
 * Sends the trust state now, and again when the user grants trust (VS Code never revokes it without a reload).
 * A server that is down when trust is granted is started again. Failures go to `failed`, never thrown.
 */
export function followTrust(
  source: TrustSource,
  server: TrustServer,
  failed: (what: string, err: unknown) => void,
): { dispose(): void } {
  const tell = (trusted: boolean) =>
    Promise.resolve()
      .then(() => server.ready())
      .then(() => server.notify({ trusted }))
      .then(undefined, (err: unknown) => failed('Telling the language server about workspace trust', err));
  if (server.state() !== 'down') void tell(source.isTrusted);
  return source.onDidGrantWorkspaceTrust(() => {
    if (server.state() !== 'down') void tell(true);
    else
      void Promise.resolve()
        .then(() => server.restart())
        .then(undefined, (err: unknown) => failed('Starting the language server after trust was granted', err));
  });
}
