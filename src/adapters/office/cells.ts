// A few cells written in place, and rows added to the end of a table: what the pane's drill needs
// (a status, its time stamps, the score line, a log row), without rewriting any sheet.
//
// Two requests: the first finds where each table ends (the appended rows' number formats need
// their addresses); the second carries every append and every cell, so the log row and the stamps
// it explains land together. Excel does not roll a failed request back (what ran before the
// failing operation stays), so the rows go first: a log line whose stamp did not land is harmless,
// a stamp without its log line would read back as a time a person typed. Values go through
// toOfficeValue like every other write: text stays text, Dates become serials and get the format
// they are shown in.

import { Batch } from "./batch";
import { toOfficeValue, type OfficeValue } from "./values";
import { setNumberFormatAll } from "./write";
import type { CellEdits } from "../../host-api";

export async function writeCellEdits(batch: Batch, edits: CellEdits): Promise<void> {
  const wb = batch.context.workbook;
  const appends = edits.appends.filter((a) => a.rows.length > 0);

  // -- request 1: where the rows go
  const targets = appends.map((a) => {
    if (a.tableName) {
      const table = wb.tables.getItem(a.tableName);
      const range = table.getRange();
      range.load("rowIndex,rowCount,columnIndex");
      return { a, table, sheet: table.worksheet, range };
    }
    const sheet = wb.worksheets.getItem(a.sheet);
    const range = sheet.getUsedRange(true);
    range.load("rowIndex,rowCount,columnIndex");
    return { a, table: undefined, sheet, range };
  });
  if (targets.length > 0) await batch.sync();
  batch.checkAbort();

  // -- request 2: the rows, then the cells
  for (const { a, table, sheet, range } of targets) {
    const width = Math.max(1, ...a.rows.map((r) => r.length), a.numFmts?.length ?? 0);
    const values: OfficeValue[][] = a.rows.map((r) => Array.from({ length: width }, (_, c) => toOfficeValue(r[c] ?? null)));
    const row0 = range.rowIndex + range.rowCount;
    // a plain range's rows go below what the sheet holds, from column A as the pane laid them out
    const col0 = table ? range.columnIndex : 0;
    batch.write();
    if (table) table.rows.add(undefined, values); // the table grows with them: readers find them by the table name
    else sheet.getRangeByIndexes(row0, col0, values.length, width).values = values;
    a.numFmts?.forEach((fmt, c) => {
      if (!fmt) return;
      batch.write();
      setNumberFormatAll(sheet.getRangeByIndexes(row0, col0 + c, values.length, 1), fmt);
    });
  }
  for (const cell of edits.cells) {
    const range = wb.worksheets.getItem(cell.sheet).getRange(cell.address);
    batch.write();
    range.values = [[toOfficeValue(cell.value)]];
    if (cell.numFmt && cell.value instanceof Date) {
      batch.write();
      setNumberFormatAll(range, cell.numFmt);
    }
  }
  await batch.sync();
}
