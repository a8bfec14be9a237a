// What we can say about a key without looking at the file: its type and default in the target version, the
// versions whose chart has it (added, removed, renamed), the cilium-config key it becomes, and our own
// explanation with the notes for that version. Hover and completion render the same text from here.

import { chartKeyIn } from '../chart/values/chartValues';
import { childrenOf, defaultIn, getKey, isCommentedIn, isOpenMap, keyExistsIn } from '../knowledge/catalog';
import { adviceFor, KEY_ADVICE } from '../knowledge/keyHistory';
import { configMapKeyDoc, effectLines, helmKeyDoc, helmKeysFor, notesFor, type KeyDoc } from '../knowledge/keyDocs';
import { minorOf, SUPPORTED_SPAN, SUPPORTED_VERSIONS, versionRow, type CiliumVersion } from '../version';
import { configKeyFacts } from './configKeyInfo';

/** The Helm reference page for a version (below the docs root of the version table; /latest/ for a pre-release). */
export function helmReferenceUrl(version: CiliumVersion): string {
  return `${versionRow(version).docs}helm-reference/`;
}

export { versionLabel } from '../version';

/** The supported versions whose chart has this key (really or as a commented-out example). */
export function versionsHaving(path: string): CiliumVersion[] {
  return SUPPORTED_VERSIONS.filter((v) => keyExistsIn(path, v));
}

/** "every supported version (1.12–1.21)", "1.14 and later", "1.12–1.17", or a list when the key comes and goes. */
export function versionSpan(path: string): string | undefined {
  return spanOf(versionsHaving(path));
}

function spanOf(have: readonly CiliumVersion[]): string | undefined {
  if (have.length === 0) return undefined;
  const first = have[0];
  const last = have[have.length - 1];
  const contiguous = SUPPORTED_VERSIONS.indexOf(last) - SUPPORTED_VERSIONS.indexOf(first) + 1 === have.length;
  if (!contiguous) return have.join(', ');
  if (first === last) return `only ${first}`;
  if (last === SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]) {
    return first === SUPPORTED_VERSIONS[0] ? `every supported version (${first}–${last})` : `${first} and later`;
  }
  return `${first}–${last}`;
}

/** `renamed from` links: keys whose advice says they were renamed to this one. */
function renamedFrom(path: string): string[] {
  return KEY_ADVICE.filter((a) => a.renameTo === path).map((a) => a.key);
}

/** Sentences on the key's history across the supported versions, from the target version's point of view. */
export function helmHistory(path: string, version: CiliumVersion): string[] {
  const have = versionsHaving(path);
  const out: string[] = [];
  const advice = adviceFor(path);
  const successor = advice ? (advice.renameTo ? `Renamed to \`${advice.renameTo}\`.` : `Instead: ${advice.replacement}.`) : '';
  if (have.length === 0) {
    out.push(`No chart from ${SUPPORTED_SPAN} has this key; Helm ignores it.${successor ? ` ${successor}` : ''}`);
    return out;
  }
  const span = spanOf(have)!;
  const first = have[0];
  const last = have[have.length - 1];
  if (!have.includes(version)) {
    const removed = minorOf(last) < minorOf(version);
    out.push(
      removed
        ? `Not in the ${version} chart. It exists in ${span} (last in ${last}); Helm ignores it for ${version}.${successor ? ` ${successor}` : ''}`
        : `Not in the ${version} chart yet. It exists in ${span} (added in ${first}); Helm ignores it for ${version}.`,
    );
    return out;
  }
  const parts = [`In the chart: ${span}.`];
  if (first !== SUPPORTED_VERSIONS[0]) parts.push(`Added in ${first}.`);
  if (last !== SUPPORTED_VERSIONS[SUPPORTED_VERSIONS.length - 1]) parts.push(`Removed after ${last}.`);
  const older = renamedFrom(path);
  if (older.length > 0) parts.push(`Replaces ${older.map((k) => `\`${k}\``).join(', ')}.`);
  if (successor) parts.push(successor);
  out.push(parts.join(' '));
  return out;
}

function showValue(v: unknown): string {
  return '`' + JSON.stringify(v) + '`';
}

/** The nearest enclosing key the chart describes (`certgen.image` for `certgen.image.tag`). */
function describedAncestor(path: string, version: CiliumVersion): { path: string; description: string } | undefined {
  const parts = path.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const p = parts.slice(0, n).join('.');
    const description = chartDescriptionOf(p, version);
    if (description) return { path: p, description };
  }
  return undefined;
}

/** How many child keys a "contains" line names before it says "and N more". */
const CONTAINS_SHOWN = 12;

/** "Holds 40 keys: `enabled`, `masquerade`, … and 28 more." for a mapping of the chart; undefined otherwise. */
export function containsLine(path: string, version: CiliumVersion): string | undefined {
  if (isOpenMap(path, version)) return undefined;
  const kids = childrenOf(path, version);
  if (kids.length === 0) return undefined;
  const shown = kids.slice(0, CONTAINS_SHOWN).map((k) => `\`${k}\``).join(', ');
  const more = kids.length > CONTAINS_SHOWN ? ` and ${kids.length - CONTAINS_SHOWN} more` : '';
  return `Holds ${kids.length === 1 ? 'one key' : `${kids.length} keys`}: ${shown}${more}.`;
}

/**
 * "Type: `boolean | null` · Default in 1.16: `null`" (or why there is no default). A default the chart documents
 * in words (`# @default -- …`) is what the chart really ends up using, so it wins over the `~` written there.
 */
export function typeAndDefault(path: string, version: CiliumVersion): string | undefined {
  const info = getKey(path);
  if (!info || !keyExistsIn(path, version)) return undefined;
  const types = info.types.length ? info.types.join(' | ') : 'any';
  const documented = chartKeyIn(version, path)?.documentedDefault;
  let def: string | undefined;
  if (isCommentedIn(path, version)) def = 'none (only a commented-out example in the chart, so the chart writes nothing)';
  else {
    const d = defaultIn(path, version);
    // A mapping says what it holds instead (containsLine); another large value is in the chart.
    def = d !== undefined ? showValue(d) : childrenOf(path, version).length > 0 ? undefined : documented ? '' : 'a large value (see the chart)';
  }
  if (documented && def !== undefined) def = def === '' || def === documented ? documented : `${def} (in effect: ${documented})`;
  return def === undefined ? `Type: \`${types}\`` : `Type: \`${types}\` · Default in ${version}: ${def}`;
}

/** The chart's own description of a key in that version (its `# --` comment in values.yaml), if it has one. */
export function chartDescriptionOf(path: string, version: CiliumVersion): string | undefined {
  return chartKeyIn(version, path)?.description;
}

/** Our explanation of a key: summary, effects per verdict item, version notes for the target, history notes. */
export function docLines(doc: KeyDoc | undefined, version: CiliumVersion): string[] {
  if (!doc) return [];
  const out = [doc.summary];
  const effects = effectLines(doc);
  if (effects.length > 0) out.push('', ...effects.map(([label, text]) => `- **${label}:** ${text}`));
  const notes = notesFor(doc, version);
  if (notes.length > 0) out.push('', ...notes.map((n) => `**On Cilium ${version}:** ${n}`));
  if (doc.versions) out.push('', `_Versions:_ ${doc.versions}`);
  return out;
}

/** A parent such as `endpointRoutes` is explained by its switch (`endpointRoutes.enabled`). */
export function helmDocFor(path: string): KeyDoc | undefined {
  return helmKeyDoc(path) ?? helmKeyDoc(`${path}.enabled`);
}

/**
 * What we know about a Helm key in a version, without the file: the common part of hover and completion. Our
 * datapath notes first (where we have them), then the chart's own description and what a mapping holds, then
 * type and default, then the key's history across versions.
 */
export function helmKeyMarkdown(path: string, version: CiliumVersion): string[] {
  const out: string[] = [];
  const doc = helmDocFor(path);
  const body = docLines(doc, version);
  if (body.length > 0) out.push(...body, '');
  const described = chartDescriptionOf(path, version);
  if (described) out.push(`_The chart says:_ ${described}`, '');
  else {
    // Keys the chart leaves undescribed (image.tag, probes…) belong to a described block: say what that block is.
    const parent = describedAncestor(path, version);
    if (parent) out.push(`_Part of \`${parent.path}\`; the chart says:_ ${parent.description}`, '');
  }
  const holds = containsLine(path, version);
  if (holds) out.push(holds, '');
  const td = typeAndDefault(path, version);
  if (td) out.push(td);
  out.push(...helmHistory(path, version));
  if (doc?.configMap?.length) out.push(`The chart writes it as ${doc.configMap.map((k) => `\`${k}\``).join(', ')} in cilium-config.`);
  return out;
}

/**
 * A cilium-config key in a version: the facts from the agent's and operator's source (type, default, reader,
 * versions, deprecation, or a did-you-mean for a key no version reads), the Helm values that write it, our notes.
 */
export function configMapKeyMarkdown(key: string, version: CiliumVersion): string[] {
  const out: string[] = [...configKeyFacts(key, version)];
  const d = configMapKeyDoc(key);
  const helm = helmKeysFor(key);
  if (helm.length > 0) out.push(`Written by the chart from ${helm.map((h) => `\`${h}\``).join(', ')}.`);
  if (d) out.push('', ...docLines(d, version));
  return out;
}
