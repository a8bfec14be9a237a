// Helm's coalescing of the user's values over the chart's values.yaml (helm v4 pkg/chart/common/util/coalesce.go,
// CoalesceValues for a chart without subcharts), rewritten for our value model:
// - the user's value wins; maps are merged key by key, lists and scalars replace;
// - a user `null` deletes the chart default (the key disappears, so `hasKey` is false);
// - a `null` the user writes for a key the chart does not have stays (as nil);
// - a map over a non-map (or the reverse) keeps the user's value and logs a warning, which we return.
import type { GoValue } from '../template/index';

export interface CoalesceWarning {
  /** Dotted path, e.g. "cilium.bpf" (Helm prefixes the chart name). */
  path: string;
  message: string;
}

const isTable = (v: GoValue): v is Map<string, GoValue> => v instanceof Map;

/** A deep copy: the chart defaults are shared between renders and must never be changed. */
export function deepCopy(v: GoValue, newMap: () => Map<string, GoValue> = plainMap): GoValue {
  if (v instanceof Map) {
    const m = newMap();
    for (const [k, x] of v) m.set(k, deepCopy(x, newMap));
    return m;
  }
  if (Array.isArray(v)) return v.map((x) => deepCopy(x, newMap));
  return v;
}

const plainMap = () => new Map<string, GoValue>();

/**
 * The values the templates see: `user` over `defaults`. Neither input is changed.
 * @param chartName the chart name Helm uses as the prefix in warnings ("cilium").
 * @param newMap makes the result's maps (the renderer's watch what templates look at).
 */
export function coalesceValues(
  defaults: Map<string, GoValue>,
  user: Map<string, GoValue>,
  chartName = 'cilium',
  warnings: CoalesceWarning[] = [],
  newMap: () => Map<string, GoValue> = plainMap,
): Map<string, GoValue> {
  const v = deepCopy(user, newMap) as Map<string, GoValue>;
  for (const [key, val] of defaults) {
    if (v.has(key)) {
      const value = v.get(key);
      if (value === null || value === undefined) {
        v.delete(key);
      } else if (isTable(value)) {
        if (!isTable(val)) {
          if (val !== null && val !== undefined) {
            warnings.push({
              path: `${chartName}.${key}`,
              message: `skipped value for ${chartName}.${key}: Not a table.`,
            });
          }
        } else {
          coalesceTables(value, deepCopy(val, newMap) as Map<string, GoValue>, `${chartName}.${key}`, warnings);
        }
      }
    } else {
      v.set(key, deepCopy(val, newMap));
    }
  }
  return v;
}

/** coalesceTablesFullKey with merge=false: dst (user) is authoritative, src (defaults) fills the gaps. */
function coalesceTables(
  dst: Map<string, GoValue>,
  src: Map<string, GoValue>,
  prefix: string,
  warnings: CoalesceWarning[],
): void {
  const srcOriginalNonNil = new Set<string>();
  for (const [k, x] of src) if (x !== null && x !== undefined) srcOriginalNonNil.add(k);
  for (const [k, x] of dst) if (x === null || x === undefined) src.set(k, null);
  for (const [key, val] of src) {
    const fullKey = prefix ? `${prefix}.${key}` : key;
    const has = dst.has(key);
    const dv = dst.get(key);
    if (has && (dv === null || dv === undefined) && srcOriginalNonNil.has(key)) {
      dst.delete(key);
    } else if (!has) {
      dst.set(key, val);
    } else if (isTable(val)) {
      if (isTable(dv)) coalesceTables(dv, val, fullKey, warnings);
      else warnings.push({ path: fullKey, message: `cannot overwrite table with non table for ${fullKey}` });
    } else if (isTable(dv) && val !== null && val !== undefined) {
      warnings.push({ path: fullKey, message: `destination for ${fullKey} is a table. Ignoring non-table value` });
    }
  }
}
