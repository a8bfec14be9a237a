// Cilium minor versions this project knows about, and helpers to compare them.
// A version is always a "1.NN" string; patch levels do not change the rules we encode.

import { VERSIONS } from './knowledge/versions';

/**
 * The one list of supported minors, oldest first, with the release each was checked at, its pre-release flag, its
 * docs address and minimum kernel: knowledge/versions.ts (how to add a minor is written there). A pre-release is
 * only analysed when the user asks for it, and is marked "(pre-release)" wherever it is shown.
 */
export const VERSION_TABLE = VERSIONS;

type Row = (typeof VERSION_TABLE)[number];
export type CiliumVersion = Row['minor'];

export const SUPPORTED_VERSIONS = VERSION_TABLE.map((r) => r.minor) as unknown as readonly [
  CiliumVersion,
  ...CiliumVersion[],
];
export const OLDEST_VERSION: CiliumVersion = SUPPORTED_VERSIONS[0];
export const NEWEST_VERSION: CiliumVersion = SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1];
/**
 * What a file with no version anywhere is analysed for: the newest *released* version. Pre-releases are only used
 * when the user asks for them (setting, --cilium-version, wrapper, comment...).
 */
export const NEWEST_RELEASED: CiliumVersion = [...VERSION_TABLE].reverse().find((r) => !r.prerelease)!.minor;
/** Minors built from a pre-release chart (1.20 from v1.20.0-pre.4, 1.21 from v1.21.0-pre.0); say so wherever we show them. */
export const PRERELEASE_VERSIONS: ReadonlySet<CiliumVersion> = new Set(
  VERSION_TABLE.filter((r) => r.prerelease).map((r) => r.minor),
);

/** "1.12 to 1.21": the supported span, for prose. */
export const SUPPORTED_SPAN = `${OLDEST_VERSION} to ${NEWEST_VERSION}`;

const ROWS = new Map<string, Row>(VERSION_TABLE.map((r) => [r.minor, r]));
/** The table row of a supported minor: release, commit, docs root, minimum kernel. */
export function versionRow(v: CiliumVersion): Row {
  return ROWS.get(v)!;
}

/** "1.21 (pre-release)" or "1.19": a version as users should read it. */
export function versionLabel(v: CiliumVersion): string {
  return PRERELEASE_VERSIONS.has(v) ? `${v} (pre-release)` : v;
}
const MINORS = new Map<string, number>(SUPPORTED_VERSIONS.map((v) => [v, Number(v.split('.')[1])]));

/** Called for every rule of every document: a table lookup, not a string split. */
export function minorOf(v: CiliumVersion): number {
  return MINORS.get(v) ?? Number(v.split('.')[1]);
}

/** True when `v` lies in [since, until] (both inclusive, either may be omitted). */
export function inRange(v: CiliumVersion, since?: CiliumVersion, until?: CiliumVersion): boolean {
  const m = minorOf(v);
  if (since && m < minorOf(since)) return false;
  if (until && m > minorOf(until)) return false;
  return true;
}

export function isSupported(v: string): v is CiliumVersion {
  return (SUPPORTED_VERSIONS as readonly string[]).includes(v);
}

export type VersionParse = { ok: true; version: CiliumVersion; exact: string } | { ok: false; reason: string };

/**
 * Reads a version as users write it in wrappers and comments: "1.16", "v1.16.5", "1.13.0-rc1", ">=1.15.0 <1.16",
 * "~1.19.0", "1.19.x". Ranges take their lower bound. "*" and other open ranges are not a version.
 */
export function parseCiliumVersion(input: string): VersionParse {
  const text = input.trim();
  const m = /(?:^|[^0-9.])v?1\.(\d{1,2})(?:\.(\d+|x|\*))?(?:-[0-9A-Za-z.]+)?/.exec(' ' + text);
  if (!m) return { ok: false, reason: `"${text}" is not a Cilium version like 1.16 or 1.16.5` };
  const candidate = `1.${Number(m[1])}`;
  if (!isSupported(candidate)) {
    return {
      ok: false,
      reason: `Cilium ${candidate} is not supported; supported versions are ${SUPPORTED_VERSIONS[0]} to ${NEWEST_VERSION}`,
    };
  }
  return { ok: true, version: candidate, exact: m[0].trim() };
}
