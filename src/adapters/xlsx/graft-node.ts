// The grafting writer on files (Node): the input read once into memory (the only copy of it), the
// output streamed entry by entry to a temp file next to the target and renamed into place. The
// output never sits whole in memory, and the input is never written to.

import fs from "fs";
import zlib from "zlib";
import { graftWorkbook, openPackage, type GraftRequest, type GraftResult, type InputPackage } from "./graft";
import { atomically, sameFile } from "./files";
import type { ByteSink, DeflaterFactory, ZipWriterOptions } from "./zip-writer";

/**
 * zlib's deflate, piece by piece without a stream object: every piece but the last is compressed
 * on its own and ended with a sync flush (no final block), the last one finishes. Concatenated,
 * that is one valid deflate stream (what pigz does); each piece starting with an empty window
 * costs well under 1% in size on 1 MB pieces, and native zlib is several times faster
 * than a JavaScript deflate on a 300 MB sheet.
 */
export const zlibDeflater: DeflaterFactory = (level) => (data, final, out) => {
  out(zlib.deflateRawSync(data, final ? { level } : { level, finishFlush: zlib.constants.Z_SYNC_FLUSH }));
};

/** Node's own deflate and, where it has one (Node 20.15+), its native CRC-32. */
export const nodeZip: Omit<ZipWriterOptions, "level"> = {
  deflater: zlibDeflater,
  ...(typeof (zlib as { crc32?: unknown }).crc32 === "function"
    ? { crc32: (data: Uint8Array, crc: number) => (zlib as unknown as { crc32(d: Uint8Array, c: number): number }).crc32(data, crc) }
    : {}),
};

/**
 * Appends to a file descriptor; patches write at an earlier position (a local header). Small
 * pieces (headers, deflate output) are copied into one reused 1 MB buffer at once, so the pieces
 * die young instead of waiting for a flush (and their memory with them); a big piece (an input
 * part copied as stored) is written as it is, never concatenated into a second copy.
 */
export class FileSink implements ByteSink {
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  /** File position of buffer[0]. */
  private position = 0;

  constructor(private readonly fd: number) {}

  write(bytes: Uint8Array): void {
    const big = bytes.length >= this.buffer.length >> 2;
    if (big || bytes.length > this.buffer.length - this.used) this.flush();
    if (big) {
      this.writeAt(bytes, this.position);
      this.position += bytes.length;
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  patch(position: number, bytes: Uint8Array): void {
    if (position >= this.position && position + bytes.length <= this.position + this.used) {
      this.buffer.set(bytes, position - this.position); // still in the buffer
      return;
    }
    if (position + bytes.length > this.position) this.flush();
    this.writeAt(bytes, position);
  }

  flush(): void {
    if (this.used === 0) return;
    this.writeAt(this.buffer.subarray(0, this.used), this.position);
    this.position += this.used;
    this.used = 0;
  }

  private writeAt(bytes: Uint8Array, position: number): void {
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(this.fd, bytes, off, bytes.length - off, position + off);
  }
}

/** Reads and checks the input (GraftError, WorkbookReadError before anything is written). */
export function openPackageFile(inputPath: string): InputPackage {
  // a Buffer is a Uint8Array: no second copy of the input
  return openPackage(fs.readFileSync(inputPath));
}

/**
 * Writes `outputPath`: the workbook at `inputPath` with `req`'s sheets grafted on (see graft.ts).
 * Never writes over the input; a failure leaves no output file behind.
 */
export async function graftWorkbookFile(inputPath: string | InputPackage, outputPath: string, req: GraftRequest, inputName?: string): Promise<GraftResult> {
  if (typeof inputPath === "string" && sameFile(inputPath, outputPath)) {
    throw new Error(`refusing to write over the input workbook: output "${outputPath}" is the same file as input "${inputPath}"; choose another output path`);
  }
  if (typeof inputPath !== "string" && inputName && sameFile(inputName, outputPath)) {
    throw new Error(`refusing to write over the input workbook: output "${outputPath}" is the same file as input "${inputName}"; choose another output path`);
  }
  const pkg = typeof inputPath === "string" ? openPackageFile(inputPath) : inputPath;
  let result: GraftResult | undefined;
  await atomically(outputPath, (tmp) => {
    const fd = fs.openSync(tmp, "w");
    try {
      const sink = new FileSink(fd);
      result = graftWorkbook(pkg, { zip: nodeZip, ...req }, sink);
      sink.flush();
    } finally {
      fs.closeSync(fd);
    }
  });
  return result!;
}
