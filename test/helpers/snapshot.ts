// A WorkbookSnapshot from TableSheetModels laid out as the writers lay them out (preamble, a blank
// row, header, data), so core tests can run on generated workbooks without a file.
import { CellValue, SheetSnapshot, TableSheetModel, WorkbookSnapshot, headerRowNumber } from "../../src/core/workbook";

export function sheetOf(m: TableSheetModel): SheetSnapshot {
  const rows: (CellValue[] | undefined)[] = [];
  (m.preamble ?? []).forEach((line) => rows.push([line]));
  if (m.preamble?.length) rows.push(undefined);
  const h = headerRowNumber(m);
  rows[h - 1] = m.columns.map((c) => c.header);
  for (const r of m.rows) rows.push(r);
  const last = h + m.rows.length;
  const tables = m.tableName ? [{ name: m.tableName, ref: `A${h}:${String.fromCharCode(64 + m.columns.length)}${last}`, headerRow: true }] : [];
  return { name: m.name, rows, tables };
}

export function snapshotOf(models: TableSheetModel[]): WorkbookSnapshot {
  return { sheets: models.map(sheetOf) };
}
