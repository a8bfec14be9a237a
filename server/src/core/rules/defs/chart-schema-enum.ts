import { schemaEnumValue } from '../../fixes/valueFixers';
import { defineRule, type Rule } from '../rule';

/** Helm values the schema (1.16+) restricts to a list of words: Helm refuses anything else before rendering. */
export default defineRule<Rule>({
  id: 'chart-schema-enum',
  group: 'values',
  severity: 'error',
  since: '1.16',
  cite: 'values.schema.json@v1.16.19, @v1.17.13, @v1.18.7, @v1.19.1, @v1.20.0-pre.4 (generated into knowledge/schemaEnums.json by tools/gen-schema-enums.ts)',
  summary: "A value outside the list the chart's values.schema.json allows; Helm refuses to install.",
  examples: [
    {
      version: '1.17',
      bad: 'ciliumEndpointSlice:\n  enabled: true\n  sliceMode: identty\n',
      good: 'ciliumEndpointSlice:\n  enabled: true\n  sliceMode: identity\n',
    },
  ],
  fix: schemaEnumValue,
});
