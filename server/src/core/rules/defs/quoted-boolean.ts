import { quotedBoolean } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';

export default defineRule<Rule>({
  id: 'quoted-boolean',
  group: 'keys',
  severity: 'error',
  summary:
    'A boolean written as a string, judged by how that version of the chart uses it: refused by the 1.16+ schema (error), a template error where the chart compares it with a boolean (error), true where a template tests it for truth ("false" included), or no effect where the chart only writes it out as text (info).',
  examples: [{ version: '1.16', bad: 'debug:\n  enabled: "true"\n', good: 'debug:\n  enabled: true\n' }],
  fix: quotedBoolean,
});
