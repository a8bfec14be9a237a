// Our schema check (schema.ts: the keywords Cilium's values.schema.json uses, no compilation) agrees with ajv,
// a well-kept draft-07 validator, on the chart defaults plus the corpus and seeded random values of every
// version with a schema; and no shipped schema uses a keyword we do not implement.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { loadPackedChart, packedChartVersions } from '../../server/src/core/chart/helm/chartData';
import { coalesceValues } from '../../server/src/core/chart/helm/coalesce';
import { fromGoJson, readValuesYaml } from '../../server/src/core/chart/helm/goYaml';
import { unsupportedKeywords, validateValues, valuesToJson } from '../../server/src/core/chart/helm/schema';
import type { GoValue } from '../../server/src/core/chart/template/index';
import { corpusInputs, randomInputs } from './diffInputs';

const withSchema = packedChartVersions().filter((v) => loadPackedChart(v)!.schemaJson !== undefined);

describe('schema check', () => {
  it('every shipped schema uses only the keywords we implement', () => {
    assert.ok(withSchema.length >= 6);
    for (const v of withSchema) assert.deepEqual(unsupportedKeywords(loadPackedChart(v)!.schemaJson!), [], v);
  });

  it('refuses exactly the values ajv refuses, on the same keys', () => {
    const inputs = [
      ...corpusInputs().inputs,
      ...randomInputs(150, 7),
      { name: 'types', valuesText: 'MTU: abc\nbpf: {masquerade: "yes"}\nkubeProxyReplacement: 1.5\nrouting: 5\n' },
    ];
    let refused = 0;
    let compared = 0;
    for (const v of withSchema) {
      const chart = loadPackedChart(v)!;
      const ajv = new Ajv({ allErrors: true, strict: false });
      const validate = ajv.compile(JSON.parse(chart.schemaJson!) as object);
      const defaults = fromGoJson(JSON.stringify(chart.defaults)) as Map<string, GoValue>;
      for (const input of inputs) {
        let user: Map<string, GoValue>;
        try {
          user = readValuesYaml(input.valuesText);
        } catch {
          continue;
        }
        const values = coalesceValues(defaults, user);
        const ours = validateValues(chart.schemaJson, values);
        // Checking only what the user set (as renderChart does) gives the same errors as checking everything.
        assert.deepEqual(validateValues(chart.schemaJson, values, user), ours, `${v} ${input.name}`);
        // So does checking per top-level key with the errors remembered per chart (the renderer's way), first
        // and again (then every key is answered from memory).
        assert.deepEqual(validateValues(chart.schemaJson, values, user, defaults), ours, `${v} ${input.name}: per key`);
        assert.deepEqual(
          validateValues(chart.schemaJson, values, user, defaults),
          ours,
          `${v} ${input.name}: remembered`,
        );
        const ok = validate(valuesToJson(values));
        compared++;
        assert.equal(
          ours.length === 0,
          ok,
          `${v} ${input.name}: ours ${ours.map((e) => e.pointer).join(',')}, ajv ${JSON.stringify(validate.errors?.map((e) => e.instancePath))}`,
        );
        if (!ok) {
          refused++;
          const ajvPaths = new Set((validate.errors ?? []).map((e) => e.instancePath || '/'));
          for (const e of ours)
            assert.ok(
              ajvPaths.has(e.pointer),
              `${v} ${input.name}: ${e.pointer} not among ajv's ${[...ajvPaths].join(',')}`,
            );
        }
      }
    }
    assert.ok(compared > 500 && refused > 5, `compared ${compared}, refused ${refused}`);
  });

  it('names the key and the expected type in its message', () => {
    const chart = loadPackedChart('1.18')!;
    const values = coalesceValues(
      fromGoJson(JSON.stringify(chart.defaults)) as Map<string, GoValue>,
      readValuesYaml('MTU: abc\n'),
    );
    const errs = validateValues(chart.schemaJson, values);
    assert.equal(errs.length, 1);
    assert.equal(errs[0]!.path, 'MTU');
    assert.match(errs[0]!.message, /`MTU` is a string, but the chart's schema accepts only integer/);
  });
});
