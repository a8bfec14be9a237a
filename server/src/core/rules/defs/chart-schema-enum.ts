import { enumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';
import { enumRuleMeta } from '../tableRules';

export default defineRule<Rule>({
  ...enumRuleMeta('chart-schema-enum'),
  summary: "A value outside the list the chart's values.schema.json allows; Helm refuses to install.",
  examples: [
    {
      version: '1.17',
      bad: 'ciliumEndpointSlice:\n  enabled: true\n  sliceMode: identty\n',
      good: 'ciliumEndpointSlice:\n  enabled: true\n  sliceMode: identity\n',
    },
  ],
  fix: enumValue,
});
