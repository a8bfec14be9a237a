// package.json's copies of the version table: the `cilium.version` setting's enum and its descriptions, and the
// supported span in the extension's description. VS Code reads them before the server runs, so they cannot come
// from the server; `npm run gen:package-versions` writes them from knowledge/versions.ts and a test keeps them current.

import { SUPPORTED_SPAN, VERSION_TABLE } from '../server/src/core/version';

interface PackageJson {
  description: string;
  contributes: { configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[] }> } };
}

/** The setting's values: "auto", then every minor oldest first. */
export const versionEnum = (): string[] => ['auto', ...VERSION_TABLE.map((r) => r.minor)];

/** One description per minor, pre-releases marked as everywhere else. */
export const versionEnumDescriptions = (): string[] =>
  VERSION_TABLE.map((r) => `Cilium ${r.minor}${r.prerelease ? ' (pre-release)' : ''}`);

const SPAN = /for Cilium 1\.\d+ to 1\.\d+\./;

/** package.json's text with the version copies rewritten from the table (formatting as `npm` writes it). */
export function withTableVersions(text: string): string {
  const pkg = JSON.parse(text) as PackageJson;
  const setting = pkg.contributes.configuration.properties['cilium.version'];
  if (!setting?.enum || !setting.enumDescriptions)
    throw new Error('package.json: cilium.version has no enum/enumDescriptions');
  if (!SPAN.test(pkg.description))
    throw new Error('package.json: the description no longer says "for Cilium 1.X to 1.Y."');
  setting.enum = versionEnum();
  setting.enumDescriptions = [setting.enumDescriptions[0], ...versionEnumDescriptions()];
  pkg.description = pkg.description.replace(SPAN, `for Cilium ${SUPPORTED_SPAN}.`);
  return JSON.stringify(pkg, null, 2) + '\n';
}
