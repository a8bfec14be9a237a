// Writes docs/rules.md (see tools/rulesDoc.ts). Run with `npm run gen:rules-doc` after changing a rule.
import { writeFileSync } from 'node:fs';
import { renderRulesDoc } from './rulesDoc';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('wrote docs/rules.md');
