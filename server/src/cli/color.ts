// Colour for the text report: on when standard output is a terminal, off otherwise. NO_COLOR (any non-empty
// value, https://no-color.org) turns it off; FORCE_COLOR turns it on even in a pipe or CI log ("0" or "false"
// turns it off), and wins over NO_COLOR as it does for Node itself. TERM=dumb means no colour.

import type { Severity } from '../core/index';

export interface Paint {
  severity(s: Severity): string;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
}

const sgr = (code: string) => (s: string) => `\x1b[${code}m${s}\x1b[0m`;
const SEVERITY_CODE: Record<Severity, string> = { error: '31;1', warning: '33', info: '36', hint: '2' };

export const plain: Paint = { severity: (s) => s, bold: (s) => s, dim: (s) => s, red: (s) => s };
export const colored: Paint = {
  severity: (s) => sgr(SEVERITY_CODE[s])(s),
  bold: sgr('1'),
  dim: sgr('2'),
  red: sgr('31;1'),
};

export function wantsColor(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}
