// Writes package.json's version enum, its descriptions and the supported span from knowledge/versions.ts.
//   npm run gen:package-versions
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withTableVersions } from './packageVersions';
import { findRepoRoot } from './repoRoot';

const file = path.join(findRepoRoot(), 'package.json');
const before = readFileSync(file, 'utf8');
const after = withTableVersions(before);
if (after !== before) writeFileSync(file, after);
console.log(
  after === before
    ? 'package.json: versions already current'
    : 'package.json: versions rewritten from knowledge/versions.ts',
);
