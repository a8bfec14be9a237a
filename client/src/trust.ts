// Workspace trust on the client side, kept free of the `vscode` module so it can be tested in plain Node. The
// server enforces trust itself (it reads no chart in an untrusted workspace, whatever a setting says); the client
// tells it the trust state at start and when the user grants trust, and never asks for the Helm cache in
// Restricted Mode.

import { SETTINGS_SECTION, WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from '../../server/src/lsp/protocol';

/** The part of `vscode.workspace` this needs. */
export interface TrustSource {
  readonly isTrusted: boolean;
  onDidGrantWorkspaceTrust(listener: () => void): { dispose(): void };
}

/** Settings as the server should see them: `readHelmCache` only in a trusted workspace. */
export function trustedSettings<T extends { readHelmCache?: unknown }>(settings: T, trusted: boolean): Omit<T, 'readHelmCache'> & { readHelmCache: boolean } {
  return { ...settings, readHelmCache: trusted && settings.readHelmCache !== false };
}

/** A `workspace/configuration` answer with the `cilium` sections passed through trustedSettings. */
export function patchConfigurationAnswer(result: unknown, items: readonly { section?: string }[], trusted: boolean): unknown {
  if (!Array.isArray(result)) return result;
  return result.map((r, i) => (items[i]?.section === SETTINGS_SECTION && r && typeof r === 'object' ? trustedSettings(r as { readHelmCache?: unknown }, trusted) : r));
}

/** Sends the trust state now, and again when the user grants trust (VS Code never revokes it without a reload). */
export function followTrust(source: TrustSource, send: (method: string, params: WorkspaceTrustParams) => unknown): { dispose(): void } {
  void send(WORKSPACE_TRUST_NOTIFICATION, { trusted: source.isTrusted });
  return source.onDidGrantWorkspaceTrust(() => void send(WORKSPACE_TRUST_NOTIFICATION, { trusted: true }));
}
