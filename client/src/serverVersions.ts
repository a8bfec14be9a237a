// The Cilium minors the running server supports, read from its initialize result (protocol.ts VERSIONS_CAPABILITY):
// the version pickers show exactly what the server can analyse, and the extension carries no list of its own.
// No `vscode` import, so it is tested without VS Code (test/client/serverVersions.test.ts).

import { VERSIONS_CAPABILITY, type SupportedVersion } from '../../server/src/lsp/protocol';

export interface VersionPick {
  label: string;
  description?: string;
  value: string;
}

/** The server's list, or undefined when the server has not started or sent none in the expected shape. */
export function serverVersions(initializeResult: unknown): SupportedVersion[] | undefined {
  const experimental = (initializeResult as { capabilities?: { experimental?: Record<string, unknown> } } | undefined)
    ?.capabilities?.experimental;
  const list = experimental?.[VERSIONS_CAPABILITY];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const ok = list.every(
    (v: unknown) =>
      typeof (v as SupportedVersion)?.minor === 'string' && typeof (v as SupportedVersion).prerelease === 'boolean',
  );
  return ok ? (list as SupportedVersion[]) : undefined;
}

/** Quick-pick items, one per supported minor, pre-releases described as such. */
export function versionPicks(versions: readonly SupportedVersion[]): VersionPick[] {
  return versions.map((r) => ({
    label: `Cilium ${r.minor}`,
    description: r.prerelease ? 'pre-release' : undefined,
    value: r.minor,
  }));
}
