// Sheet layout, pure: column widths of a table sheet, and the risk-assessment report as a plan of
// cell values, per-cell styles, merges, borders, row heights, input boxes, chart rows and page
// breaks. Both writers render from here: the ExcelJS one (adapters/exceljs: the CLI and the
// browser preview) and the Office.js one (adapters/office: inside Excel). One layout, so a report
// written inside Excel and one written by the CLI look, print and regenerate alike.
//
// Why here and not in an adapter: the task pane bundle must not pull in ExcelJS or Node's fs, and
// the ExcelJS adapter must not depend on Office.js; the core is what both may import (and it stays
// testable without either). This module therefore imports nothing but other core modules
// (test/core-purity.test.ts).
//
// Report layout: blocks one under another on the grid of model.columnWidths columns (A, B, ...).
// Everything a block writes stays inside the grid, except one hidden marker column right after it:
// an input box's first row carries `lossdesk:input:<key>` there (core/report.ts reads it back when
// regenerating; the adapters say why a marker cell). Row heights are set explicitly from the text
// length (CJK counts double), because Excel never fits a row to merged cells and does not re-fit
// the rows of a file it opens. Every page break is placed here (placePageBreaks), so charts, input
// boxes and short tables are never cut and a heading never ends a page, whatever Excel or
// LibreOffice would do.
//
// Styles are in a neutral form (CellStyle, BorderOp: colours "#RRGGBB", Office.js-like names); each
// adapter translates them to its API.

import { isCellError, type CellValue, type ChartSpec, type ColumnSpec, type ReportBlock, type ReportSheetModel, type TableRows, type TableSheetModel } from "./workbook";
import { colLetter } from "./sheet-address";
import { groupThousands } from "./format";
import { inputMarker } from "./report";

// ---- text widths and table sheets ----

const MAX_WIDTH = 60;
const MIN_WIDTH = 6;
/** Rows looked at to fit column widths: enough to be representative, cheap on 200,000 rows. */
const WIDTH_SAMPLE_ROWS = 2000;

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
    s = groupThousands(s);
  }
  return s.length + (x < 0 ? 1 : 0) + (pct ? 1 : 0);
}

/** Column widths in characters of a table sheet (a sample of rows, clamped 6..60); a column's own width wins. */
export function fitWidths(model: TableSheetModel<TableRows>): number[] {
  // +2 for the autofilter drop-down button on the header
  const widths = model.columns.map((col) => textWidth(col.header) + 2);
  const open = model.columns.map((col, c) => c).filter((c) => model.columns[c].width === undefined);
  const rows = model.rows;
  const n = rows.length;
  const limit = Math.min(n, WIDTH_SAMPLE_ROWS);
  // each sampled row taken once (rows may be produced on demand): the first ones, and the last
  // rows too, since totals and appended rows are often the widest
  const measure = (r: number): void => {
    const row = rows.at(r);
    if (!row) return;
    for (const c of open) widths[c] = Math.max(widths[c], shownWidth(row[c] ?? null, model.columns[c].numFmt));
  };
  if (open.length > 0) {
    for (let r = 0; r < limit; r++) measure(r);
    for (let r = Math.max(limit, n - 20); r < n; r++) measure(r);
  }
  return model.columns.map((col, c) => (col.width !== undefined ? col.width : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 1))));
}

/** A date column without a format would show serial numbers: give it the ISO day. */
export function columnFormats(model: TableSheetModel<TableRows>): (string | undefined)[] {
  const sample: CellValue[][] = [];
  if (model.columns.some((col) => !col.numFmt)) {
    for (let r = 0; r < Math.min(50, model.rows.length); r++) sample.push(model.rows.at(r)!);
  }
  return model.columns.map((col, c) => {
    if (col.numFmt) return col.numFmt;
    const first = sample.map((r) => r[c]).find((v) => v !== null && v !== undefined);
    return first instanceof Date ? "yyyy-mm-dd" : undefined;
  });
}

/** Header texts usable as table column names: non-empty and unique (Excel repairs or renames them otherwise). */
export function tableHeaders(columns: ColumnSpec[]): string[] {
  const seen = new Set<string>();
  return columns.map((col, i) => {
    let name = col.header.trim() === "" ? `列${i + 1}` : col.header;
    const base = name;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Column width in characters -> points, as Excel does it (a character is 7 px at 96 dpi, plus 5 px padding). */
export function charsToPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 3) / 4;
}

// ---- report text helpers ----

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
export function footerText(s: string): string {
  return s.replace(/&&|&[PNA]|&/g, (m) => (m === "&" ? "&&" : m));
}

/**
 * The workbook-level defined name pointing at an input box. Defined names allow letters, digits,
 * "_" and "."; any other character of the key becomes "_" followed by its code point in hex, so
 * distinct keys give distinct names.
 */
export function inputAreaName(key: string): string {
  let out = "LossDesk_";
  for (const ch of key) {
    if (/^[A-Za-z0-9_.]$/.test(ch)) out += ch;
    else out += `_${(ch.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return out;
}

// ---- the report plan ----

export interface FontStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB" */
  color?: string;
}

/** What a cell looks like, beyond the sheet's base font. */
export interface CellStyle {
  font?: FontStyle;
  fill?: string;
  horizontal?: "Left" | "Center" | "Right";
  vertical?: "Top" | "Center" | "Bottom";
  wrap?: boolean;
  shrink?: boolean;
  indent?: number;
  unlocked?: boolean;
  numFmt?: string;
}

export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";
export interface BorderOp {
  /** 1-based inclusive rectangle. */
  r0: number; c0: number; r1: number; c1: number;
  sides: BorderSide[];
  style: "Continuous" | "Dot";
  weight: "Hairline" | "Thin" | "Medium";
  color: string;
}

export interface Rect { r0: number; c0: number; r1: number; c1: number }

export interface PlannedInputArea {
  key: string;
  /** The label cell, e.g. "A20". */
  labelAddress: string;
  /** The merged box the analyst types into, e.g. "A21:J25" (its value is in the top-left cell). */
  address: string;
  /** The hidden marker cell in the box's first row, e.g. "K21". */
  markerAddress: string;
  /** The workbook-level defined name the writers point at the box (inputAreaName). */
  definedName: string;
  /** The text written into the box. */
  text: string;
}

export interface PlannedChart {
  chart: ChartSpec;
  /** 1-based rows the chart covers on the report sheet (it spans the grid's columns). */
  firstRow: number;
  lastRow: number;
}

export interface ReportPlan {
  nCols: number;
  /** 1-based column of the hidden marker column (nCols + 1). */
  markerCol: number;
  lastRow: number;
  /** grid[r-1][c-1] for rows 1..lastRow, columns 1..markerCol. */
  grid: CellValue[][];
  styles: (CellStyle | undefined)[][];
  merges: Rect[];
  borders: BorderOp[];
  /** Row -> height in points. */
  heights: Map<number, number>;
  inputAreas: PlannedInputArea[];
  charts: PlannedChart[];
  pageBreaksAfter: number[];
}

/** Present on every Windows with Office; elsewhere the system's CJK font stands in (LibreOffice: Noto CJK). */
export const REPORT_FONT = "Microsoft YaHei";
export const BASE_SIZE = 10;
const LINE_PT = 14; // one line of 10-pt CJK text, with leading
const ROW_PT = 18; // an ordinary one-line row: a little air for printing
const HEADER_FILL = "#D9E1F2";
const HEADING_FILL = "#1F4E79";
const INPUT_FILL = "#FFF2CC"; // light yellow: "type here"
const THIN_COLOR = "#8EA9C1";
const BOX_COLOR = "#BF9000";

/** A4 in points, and the margins we set (inches, as Excel takes them). */
export const A4 = { w: 841.89, h: 595.28 };
export const MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.65, header: 0.25, footer: 0.3 };

/**
 * The report laid out. Throws on a model no writer could render (no columns, a table wider than
 * the grid, two input boxes with one key, repeatRows that are not a row range), before anything is
 * written.
 */
export function planReport(model: ReportSheetModel): ReportPlan {
  const nCols = model.columnWidths.length;
  if (nCols === 0) throw new Error(`report "${model.name}": columnWidths is empty`);
  const gridChars = model.columnWidths.reduce((a, b) => a + b, 0);
  const markerCol = nCols + 1;

  const grid: CellValue[][] = [];
  const styles: (CellStyle | undefined)[][] = [];
  const merges: Rect[] = [];
  const borders: BorderOp[] = [];
  const heights = new Map<number, number>();
  const inputAreas: PlannedInputArea[] = [];
  const charts: PlannedChart[] = [];
  const spans: [number, number, boolean][] = [];
  const seenKeys = new Set<string>();

  const ensure = (row: number): void => {
    while (grid.length < row) {
      grid.push(new Array<CellValue>(markerCol).fill(null));
      styles.push(new Array<CellStyle | undefined>(markerCol).fill(undefined));
    }
  };
  const put = (row: number, col: number, value: CellValue, style?: CellStyle): void => {
    ensure(row);
    grid[row - 1][col - 1] = value;
    if (style) styles[row - 1][col - 1] = { ...styles[row - 1][col - 1], ...style };
  };
  const styleRect = (r0: number, c0: number, r1: number, c1: number, style: CellStyle): void => {
    ensure(r1);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) styles[r - 1][c - 1] = { ...styles[r - 1][c - 1], ...style };
  };
  const setHeight = (row: number, pt: number): void => {
    ensure(row);
    heights.set(row, pt);
  };
  const mergeAcross = (row: number, lastRow = row): void => {
    if (nCols > 1 || lastRow > row) merges.push({ r0: row, c0: 1, r1: lastRow, c1: nCols });
  };
  const spacer = (r: number): number => {
    setHeight(r, 10);
    return r + 1;
  };

  let row = 1;
  for (let b = 0; b < model.blocks.length; b++) {
    const block: ReportBlock = model.blocks[b];
    const first = row;
    let keepWithNext = false;
    switch (block.kind) {
      case "title": {
        put(row, 1, block.text, { font: { size: 16, bold: true, color: "#1F4E79" }, horizontal: "Center", vertical: "Center" });
        mergeAcross(row);
        setHeight(row, 30);
        row++;
        for (const line of block.subtitle ?? []) {
          put(row, 1, line, { font: { size: 9, color: "#595959" }, horizontal: "Center", vertical: "Center", wrap: true });
          mergeAcross(row);
          setHeight(row, Math.max(16, estimateLines(line, gridChars) * 12 + 4));
          row++;
        }
        // a rule under the title block
        borders.push({ r0: row - 1, c0: 1, r1: row - 1, c1: nCols, sides: ["EdgeBottom"], style: "Continuous", weight: "Medium", color: "#1F4E79" });
        setHeight(row, 8); // spacer
        row++;
        break;
      }
      case "heading": {
        put(row, 1, block.text, { font: { size: 12, bold: true, color: "#FFFFFF" }, vertical: "Center", indent: 1 });
        styleRect(row, 1, row, nCols, { fill: HEADING_FILL });
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
        const top = row;
        for (const f of block.rows) {
          put(row, 1, f.label, { font: { color: "#404040" }, vertical: "Top", wrap: true });
          const numFmt = f.numFmt ?? (f.value instanceof Date ? "yyyy-mm-dd" : undefined);
          put(row, labelCols + 1, f.value, {
            font: { bold: true }, horizontal: "Left", vertical: "Top", wrap: typeof f.value === "string", ...(numFmt ? { numFmt } : {}),
          });
          if (labelCols > 1) merges.push({ r0: row, c0: 1, r1: row, c1: labelCols });
          if (labelCols + 1 < nCols) merges.push({ r0: row, c0: labelCols + 1, r1: row, c1: nCols });
          const lines = Math.max(estimateLines(f.label, labelChars), typeof f.value === "string" ? estimateLines(f.value, valueChars) : 1);
          setHeight(row, Math.max(ROW_PT, lines * LINE_PT + 4));
          row++;
        }
        if (row > top) {
          // every fact row has a hairline under it: the block's bottom edge plus the lines between its rows
          borders.push({ r0: top, c0: 1, r1: row - 1, c1: nCols, sides: ["EdgeBottom", "InsideHorizontal"], style: "Continuous", weight: "Hairline", color: "#BFBFBF" });
        }
        row = spacer(row);
        break;
      }
      case "table": {
        row = planTable(block.columns, block.rows, block.note, row);
        break;
      }
      case "paragraph": {
        put(row, 1, block.text, { vertical: "Top", wrap: true });
        mergeAcross(row);
        setHeight(row, Math.max(ROW_PT, estimateLines(block.text, gridChars) * LINE_PT + 4));
        row++;
        row = spacer(row);
        break;
      }
      case "input": {
        const area = block.area;
        if (seenKeys.has(area.key)) throw new Error(`report "${model.name}": two input areas have the key "${area.key}"`);
        seenKeys.add(area.key);
        // The core already put the analyst's earlier text (read from the sheet being replaced) into
        // `prefill` (core/report.ts readAnalystText), so the box shows prefill. The input box is
        // merged across the grid; its text is in the top-left cell, the fill and the unlocking on
        // every cell, and the box edge on the edge cells (Excel draws a merged cell's border from them).
        const value = area.prefill;
        put(row, 1, area.label, { font: { bold: true, color: "#1F4E79" }, vertical: "Bottom" });
        mergeAcross(row);
        setHeight(row, ROW_PT + 2);
        const labelRow = row;
        row++;
        const top = row;
        const nRows = Math.max(1, Math.floor(area.rows));
        const bottom = top + nRows - 1;
        put(top, 1, value, { vertical: "Top", horizontal: "Left", wrap: true });
        styleRect(top, 1, bottom, nCols, { fill: INPUT_FILL, unlocked: true });
        mergeAcross(top, bottom);
        borders.push({ r0: top, c0: 1, r1: bottom, c1: nCols, sides: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"], style: "Continuous", weight: "Thin", color: BOX_COLOR });
        // grow the rows if the text needs more lines than the box has, so the print shows it all
        const needPt = estimateLines(value, gridChars) * LINE_PT + 6;
        const perRow = Math.max(ROW_PT, Math.ceil(needPt / nRows));
        for (let r = top; r <= bottom; r++) setHeight(r, perRow);
        put(top, markerCol, inputMarker(area.key));
        inputAreas.push({
          key: area.key,
          labelAddress: `A${labelRow}`,
          address: `A${top}:${colLetter(nCols - 1)}${bottom}`,
          markerAddress: `${colLetter(markerCol - 1)}${top}`,
          definedName: inputAreaName(area.key),
          text: value,
        });
        row = bottom + 1;
        row = spacer(row);
        break;
      }
      case "chart": {
        const nRows = Math.max(1, Math.floor(block.rows));
        // the rows are only reserved: each writer places its chart over them
        for (let r = row; r < row + nRows; r++) setHeight(r, ROW_PT);
        charts.push({ chart: block.chart, firstRow: row, lastRow: row + nRows - 1 });
        row += nRows;
        row = spacer(row);
        break;
      }
    }
    spans.push([first, row - 1, keepWithNext]);
  }
  const lastRow = row - 1;
  ensure(lastRow);
  if (model.repeatRows) {
    const [r1, r2] = model.repeatRows;
    if (!(Number.isInteger(r1) && Number.isInteger(r2) && r1 >= 1 && r2 >= r1)) {
      throw new Error(`report "${model.name}": repeatRows ${JSON.stringify(model.repeatRows)} is not a 1-based row range`);
    }
  }
  const pageBreaksAfter = placePageBreaks(spans, heights, model);
  return { nCols, markerCol, lastRow, grid, styles, merges, borders, heights, inputAreas, charts, pageBreaksAfter };

  function planTable(columns: ColumnSpec[], rows: CellValue[][], note: string | undefined, start: number): number {
    if (columns.length > nCols) throw new Error(`report "${model.name}": a table has ${columns.length} columns but the report grid only ${nCols}`);
    let r = start;
    const headerLines = Math.max(1, ...columns.map((c, i) => estimateLines(c.header, model.columnWidths[i])));
    columns.forEach((col, c) => put(r, c + 1, col.header, { font: { bold: true }, horizontal: "Center", vertical: "Center", wrap: true, fill: HEADER_FILL }));
    setHeight(r, Math.max(ROW_PT + 2, headerLines * LINE_PT + 6));
    const tableTop = r;
    r++;
    for (const values of rows) {
      let lines = 1;
      columns.forEach((col, c) => {
        const v = values[c] ?? null;
        const fmt = col.numFmt ?? (v instanceof Date ? "yyyy-mm-dd" : undefined);
        const need = typeof v === "string" ? estimateLines(v, model.columnWidths[c]) : 1;
        const numberish = typeof v === "number" || v instanceof Date;
        // A value that should fit on one line must not break mid-token (a phone number, a client
        // id) nor show "###" (a number a little too wide for its column, or a font a little wider
        // than the estimate): it shrinks to fit instead. Only text that clearly needs several
        // lines wraps (wrap and shrink exclude each other).
        const style: CellStyle =
          need > 1
            ? { vertical: "Center", wrap: true }
            : { vertical: "Center", horizontal: numberish ? "Right" : typeof v === "string" ? "Left" : "Center", shrink: true };
        if (fmt) style.numFmt = fmt;
        put(r, c + 1, v, style);
        if (need > 1) lines = Math.max(lines, need);
      });
      setHeight(r, Math.max(ROW_PT, lines * LINE_PT + 4));
      r++;
    }
    if (columns.length > 0) {
      // every table cell has a thin box: the outer edges plus all inner lines
      borders.push({
        r0: tableTop, c0: 1, r1: r - 1, c1: columns.length,
        sides: ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"],
        style: "Continuous", weight: "Thin", color: THIN_COLOR,
      });
    }
    if (note) {
      put(r, 1, note, { font: { size: 9, italic: true, color: "#595959" }, vertical: "Top", wrap: true });
      mergeAcross(r);
      setHeight(r, Math.max(16, estimateLines(note, gridChars) * 12 + 4));
      r++;
    }
    return spacer(r);
  }
}

/**
 * Every page break is placed by us, so the printout does not depend on where Excel or LibreOffice
 * would break: a block that fits on one page is never cut in two (a chart, an input box, a short
 * table), a heading never ends a page, and a block longer than a page (a long table) is broken
 * between its rows. The page height is estimated from the fit-to-width scale (A4 landscape, one
 * page wide, the margins above) and taken 5% short, so an application never needs an automatic
 * break of its own (which would shift every later page); a page may come out a little under-full
 * instead. `spans` are [firstRow, lastRow, keepWithNext] of each block.
 */
function placePageBreaks(spans: [number, number, boolean][], heights: Map<number, number>, model: ReportSheetModel): number[] {
  const h = (r: number): number => heights.get(r) ?? 15;
  const sum = (a: number, b: number): number => {
    let t = 0;
    for (let r = a; r <= b; r++) t += h(r);
    return t;
  };
  const gridPt = model.columnWidths.reduce((a, w) => a + charsToPoints(w), 0);
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
