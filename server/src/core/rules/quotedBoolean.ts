// A boolean value of the chart written as a string (`bpf.masquerade: "false"`). What that does depends on the
// version and on how the chart's templates use that value (knowledge/booleanUses.ts, one template line each):
// - from 1.16 the chart's values.schema.json types most booleans strictly: Helm refuses the values outright;
// - a template that compares it with a boolean (`eq .Values.x true`) or gives it to `ternary` stops rendering;
// - a template that tests it for truth (`if`, `and`, `not`) takes any non-empty string as true, "false" included;
// - a template that only writes it out (`| quote`) produces the same text as the boolean: no effect at all.
// The message says the one that applies, with the template line, and never more than the data shows.

import { booleanUses, citeUse as site, schemaRefusesStringFrom } from '../knowledge/booleanUses';
import type { TreeEntry } from '../parse/tree';
import type { Finding, Severity } from '../types';
import { minorOf, type CiliumVersion } from '../version';

const TRUE_WORDS = /^(true|yes|on)$/i;
export const BOOLEAN_WORDS = /^(true|false|yes|no|on|off)$/i;

export function quotedBooleanFinding(path: string, entry: TreeEntry, value: string, version: CiliumVersion): Finding {
  const meant = TRUE_WORDS.test(value);
  const sameText = value === String(meant); // "true"/"false" print exactly as the boolean would
  const is = `${path} is the string "${value}", not a boolean`;
  const fix = ` Write ${meant} without quotes.`;
  const u = booleanUses(path, version);
  const out = (severity: Severity, message: string): Finding => ({
    rule: 'quoted-boolean',
    severity,
    message,
    range: entry.valueRange,
    key: path,
  });

  if (!u) {
    // No data for this version (a chart newer than the generated table): say only what holds everywhere.
    return out(
      'warning',
      `${is}. A chart template that tests it for truth takes any non-empty string, "false" included, as true.${fix}`,
    );
  }
  if (u.schemaRefusesString) {
    return out(
      'error',
      `${is}, and the ${version} chart's values.schema.json allows only a boolean for it: Helm refuses the values before rendering anything.${fix}`,
    );
  }
  if (u.fails) {
    const how =
      u.fails[2] === 'ternary'
        ? 'gives it to ternary, which takes only a boolean'
        : `compares it with a boolean (${u.fails[2]}, ${site(u.fails, version)})`;
    const where = u.fails[2] === 'ternary' ? ` (${site(u.fails, version)})` : '';
    return out(
      'error',
      `${is}; the ${version} chart ${how}${where}, and Go templates refuse a string there: Helm stops with a template error and installs nothing.${fix}`,
    );
  }
  if (u.truth && !meant) {
    const also = u.text
      ? ` Elsewhere (${site(u.text, version)}) the chart writes the text "${value}" as it is, so one part of the chart reads it as false and another as true.`
      : '';
    return out(
      'warning',
      `${is}. The ${version} chart tests it for truth (${u.truth[2]}, ${site(u.truth, version)}), and any non-empty string counts as true there, "${value}" included: that part of the chart acts as if it were true.${also}${fix}`,
    );
  }
  if (u.other) {
    return out(
      'warning',
      `${is}. The ${version} chart passes it to ${u.other[2]} (${site(u.other, version)}), where a string is not guaranteed to act like ${meant}.${fix}`,
    );
  }
  if (u.text && !sameText) {
    return out(
      'warning',
      `${is}. The ${version} chart writes it out as text (${site(u.text, version)}), so it produces "${value}" where ${meant} would produce "${meant}".${fix}`,
    );
  }
  // Only written out as the same text, or (for a true word) tested for truth, which a non-empty string passes.
  const from = schemaRefusesStringFrom(path);
  const later =
    from && minorOf(from) > minorOf(version)
      ? ` From ${from} the chart's values.schema.json allows only a boolean here, and Helm stops on a string.`
      : '';
  const uses = [
    u.text ? `writes it out as text (${u.text[2]}, ${site(u.text, version)})` : '',
    u.truth ? `tests it for truth (${u.truth[2]}, ${site(u.truth, version)}), which any non-empty string passes` : '',
  ].filter(Boolean);
  if (uses.length === 0)
    return out(
      'info',
      `${is}. The ${version} chart's templates never read it, so the quotes change nothing.${later}${fix}`,
    );
  return out(
    'info',
    `${is}, but the ${version} chart only ${uses.join(' and ')}: it has the same effect as ${meant} here.${later}${fix}`,
  );
}
