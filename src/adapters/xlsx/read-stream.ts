// The .xlsx reader as streams of rows, for the streaming analysis (src/core/stream-input.ts): the
// package, the shared strings, the date styles and the tables are read once; each sheet can then be
// read as many times as the analysis needs (the first rows to find the tables, then one full pass
// per table), its rows handed over as they inflate and dropped. No snapshot of the cells is made.
// Platform-free like read-core.ts: the zip comes from the caller (zlib in Node, DecompressionStream
// in the browser).

import type { CellValue } from "../../core/workbook";
import type { StreamSheet, StreamWorkbook } from "../../core/stream-input";
import { rejectNonZip, toReadError } from "./errors";
import {
  SheetHandler, readPackage, readTables,
} from "./read-core";
import { XmlTokenizer, type XmlHandler } from "./xml";
import { placeBatch, type CellBatch } from "./cell-batches";
import type { ZipArchive } from "./zip-core";

/** Opens a workbook held in memory for streaming reads. Every failure is a WorkbookReadError. */
export async function openXlsxStream(bytes: Uint8Array, openZip: (bytes: Uint8Array) => ZipArchive): Promise<StreamWorkbook> {
  try {
    rejectNonZip(bytes);
    return await openWorkbookStream(openZip(bytes));
  } catch (err) {
    throw toReadError(err);
  }
}

/**
 * A sheet's cells read on another thread, as batches (cell-batches.ts): Node's worker in the CLI
 * (read-worker.ts). Given to openWorkbookStream, it reads the big sheets' whole passes.
 */
export type SheetBatches = (part: string, sheet: string) => AsyncIterable<CellBatch>;

export interface StreamOptions {
  batches?: SheetBatches;
  /** The uncompressed size from which a whole pass goes to `batches` (smaller sheets are not worth a thread). */
  batchBytes?: number;
}

/** 4 MB of sheet XML: some 6,000 holdings rows, about 0.15 s to read on one thread. */
const BATCH_BYTES = 4 << 20;

export async function openWorkbookStream(zip: ZipArchive, options: StreamOptions = {}): Promise<StreamWorkbook> {
  // The same package walk as readWorkbook (read-core.ts): what is skipped comes back as warnings.
  const pkg = await readPackage(zip);
  const sheets: StreamSheet[] = [];
  const batches = options.batches;
  for (const ws of pkg.worksheets) {
    const tables = await readTables(zip, ws.part, ws.name);
    const big = batches !== undefined && (zip.size?.(ws.part) ?? 0) >= (options.batchBytes ?? BATCH_BYTES);
    sheets.push({
      name: ws.name,
      tables,
      read: (onRow, how) => big && how?.whole
        ? readSheetBatches(batches(ws.part, ws.name), pkg, onRow)
        : readSheetStream(zip, ws.part, ws.name, () => new SheetHandler(pkg.sharedStrings, pkg.dateStyles, pkg.date1904), onRow),
    });
  }
  return pkg.warnings.length > 0 ? { sheets, warnings: pkg.warnings } : { sheets };
}

type OnRow = (r: number, row: CellValue[]) => boolean | void;

/**
 * Hands over the rows of `rows` before `upto` that are complete, emptying their slots: rows come
 * in order, so after each piece of a sheet every row before the last one seen is complete.
 */
class RowDrain {
  next = 0;
  last = -1;
  stopped = false;
  constructor(private readonly rows: (CellValue[] | undefined)[], private readonly onRow: OnRow) {}

  drain(upto: number): void {
    const rows = this.rows;
    for (; this.next < upto && !this.stopped; this.next++) {
      const row = rows[this.next];
      if (row === undefined) continue;
      rows[this.next] = undefined;
      this.last = this.next;
      if (this.onRow(this.next, row) === false) this.stopped = true;
    }
  }
}

/** How a piece of decoded text reaches the tokenizer; `last` marks the end of the part. */
export type FeedText = (tokenizer: XmlTokenizer, text: string, last: boolean) => void | Promise<void>;
const writeAll: FeedText = (tokenizer, text) => tokenizer.write(text);

/**
 * Inflates `part` into `handler` through the tokenizer, a piece at a time; after each piece
 * `after` says whether to go on. Throws what the zip or the XML throws, unwrapped. `feed` may
 * stand between the text and the tokenizer (the worker hands some rows to the main thread).
 */
export async function feedPart(
  zip: ZipArchive, part: string, handler: XmlHandler, after: () => boolean | Promise<boolean>, feed: FeedText = writeAll,
): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  let decoder: TextDecoder | undefined;
  for await (const chunk of zip.chunks(part)) {
    if (!decoder) {
      const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
      decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8");
    }
    await feed(tokenizer, decoder.decode(chunk, { stream: true }), false);
    if (!(await after())) return;
  }
  await feed(tokenizer, decoder ? decoder.decode() : "", true);
  tokenizer.end();
}

/**
 * One pass over a sheet part on this thread. The handler fills its row list as usual; complete
 * rows are handed over after each inflated piece. Stops as soon as onRow returns false.
 */
async function readSheetStream(zip: ZipArchive, part: string, sheet: string, handlerOf: () => SheetHandler, onRow: OnRow): Promise<number> {
  const handler = handlerOf();
  const d = new RowDrain(handler.rows, onRow);
  try {
    await feedPart(zip, part, handler, () => {
      d.drain(handler.rows.length - 1);
      return !d.stopped;
    });
    d.drain(handler.rows.length);
    return d.last;
  } catch (err) {
    throw toReadError(err, zip.resolve(part) ?? part, sheet);
  }
}

/** One pass over a sheet from batches read on another thread: the same rows as readSheetStream. */
async function readSheetBatches(
  batches: AsyncIterable<CellBatch>,
  pkg: { sharedStrings: string[]; dateStyles: boolean[]; date1904: boolean },
  onRow: OnRow,
): Promise<number> {
  const rows: (CellValue[] | undefined)[] = [];
  const d = new RowDrain(rows, onRow);
  for await (const b of batches) {
    placeBatch(b, rows, pkg.sharedStrings, pkg.dateStyles, pkg.date1904);
    d.drain(rows.length - 1);
    if (d.stopped) return d.last; // leaving the loop stops the other thread
  }
  d.drain(rows.length);
  return d.last;
}
