// The zip layer for Node: the platform-free parsing lives in zip-core.ts (re-exported here so
// existing imports keep working); this file adds the zlib inflater.

import * as zlib from "zlib";
import { MemoryZipArchive, type RawInflater, type ZipArchive } from "./zip-core";

export { MemoryZipArchive, ZipError, decodeText, readCentralDirectory } from "./zip-core";
export type { RawInflater, ZipArchive, ZipEntry, ZipErrorCode } from "./zip-core";

/** Pieces fed to zlib: big enough that per-chunk overhead vanishes, small enough to stream. */
const CHUNK = 1 << 20;

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

  async *inflateChunks(data: Uint8Array): AsyncIterable<Uint8Array> {
    const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
    let failure: unknown;
    inflate.on("error", (err) => (failure = err));
    // Feed lazily, honouring backpressure, so that only a few output chunks exist at a time.
    let fed = 0;
    const feed = (): void => {
      while (fed < data.length) {
        const piece = data.subarray(fed, Math.min(data.length, fed + CHUNK));
        fed += piece.length;
        if (!inflate.write(piece)) {
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
