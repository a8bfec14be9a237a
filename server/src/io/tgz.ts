// One file out of a gzip-compressed tar archive (a Helm chart `.tgz`), with every size bounded: the archive
// (checked on the open descriptor), the decompressed bytes (a gzip bomb stops at the cap instead of filling the
// heap) and the wanted file. Decompression streams and stops as soon as the wanted file has been read.

import { createReadStream } from 'node:fs';
import { createGunzip, gunzipSync } from 'node:zlib';
import { formatBytes, openGuarded } from './guardedRead';
import { TarScanner } from './tarScan';

export interface TgzLimits {
  /** The compressed archive. */
  maxArchiveBytes: number;
  /** Everything decompressed up to the wanted file. */
  maxUnpackedBytes: number;
  /** The wanted file itself. */
  maxFileBytes: number;
}

/** A chart archive is ~200 KB, its values.yaml ~150 KB, the whole chart unpacked ~2 MB (cilium 1.12–1.19). */
export const CHART_TGZ_LIMITS: TgzLimits = {
  maxArchiveBytes: 16 << 20,
  maxUnpackedBytes: 64 << 20,
  maxFileBytes: 8 << 20,
};

export type TgzRead = { ok: true; data?: Buffer } | { ok: false; message: string };

/** The wanted file of an archive already in memory (decompressed with `maxOutputLength`). */
export function fileFromTgzBuffer(
  archive: Buffer,
  wanted: (name: string) => boolean,
  limits: TgzLimits = CHART_TGZ_LIMITS,
): TgzRead {
  try {
    const tar = gunzipSync(archive, { maxOutputLength: limits.maxUnpackedBytes });
    const scan = new TarScanner(wanted, limits.maxFileBytes);
    scan.push(tar);
    return { ok: true, data: scan.found };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      return { ok: false, message: `decompresses to more than ${formatBytes(limits.maxUnpackedBytes)}` };
    return { ok: false, message: e.message };
  }
}

/** The wanted file of the archive at `path`, streamed: regular files only, nothing past the limits is read. */
export function fileFromTgz(
  path: string,
  wanted: (name: string) => boolean,
  limits: TgzLimits = CHART_TGZ_LIMITS,
): Promise<TgzRead> {
  const opened = openGuarded(path, { maxBytes: limits.maxArchiveBytes });
  if (!opened.ok) return Promise.resolve({ ok: false, message: opened.message });
  return new Promise((resolve) => {
    const input = createReadStream(path, { fd: opened.fd, autoClose: true, highWaterMark: 64 * 1024 });
    const gunzip = createGunzip();
    const scan = new TarScanner(wanted, limits.maxFileBytes);
    let unpacked = 0;
    let settled = false;
    const finish = (result: TgzRead) => {
      if (settled) return;
      settled = true;
      input.unpipe(gunzip);
      input.destroy();
      gunzip.destroy();
      resolve(result);
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      unpacked += chunk.length;
      if (unpacked > limits.maxUnpackedBytes)
        return finish({ ok: false, message: `decompresses to more than ${formatBytes(limits.maxUnpackedBytes)}` });
      try {
        scan.push(chunk);
      } catch (err) {
        return finish({ ok: false, message: (err as Error).message });
      }
      if (scan.done) finish({ ok: true, data: scan.found });
    });
    gunzip.on('end', () => finish({ ok: true, data: scan.found }));
    gunzip.on('error', (err) => finish({ ok: false, message: `not a gzip archive (${err.message})` }));
    input.on('error', (err) => finish({ ok: false, message: err.message }));
    input.pipe(gunzip);
  });
}
