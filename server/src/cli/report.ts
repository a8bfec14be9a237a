// Turns analyses into the CLI's output formats. The JSON shape is a contract other tools read: change it
// only by adding fields.

import {
  LineIndex,
  dependsOnLines,
  splitMessage,
  statusLines,
  type Analysis,
  type DocumentAnalysis,
  type Finding,
  VERSION_SOURCE_WORDS,
} from '../core/index';
import { plain, type Paint } from './color';

export interface FileReport {
  path: string;
  text: string;
  analysis: Analysis;
}

interface JsonDiagnostic {
  rule: string;
  severity: Finding['severity'];
  /** The whole message. */
  message: string;
  /** Its first sentence (at most 120 characters, what the editor and the text format show). */
  headline: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  key?: string;
}

/** Findings in file order (the core groups them by rule; readers expect line order). */
export function byPosition(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

function jsonDiagnostic(f: Finding, index: LineIndex): JsonDiagnostic {
  const s = index.position(f.range.start);
  const e = index.position(f.range.end);
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    headline: splitMessage(f).headline,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    ...(f.key ? { key: f.key } : {}),
  };
}

export function toJson(files: FileReport[]): unknown {
  return {
    files: files.map(({ path, text, analysis }) => {
      const index = new LineIndex(text);
      return {
        path,
        ...(analysis.fileFindings.length > 0
          ? { diagnostics: byPosition(analysis.fileFindings).map((f) => jsonDiagnostic(f, index)) }
          : {}),
        documents: analysis.documents.map((d) => ({
          index: d.index,
          kind: d.kind,
          ciliumVersion: d.version,
          versionSource: d.versionSource,
          ...(d.versionFile ? { versionFile: d.versionFile } : {}),
          datapath: {
            kubeProxyReplacement: d.datapath.kubeProxyReplacement.enabled,
            hostRouting: {
              status: d.datapath.hostRouting.status,
              reasons: d.datapath.hostRouting.reasons.map((r) => r.id),
              logged: d.datapath.hostRouting.reasons.find((r) => r.logged)?.id ?? null,
            },
            masquerading: d.datapath.masquerading.mode,
            routing: { mode: d.datapath.routing.mode, protocol: d.datapath.routing.protocol },
            agentStarts: d.datapath.agentStarts,
            installSucceeds: d.datapath.installSucceeds,
            ...(d.datapath.unknowns.length > 0 ? { dependsOn: dependsOnLines(d.datapath) } : {}),
          },
          diagnostics: byPosition(d.findings).map((f) => jsonDiagnostic(f, index)),
        })),
      };
    }),
  };
}

/** The editor's words for where a version came from, but for the two a command line says its own way. */
const VERSION_FROM: Record<DocumentAnalysis['versionSource'], string> = {
  ...VERSION_SOURCE_WORDS,
  option: 'from --cilium-version',
  default: 'no version found; set --cilium-version or add "# cilium-version: 1.NN"',
};

function versionHeader(d: DocumentAnalysis): string {
  if (d.versionSource === 'default') return `assumed Cilium ${d.version} (${VERSION_FROM.default})`;
  return `Cilium ${d.version} (${VERSION_FROM[d.versionSource]}${d.versionFile ? `: ${d.versionFile}` : ''})`;
}

export interface TextOptions {
  paint?: Paint;
  /** Each finding's whole message: the details below its first sentence, indented. */
  verbose?: boolean;
}

/**
 * The human report: a status block per document, then one line per finding with the finding's first sentence
 * (at most 120 characters, as in the editor). `verbose` adds the rest of the message below it, one indented
 * line per sentence or quote; the json format always carries the whole message.
 */
export function toText(files: FileReport[], { paint = plain, verbose = false }: TextOptions = {}): string {
  const out: string[] = [];
  for (const { path, text, analysis } of files) {
    const index = new LineIndex(text);
    const line = (f: Finding) => {
      const p = index.position(f.range.start);
      const { headline, details } = splitMessage(f);
      const first = `${path}:${p.line}:${p.column} ${paint.severity(f.severity)} ${paint.dim(f.rule)} ${headline}`;
      return verbose && details.length > 0 ? [first, ...details.map((d) => `    ${paint.dim(d)}`)].join('\n') : first;
    };
    for (const d of analysis.documents) {
      const p = index.position(d.source.anchor.start);
      out.push(paint.bold(`${path}:${p.line} ${d.label} — ${versionHeader(d)}`));
      for (const [k, v] of statusLines(d.datapath, d.version)) out.push(`    ${(k + ':').padEnd(22)}${v}`);
      out.push(`    ${'Agent starts:'.padEnd(22)}${d.datapath.agentStarts ? 'yes' : paint.red('NO')}`);
      out.push(
        `    ${'Chart installs:'.padEnd(22)}${d.source.format === 'helm' ? (d.datapath.installSucceeds ? 'yes' : paint.red('NO')) : 'n/a (ConfigMap)'}`,
      );
      for (const l of dependsOnLines(d.datapath)) out.push(`    ${'Templated:'.padEnd(22)}${l}`);
      for (const f of byPosition(d.findings)) out.push(line(f));
      out.push('');
    }
    for (const f of byPosition(analysis.fileFindings)) out.push(line(f));
  }
  return trimTrailingNewlines(out.join('\n')) + '\n';
}

/** `s` without the line breaks at its end (a loop: `/\n+$/` is quadratic on a long run of them). */
function trimTrailingNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
  return s.slice(0, end);
}
