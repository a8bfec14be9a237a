// The one way the CLI and the language server read a file from disk. Every input can be hostile (a cloned
// repository may carry a FIFO, a symlink to /dev/zero or to a secret outside the workspace), so:
// - the file is opened first and checked through its descriptor (`fstat`), never stat-then-open, so it cannot be
//   swapped between the check and the read;
// - O_NONBLOCK makes opening a FIFO return at once (a blocking open waits for a writer forever);
// - only regular files are read, and only up to a size limit checked before reading (a file that grows while
//   being read is cut off at the limit and refused);
// - with `confineTo`, a symbolic link is followed only when its target stays inside that folder.
// Node's fs only; nothing here knows about Cilium.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';

export type ReadFailure =
  'missing' | 'not-regular' | 'too-large' | 'symlink-outside' | 'symlink-loop' | 'dangling-symlink' | 'denied' | 'io';

export type GuardedRead = { ok: true; bytes: Buffer } | { ok: false; failure: ReadFailure; message: string };

export interface GuardedReadOptions {
  /** Refuse files larger than this many bytes (checked on the open descriptor before reading). */
  maxBytes: number;
  /** Follow a symbolic link only when its target resolves inside this folder; without it links are followed. */
  confineTo?: string;
}

// Windows has neither flag: there a FIFO cannot appear under a file path and the type check still applies.
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** What kind of thing a non-regular file is, for messages ("a FIFO", "a character device"). */
export function describeKind(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n >= 10 << 20 ? 0 : 1)} MiB`;
  if (n >= 1 << 10) return `${(n / (1 << 10)).toFixed(0)} KiB`;
  return `${n} bytes`;
}

/** True when `inner` is `outer` or below it (both already resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function fail(failure: ReadFailure, message: string): GuardedRead {
  return { ok: false, failure, message };
}

function errnoFailure(err: unknown): GuardedRead {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing', 'no such file');
  if (code === 'ELOOP') return fail('symlink-loop', 'symbolic link loop');
  if (code === 'EACCES' || code === 'EPERM') return fail('denied', 'permission denied');
  if (code === 'EISDIR') return fail('not-regular', 'a directory');
  return fail('io', code ?? (err as Error).message);
}

/** Where to open `path`: itself, or (with `confineTo`) the resolved target of a link that stays inside. */
function resolveTarget(path: string, confineTo: string | undefined): { path: string; noFollow: boolean } | GuardedRead {
  if (confineTo === undefined) return { path, noFollow: false };
  let isLink: boolean;
  try {
    isLink = lstatSync(path).isSymbolicLink();
  } catch (err) {
    return errnoFailure(err);
  }
  if (!isLink) return { path, noFollow: true };
  let target: string;
  let root: string;
  try {
    target = realpathSync(path);
    root = realpathSync(confineTo);
  } catch (err) {
    const f = errnoFailure(err);
    return !f.ok && f.failure === 'missing' ? fail('dangling-symlink', 'symbolic link to a missing file') : f;
  }
  if (!isInside(root, target))
    return fail('symlink-outside', 'symbolic link to a file outside the workspace (not followed)');
  // The resolved path has no links left; O_NOFOLLOW refuses one swapped in since.
  return { path: target, noFollow: true };
}

export type GuardedOpen = { ok: true; fd: number; size: number } | { ok: false; failure: ReadFailure; message: string };

/** Opens a regular file of at most `maxBytes` (checked on the descriptor); the caller closes `fd`. */
export function openGuarded(path: string, options: GuardedReadOptions): GuardedOpen {
  const where = resolveTarget(path, options.confineTo);
  if ('ok' in where) return where as GuardedOpen;
  let fd: number;
  try {
    fd = openSync(where.path, constants.O_RDONLY | O_NONBLOCK | (where.noFollow ? O_NOFOLLOW : 0));
  } catch (err) {
    const f = errnoFailure(err);
    if (!f.ok && f.failure === 'symlink-loop' && where.noFollow)
      return fail('symlink-outside', 'symbolic link (not followed)') as GuardedOpen;
    if (!f.ok && f.failure === 'missing') {
      // A link whose target is gone opens as "missing"; say which it is.
      try {
        if (lstatSync(path).isSymbolicLink())
          return fail('dangling-symlink', 'symbolic link to a missing file') as GuardedOpen;
      } catch {
        /* the path itself is missing */
      }
    }
    return f as GuardedOpen;
  }
  let problem: GuardedRead;
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) problem = fail('not-regular', `${describeKind(st)}, not a regular file`);
    else if (st.size > options.maxBytes)
      problem = fail('too-large', `${formatBytes(st.size)}, larger than the limit of ${formatBytes(options.maxBytes)}`);
    else return { ok: true, fd, size: st.size };
  } catch (err) {
    problem = errnoFailure(err);
  }
  closeSync(fd);
  return problem as GuardedOpen;
}

/** Reads a regular file of at most `maxBytes`, or says why not. Never throws, never blocks on a FIFO. */
export function readGuarded(path: string, options: GuardedReadOptions): GuardedRead {
  const opened = openGuarded(path, options);
  if (!opened.ok) return opened;
  const { fd, size } = opened;
  try {
    // Read to end of file, but never more than the limit (the file may grow after fstat).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past what fstat promised tells end of file from growth; never past the limit plus one.
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(size - total, 0) + 1, options.maxBytes + 1 - total, 1 << 20));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > options.maxBytes)
        return fail('too-large', `grew past the limit of ${formatBytes(options.maxBytes)} while being read`);
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (err) {
    return errnoFailure(err);
  } finally {
    closeSync(fd);
  }
}
