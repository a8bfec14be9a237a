// Effective Helm values for one target version: what the user wrote, over the chart's own defaults.
// A user `~` (null) deletes the default in Helm, so it reads as "not set" here too.

import { defaultIn } from '../knowledge/catalog';
import { TEMPLATED, type MapView } from '../parse/tree';
import type { Origin } from '../types';
import type { Plain } from '../parse/tree';
import type { Setting } from '../settings';
import type { CiliumVersion } from '../version';

export class HelmValues {
  private readonly memo = new Map<string, Setting | undefined>();

  constructor(
    readonly root: MapView,
    readonly version: CiliumVersion,
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

  /** The effective value: the user's unless absent or null, else the chart default of the target version. */
  get(path: string): Setting | undefined {
    if (this.memo.has(path)) {
      return this.memo.get(path);
    }
    let result: Setting | undefined;
    const mine = this.user(path);
    if (mine && mine.value !== null) {
      result = mine;
    } else if (!mine || mine.value !== null) {
      const d = defaultIn(path, this.version) as Plain | undefined;
      if (d !== undefined && d !== null) result = { value: d, origin: { kind: 'chart-default', key: path, version: this.version } };
    }
    this.memo.set(path, result);
    return result;
  }
}
