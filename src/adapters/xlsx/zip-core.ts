// The zip layer under the xlsx reader, without any platform code. The central directory parsing
// is plain byte work that runs anywhere; only inflating is platform specific, so it sits behind
// `RawInflater`: zip.ts has the Node one (zlib), zip-browser.ts the browser one
// (DecompressionStream). Kept free of Node imports so the browser bundle never pulls zlib in.

/** What the xlsx reader needs from a zip file. Entry names are package part names without a leading "/". */
export interface ZipArchive {
  /** Every entry name, as stored (after turning backslashes into slashes). */
  names(): string[];
  /**
   * The stored name for `name`: the exact name if present, else the one that matches ignoring
   * case (some writers and hand-edited packages disagree with their own rels about case).
   */
  resolve(name: string): string | undefined;
  has(name: string): boolean;
  /** The whole entry decoded as text (UTF-8, or UTF-16 when it starts with a UTF-16 BOM). */
  text(name: string): Promise<string>;
  /** The entry's uncompressed bytes, a piece at a time, so that huge sheets never sit whole in memory. */
  chunks(name: string): AsyncIterable<Uint8Array>;
  /** The entry's uncompressed size as the central directory records it. */
  size?(name: string): number | undefined;
}

export type ZipErrorCode = "not-zip" | "corrupt-zip" | "unsupported-compression" | "missing-part" | "crc-mismatch";

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    /** The entry concerned, or "" for the archive as a whole. */
    readonly entry: string,
    readonly detail: string,
  ) {
    super(entry ? `${entry}: ${detail}` : detail);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** CRC-32 of the uncompressed data, from the central directory (a copied entry keeps it). */
  crc32: number;
  /** DOS time and date of the entry, kept when the entry is copied into another zip. */
  dosTime: number;
  dosDate: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Inflates raw deflate data (no zlib/gzip header), whole or as a stream of pieces. */
export interface RawInflater {
  inflate(data: Uint8Array): Promise<Uint8Array>;
  /**
   * The compressed `pieces`, taken one at a time as the inflater has room (so a sheet read from a
   * file is never whole in memory, compressed or not), inflated as a stream of pieces.
   */
  inflateChunks(pieces: Iterable<Uint8Array>): AsyncIterable<Uint8Array>;
  /** A faster CRC-32 than the shared table routine, where the platform has one (Node's zlib). */
  crc32?(data: Uint8Array, crc: number): number;
}

/**
 * Where a zip's bytes are: in memory, or in a file read where needed (zip.ts `fileBytes`), so
 * that reading a 120 MB workbook does not mean holding 120 MB.
 */
export interface ZipBytes {
  readonly length: number;
  /** Up to `length` bytes from `offset` (fewer at the end). In memory a view; from a file a fresh copy. */
  read(offset: number, length: number): Uint8Array;
}

export function memoryBytes(b: Uint8Array): ZipBytes {
  return { length: b.length, read: (offset, length) => b.subarray(offset, offset + length) };
}

import { crc32 } from "./crc32";

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

const STORED = 0;
const DEFLATED = 8;

/** Pieces handed to the parser: big enough that per-chunk overhead vanishes, small enough to stream. */
const CHUNK = 1 << 20;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  // Exact up to 2^53, far beyond any workbook we will see.
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");
const cp437ish = new TextDecoder("latin1");

function findEocd(b: Uint8Array): number {
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) return i;
  }
  return -1;
}

/** Where the central directory is, from the bytes `b` of the file from `base` to its end. */
function locateDirectory(b: Uint8Array, base: number): { count: number; cdSize: number; cdOffset: number; shift: number; need: number } {
  const eocd = findEocd(b);
  if (eocd < 0) {
    const startsLikeZip = base === 0 && b.length >= 4 && u32(b, 0) === SIG_LOCAL;
    throw new ZipError(
      startsLikeZip ? "corrupt-zip" : "not-zip",
      "",
      startsLikeZip
        ? "the end-of-central-directory record is missing: the file is truncated or damaged"
        : "no zip end-of-central-directory record",
    );
  }
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  let need = Math.max(0, base + eocd - cdSize);
  const at = (abs: number, len: number) => abs >= base && abs - base + len <= b.length;

  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_ZIP64_LOCATOR) {
      const z64 = u64(b, loc + 8);
      need = Math.min(need, z64);
      if (at(z64, 56) && u32(b, z64 - base) === SIG_ZIP64_EOCD) {
        count = u64(b, z64 - base + 32);
        cdSize = u64(b, z64 - base + 40);
        cdOffset = u64(b, z64 - base + 48);
      }
    }
  }
  need = Math.min(need, cdOffset);

  // Data prepended to the zip (self-extractor stubs, some mail gateways) shifts every offset.
  let shift = 0;
  if (!at(cdOffset, 4) || u32(b, cdOffset - base) !== SIG_CENTRAL) {
    const guess = base + eocd - cdSize;
    if (at(guess, 4) && u32(b, guess - base) === SIG_CENTRAL) {
      shift = guess - cdOffset;
      cdOffset = guess;
    } else if (count > 0 && need >= base) {
      throw new ZipError("corrupt-zip", "", "the central directory is not where the zip says it is");
    }
  }
  return { count, cdSize, cdOffset, shift, need };
}

/**
 * Reads the central directory from `b`, the bytes of the file from `base` to its end (all of it
 * by default). Throws ZipError("not-zip" | "corrupt-zip").
 */
export function readCentralDirectory(b: Uint8Array, base = 0): ZipEntry[] {
  const { count, cdOffset, shift } = locateDirectory(b, base);
  const entries: ZipEntry[] = [];
  let p = cdOffset - base;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) {
      throw new ZipError("corrupt-zip", "", `central directory entry ${i + 1} of ${count} is damaged`);
    }
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const dosTime = u16(b, p + 12);
    const dosDate = u16(b, p + 14);
    const crc32 = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let uncompressedSize = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    if (p + 46 + nameLen + extraLen > b.length) {
      throw new ZipError("corrupt-zip", "", `central directory entry ${i + 1} of ${count} is damaged`);
    }
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    // Bit 11 says UTF-8; without it the name is nominally CP437, which for part names is ASCII anyway.
    let name = (flags & 0x800 ? utf8 : cp437ish).decode(nameBytes);
    name = name.replace(/\\/g, "/").replace(/^\/+/, "");

    // Zip64 extra field: the 8-byte values appear only for the fields that overflowed, in this order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = u16(b, e);
      const size = u16(b, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) (uncompressedSize = u64(b, q)), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = u64(b, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) (localHeaderOffset = u64(b, q)), (q += 8);
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, crc32, dosTime, dosDate, compressedSize, uncompressedSize, localHeaderOffset: localHeaderOffset + shift });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The central directory of a zip behind `src`: its tail read first, then from where the directory starts. */
function readDirectory(src: ZipBytes): ZipEntry[] {
  // The EOCD record (22 bytes, a comment of up to 65,535) and a zip64 locator (20) end the file.
  const tail = Math.min(src.length, 22 + 0xffff + 20);
  let base = src.length - tail;
  let b = src.read(base, tail);
  const { need } = locateDirectory(b, base);
  if (need < base) {
    b = src.read(need, src.length - need);
    base = need;
  }
  return readCentralDirectory(b, base);
}

/**
 * A zip read from `src`: in memory, or a file read where needed (only the central directory
 * and the parts being read, a megabyte at a time). Sizes come from the central directory, so
 * data descriptors need no special care.
 */
export class SourceZipArchive implements ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();

  constructor(
    private readonly src: ZipBytes,
    private readonly inflater: RawInflater,
  ) {
    for (const entry of readDirectory(src)) {
      if (entry.name.endsWith("/")) continue;
      this.byName.set(entry.name, entry);
      const lower = entry.name.toLowerCase();
      if (!this.byLowerName.has(lower)) this.byLowerName.set(lower, entry);
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  resolve(name: string): string | undefined {
    const clean = name.replace(/\\/g, "/").replace(/^\/+/, "");
    return (this.byName.get(clean) ?? this.byLowerName.get(clean.toLowerCase()))?.name;
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  size(name: string): number | undefined {
    const real = this.resolve(name);
    return real === undefined ? undefined : this.byName.get(real)?.uncompressedSize;
  }

  async text(name: string): Promise<string> {
    const entry = this.entry(name);
    const { start, end } = this.span(entry);
    const data = this.src.read(start, end - start);
    let bytes: Uint8Array;
    if (entry.method === STORED) bytes = data;
    else {
      try {
        bytes = await this.inflater.inflate(data);
      } catch (err) {
        throw inflateError(entry.name, err);
      }
    }
    this.checkCrc(entry, this.crc(bytes, 0));
    return decodeText(bytes);
  }

  async *chunks(name: string): AsyncIterable<Uint8Array> {
    const entry = this.entry(name);
    const { start, end } = this.span(entry);
    const src = this.src;
    // Read as the inflater asks, a megabyte at a time: from a file the compressed part is never whole.
    function* pieces(): Generator<Uint8Array> {
      for (let i = start; i < end; i += CHUNK) yield src.read(i, Math.min(CHUNK, end - i));
    }
    // The CRC is only known once the last piece is through, so a damaged part fails at its end:
    // the caller must treat what it parsed from the part as void when this throws (the reader
    // throws the whole read away).
    let crc = 0;
    if (entry.method === STORED) {
      for (const piece of pieces()) {
        crc = this.crc(piece, crc);
        yield piece;
      }
      this.checkCrc(entry, crc);
      return;
    }
    try {
      for await (const piece of this.inflater.inflateChunks(pieces())) {
        crc = this.crc(piece, crc);
        yield piece;
      }
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw inflateError(entry.name, err);
    }
    this.checkCrc(entry, crc);
  }

  private crc(data: Uint8Array, crc: number): number {
    return this.inflater.crc32 ? this.inflater.crc32(data, crc) : crc32(data, crc);
  }

  private checkCrc(entry: ZipEntry, crc: number): void {
    if (crc !== entry.crc32 && !this.localCrcs(entry).includes(crc)) {
      const hex = (n: number): string => n.toString(16).padStart(8, "0");
      throw new ZipError("crc-mismatch", entry.name, `CRC-32 ${hex(crc)}, the zip recorded ${hex(entry.crc32)}`);
    }
  }

  private entry(name: string): ZipEntry {
    const real = this.resolve(name);
    const entry = real === undefined ? undefined : this.byName.get(real);
    if (!entry) throw new ZipError("missing-part", name, "not in the package");
    return entry;
  }

  /**
   * The CRC-32 as the local header and the data descriptor (bit 3) record it. A mismatch with the
   * central directory alone is forgiven when the data matches one of these: the data is then as
   * written, and a writer that left a field blank in one place is not a damaged transfer.
   */
  private localCrcs(entry: ZipEntry): number[] {
    const { end } = this.span(entry);
    const out = [u32(this.src.read(entry.localHeaderOffset, 30), 14)];
    if (entry.flags & 0x8) {
      // The descriptor may or may not start with its signature.
      const d = this.src.read(end, 8);
      const at = d.length >= 4 && u32(d, 0) === 0x08074b50 ? 4 : 0;
      if (at + 4 <= d.length) out.push(u32(d, at));
    }
    return out;
  }

  /** Where the entry's stored (possibly compressed) bytes are, after checking it is something we can read. */
  private span(entry: ZipEntry): { start: number; end: number } {
    if (entry.flags & 0x1) {
      throw new ZipError("unsupported-compression", entry.name, "the zip entry is encrypted");
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ZipError("unsupported-compression", entry.name, `zip compression method ${entry.method} (only stored and deflate are supported)`);
    }
    const h = entry.localHeaderOffset;
    const head = this.src.read(h, 30);
    if (head.length < 30 || u32(head, 0) !== SIG_LOCAL) {
      throw new ZipError("corrupt-zip", entry.name, "the local header is missing or damaged");
    }
    const start = h + 30 + u16(head, 26) + u16(head, 28);
    const end = start + entry.compressedSize;
    if (end > this.src.length) throw new ZipError("corrupt-zip", entry.name, "the entry's data runs past the end of the file (truncated?)");
    return { start, end };
  }
}

/** A zip held in memory. */
export class MemoryZipArchive extends SourceZipArchive {
  constructor(bytes: Uint8Array, inflater: RawInflater) {
    super(memoryBytes(bytes), inflater);
  }
}

/**
 * Where an entry's stored (possibly compressed) bytes are in the zip, for copying them as they are.
 * Throws ZipError("corrupt-zip") on a damaged local header.
 */
export function rawEntryData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const h = entry.localHeaderOffset;
  if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) {
    throw new ZipError("corrupt-zip", entry.name, "the local header is missing or damaged");
  }
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipError("corrupt-zip", entry.name, "the entry's data runs past the end of the file (truncated?)");
  return b.subarray(start, end);
}

function inflateError(entry: string, err: unknown): ZipError {
  const msg = err instanceof Error ? err.message : String(err);
  return new ZipError("corrupt-zip", entry, `the compressed data is damaged (${msg})`);
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return utf8.decode(bytes); // strips a UTF-8 BOM
}
