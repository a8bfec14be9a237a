// Values the chart's values.schema.json refuses (charts 1.16+): Helm stops before rendering anything. The
// refusals come from the schema check of the rendered chart (model/chartModel.ts). One finding per root
// cause: a refusal some key rule already explains (an enum word, a quoted template, a wrong type) makes that
// finding an error that says Helm refuses it, instead of a second finding on the same key.
import { SCHEMA_RULE } from '../knowledge/chartFailureNotes';
import type { ChartModel } from '../model/chartModel';
import type { Finding, Range } from '../types';
import type { CiliumVersion } from '../version';

/** Key rules that already say Helm refuses the value. */
const REFUSING_RULES = new Set(['chart-schema-enum', 'templated-wrong-type']);
/** Key rules about the same mistake that, with the schema, becomes a refusal. */
const TYPE_RULES = new Set(['wrong-type', 'quoted-boolean']);

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** Adds the schema's refusals to `findings` (in place), merged with the key findings they repeat. */
export function addSchemaFindings(findings: Finding[], chart: ChartModel, anchor: Range, version: CiliumVersion): void {
  for (const { error, origins } of chart.schema) {
    const on = origins[0];
    const key = on?.key ?? error.path;
    const same = findings.filter(
      (f) => f.key !== undefined && related(f.key, key) && (REFUSING_RULES.has(f.rule) || TYPE_RULES.has(f.rule)),
    );
    if (same.some((f) => REFUSING_RULES.has(f.rule))) continue;
    const outcome = `Helm checks the values against the ${version} chart's values.schema.json and refuses to install: ${error.message}`;
    const typeFinding = same.find((f) => TYPE_RULES.has(f.rule));
    if (typeFinding) {
      // Already an error: it says Helm stops on it (keyRules.ts); nothing to add.
      if (typeFinding.severity === 'error') continue;
      typeFinding.severity = 'error';
      if (!typeFinding.message.includes(outcome)) typeFinding.message += ` ${outcome}`;
      continue;
    }
    findings.push({
      rule: SCHEMA_RULE.id,
      severity: SCHEMA_RULE.severity,
      message: `${outcome}.`.replace(/\.\.$/, '.'),
      range: on?.range ?? anchor,
      key,
    });
  }
}
