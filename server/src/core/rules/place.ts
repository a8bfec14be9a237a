// Puts a finding on the line the user can change: the first setting in the decision chain that the user wrote.
// When the decision comes from a default, the finding sits on the document's first key and says so.

import type { Finding, Hit, Origin, RelatedLocation, Range, Severity } from '../types';

type UserOrigin = Extract<Origin, { kind: 'user' }>;

/** The user-written settings behind an origin, following "implied by" links. */
export function userOrigins(origins: readonly Origin[]): UserOrigin[] {
  const out: UserOrigin[] = [];
  const seen = new Set<string>();
  const visit = (o: Origin, depth: number) => {
    if (depth > 8) return;
    if (o.kind === 'user') {
      const id = `${o.range.start}:${o.key}`;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(o);
      }
    } else if (o.kind === 'implied') {
      for (const b of o.by) visit(b, depth + 1);
    }
  };
  for (const o of origins) visit(o, 0);
  return out;
}

/** Describes an origin in a few words: `bpf.masquerade (line value "true")` or `chart default of 1.16`. */
export function describeOrigin(o: Origin): string {
  switch (o.kind) {
    case 'user':
      return `${o.key}: ${o.valueText || '(empty)'}`;
    case 'chart-default':
      return `${o.key} (chart default of ${o.version})`;
    case 'chart-fixed':
      return `${o.key} (written by the ${o.version} chart itself${o.when?.length ? `, because of the chart defaults of ${o.when.join(', ')}` : ''})`;
    case 'agent-default':
      return `${o.key} (agent default)`;
    case 'implied':
      return `${o.key} (${o.note})`;
  }
}

export function findingFromHit(
  rule: string,
  severity: Severity,
  hit: Hit,
  anchor: Range,
  extra = '',
  sourceLabel = 'Cilium says',
): Finding {
  const users = userOrigins(hit.origins);
  const primary = users[0];
  const related: RelatedLocation[] = users
    .slice(1)
    .map((u) => ({ range: u.range, message: `Also involved: ${u.key}` }));
  let message = hit.message;
  if (!primary) {
    const defaults = hit.origins.filter((o) => o.kind !== 'user').map(describeOrigin);
    if (defaults.length > 0) message += ` (Decided by ${defaults.join(', ')}.)`;
  }
  if (hit.sourceText) message += ` ${sourceLabel}: "${hit.sourceText}"`;
  return {
    rule,
    severity,
    message: message + extra,
    range: primary ? primary.range : anchor,
    key: primary?.key ?? hit.origins[0]?.key,
    related: related.length > 0 ? related : undefined,
    ...(primary ? {} : { fromDefaults: true as const }),
  };
}
