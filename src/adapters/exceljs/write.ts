// ExcelJS writer adapter: renders the core's TableSheetModel sheets into NEW .xlsx files (`lossdesk
// sample`, `drill new`, `drill score --out`). The sheet rendering itself is in sheets.ts (no file
// system); this file adds files and streaming. An output made from an input workbook is never
// written here: the grafting writer (src/adapters/xlsx/graft.ts) keeps the input byte for byte.
//
// Layout of a rendered sheet (headerRowNumber/dataRowNumber in core/workbook.ts, which
// the readers and tests rely on): preamble lines in column A, rows 1..n, the first one bold; one
// blank row if there is a preamble; the header row; the data rows.
//
// Cell values:
// - strings are always plain text (shared strings), never formulas, whatever they start with
//   ("=", "+", "-", "@"). ExcelJS only writes <f> for {formula} objects, so passing the JS string
//   is enough; tests check the XML. Characters XML 1.0 cannot carry (C0 controls other than tab,
//   LF, CR) are dropped by ExcelJS; strings are cut at Excel's 32,767-character cell limit.
// - numbers as numbers; NaN and ±Infinity (which a .xlsx cannot hold) as the error #NUM!.
// - Dates as dates (serial numbers, UTC calendar day; a date column without a numFmt gets yyyy-mm-dd).
// - {error} as an Excel error value when it is one Excel knows ("#N/A", "#DIV/0!", ...), so the
//   reader gets the same {error} back; an unknown error text is written as an empty cell, because
//   Excel rejects the whole file for an unknown error code.
// - null as an empty cell (still carrying the column's number format).

import ExcelJS from "exceljs";
import { headerRowNumber, type TableRows, type TableSheetModel } from "../../core/workbook";
// The fs-free rendering lives in sheets.ts (shared with the browser preview), the widths in
// core/layout.ts; re-exported so existing imports of "adapters/exceljs/write" keep working.
import { addTableSheet, frozenView, toExcelValue } from "./sheets";
import { columnFormats, fitWidths } from "../../core/layout";
export { addTableSheet, replaceTableSheet, toExcelValue } from "./sheets";
export { fitWidths, textWidth } from "../../core/layout";

// the temp-file-and-rename and same-file rules are shared with the grafting writer
import { atomically } from "../xlsx/files";

export interface WriteOptions {
  /**
   * Stream rows to disk (ExcelJS.stream.xlsx.WorkbookWriter) instead of building the workbook in
   * memory: for big samples. The streaming writer of ExcelJS 4.4 has no tables (no addTable), so
   * there a model's tableName is ignored and the data is a plain range with an autofilter; every
   * reader we have finds it by its header row anyway.
   */
  streaming?: boolean;
}

export async function writeNewWorkbook(file: string, models: TableSheetModel<TableRows>[], opts: WriteOptions = {}): Promise<void> {
  checkUniqueNames(models);
  await atomically(file, async (tmp) => {
    if (opts.streaming) {
      await writeStreaming(tmp, models);
    } else {
      const wb = new ExcelJS.Workbook();
      wb.creator = "LossDesk";
      for (const m of models) addTableSheet(wb, m);
      await wb.xlsx.writeFile(tmp);
    }
  });
}

async function writeStreaming(file: string, models: TableSheetModel<TableRows>[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  wb.creator = "LossDesk";
  for (const model of models) {
    const headerRow = headerRowNumber(model);
    const nCols = model.columns.length;
    const ws = wb.addWorksheet(model.name, { views: frozenView(model, headerRow) });
    ws.columns = fitWidths(model).map((width) => ({ width }));
    if (nCols > 0) {
      ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + model.rows.length, column: nCols } };
    }
    (model.preamble ?? []).forEach((line, i) => {
      const row = ws.getRow(i + 1);
      row.getCell(1).value = toExcelValue(line);
      if (i === 0) row.getCell(1).font = { bold: true, size: 14 };
      row.commit();
    });
    const hr = ws.getRow(headerRow);
    model.columns.forEach((col, c) => (hr.getCell(c + 1).value = toExcelValue(col.header)));
    hr.font = { bold: true };
    hr.commit();
    // One style object per column, shared by its cells: the style registry then sees the same
    // object 200,000 times instead of 200,000 fresh ones.
    const styles = columnFormats(model).map((fmt) => (fmt ? ({ numFmt: fmt } as Partial<ExcelJS.Style>) : undefined));
    let r = 0;
    for (const src of model.rows) {
      const row = ws.getRow(headerRow + 1 + r++);
      for (let c = 0; c < nCols; c++) {
        const cell = row.getCell(c + 1);
        cell.value = toExcelValue(src[c] ?? null);
        const st = styles[c];
        if (st) cell.style = st;
      }
      row.commit();
    }
    await ws.commit();
  }
  await wb.commit();
}

function checkUniqueNames(models: { name: string }[]): void {
  const seen = new Set<string>();
  for (const m of models) {
    const key = m.name.toLowerCase(); // Excel sheet names are case-insensitive
    if (seen.has(key)) throw new Error(`two output sheets are named "${m.name}"`);
    seen.add(key);
  }
}
