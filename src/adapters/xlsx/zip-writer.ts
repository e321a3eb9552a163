// A zip writer for the grafting workbook writer (graft.ts), without platform code: Node writes to a
// file descriptor (fileSink in graft-node.ts), the browser preview to memory (MemorySink).
//
// Why our own and not fflate's Zip class: the graft copies the input's entries *as stored* (the
// compressed bytes, their CRC and sizes straight from the central directory, no inflate and no
// recompress), which a general zip library does not offer. fflate is used for what it is good at,
// streaming deflate that runs the same in Node and in the browser.
//
// Each entry is a local header, the data, and later its central directory record. A streamed entry's
// CRC and sizes are not known until its last byte, so its local header is written with zeros and
// patched afterwards (ByteSink.patch); no data descriptors, which some readers handle badly.
// No zip64: a part or a package past 4 GB is refused with a plain message (an .xlsx that large
// does not open in Excel anyway).

import { Deflate } from "fflate";

/**
 * Raw deflate of one piece of an entry; `final` on the last piece. Pieces of one entry are
 * compressed in order by one Deflater, so it may keep state between them, but not the piece
 * itself: its bytes are reused once the call returns (fflate copies what it keeps, zlib's sync
 * calls are done with it).
 */
export type Deflater = (data: Uint8Array, final: boolean, out: (chunk: Uint8Array) => void) => void;
export type DeflaterFactory = (level: number) => Deflater;

/** fflate's streaming deflate: the same in Node and the browser. */
export const fflateDeflater: DeflaterFactory = (level) => {
  let d: Deflate | undefined;
  let sinkOut: (chunk: Uint8Array) => void = () => undefined;
  return (data, final, out) => {
    sinkOut = out;
    d ??= new Deflate({ level: level as 1 }, (chunk) => sinkOut(chunk));
    d.push(data, final);
  };
};

export interface ZipWriterOptions {
  /** Deflate level of new entries: 1..9. Low levels are several times faster on big sheets. */
  level?: number;
  /** The deflate implementation (default fflate; Node passes zlib, several times faster). */
  deflater?: DeflaterFactory;
  /** The CRC-32 implementation (default ours; Node 20.15+ has a native one in zlib). */
  crc32?: (data: Uint8Array, crc: number) => number;
}

/** Where the zip's bytes go. `patch` overwrites bytes already written (a local header). */
export interface ByteSink {
  write(bytes: Uint8Array): void;
  patch(position: number, bytes: Uint8Array): void;
}

/** Collects the zip in memory (the browser preview, tests). */
export class MemorySink implements ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private readonly starts: number[] = [];
  private size = 0;

  write(bytes: Uint8Array): void {
    this.starts.push(this.size);
    this.chunks.push(bytes);
    this.size += bytes.length;
  }

  patch(position: number, bytes: Uint8Array): void {
    // binary search the chunk holding `position`; a patch never spans chunks (headers are one chunk)
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= position) lo = mid;
      else hi = mid - 1;
    }
    const chunk = this.chunks[lo];
    const at = position - this.starts[lo];
    if (at + bytes.length > chunk.length) throw new Error("zip writer: a patch spans two chunks");
    chunk.set(bytes, at);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    for (let i = 0; i < this.chunks.length; i++) out.set(this.chunks[i], this.starts[i]);
    return out;
  }
}

// ---- CRC-32 (the zip polynomial), slicing by 4 for speed on 100 MB sheets ----

const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c >>> 0;
  }
  const tables = [t0];
  for (let k = 1; k < 4; k++) {
    const prev = tables[k - 1];
    const t = new Uint32Array(256);
    for (let n = 0; n < 256; n++) t[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(t);
  }
  return tables;
})();

/** Continues a CRC-32 (start with 0) over `data`. */
export function crc32(data: Uint8Array, crc = 0): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n4 = data.length - (data.length % 4);
  for (; i < n4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---- the writer ----

const LIMIT = 0xffffffff;
const encoder = new TextEncoder();

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface CentralRecord {
  name: Uint8Array;
  method: number;
  crc: number;
  compressed: number;
  uncompressed: number;
  offset: number;
  time: number;
  date: number;
}

/** An entry being written piece by piece. */
export interface EntryWriter {
  /** Appends text (UTF-8); buffered, so many small calls are cheap. */
  text(s: string): void;
  bytes(b: Uint8Array): void;
  end(): void;
}

/**
 * Text is encoded as it comes into a buffer of this many bytes, which is deflated when full. The
 * text itself is never gathered: pending rows held as strings outlived the young generation and
 * filled the old one with garbage (hundreds of MB on a 200,000-row sheet), and joining them cost
 * more than encoding them one by one.
 */
const BYTE_BATCH = 1 << 20;

export class ZipWriter {
  private position = 0;
  private readonly records: CentralRecord[] = [];
  private readonly names = new Set<string>();
  private open = false;
  private readonly now = dosDateTime(new Date());
  /** Where an entry's text is encoded before it is deflated (BYTE_BATCH), made on first use. */
  private batch: Uint8Array | undefined;

  private readonly level: number;
  private readonly deflater: DeflaterFactory;
  private readonly crc: (data: Uint8Array, crc: number) => number;

  constructor(
    private readonly sink: ByteSink,
    options: ZipWriterOptions = {},
  ) {
    this.level = options.level ?? 6;
    this.deflater = options.deflater ?? fflateDeflater;
    this.crc = options.crc32 ?? crc32;
  }

  private emit(b: Uint8Array): void {
    this.sink.write(b);
    this.position += b.length;
    if (this.position > LIMIT) throw new Error("the output workbook would be larger than 4 GB, which an .xlsx cannot be");
  }

  private claim(name: string): Uint8Array {
    if (this.open) throw new Error("zip writer: an entry is still open");
    const key = name.toLowerCase();
    if (this.names.has(key)) throw new Error(`zip writer: two entries named "${name}"`);
    this.names.add(key);
    return encoder.encode(name);
  }

  private localHeader(name: Uint8Array, method: number, crc: number, compressed: number, uncompressed: number, time: number, date: number): Uint8Array {
    const h = new Uint8Array(30 + name.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 0x800, true); // names are UTF-8
    v.setUint16(8, method, true);
    v.setUint16(10, time, true);
    v.setUint16(12, date, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, compressed, true);
    v.setUint32(22, uncompressed, true);
    v.setUint16(26, name.length, true);
    v.setUint16(28, 0, true);
    h.set(name, 30);
    return h;
  }

  /** Copies an entry as stored in another zip: its compressed bytes, CRC and sizes unchanged. */
  copyRaw(name: string, entry: { method: number; crc32: number; uncompressedSize: number; dosTime: number; dosDate: number }, data: Uint8Array): void {
    const n = this.claim(name);
    if (entry.uncompressedSize > LIMIT || data.length > LIMIT) throw new Error(`${name}: a part past 4 GB cannot be copied`);
    const offset = this.position;
    this.emit(this.localHeader(n, entry.method, entry.crc32, data.length, entry.uncompressedSize, entry.dosTime, entry.dosDate));
    this.emit(data);
    this.records.push({ name: n, method: entry.method, crc: entry.crc32, compressed: data.length, uncompressed: entry.uncompressedSize, offset, time: entry.dosTime, date: entry.dosDate });
  }

  /** A whole small entry at once (deflated). */
  add(name: string, content: string | Uint8Array): void {
    const w = this.begin(name);
    if (typeof content === "string") w.text(content);
    else w.bytes(content);
    w.end();
  }

  /** Starts a deflated entry written piece by piece; call end() before the next entry. */
  begin(name: string): EntryWriter {
    const n = this.claim(name);
    this.open = true;
    const offset = this.position;
    const { time, date } = this.now;
    this.emit(this.localHeader(n, 8, 0, 0, 0, time, date));
    let crc = 0;
    let uncompressed = 0;
    let compressed = 0;
    const deflater = this.deflater(this.level);
    const out = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      compressed += chunk.length;
      this.emit(chunk);
    };
    const deflate = { push: (b: Uint8Array, final: boolean) => deflater(b, final, out) };
    let used = 0;
    const feed = (b: Uint8Array, final: boolean): void => {
      crc = this.crc(b, crc);
      uncompressed += b.length;
      if (uncompressed > LIMIT) throw new Error(`${name}: a part past 4 GB cannot be written`);
      deflate.push(b, final);
    };
    const flushText = (final: boolean): void => {
      if (used === 0) {
        if (final) deflate.push(new Uint8Array(0), true);
        return;
      }
      // one batch buffer for the whole zip, reused: the CRC and the deflater are done with it on return
      const b = this.batch!.subarray(0, used);
      used = 0;
      feed(b, final);
    };
    let ended = false;
    return {
      text: (s: string) => {
        // UTF-8 takes at most 3 bytes per UTF-16 code unit
        if (s.length * 3 > BYTE_BATCH - used) {
          flushText(false);
          if (s.length * 3 > BYTE_BATCH) {
            if (s.length > 0) feed(encoder.encode(s), false);
            return;
          }
        }
        const buf = (this.batch ??= new Uint8Array(BYTE_BATCH));
        used += encoder.encodeInto(s, used === 0 ? buf : buf.subarray(used)).written;
      },
      bytes: (b: Uint8Array) => {
        flushText(false);
        if (b.length > 0) feed(b, false);
      },
      end: () => {
        if (ended) return;
        ended = true;
        flushText(true);
        const patch = new Uint8Array(12);
        const v = new DataView(patch.buffer);
        v.setUint32(0, crc, true);
        v.setUint32(4, compressed, true);
        v.setUint32(8, uncompressed, true);
        this.sink.patch(offset + 14, patch);
        this.records.push({ name: n, method: 8, crc, compressed, uncompressed, offset, time, date });
        this.open = false;
      },
    };
  }

  /** Writes the central directory; the zip is complete after this. */
  finish(): void {
    if (this.open) throw new Error("zip writer: an entry is still open");
    const start = this.position;
    for (const r of this.records) {
      const c = new Uint8Array(46 + r.name.length);
      const v = new DataView(c.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true); // made by: MS-DOS, 2.0
      v.setUint16(6, 20, true);
      v.setUint16(8, 0x800, true);
      v.setUint16(10, r.method, true);
      v.setUint16(12, r.time, true);
      v.setUint16(14, r.date, true);
      v.setUint32(16, r.crc, true);
      v.setUint32(20, r.compressed, true);
      v.setUint32(24, r.uncompressed, true);
      v.setUint16(28, r.name.length, true);
      v.setUint32(42, r.offset, true);
      c.set(r.name, 46);
      this.emit(c);
    }
    const size = this.position - start;
    if (this.records.length > 0xffff) throw new Error("the output workbook would have more than 65,535 parts");
    const e = new Uint8Array(22);
    const v = new DataView(e.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.records.length, true);
    v.setUint16(10, this.records.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, start, true);
    this.emit(e);
  }
}
