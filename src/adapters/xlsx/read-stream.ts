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
import { XmlTokenizer } from "./xml";
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

export async function openWorkbookStream(zip: ZipArchive): Promise<StreamWorkbook> {
  // The same package walk as readWorkbook (read-core.ts): what is skipped comes back as warnings.
  const pkg = await readPackage(zip);
  const sheets: StreamSheet[] = [];
  for (const ws of pkg.worksheets) {
    const tables = await readTables(zip, ws.part, ws.name);
    sheets.push({
      name: ws.name,
      tables,
      read: (onRow) => readSheetStream(zip, ws.part, ws.name, () => new SheetHandler(pkg.sharedStrings, pkg.dateStyles, pkg.date1904), onRow),
    });
  }
  return pkg.warnings.length > 0 ? { sheets, warnings: pkg.warnings } : { sheets };
}

/**
 * One pass over a sheet part. The handler fills its row list as usual; after each inflated piece
 * the rows before the last one are complete (rows come in order), so they are handed over and
 * their slots emptied. Stops as soon as onRow returns false.
 */
async function readSheetStream(
  zip: ZipArchive,
  part: string,
  sheet: string,
  handlerOf: () => SheetHandler,
  onRow: (r: number, row: CellValue[]) => boolean | void,
): Promise<number> {
  const handler = handlerOf();
  const rows = handler.rows;
  let next = 0;
  let last = -1;
  let stopped = false;
  const drain = (upto: number): void => {
    for (; next < upto && !stopped; next++) {
      const row = rows[next];
      if (row === undefined) continue;
      rows[next] = undefined;
      last = next;
      if (onRow(next, row) === false) stopped = true;
    }
  };
  try {
    const tokenizer = new XmlTokenizer(handler);
    let decoder: TextDecoder | undefined;
    for await (const chunk of zip.chunks(part)) {
      if (!decoder) {
        const utf16 = chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff));
        decoder = new TextDecoder(utf16 ? (chunk[0] === 0xff ? "utf-16le" : "utf-16be") : "utf-8");
      }
      tokenizer.write(decoder.decode(chunk, { stream: true }));
      drain(rows.length - 1);
      if (stopped) return last;
    }
    if (decoder) tokenizer.write(decoder.decode());
    tokenizer.end();
    drain(rows.length);
    return last;
  } catch (err) {
    throw toReadError(err, zip.resolve(part) ?? part, sheet);
  }
}
