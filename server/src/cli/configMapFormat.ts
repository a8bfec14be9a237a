// `cilium-lint --format configmap`: the annotated cilium-config of every Cilium document of a file (the core's
// view, the same text the editor's "Show Rendered cilium-config" shows), under a comment naming the file.
import { renderedDocuments, type DocumentAnalysis } from '../core/index';

/** Every Cilium document of a file, rendered (ConfigMap documents: their own keys), separated by `---`. */
export function configMapReport(path: string, docs: readonly DocumentAnalysis[], text: string): string {
  return renderedDocuments(docs, text)
    .map((d) => `# ${path}\n${d.text}`)
    .join('---\n');
}
