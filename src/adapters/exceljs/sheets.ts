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
import { headerRowNumber, isCellError, type CellValue, type ColumnSpec, type TableSheetModel } from "../../core/workbook";

const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);
const MAX_CELL_TEXT = 32767;
const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
/** Rows looked at to fit column widths: enough to be representative, cheap on 200,000 rows. */
const WIDTH_SAMPLE_ROWS = 2000;
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

// ---- column widths ----

/** Display width in Excel "characters": CJK and full-width characters take two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

/** Roughly how wide the value shows under the number format (only needs to be close). */
function shownWidth(v: CellValue, numFmt: string | undefined): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === "string") return textWidth(v.length > 200 ? v.slice(0, 200) : v);
  if (typeof v === "boolean") return 5;
  if (v instanceof Date) return numFmt && /h/i.test(numFmt) ? 19 : 10;
  if (isCellError(v)) return v.error.length;
  if (!numFmt || numFmt === "General" || numFmt === "@") return String(v).length;
  const pct = numFmt.includes("%");
  const dot = numFmt.indexOf(".");
  const decimals = dot < 0 ? 0 : (/^[0#]*/.exec(numFmt.slice(dot + 1))?.[0].length ?? 0);
  const x = pct ? v * 100 : v;
  let s = Math.abs(x).toFixed(decimals);
  if (numFmt.includes(",")) {
    const [i, f] = s.split(".");
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (f !== undefined ? `.${f}` : "");
  }
  return s.length + (x < 0 ? 1 : 0) + (pct ? 1 : 0);
}

export function fitWidths(model: TableSheetModel): number[] {
  return model.columns.map((col, c) => {
    if (col.width !== undefined) return col.width;
    // +2 for the autofilter drop-down button on the header
    let w = textWidth(col.header) + 2;
    const rows = model.rows;
    const limit = Math.min(rows.length, WIDTH_SAMPLE_ROWS);
    for (let r = 0; r < limit; r++) w = Math.max(w, shownWidth(rows[r][c] ?? null, col.numFmt));
    // the last rows too: totals and appended rows are often the widest
    for (let r = Math.max(limit, rows.length - 20); r < rows.length; r++) w = Math.max(w, shownWidth(rows[r][c] ?? null, col.numFmt));
    return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1));
  });
}

export function columnFormats(model: TableSheetModel): (string | undefined)[] {
  // A date column without a format would show serial numbers; give it the ISO day.
  return model.columns.map((col, c) => {
    if (col.numFmt) return col.numFmt;
    const sample = model.rows.slice(0, 50).map((r) => r[c]).find((v) => v !== null && v !== undefined);
    return sample instanceof Date ? "yyyy-mm-dd" : undefined;
  });
}

/** Header texts usable as table column names: non-empty and unique (Excel repairs the file otherwise). */
function tableHeaders(columns: ColumnSpec[]): string[] {
  const seen = new Set<string>();
  return columns.map((col, i) => {
    let name = col.header.trim() === "" ? `列${i + 1}` : col.header;
    const base = name;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function lastCol(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export function frozenView(model: TableSheetModel, headerRow: number): Partial<ExcelJS.WorksheetView>[] {
  return model.freezeHeader ? [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}` }] : [];
}

// ---- in-memory workbook ----

/** Adds the model as a new worksheet of `wb` (non-streaming). */
export function addTableSheet(wb: ExcelJS.Workbook, model: TableSheetModel, tableNameOverride?: string): ExcelJS.Worksheet {
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

  const data = model.rows.map((row) => {
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
    if (nCols > 0) ws.autoFilter = `A${headerRow}:${lastCol(nCols)}${headerRow + Math.max(data.length, 0)}`;
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
export function replaceTableSheet(wb: ExcelJS.Workbook, model: TableSheetModel): ExcelJS.Worksheet {
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
