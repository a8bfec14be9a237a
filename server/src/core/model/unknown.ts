// Templated values are unknown. A setting written as `${CLUSTER_ID}` or `{{ .Values.x }}` keeps a `templated`
// mark on its origin (and every setting implied by it inherits the mark through `implied.by`). A check whose
// outcome rests on such a setting neither fires nor counts as passed: it is recorded here instead, so the
// verdict can say "Host Routing depends on `${ROUTING}`" rather than guess.

import type { Hit, Origin } from '../types';

type UserOrigin = Extract<Origin, { kind: 'user' }>;

/** The templated user settings behind some origins (following "implied by" links). */
export function templatedOrigins(origins: readonly (Origin | undefined)[]): UserOrigin[] {
  const out: UserOrigin[] = [];
  const visit = (o: Origin | undefined, depth: number) => {
    if (!o || depth > 8) return;
    if (o.kind === 'user') {
      if (o.templated && !out.some((x) => x.range.start === o.range.start && x.key === o.key)) out.push(o);
    } else if (o.kind === 'implied') {
      for (const b of o.by) visit(b, depth + 1);
    }
  };
  for (const o of origins) visit(o, 0);
  return out;
}

export function isTemplated(o: Origin | undefined): boolean {
  return templatedOrigins([o]).length > 0;
}

/** The verdict lines a templated value can leave undecided (as the CLI and status bar name them). */
export type Verdict =
  'KubeProxyReplacement' | 'Host Routing' | 'Masquerading' | 'Routing' | 'Agent starts' | 'Chart installs';

export interface UnknownDependency {
  verdict: Verdict;
  /** The check that could not be decided, when one was. */
  check?: string;
  /** The templated settings: key and the template as written. */
  templates: { key: string; text: string }[];
}

/** True when a hit must not become a finding because its outcome depends on a templated value. */
export function hitIsUndecided(hit: Hit): boolean {
  return !!hit.undecided || templatedOrigins(hit.origins).length > 0;
}

export class UnknownTracker {
  readonly list: UnknownDependency[] = [];

  add(verdict: Verdict, origins: readonly (Origin | undefined)[], check?: string): void {
    const t = templatedOrigins(origins);
    if (t.length === 0) return;
    const templates = t.map((o) => ({ key: o.key, text: o.valueText }));
    const same = this.list.find((u) => u.verdict === verdict && u.check === check);
    if (same) {
      for (const x of templates) if (!same.templates.some((y) => y.key === x.key)) same.templates.push(x);
    } else {
      this.list.push({ verdict, check, templates });
    }
  }
}

/** "Host Routing depends on `${ROUTING}` (routingMode)" per verdict, merged over the checks. */
export function dependencySentences(list: readonly UnknownDependency[]): { verdict: Verdict; text: string }[] {
  const byVerdict = new Map<Verdict, Map<string, string>>();
  for (const u of list) {
    const m = byVerdict.get(u.verdict) ?? new Map<string, string>();
    for (const t of u.templates) m.set(t.key, t.text);
    byVerdict.set(u.verdict, m);
  }
  return [...byVerdict].map(([verdict, m]) => ({
    verdict,
    text: `${verdict} depends on ${[...m].map(([key, text]) => `\`${text.trim() || key}\` (${key})`).join(', ')}`,
  }));
}
