// GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding, which the runner
// turns into annotations on the pull request's diff. Info and hint findings become `::notice`.

import { LineIndex, type Finding } from '../core/index';
import { byPosition, type FileReport } from './report';

const COMMAND: Record<Finding['severity'], string> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/** Escaping of the message part (the runner reads `%`, CR and LF specially). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (also `:` and `,`, which separate properties). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function toGithub(files: FileReport[]): string {
  const out: string[] = [];
  for (const { path, text, analysis } of files) {
    const index = new LineIndex(text);
    const file = path.split('\\').join('/');
    for (const f of byPosition([...analysis.fileFindings, ...analysis.documents.flatMap((d) => d.findings)])) {
      const s = index.position(f.range.start);
      const e = index.position(f.range.end);
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${s.line}`,
        `col=${s.column}`,
        `endLine=${e.line}`,
        `endColumn=${e.column}`,
        `title=${escapeProperty(`cilium-lint ${f.rule}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}
