// Generates server/src/core/knowledge/schemaEnums.json: every string-valued `enum` of the chart's
// values.schema.json (the chart ships one from 1.16), per supported version. Helm checks the user's values
// against that schema before rendering, so a value outside such an enum stops `helm install`.
//
//   node --import tsx tools/gen-schema-enums.ts [chartsDir] [outFile]
//
// Only the versions this project supports are read, so a newer chart folder in ../shared changes nothing.
// The output is deterministic (sorted paths); re-running gives no diff.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUPPORTED_VERSIONS } from '../server/src/core/version';

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(scriptDir, '..');
const chartsDir = process.argv[2] ?? path.resolve(repo, '../shared/cilium-charts');
const outFile = process.argv[3] ?? path.resolve(repo, 'server/src/core/knowledge/schemaEnums.json');

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
}

/** path → version → allowed strings */
const out: Record<string, Record<string, string[]>> = {};

function walk(node: SchemaNode | undefined, at: string, version: string): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node.enum)) {
    const strings = node.enum.filter((v): v is string => typeof v === 'string');
    if (strings.length > 0) {
      const slot = (out[at] ??= {});
      slot[version] = [...new Set([...(slot[version] ?? []), ...strings])];
    }
  }
  for (const branch of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])]) walk(branch, at, version);
  for (const [k, child] of Object.entries(node.properties ?? {})) walk(child, at ? `${at}.${k}` : k, version);
}

for (const version of SUPPORTED_VERSIONS) {
  const file = path.join(chartsDir, `v${version}`, 'values.schema.json');
  if (!existsSync(file)) continue; // 1.12-1.15 have no schema
  walk(JSON.parse(readFileSync(file, 'utf8')) as SchemaNode, '', version);
}

const sorted: typeof out = {};
for (const k of Object.keys(out).sort()) sorted[k] = out[k];
writeFileSync(outFile, JSON.stringify(sorted, null, 1) + '\n');
console.log(`wrote ${path.relative(repo, outFile)}: ${Object.keys(sorted).length} enumerated values`);
