// Effective Helm values for one target version, exactly as the chart's templates see them: the coalesced
// `.Values` of the real render (the user's values over the chart's own values.yaml of that version, with
// Helm's rules: a user `null` deletes a default, maps merge, lists replace, merge keys apply). Rules that ask
// "is Hubble on?" read this, so they see what Helm sees, not what our key catalog remembers.

import type { GoValue } from '../chart/template/index';
import { TEMPLATED, type MapView, type Plain } from '../parse/tree';
import type { Origin } from '../types';
import type { Setting } from '../settings';
import type { CiliumVersion } from '../version';

/** A value of the coalesced values as the rules' plain values (numbers, strings, lists, objects). */
function plainOf(v: GoValue, depth = 0): Plain | undefined {
  if (v === undefined) return undefined;
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (depth > 50) return undefined;
  if (Array.isArray(v)) return v.map((x) => plainOf(x, depth + 1) ?? null);
  if (v instanceof Map) {
    const out: { [key: string]: Plain } = {};
    for (const [k, x] of v) out[k] = plainOf(x, depth + 1) ?? null;
    return out;
  }
  return undefined;
}

/** The value at a dotted path of the coalesced values, undefined when a step is missing or not a map. */
function at(values: Map<string, GoValue>, path: string): GoValue {
  let cur: GoValue = values;
  for (const k of path.split('.')) {
    if (!(cur instanceof Map)) return undefined;
    cur = cur.get(k);
  }
  return cur;
}

export class HelmValues {
  private readonly memo = new Map<string, Setting | undefined>();

  /**
   * @param values the coalesced values the chart was rendered with (ChartRender.values); without them (a version
   *   without chart data) only what the user wrote is known.
   */
  constructor(
    readonly root: MapView,
    readonly version: CiliumVersion,
    private readonly values?: Map<string, GoValue>,
  ) {}

  /** The value as written in the file, including an explicit null. */
  user(path: string): Setting | undefined {
    const entry = this.root.lookup(path);
    if (!entry) return undefined;
    const value = this.root.valueOf(entry);
    const origin: Origin = { kind: 'user', key: path, range: entry.keyRange, valueText: this.root.sourceOf(entry) };
    // A templated value is unknown: everything decided from it says so (see model/unknown.ts).
    if (value === TEMPLATED) origin.templated = true;
    return { value, origin };
  }

  /**
   * The effective value as Helm's templates read `.Values.<path>`: the user's line when the user wrote it, the
   * chart default of the target version otherwise; undefined when Helm has nothing (or null) there.
   */
  get(path: string): Setting | undefined {
    if (this.memo.has(path)) return this.memo.get(path);
    const result = this.read(path);
    this.memo.set(path, result);
    return result;
  }

  private read(path: string): Setting | undefined {
    const mine = this.user(path);
    if (mine?.value === TEMPLATED) return mine;
    if (!this.values) return mine && mine.value !== null ? mine : undefined;
    const value = plainOf(at(this.values, path));
    if (value === undefined || value === null) return undefined;
    // Written by the user (their line is where a finding points), else the value comes from values.yaml.
    return { value, origin: mine ? mine.origin : { kind: 'chart-default', key: path, version: this.version } };
  }
}
