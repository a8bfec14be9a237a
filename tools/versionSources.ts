// The release each supported minor was read from, as the generators write it into the generated data. It comes
// from the version table (server/src/core/knowledge/versions.ts); the README/SOURCES.md of the data in ../shared
// must say the same, or the generator stops: a row and its data must never describe two different releases.

import { VERSION_TABLE } from '../server/src/core/version';

export interface TableSource {
  release: string;
  commit: string;
  prerelease: boolean;
}

export function tableSources(): Record<string, TableSource> {
  return Object.fromEntries(
    VERSION_TABLE.map((r) => [r.minor, { release: r.release, commit: r.commit, prerelease: r.prerelease }]),
  );
}

/** Throws when the data's own description of a supported minor disagrees with the table. */
export function checkSourcesAgree(
  where: string,
  described: Record<string, { commit: string; release?: string; tag?: string }>,
): void {
  for (const [minor, row] of Object.entries(tableSources())) {
    const d = described[minor];
    if (!d) throw new Error(`${where} has no row for v${minor} (knowledge/versions.ts has one)`);
    const release = d.release ?? d.tag?.replace(/^v/, '');
    if (d.commit !== row.commit || release !== row.release) {
      throw new Error(
        `${where} says v${minor} is ${release} at ${d.commit}; knowledge/versions.ts says ${row.release} at ${row.commit}`,
      );
    }
  }
}
