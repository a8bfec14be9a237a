// Renders the real chart for one recognised Cilium source: its values (as Helm would read them from the file)
// over the chart of the document's target version. The bridge between the analysis (parse/recognise) and the
// in-process Helm renderer (chart/helm).
import type { CiliumSource } from '../parse/recognise';
import { nodeToGoValue } from './helm/goYaml';
import { renderChart, type ChartRender, type RenderOptions } from './helm/render';
import type { GoValue } from './template/index';

/** The source's values as Helm reads them (YAML 1.1 scalars, numbers as float64, merge keys applied). */
export function sourceValues(source: CiliumSource): Map<string, GoValue> {
  const v = nodeToGoValue(source.root.map, source.root.ctx.doc);
  return v instanceof Map ? v : new Map<string, GoValue>();
}

/**
 * The chart of `version` rendered for a Helm-values source, or undefined for a ConfigMap source or a version
 * without chart data.
 */
export function renderSource(source: CiliumSource, version: string, opts: RenderOptions = {}): ChartRender | undefined {
  if (source.format !== 'helm') return undefined;
  return renderChart(version, sourceValues(source), opts);
}
