// The chart's own defaults: values.yaml of one version as Helm reads it (packed by tools/gen-charts.ts), for
// rules that need a default without rendering (is this key a boolean in that version?).
import { loadPackedChart } from './helm/chartData';

/** The default values.yaml sets at a dotted path in that version; undefined when absent (or no chart data). */
export function chartDefaultAt(version: string, path: string): unknown {
  let cur: unknown = loadPackedChart(version)?.defaults;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, k))
      return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}
