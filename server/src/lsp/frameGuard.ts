// Checks the LSP base protocol framing (`Content-Length: N\r\n…\r\n\r\n` + N bytes) of a byte stream before
// vscode-jsonrpc sees it. The library, given a bad frame, reports an error and keeps listening to a stream it
// can no longer follow (the server goes deaf and never exits), waits forever for a huge or negative length, and
// re-scans an unterminated header from the start on every chunk (quadratic: 64 MB takes minutes). Here every byte
// is looked at once, headers are capped, and any violation ends the stream with an error, so the server can exit
// and the client can notice and restart it. Valid frames pass through unchanged.

import { Transform, type TransformCallback } from 'node:stream';

/** Real headers are about 60 bytes (`Content-Length` and maybe `Content-Type`). */
export const MAX_HEADER_BYTES = 8 * 1024;
/** Far above any document an editor syncs (VS Code stops syncing files at 50 MB). */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export class FrameError extends Error {}

const CR = 0x0d;
const LF = 0x0a;

export class FrameGuard extends Transform {
  /** Header bytes of the frame being read (only while in a header). */
  private header: number[] = [];
  /** Start of the current header line within `header`. */
  private lineStart = 0;
  private contentLength: number | undefined;
  /** Body bytes still to pass through; -1 while reading a header. */
  private bodyLeft = -1;
  private failed = false;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    try {
      this.consume(chunk);
      done();
    } catch (err) {
      this.failed = true;
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    // The client closed the stream in the middle of a frame: nothing more can be read either way.
    done();
  }

  private consume(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - i);
        this.push(chunk.subarray(i, i + n));
        this.bodyLeft -= n;
        i += n;
        if (this.bodyLeft === 0) this.bodyLeft = -1;
        continue;
      }
      const b = chunk[i++];
      this.header.push(b);
      if (this.header.length > MAX_HEADER_BYTES)
        throw new FrameError(`message header longer than ${MAX_HEADER_BYTES} bytes without its terminating empty line`);
      if (b === LF) this.endOfLine();
    }
  }

  /** A header line ended at the last byte of `header`. */
  private endOfLine(): void {
    const end = this.header.length - 1; // index of LF
    if (end === this.lineStart || this.header[end - 1] !== CR)
      throw new FrameError('message header line ends with LF alone; the protocol requires CRLF');
    const line = Buffer.from(this.header.slice(this.lineStart, end - 1)).toString('ascii');
    this.lineStart = this.header.length;
    if (line === '') return this.endOfHeader();
    const colon = line.indexOf(':');
    if (colon <= 0)
      throw new FrameError(`message header line without "name: value": ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name !== 'content-length') return;
    if (!/^\d{1,15}$/.test(value))
      throw new FrameError(
        `Content-Length must be a non-negative whole number, got ${JSON.stringify(value.slice(0, 40))}`,
      );
    const length = Number(value);
    if (length > MAX_BODY_BYTES)
      throw new FrameError(`Content-Length ${length} is larger than the ${MAX_BODY_BYTES} bytes accepted`);
    if (this.contentLength !== undefined && this.contentLength !== length)
      throw new FrameError('two different Content-Length headers in one message');
    this.contentLength = length;
  }

  private endOfHeader(): void {
    if (this.contentLength === undefined) throw new FrameError('message header without Content-Length');
    this.push(Buffer.from(this.header));
    this.bodyLeft = this.contentLength === 0 ? -1 : this.contentLength;
    this.header = [];
    this.lineStart = 0;
    this.contentLength = undefined;
  }
}
