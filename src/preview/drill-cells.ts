// The preview's half of WorkbookHost.writeCells: a few cells written in place and rows added to the
// end of a table, through the grafting writer (src/adapters/xlsx/cell-edits.ts): only the sheets
// and tables touched are rewritten, every other part is copied as stored, so the charts of the
// report and of the input's sheets survive a drill edit.

import { graftWorkbook } from "../adapters/xlsx/graft";
import { cellEditsPatch } from "../adapters/xlsx/cell-edits";
import { MemorySink } from "../adapters/xlsx/zip-writer";
import type { CellEdits } from "../host-api";

/** The preview host's whole round trip: applies `edits` to the package `bytes`, returns the new package. */
export async function editWorkbookBytes(bytes: Uint8Array, edits: CellEdits): Promise<Uint8Array> {
  const sink = new MemorySink();
  graftWorkbook(bytes, { tables: [], patch: cellEditsPatch(edits) }, sink);
  return sink.bytes();
}
