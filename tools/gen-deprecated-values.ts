// Generates server/src/core/knowledge/deprecatedValues.json: the Helm values each chart version itself documents
// as deprecated (the helm-docs comment above the key in values.yaml says so), with the replacement the comment
// names, per supported version, and the values.yaml line as the citation. The product ships the JSON and never
// reads ../shared at run time.
//
//   node --import tsx tools/gen-deprecated-values.ts [chartsDir] [outFile]
//
// Only the comment block directly above a key counts (see commentAbove), so a "#deprecated" trailing a list
// item, a commented-out example's note or "keep the deprecated labels" in another key's text is not taken. Values whose values
// are deprecated rather than the key (kubeProxyReplacement's "strict") have their own rule and are skipped.
// The output is deterministic: re-running gives no diff (test/core/deprecatedValues.test.ts checks it).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLMap } from 'yaml';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(scriptDir, '..');
const chartsDir = process.argv[2] ?? path.resolve(repo, '../shared/cilium-charts');
const outFile = process.argv[3] ?? path.resolve(repo, 'server/src/core/knowledge/deprecatedValues.json');

/** Keys whose comment speaks of deprecated *values* or of something else that is deprecated. */
const NOT_THE_KEY = new Set(['kubeProxyReplacement', 'keepDeprecatedLabels', 'keepDeprecatedProbes']);

/** "deprecated" said of the key itself: not "the deprecated labels", not a value list "(deprecated)" after a quoted word. */
const DEPRECATED = /(^|[^\w])deprecated\b/i;
const NOT_ABOUT_KEY = /\bthe deprecated\b|"\s*\(deprecated\)/i;

/** The replacement the comment names, as a values path (`localRedirectPolicies.enabled`, `tls.ca.cert`). */
function replacementIn(text: string): string | undefined {
  const patterns = [
    /in favou?r of\s+[`'"]?([A-Za-z][\w.]*[A-Za-z0-9])/i,
    /please use\s+[`'"]?([A-Za-z][\w.]*[A-Za-z0-9])/i,
    /\buse\s+(?:top-level\s+)?[`'"]?([A-Za-z][\w.]*[A-Za-z0-9])/i,
  ];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

export interface DeprecatedEntry {
  /** version → where the chart says it, the replacement its comment names (a values path), if any, and whether it says the key does nothing */
  in: Record<string, { line: number; replacement?: string; noEffect?: boolean }>;
}

const out: Record<string, DeprecatedEntry> = {};

/**
 * The comment the chart writes for a key: the contiguous `#` lines right above it (a blank line ends it), from
 * the last helm-docs `# --` line on when there is one, so a commented-out example above (`#bandwidthManager:
 * false` with its own note, values.yaml@v1.12.19 l.259-262) is not read as this key's description.
 */
function commentAbove(lines: string[], keyLine: number): string {
  const block: string[] = [];
  for (let i = keyLine - 2; i >= 0; i--) {
    const t = lines[i].trim();
    // A commented-out example (`#   # -- (deprecated) …` inside `#   tls:`) documents keys that are not there.
    if (!t.startsWith('#') || /^#\s+#/.test(t)) break;
    block.unshift(t);
    if (t.startsWith('# --')) break;
  }
  return block.join('\n');
}

/** `existingSecret` said beside `cert` means the sibling key; `tls.ca` said in hubble.tls means the top-level one. */
function resolveReplacement(doc: Document, at: string, name: string): string | undefined {
  const has = (p: string) => doc.hasIn(p.split('.'));
  if (has(name)) return name;
  const sibling = at ? `${at}.${name}` : name;
  return has(sibling) ? sibling : undefined;
}

function walk(map: YAMLMap, at: string, version: string, doc: Document, lines: string[], counter: LineCounter): void {
  for (const pair of map.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const p = at ? `${at}.${key}` : key;
    const line = counter.linePos(pair.key.range[0]).line;
    const comment = commentAbove(lines, line);
    if (comment && !NOT_THE_KEY.has(p) && DEPRECATED.test(comment) && !NOT_ABOUT_KEY.test(comment)) {
      const named = replacementIn(comment);
      const replacement = named ? resolveReplacement(doc, at, named) : undefined;
      // "This option has been deprecated and is a no-op." (values.yaml@v1.16.19 l.700, @v1.17.13 l.803, l.1593)
      const noEffect = /\bno-op\b/i.test(comment);
      (out[p] ??= { in: {} }).in[version] = {
        line,
        ...(replacement ? { replacement } : {}),
        ...(noEffect ? { noEffect } : {}),
      };
    }
    if (isMap(pair.value)) walk(pair.value, p, version, doc, lines, counter);
  }
}

for (const version of SUPPORTED_VERSIONS) {
  const file = path.join(chartsDir, `v${version}`, 'values.yaml');
  if (!existsSync(file)) continue;
  const text = readFileSync(file, 'utf8');
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (isMap(doc.contents)) walk(doc.contents, '', version, doc, text.split('\n'), counter);
}

const sorted: typeof out = {};
for (const k of Object.keys(out).sort()) sorted[k] = out[k];
writeFileSync(outFile, JSON.stringify(sorted, null, 1) + '\n');
console.log(`wrote ${path.relative(repo, outFile)}: ${Object.keys(sorted).length} deprecated values`);
