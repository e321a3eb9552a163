// ExcelJS renderer for the core's ReportSheetModel: the risk-assessment report, laid out for A4
// landscape printing. Charts are not drawn here (ExcelJS cannot write charts): the chart blocks
// only reserve rows and report their anchors; src/adapters/xlsx/charts.ts adds the chart parts to
// the written package (see writeWorkbookBytes below for the two steps together).
//
// Layout: blocks one under another on the grid of model.columnWidths columns (A, B, ...).
// Everything a block writes stays inside the grid, except one hidden marker column right after it
// (see "Finding an input area again").
//
// Finding an input area again (for regeneration; readInputAreas lives in core):
// - The box's first row carries, in the hidden column right after the grid, the text
//   `lossdesk:input:<key>` (inputMarker(key)). The analyst's text is the value of the grid's
//   first column (column A) in that same row: the box is merged across the grid, and a merged
//   range keeps its value in its top-left cell.
//   Why a marker cell: it needs nothing but cell values, so it works with today's SheetSnapshot
//   (which carries neither defined names nor merges nor comments), it survives Excel and
//   LibreOffice round-trips (it is a plain string cell), it moves with its row when the analyst
//   inserts or deletes rows above, and it does not depend on the label text, which the analyst
//   may edit and which changes with the locale. A hidden column is not printed.
// - In addition, a workbook-level defined name `LossDesk_<key>` (inputAreaName(key)) points at
//   the whole box. It is for the Office.js front end and for people (Name Box, Go To):
//   `context.workbook.names.getItem(name).getRange()` finds the box even if rows were inserted
//   inside it. Readers working on a SheetSnapshot should use the marker.
// - The label cell holds the label text only.
//
// Printing: A4 landscape, fit to one page wide and as many tall as needed, centred, the model's
// repeatRows as print titles, the footer from model.footer. Every page break is a manual one we
// place from an estimate of the page height (placePageBreaks), so charts, input boxes and short
// tables are never cut and a heading never ends a page, whatever Excel or LibreOffice would do.
// Text uses Microsoft YaHei 10 pt (present on every Windows with Office; elsewhere the system's
// CJK font stands in). Row heights are set explicitly from the text length (CJK counts double),
// because Excel never fits a row to merged cells and does not re-fit the rows of a file it opens.
//
// Every string is written as a string, never as a formula (ExcelJS writes <f> only for
// {formula} objects; toExcelValue never makes one).

import ExcelJS from "exceljs";
import type { CellValue, ChartSpec, ColumnSpec, InputArea, ReportBlock, ReportSheetModel } from "../../core/workbook";
import { textWidth, toExcelValue } from "./sheets";
import { addChartsToXlsx, parseRange, type CellAnchor, type ChartData, type ChartToAdd } from "../xlsx/charts";

export type { CellAnchor } from "../xlsx/charts";

// ---- markers ----

// the marker text is the core's: core/report.ts reads it back when regenerating
export { INPUT_MARKER_PREFIX, inputMarker } from "../../core/report";
import { inputMarker } from "../../core/report";

/**
 * The defined name pointing at an input box. Defined names allow letters, digits, "_" and ".";
 * any other character of the key becomes "_" followed by its code point in hex, so distinct keys
 * give distinct names.
 */
export function inputAreaName(key: string): string {
  let out = "LossDesk_";
  for (const ch of key) {
    if (/^[A-Za-z0-9_.]$/.test(ch)) out += ch;
    else out += `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

// ---- result ----

export interface RenderedInputArea {
  key: string;
  /** The label cell, e.g. "A20". */
  labelAddress: string;
  /** The merged box the analyst types into, e.g. "A21:H25" (its value is in the top-left cell). */
  address: string;
  /** The hidden marker cell in the box's first row, e.g. "I21". */
  markerAddress: string;
  /** Workbook-level defined name pointing at the box. */
  definedName: string;
  /** The text written into the box, and where it came from. */
  text: string;
  source: "previous" | "prefill";
}

export interface RenderedChart {
  chart: ChartSpec;
  /** 0-based: from the top-left of (column A, the block's first row) to the bottom-right of (the grid's last column, the block's last row). */
  anchor: CellAnchor;
}

export interface RenderedReport {
  sheet: ExcelJS.Worksheet;
  inputAreas: RenderedInputArea[];
  charts: RenderedChart[];
  /** Last row used by the report (1-based). */
  lastRow: number;
  /** Rows after which a manual page break was placed (1-based), to keep blocks on one page. */
  pageBreaksAfter: number[];
}

// ---- look ----

const FONT = "Microsoft YaHei"; // falls back to the system's CJK font where missing (LibreOffice: Noto CJK)
const BASE_SIZE = 10;
const LINE_PT = 14; // one line of 10-pt CJK text, with leading
const ROW_PT = 18; // an ordinary one-line row: a little air for printing
const HEADER_FILL = "FFD9E1F2";
const HEADING_FILL = "FF1F4E79";
const INPUT_FILL = "FFFFF2CC"; // light yellow: "type here"
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF8EA9C1" } };
const BOX: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBF9000" } };

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
const CHART_INSET_PT = 3;

// ---- page ----

/** A4 in points, and the margins we set (inches, as ExcelJS and Excel take them). */
const A4 = { w: 841.89, h: 595.28 };
const MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.65, header: 0.25, footer: 0.3 };

/** Column width in characters -> points, as Excel does it for an 11-pt Calibri-like default font. */
function colPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 3) / 4;
}

// ---- helpers ----

function colLetter(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number): string => `${colLetter(col)}${row}`;

/** Lines a text needs in a box `chars` wide (explicit newlines kept; CJK counts double). */
export function estimateLines(text: string, chars: number): number {
  // wrapped text never uses the full width: words break early, the cell has padding
  const usable = Math.max(2, chars * 0.95);
  let lines = 0;
  for (const line of text.split(/\r\n|\r|\n/)) lines += Math.max(1, Math.ceil(textWidth(line) / usable));
  return lines;
}

/**
 * A footer section as Excel header/footer code text. The codes a report footer needs stay codes:
 * &P (page), &N (pages), &A (sheet name) and && (a literal "&"); any other "&" is doubled so it
 * prints as itself ("R&D" would otherwise print the date, &D).
 */
function footerText(s: string): string {
  return s.replace(/&&|&[PNA]|&/g, (m) => (m === "&" ? "&&" : m));
}

function isNumberish(v: CellValue): boolean {
  return typeof v === "number" || v instanceof Date;
}

function removeNamesOnSheet(wb: ExcelJS.Workbook, sheetName: string): void {
  // ExcelJS keeps defined names as per-cell matrices keyed by name; a regenerated sheet would
  // otherwise add its new box to the old one's cells under the same name.
  const names = wb.definedNames as unknown as { matrixMap: Record<string, unknown> };
  for (const name of Object.keys(names.matrixMap)) {
    if (!name.startsWith("LossDesk_")) continue;
    const ranges = wb.definedNames.getRanges(name).ranges;
    if (ranges.length === 0 || ranges.some((r) => sheetOfRange(r).toLowerCase() === sheetName.toLowerCase())) delete names.matrixMap[name];
  }
}

function sheetOfRange(r: string): string {
  const bang = r.lastIndexOf("!");
  if (bang < 0) return "";
  const s = r.slice(0, bang);
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** ExcelJS orders tabs by the worksheet's orderNo, which its typings don't declare. */
function orderOf(ws: ExcelJS.Worksheet): { orderNo?: number } {
  return ws as unknown as { orderNo?: number };
}

// ---- the renderer ----

/**
 * Adds the report as a worksheet of `wb` (replacing a sheet of the same name, case-insensitively,
 * in its tab position). `previous` holds the analyst's texts from the earlier version of the
 * report, by input key; a non-blank one is written instead of the prefill.
 */
export function renderReportSheet(wb: ExcelJS.Workbook, model: ReportSheetModel, previous?: Record<string, string>): RenderedReport {
  const nCols = model.columnWidths.length;
  if (nCols === 0) throw new Error(`report "${model.name}": columnWidths is empty`);
  const gridChars = model.columnWidths.reduce((a, b) => a + b, 0);

  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === model.name.toLowerCase());
  const orderNo = old ? orderOf(old).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  removeNamesOnSheet(wb, model.name);

  const ws = wb.addWorksheet(model.name, { views: [{ showGridLines: false }] });
  if (orderNo !== undefined) orderOf(ws).orderNo = orderNo;
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const markerCol = nCols + 1;
  ws.getColumn(markerCol).hidden = true;
  // narrow too: unhidden by accident it barely shows (hidden columns are not printed either way)
  ws.getColumn(markerCol).width = 1;

  const heights = new Map<number, number>(); // row -> points, for the page-break estimate
  const setHeight = (row: number, pt: number): void => {
    ws.getRow(row).height = pt;
    heights.set(row, pt);
  };
  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: FONT, size: BASE_SIZE, ...extra });
  const mergeAcross = (row: number, lastRow = row): void => {
    if (nCols > 1 || lastRow > row) ws.mergeCells(row, 1, lastRow, nCols);
  };

  const inputAreas: RenderedInputArea[] = [];
  const charts: RenderedChart[] = [];
  /** [firstRow, lastRow, keepWithNext] of each block, for page breaks. */
  const spans: [number, number, boolean][] = [];
  const seenKeys = new Set<string>();
  let row = 1;

  const text = (row: number, col: number, value: string, f: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment>): ExcelJS.Cell => {
    const cell = ws.getCell(row, col);
    cell.value = toExcelValue(value);
    cell.font = f;
    cell.alignment = align;
    return cell;
  };

  for (let b = 0; b < model.blocks.length; b++) {
    const block: ReportBlock = model.blocks[b];
    const first = row;
    let keepWithNext = false;
    switch (block.kind) {
      case "title": {
        text(row, 1, block.text, font({ size: 16, bold: true, color: { argb: "FF1F4E79" } }), { horizontal: "center", vertical: "middle" });
        mergeAcross(row);
        setHeight(row, 30);
        row++;
        for (const line of block.subtitle ?? []) {
          text(row, 1, line, font({ size: 9, color: { argb: "FF595959" } }), { horizontal: "center", vertical: "middle", wrapText: true });
          mergeAcross(row);
          setHeight(row, Math.max(16, estimateLines(line, gridChars) * 12 + 4));
          row++;
        }
        // a thin rule under the title block
        for (let c = 1; c <= nCols; c++) ws.getCell(row - 1, c).border = { bottom: { style: "medium", color: { argb: "FF1F4E79" } } };
        setHeight(row, 8); // spacer
        row++;
        break;
      }
      case "heading": {
        text(row, 1, block.text, font({ size: 12, bold: true, color: { argb: "FFFFFFFF" } }), { vertical: "middle", indent: 1 });
        for (let c = 1; c <= nCols; c++) ws.getCell(row, c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADING_FILL } };
        mergeAcross(row);
        setHeight(row, 22);
        row++;
        keepWithNext = true; // a heading never ends a page
        break;
      }
      case "facts": {
        const labelMax = Math.max(0, ...block.rows.map((r) => textWidth(r.label)));
        // label columns: enough for the longest label, at most half the grid
        let labelCols = 1;
        let labelChars = model.columnWidths[0];
        while (labelCols < Math.floor(nCols / 2) && labelChars < labelMax + 2) labelChars += model.columnWidths[labelCols++];
        const valueChars = gridChars - labelChars;
        for (const f of block.rows) {
          text(row, 1, f.label, font({ color: { argb: "FF404040" } }), { vertical: "top", wrapText: true });
          const cell = ws.getCell(row, labelCols + 1);
          cell.value = toExcelValue(f.value);
          cell.font = font({ bold: true });
          cell.alignment = { horizontal: "left", vertical: "top", wrapText: typeof f.value === "string" };
          if (f.numFmt) cell.numFmt = f.numFmt;
          else if (f.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
          if (labelCols > 1) ws.mergeCells(row, 1, row, labelCols);
          if (labelCols + 1 < nCols) ws.mergeCells(row, labelCols + 1, row, nCols);
          for (let c = 1; c <= nCols; c++) ws.getCell(row, c).border = { bottom: { style: "hair", color: { argb: "FFBFBFBF" } } };
          const lines = Math.max(
            estimateLines(f.label, labelChars),
            typeof f.value === "string" ? estimateLines(f.value, valueChars) : 1,
          );
          setHeight(row, Math.max(ROW_PT, lines * LINE_PT + 4));
          row++;
        }
        row = spacer(row);
        break;
      }
      case "table": {
        row = renderTable(block.columns, block.rows, block.note, row);
        break;
      }
      case "paragraph": {
        text(row, 1, block.text, font(), { vertical: "top", wrapText: true });
        mergeAcross(row);
        setHeight(row, Math.max(ROW_PT, estimateLines(block.text, gridChars) * LINE_PT + 4));
        row++;
        row = spacer(row);
        break;
      }
      case "input": {
        const area: InputArea = block.area;
        if (seenKeys.has(area.key)) throw new Error(`report "${model.name}": two input areas have the key "${area.key}"`);
        seenKeys.add(area.key);
        const prev = previous?.[area.key];
        const useprev = prev !== undefined && prev.trim() !== "";
        const value = useprev ? prev : area.prefill;
        text(row, 1, area.label, font({ bold: true, color: { argb: "FF1F4E79" } }), { vertical: "bottom" });
        mergeAcross(row);
        setHeight(row, ROW_PT + 2);
        const labelRow = row;
        row++;
        const top = row;
        const nRows = Math.max(1, Math.floor(area.rows));
        const bottom = top + nRows - 1;
        const box = text(top, 1, value, font(), { vertical: "top", horizontal: "left", wrapText: true });
        box.protection = { locked: false };
        // merge first: ExcelJS copies the master's style over the whole range when merging
        mergeAcross(top, bottom);
        for (let r = top; r <= bottom; r++) {
          for (let c = 1; c <= nCols; c++) {
            const cell = ws.getCell(r, c);
            cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: INPUT_FILL } };
            // borders on the edge cells of the merged range: Excel draws a merged cell's border from them
            cell.border = {
              ...(r === top ? { top: BOX } : {}),
              ...(r === bottom ? { bottom: BOX } : {}),
              ...(c === 1 ? { left: BOX } : {}),
              ...(c === nCols ? { right: BOX } : {}),
            };
          }
        }
        // grow the rows if the text needs more lines than the box has, so the print shows it all
        const needPt = estimateLines(value, gridChars) * LINE_PT + 6;
        const perRow = Math.max(ROW_PT, Math.ceil(needPt / nRows));
        for (let r = top; r <= bottom; r++) setHeight(r, perRow);
        ws.getCell(top, markerCol).value = inputMarker(area.key);
        const boxAddress = `${addr(top, 1)}:${addr(bottom, nCols)}`;
        const name = inputAreaName(area.key);
        wb.definedNames.add(`${quoteSheet(model.name)}!$${colLetter(1)}$${top}:$${colLetter(nCols)}$${bottom}`, name);
        inputAreas.push({
          key: area.key,
          labelAddress: addr(labelRow, 1),
          address: boxAddress,
          markerAddress: addr(top, markerCol),
          definedName: name,
          text: value,
          source: useprev ? "previous" : "prefill",
        });
        row = bottom + 1;
        row = spacer(row);
        break;
      }
      case "chart": {
        const nRows = Math.max(1, Math.floor(block.rows));
        for (let r = row; r < row + nRows; r++) setHeight(r, ROW_PT);
        // The bottom-right corner is inside the block's last cell (the last column's right edge),
        // not at the top-left of the next cell: LibreOffice counts the cell an object ends in as
        // used, and a used column past the grid shrinks every printed page. The chart is inset by
        // CHART_INSET_PT at the top and bottom so its frame never touches a page break (LibreOffice
        // then draws the frame's edge at the foot of the previous page too).
        charts.push({
          chart: block.chart,
          anchor: {
            fromCol: 0,
            fromRow: row - 1,
            fromRowOff: CHART_INSET_PT * EMU_PER_PT,
            toCol: nCols - 1,
            toColOff: Math.trunc(model.columnWidths[nCols - 1] * 7 + 5) * EMU_PER_PX,
            toRow: row - 1 + nRows - 1,
            toRowOff: (ROW_PT - CHART_INSET_PT) * EMU_PER_PT,
          },
        });
        row += nRows;
        row = spacer(row);
        break;
      }
    }
    spans.push([first, row - 1, keepWithNext]);
  }
  const lastRow = row - 1;

  // ---- print setup ----
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9, // A4
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages tall as needed
    horizontalCentered: true,
    margins: { ...MARGINS },
    // No print area: ExcelJS 4.4 writes it half-relative ("$A1:$J99"), and the only cells outside
    // the grid are in the hidden marker column, which is not printed anyway.
  };
  if (model.repeatRows) {
    const [r1, r2] = model.repeatRows;
    if (!(Number.isInteger(r1) && Number.isInteger(r2) && r1 >= 1 && r2 >= r1)) {
      throw new Error(`report "${model.name}": repeatRows ${JSON.stringify(model.repeatRows)} is not a 1-based row range`);
    }
    pageSetup.printTitlesRow = `${r1}:${r2}`;
  }
  Object.assign(ws.pageSetup, pageSetup);
  ws.headerFooter.oddFooter =
    `&L${footerText(model.footer.left)}&C${footerText(model.footer.center)}&R${footerText(model.footer.right)}`;
  ws.headerFooter.evenFooter = ws.headerFooter.oddFooter;

  const pageBreaksAfter = placePageBreaks(spans, heights, model);
  for (const r of pageBreaksAfter) ws.getRow(r).addPageBreak();

  return { sheet: ws, inputAreas, charts, lastRow, pageBreaksAfter };

  // -- block renderers sharing the closure --

  function spacer(r: number): number {
    setHeight(r, 10);
    return r + 1;
  }

  function renderTable(columns: ColumnSpec[], rows: CellValue[][], note: string | undefined, start: number): number {
    if (columns.length > nCols) {
      throw new Error(`report "${model.name}": a table has ${columns.length} columns but the report grid only ${nCols}`);
    }
    let r = start;
    const headerLines = Math.max(1, ...columns.map((c, i) => estimateLines(c.header, model.columnWidths[i])));
    columns.forEach((col, c) => {
      const cell = text(r, c + 1, col.header, font({ bold: true }), { horizontal: "center", vertical: "middle", wrapText: true });
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    });
    setHeight(r, Math.max(ROW_PT + 2, headerLines * LINE_PT + 6));
    r++;
    for (const values of rows) {
      let lines = 1;
      columns.forEach((col, c) => {
        const v = values[c] ?? null;
        const cell = ws.getCell(r, c + 1);
        cell.value = toExcelValue(v);
        cell.font = font();
        cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
        const fmt = col.numFmt ?? (v instanceof Date ? "yyyy-mm-dd" : undefined);
        if (fmt) cell.numFmt = fmt;
        // A value that should fit on one line must not break mid-token (a phone number, a client
        // id) nor show "###" (a number a little too wide for its column, or a font a little wider
        // than the estimate): it shrinks to fit instead. Only text that clearly needs several
        // lines wraps (wrap and shrink exclude each other).
        const need = typeof v === "string" ? estimateLines(v, model.columnWidths[c]) : 1;
        if (need > 1) {
          cell.alignment = { vertical: "middle", wrapText: true };
          lines = Math.max(lines, need);
        } else {
          cell.alignment = { vertical: "middle", horizontal: isNumberish(v) ? "right" : typeof v === "string" ? "left" : "center", shrinkToFit: true };
        }
      });
      setHeight(r, Math.max(ROW_PT, lines * LINE_PT + 4));
      r++;
    }
    if (note) {
      text(r, 1, note, font({ size: 9, italic: true, color: { argb: "FF595959" } }), { vertical: "top", wrapText: true });
      mergeAcross(r);
      setHeight(r, Math.max(16, estimateLines(note, gridChars) * 12 + 4));
      r++;
    }
    return spacer(r);
  }
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Every page break is placed by us, so the printout does not depend on where Excel or LibreOffice
 * would break: a block that fits on one page is never cut in two (a chart, an input box, a short
 * table), a heading never ends a page, and a block longer than a page (a long table) is broken
 * between its rows. The page height is estimated from the fit-to-width scale and taken 5% short,
 * so an application never needs an automatic break of its own (which would shift every later
 * page); a page may come out a little under-full instead.
 */
function placePageBreaks(spans: [number, number, boolean][], heights: Map<number, number>, model: ReportSheetModel): number[] {
  const h = (r: number): number => heights.get(r) ?? 15;
  const sum = (a: number, b: number): number => {
    let t = 0;
    for (let r = a; r <= b; r++) t += h(r);
    return t;
  };
  const gridPt = model.columnWidths.reduce((a, w) => a + colPoints(w), 0);
  const printableW = A4.w - (MARGINS.left + MARGINS.right) * 72;
  const scale = Math.min(1, printableW / gridPt);
  const repeatPt = model.repeatRows ? sum(model.repeatRows[0], model.repeatRows[1]) : 0;
  const pagePt = ((A4.h - (MARGINS.top + MARGINS.bottom) * 72) / scale) * 0.95;
  const freshCap = pagePt - repeatPt; // a page after the first
  const breaks: number[] = [];
  let used = 0; // points used on the current page
  let firstPage = true;
  const cap = (): number => (firstPage ? pagePt : freshCap);
  const newPage = (row: number): void => {
    if (row > 1) breaks.push(row - 1);
    firstPage = false;
    used = 0;
  };
  /** What must start on the same page as the block's first row: all of it if it fits a page, else its first rows. */
  const headOf = (first: number, last: number): number => {
    const all = sum(first, last);
    return all <= freshCap ? all : sum(first, Math.min(last, first + 3));
  };
  for (let i = 0; i < spans.length; i++) {
    const [first, last, keepWithNext] = spans[i];
    let head = headOf(first, last);
    if (keepWithNext && i + 1 < spans.length) head = sum(first, last) + headOf(spans[i + 1][0], spans[i + 1][1]);
    if (used > 0 && used + head > cap()) newPage(first);
    for (let r = first; r <= last; r++) {
      // spacer rows may hang over the estimate (the 5% slack holds them); nothing moves for them
      if (used > 0 && used + h(r) > cap() && h(r) > 10) newPage(r);
      used += h(r);
    }
  }
  return breaks;
}

// ---- charts: data for the caches, and the two-step write ----

/** Reads the chart data (categories in the first column, one series per further column) from a worksheet. */
export function chartDataFromWorksheet(ws: ExcelJS.Worksheet, dataRef: string): ChartData {
  const { top, left, bottom, right } = parseRange(dataRef);
  const plain = (v: ExcelJS.CellValue): CellValue => {
    if (v === null || v === undefined) return null;
    if (typeof v === "object" && !(v instanceof Date)) {
      if ("result" in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
      if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
      if ("text" in v) return String((v as { text: unknown }).text);
      return null;
    }
    return v as CellValue;
  };
  const categories: (string | number | Date)[] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const v = plain(ws.getCell(r, left).value);
    categories.push(v === null ? "" : v instanceof Date || typeof v === "number" ? v : String(v));
  }
  const series: ChartData["series"] = [];
  for (let c = left + 1; c <= right; c++) {
    const name = plain(ws.getCell(top, c).value);
    const values: (number | null)[] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const v = plain(ws.getCell(r, c).value);
      values.push(typeof v === "number" && Number.isFinite(v) ? v : null);
    }
    series.push({ name: name === null ? `Series ${c - left}` : String(name), values });
  }
  return { categories, series };
}

/** The charts of a rendered report, with their cache data read from the workbook's data sheets. */
export function chartsOfReport(wb: ExcelJS.Workbook, report: RenderedReport): ChartToAdd[] {
  return report.charts.map(({ chart, anchor }) => {
    const data = wb.worksheets.find((ws) => ws.name === chart.dataSheet);
    if (!data) throw new Error(`chart "${chart.title}": data sheet "${chart.dataSheet}" is not in the workbook`);
    return { sheetName: report.sheet.name, chart, anchor, data: chartDataFromWorksheet(data, chart.dataRef) };
  });
}

/** Writes `wb` to bytes and adds the charts (ExcelJS cannot write them itself). */
export async function writeWorkbookBytes(wb: ExcelJS.Workbook, charts: ChartToAdd[]): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  const bytes = new Uint8Array(buf as ArrayBuffer);
  return charts.length > 0 ? addChartsToXlsx(bytes, charts) : bytes;
}
