// `cilium-lint --format configmap`: the cilium-config ConfigMap the chart renders for each values document,
// written the way `kubectl get configmap cilium-config -o yaml` writes it (keys sorted, go-yaml quoting), with a
// comment above each key saying where its value comes from, so the two can be compared with a diff.
import type { DocumentAnalysis } from '../core/analyze';
import { toGoYaml } from '../core/chart/helm/goYaml';
import type { ChartRender } from '../core/chart/helm/render';
import { renderSource } from '../core/chart/renderSource';

function indent(text: string, pad: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l.length > 0 ? pad + l : l))
    .join('\n');
}

function origin(key: { origin: string; reads: string[] }): string {
  if (key.origin === 'user') return `# from your values: ${key.reads.join(', ')}`;
  if (key.origin === 'default') return `# chart default (${key.reads.join(', ')})`;
  return '# written by the chart as is';
}

/** The ConfigMap text for one rendered document, or the reason it could not be rendered (as comments). */
export function formatRenderedConfigMap(path: string, doc: DocumentAnalysis, render: ChartRender | undefined): string {
  const head = `# ${path}: ${doc.label}, Cilium chart ${render?.chartVersion ?? doc.version}\n`;
  if (!render) return `${head}# No chart data for Cilium ${doc.version}: nothing rendered.\n`;
  if (render.schemaErrors.length > 0) {
    return `${head}# Helm refuses these values (the chart's schema):\n${render.schemaErrors.map((e) => `#   ${e.message}\n`).join('')}`;
  }
  const first = render.failures[0];
  if (first) {
    return `${head}# Helm stops the install in ${first.template}:\n#   ${first.message.split('\n').join('\n#   ')}\n`;
  }
  if (!render.configMap) return `${head}# The chart wrote no cilium-config ConfigMap for these values.\n`;
  const namespace = 'kube-system';
  const keys = [...render.configMap.keys()].sort();
  const data = keys
    .map((k) => {
      const entry = render.configMap!.get(k)!;
      const line = toGoYaml(new Map([[k, entry.value]]));
      return `  ${origin(entry)}\n${indent(line, '  ')}`;
    })
    .join('\n');
  return `${head}apiVersion: v1\ndata:\n${data}\nkind: ConfigMap\nmetadata:\n  name: cilium-config\n  namespace: ${namespace}\n`;
}

/** Every Helm-values document of a file, rendered; ConfigMap documents are printed as they are analysed. */
export function configMapReport(path: string, docs: readonly DocumentAnalysis[]): string {
  const out: string[] = [];
  for (const doc of docs) {
    if (doc.source.format !== 'helm') {
      out.push(`# ${path}: ${doc.label} is already a cilium-config ConfigMap; nothing to render.\n`);
      continue;
    }
    out.push(formatRenderedConfigMap(path, doc, renderSource(doc.source, doc.version)));
  }
  return out.join('---\n');
}
