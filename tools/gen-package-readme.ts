// Writes dist/README.md, the README the .vsix carries (see tools/packageReadme.ts). Run by `vscode:prepublish`,
// so `vsce package` always ships a copy made from the current README.md; package.json's `vsce.readmePath`
// points vsce at it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isRelativeLink, linkTargets, packagedReadme } from './packageReadme';

const readme = packagedReadme(readFileSync(new URL('../README.md', import.meta.url), 'utf8'));
const left = linkTargets(readme).filter(isRelativeLink);
if (left.length > 0) throw new Error(`the packaged README still links to files the package lacks: ${left.join(', ')}`);
mkdirSync(new URL('../dist/', import.meta.url), { recursive: true });
writeFileSync(new URL('../dist/README.md', import.meta.url), readme);
console.log('wrote dist/README.md');
