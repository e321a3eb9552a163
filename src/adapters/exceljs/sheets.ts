// ExcelJS sheet rendering without any file system: the core's TableSheetModel into a worksheet of an
// in-memory ExcelJS workbook. write.ts (Node: files, streaming, atomic rename) and the browser
// preview (src/preview/host.ts) both build on it; it imports no Node module so the preview's
// lazily loaded ExcelJS chunk needs no fs/path stand-ins for it.
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
import { headerRowNumber, isCellError, type CellValue, type TableRows, type TableSheetModel } from "../../core/workbook";
import { colLetter } from "../../core/sheet-address";
import { columnFormats, fitWidths, tableHeaders } from "../../core/layout";

const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);
const MAX_CELL_TEXT = 32767;
const TABLE_STYLE = "TableStyleMedium2";

export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : ({ error: "#NUM!" } as ExcelJS.CellErrorValue);
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (isCellError(v)) return EXCEL_ERRORS.has(v.error) ? ({ error: v.error } as ExcelJS.CellErrorValue) : null;
  return null;
}

// Column widths, date formats and table header names are the core's (core/layout.ts), shared with
// the Office.js writer so a sheet written in Excel and one written here come out alike.

export function frozenView(model: Pick<TableSheetModel, "freezeHeader">, headerRow: number): Partial<ExcelJS.WorksheetView>[] {
  return model.freezeHeader ? [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }] : [];
}

// ---- in-memory workbook ----

/** Adds the model as a new worksheet of `wb` (non-streaming). */
export function addTableSheet(wb: ExcelJS.Workbook, model: TableSheetModel<TableRows>, tableNameOverride?: string): ExcelJS.Worksheet {
  const headerRow = headerRowNumber(model);
  const ws = wb.addWorksheet(model.name, { views: frozenView(model, headerRow) });
  const widths = fitWidths(model);
  const formats = columnFormats(model);
  const nCols = model.columns.length;

  (model.preamble ?? []).forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = toExcelValue(line);
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  const data = Array.from(model.rows, (row) => {
    const out: ExcelJS.CellValue[] = new Array(nCols);
    for (let c = 0; c < nCols; c++) out[c] = toExcelValue(row[c] ?? null);
    return out;
  });
  const tableName = tableNameOverride ?? model.tableName;
  // Excel insists a table has at least one data row; an empty result is written as a plain range.
  if (tableName && data.length > 0) {
    ws.addTable({
      name: tableName,
      ref: `A${headerRow}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: TABLE_STYLE, showRowStripes: true },
      columns: tableHeaders(model.columns).map((name) => ({ name, filterButton: true })),
      rows: data,
    });
  } else {
    const hr = ws.getRow(headerRow);
    model.columns.forEach((col, c) => (hr.getCell(c + 1).value = toExcelValue(col.header)));
    hr.font = { bold: true };
    data.forEach((values, r) => {
      const row = ws.getRow(headerRow + 1 + r);
      for (let c = 0; c < nCols; c++) if (values[c] !== null) row.getCell(c + 1).value = values[c];
    });
    if (nCols > 0) ws.autoFilter = `A${headerRow}:${colLetter(nCols - 1)}${headerRow + Math.max(data.length, 0)}`;
  }
  // number formats on the data cells only (not on the header or the preamble)
  formats.forEach((fmt, c) => {
    if (!fmt) return;
    for (let r = 0; r < data.length; r++) ws.getCell(headerRow + 1 + r, c + 1).numFmt = fmt;
  });
  // dropdowns (status columns): on the data rows plus some empty rows below, so rows people add
  // to the sheet get the same choices
  model.columns.forEach((col, c) => {
    if (!col.list?.length) return;
    const formula = `"${col.list.map((x) => x.replace(/"/g, '""')).join(",")}"`;
    const last = headerRow + Math.max(data.length, 1) + (col.listExtraRows ?? 0);
    for (let r = headerRow + 1; r <= last; r++) {
      ws.getCell(r, c + 1).dataValidation = {
        type: "list", allowBlank: true, formulae: [formula], showErrorMessage: !col.listAllowOther,
        errorStyle: col.listAllowOther ? "warning" : "stop",
      };
    }
  });
  return ws;
}

/**
 * Puts `model` into `wb`: a sheet whose name equals the model's (case-insensitively, as Excel
 * compares) is replaced in its tab position, else the sheet is added at the end. That is how a
 * generated sheet is regenerated.
 */
export function replaceTableSheet(wb: ExcelJS.Workbook, model: TableSheetModel<TableRows>): ExcelJS.Worksheet {
  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === model.name.toLowerCase());
  const orderNo = old ? orderOf(old).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  // Table names are unique across the workbook; a kept sheet may already use ours (e.g. a copy
  // of an earlier result sheet), so take the next free name rather than write a broken file.
  let tableName = model.tableName;
  if (tableName) {
    const taken = new Set<string>();
    for (const ws of wb.worksheets) for (const t of tableNamesOf(ws)) taken.add(t.toLowerCase());
    const base = tableName;
    for (let k = 2; taken.has(tableName.toLowerCase()); k++) tableName = `${base}_${k}`;
  }
  const ws = addTableSheet(wb, model, tableName);
  if (orderNo !== undefined) orderOf(ws).orderNo = orderNo;
  return ws;
}

/** ExcelJS orders tabs by the worksheet's orderNo, which its typings don't declare. */
function orderOf(ws: ExcelJS.Worksheet): { orderNo?: number } {
  return ws as unknown as { orderNo?: number };
}

function tableNamesOf(ws: ExcelJS.Worksheet): string[] {
  // getTables() returns Table objects at run time, though the typings say tuples
  return (ws.getTables() as unknown as { name?: string }[]).map((t) => t.name ?? "").filter((n) => n !== "");
}
