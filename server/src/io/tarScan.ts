// Finds one file in a tar stream fed chunk by chunk (ustar, with GNU `L` and PAX `path=` long names), without a
// tar library and without holding more than the wanted file: other entries' data is counted and skipped. The
// scan stops at the wanted file, so a chart archive is decompressed only up to its values.yaml.

const BLOCK = 512;

export class TarLimitError extends Error {}

const cstring = (b: Buffer) => {
  const nul = b.indexOf(0);
  return b.subarray(0, nul < 0 ? b.length : nul).toString('utf8');
};

export class TarScanner {
  /** Bytes of the header block being assembled. */
  private header = Buffer.alloc(BLOCK);
  private headerFill = 0;
  /** The entry whose data is being read: its remaining data bytes, then padding to the block. */
  private dataLeft = 0;
  private padLeft = 0;
  /** Data collected for the current entry (only when it is the wanted file or a long-name record). */
  private collect?: { kind: 'file' | 'L' | 'x'; chunks: Buffer[] };
  private longName?: string;
  private finished = false;
  found?: Buffer;

  constructor(
    private readonly wanted: (name: string) => boolean,
    /** The largest wanted file (and long-name record) accepted. */
    private readonly maxEntryBytes: number,
  ) {}

  /** True once the wanted file was found or the archive ended: feed no more. */
  get done(): boolean {
    return this.finished;
  }

  push(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length && !this.finished) {
      if (this.dataLeft > 0) {
        const n = Math.min(this.dataLeft, chunk.length - i);
        this.collect?.chunks.push(chunk.subarray(i, i + n));
        this.dataLeft -= n;
        i += n;
        if (this.dataLeft === 0) this.endOfData();
        continue;
      }
      if (this.padLeft > 0) {
        const n = Math.min(this.padLeft, chunk.length - i);
        this.padLeft -= n;
        i += n;
        continue;
      }
      const n = Math.min(BLOCK - this.headerFill, chunk.length - i);
      chunk.copy(this.header, this.headerFill, i, i + n);
      this.headerFill += n;
      i += n;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.startEntry();
      }
    }
  }

  private startEntry(): void {
    const h = this.header;
    if (h.every((b) => b === 0)) {
      this.finished = true; // end-of-archive marker
      return;
    }
    const sizeText = cstring(h.subarray(124, 136)).trim();
    if (!/^[0-7]*$/.test(sizeText)) {
      this.finished = true; // not a tar header: nothing more can be read
      return;
    }
    const size = parseInt(sizeText || '0', 8);
    const type = String.fromCharCode(h[156] || 48);
    const name = cstring(h.subarray(0, 100));
    const prefix = cstring(h.subarray(345, 500));
    this.dataLeft = size;
    this.padLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    this.collect = undefined;
    if (type === 'L' || type === 'x') {
      if (size > this.maxEntryBytes) throw new TarLimitError(`a ${size}-byte long-name record`);
      this.collect = { kind: type, chunks: [] };
    } else {
      const full = this.longName ?? (prefix ? `${prefix}/${name}` : name);
      this.longName = undefined;
      if ((type === '0' || type === '\0') && this.wanted(full)) {
        if (size > this.maxEntryBytes)
          throw new TarLimitError(`${full} has ${size} bytes, more than the ${this.maxEntryBytes} accepted`);
        this.collect = { kind: 'file', chunks: [] };
      }
    }
    if (size === 0) this.endOfData();
  }

  private endOfData(): void {
    const c = this.collect;
    this.collect = undefined;
    if (!c) return;
    const data = Buffer.concat(c.chunks);
    if (c.kind === 'L') this.longName = cstring(data);
    else if (c.kind === 'x') {
      const path = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1];
      if (path) this.longName = path;
    } else {
      this.found = data;
      this.finished = true;
    }
  }
}
