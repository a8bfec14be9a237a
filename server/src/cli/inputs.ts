// Which files cilium-lint checks, and their text. A PATH argument is read as given (a link the user names is
// followed); a directory is searched for *.yaml / *.yml. Nothing here can block or abort the run: a FIFO, a
// device, a dangling link or a link loop is reported for that one entry and the other files are still checked.

import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../io/decodeText';
import { readGuarded } from '../io/guardedRead';

/** The largest file read: the analysis stops at 2,000,000 characters, which UTF-16 stores in 4 MB. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface InputProblem {
  path: string;
  message: string;
}

export interface InputText {
  path: string;
  text: string;
  /** How the bytes were encoded: --fix writes UTF-8 files back as they were and leaves UTF-16 files alone. */
  encoding?: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
}

const YAML_NAME = /\.ya?ml$/i;

function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (err as Error).message;
}

/** The files to check under the PATH arguments, in order, and the entries that cannot be checked. */
export function collectInputs(args: string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  /** Directories already searched (device:inode): a link back to a parent folder is not walked again. */
  const seen = new Set<string>();
  /** The entry's status, or undefined with the reason reported as a problem of that path. */
  const statOrProblem = (path: string): Stats | undefined => {
    try {
      return statSync(path);
    } catch (err) {
      problems.push({ path, message: errnoText(err) });
      return undefined;
    }
  };

  const walk = (dir: string, st: Stats) => {
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id)) return;
    seen.add(id);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, message: errnoText(err) });
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isSymbolicLink()) {
        let target: Stats;
        try {
          target = statSync(full);
        } catch (err) {
          // A broken link named like a YAML file was meant to be checked: say so. Other broken links are not inputs.
          if (YAML_NAME.test(e.name))
            problems.push({
              path: full,
              message:
                (err as NodeJS.ErrnoException).code === 'ELOOP'
                  ? 'symbolic link loop'
                  : 'symbolic link to a missing file',
            });
          continue;
        }
        if (target.isDirectory()) walk(full, target);
        else if (YAML_NAME.test(e.name)) files.push(full);
      } else if (e.isDirectory()) {
        const st = statOrProblem(full);
        if (st) walk(full, st);
      } else if (YAML_NAME.test(e.name)) {
        // Regular files, and FIFOs or devices named *.yaml: the reader refuses the latter with a reason.
        files.push(full);
      }
    }
  };

  for (const arg of args) {
    const st = statOrProblem(arg);
    if (!st) continue;
    if (st.isDirectory()) walk(arg, st);
    else files.push(arg);
  }
  return { files, problems };
}

/** The text of one input file, or why it cannot be checked. */
export function readInput(path: string): InputText | InputProblem {
  const read = readGuarded(path, { maxBytes: MAX_INPUT_BYTES });
  if (!read.ok) return { path, message: read.message };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) return { path, message: decoded.message };
  return { path, text: decoded.text, encoding: decoded.encoding };
}
