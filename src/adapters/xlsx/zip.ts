// The zip layer for Node: the platform-free parsing lives in zip-core.ts (re-exported here so
// existing imports keep working); this file adds the zlib inflater.

import * as fs from "fs";
import * as zlib from "zlib";
import { MemoryZipArchive, SourceZipArchive, type RawInflater, type ZipArchive, type ZipBytes } from "./zip-core";

export { MemoryZipArchive, ZipError, decodeText, readCentralDirectory } from "./zip-core";
export type { RawInflater, ZipArchive, ZipEntry, ZipErrorCode } from "./zip-core";

// ---- Node ----

// zlib.crc32 exists from Node 20.15 / 22.2; older Nodes fall back to the shared table routine.
const zlibCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export const nodeInflater: RawInflater = {
  ...(typeof zlibCrc32 === "function" ? { crc32: (data: Uint8Array, crc: number) => zlibCrc32(data, crc) } : {}),
  inflate(data: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      zlib.inflateRaw(data, (err, out) => (err ? reject(err) : resolve(out)));
    });
  },

  async *inflateChunks(pieces: Iterable<Uint8Array>): AsyncIterable<Uint8Array> {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let failure: unknown;
    inflate.on("error", (err) => (failure = err));
    // Feed lazily, honouring backpressure, so that only a few pieces exist at a time.
    const input = pieces[Symbol.iterator]();
    const feed = (): void => {
      for (;;) {
        const next = input.next();
        if (next.done) break;
        if (!inflate.write(next.value)) {
          inflate.once("drain", feed);
          return;
        }
      }
      inflate.end();
    };
    feed();
    try {
      for await (const out of inflate) yield out as Uint8Array;
    } finally {
      inflate.destroy();
    }
    if (failure) throw failure;
  },
};

/** Opens an in-memory zip with zlib. Throws ZipError. */
export function openZipNode(bytes: Uint8Array): ZipArchive {
  return new MemoryZipArchive(bytes, nodeInflater);
}

/**
 * The bytes of an open file, read where the zip reader asks (synchronously: the CLI reads one
 * file at a time, and a megabyte read is far below the inflating and parsing it feeds).
 */
export function fileBytes(fd: number, size: number): ZipBytes {
  return {
    length: size,
    read(offset: number, length: number): Uint8Array {
      const n = Math.max(0, Math.min(length, size - offset));
      const buf = Buffer.allocUnsafe(n);
      let got = 0;
      while (got < n) {
        const k = fs.readSync(fd, buf, got, n - got, offset + got);
        if (k === 0) break;
        got += k;
      }
      return got < n ? buf.subarray(0, got) : buf;
    },
  };
}

/** Opens a zip in an open file with zlib, reading only what is asked for. Throws ZipError. */
export function openZipFile(fd: number, size: number): ZipArchive {
  return new SourceZipArchive(fileBytes(fd, size), nodeInflater);
}
