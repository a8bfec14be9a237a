// `--format html`: one self-contained HTML page with the packet path of every Cilium document (the picture the
// Explain view shows in VS Code), light or dark as the reader's system is, each key's line linked to the file.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packetPath, packetPathHtml, packetPathSvg } from '../core/datapathDiagram';
import { statusSummary } from '../core/statusPreview';
import { versionLabel } from '../core/version';
import type { FileReport } from './report';

export function toHtml(reports: readonly FileReport[], fromStdin: (path: string) => boolean): string {
  const pictures = reports.flatMap((r) => {
    const fileUri = fromStdin(r.path) ? undefined : pathToFileURL(resolve(r.path)).href;
    return r.analysis.documents.map((d) => {
      const heading = `${r.path} — ${d.label}, Cilium ${versionLabel(d.version)}: ${statusSummary(d.datapath)}`;
      return { heading, svg: packetPathSvg(packetPath(d, r.text), { fileUri, title: heading }) };
    });
  });
  return packetPathHtml(
    pictures,
    pictures.length > 0 ? 'Cilium packet path' : 'Cilium packet path: no Cilium configuration found',
  );
}
