// ExcelJS renderer for the core's ReportSheetModel: the risk-assessment report, laid out for A4
// landscape printing. The layout itself (rows, heights, merges, values, styles, input boxes, chart
// rows, page breaks) is the core's plan (core/layout.ts planReport), the same one the Office.js
// writer sends to Excel; this module only translates it into ExcelJS cells and adds what is
// ExcelJS's own: chart anchors in EMU, the input boxes' defined names, the hidden marker column,
// print setup and footers, and the removal of an earlier version's names on regeneration.
// Charts are not drawn here (ExcelJS cannot write charts): the chart blocks only reserve rows and
// report their anchors; src/adapters/xlsx/charts.ts adds the chart parts to the written package
// (see writeWorkbookBytes below for the two steps together).
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
// repeatRows as print titles, the footer from model.footer, and the plan's manual page breaks.
//
// Every string is written as a string, never as a formula (ExcelJS writes <f> only for
// {formula} objects; toExcelValue never makes one).

import ExcelJS from "exceljs";
import type { CellValue, ChartSpec, ReportSheetModel } from "../../core/workbook";
import { quoteSheetName, unquoteSheetName } from "../../core/sheet-address";
import { BASE_SIZE, MARGINS, REPORT_FONT, footerText, planReport, type BorderOp, type CellStyle, type PlannedInputArea, type ReportPlan } from "../../core/layout";
import { toExcelValue } from "./sheets";
import { addChartsToXlsx, parseRange, type CellAnchor, type ChartData, type ChartToAdd } from "../xlsx/charts";

export type { CellAnchor } from "../xlsx/charts";
// the layout helpers and the marker text are the core's; re-exported for this module's users
export { estimateLines, inputAreaName } from "../../core/layout";
export { INPUT_MARKER_PREFIX, inputMarker } from "../../core/report";

// ---- result ----

export interface RenderedInputArea extends PlannedInputArea {
  /** Where the text written into the box came from. */
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

// ---- chart anchors ----

const EMU_PER_PX = 9525;
const EMU_PER_PT = 12700;
const CHART_INSET_PT = 3;

// ---- the renderer ----

/**
 * Adds the report as a worksheet of `wb` (replacing a sheet of the same name, case-insensitively,
 * in its tab position). `previous` holds the analyst's texts from the earlier version of the
 * report, by input key; a non-blank one is written instead of the prefill.
 */
export function renderReportSheet(wb: ExcelJS.Workbook, model: ReportSheetModel, previous?: Record<string, string>): RenderedReport {
  const { model: planned, fromPrevious } = withPrevious(model, previous);
  // planned before the workbook is touched: a model the plan refuses leaves the workbook as it was
  const plan = planReport(planned);
  const { nCols, markerCol } = plan;

  const old = wb.worksheets.find((ws) => ws.name.toLowerCase() === model.name.toLowerCase());
  const orderNo = old ? orderOf(old).orderNo : undefined;
  if (old) wb.removeWorksheet(old.id);
  removeNamesOnSheet(wb, model.name);

  const ws = wb.addWorksheet(model.name, { views: [{ showGridLines: false }] });
  if (orderNo !== undefined) orderOf(ws).orderNo = orderNo;
  model.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(markerCol).hidden = true;
  // narrow too: unhidden by accident it barely shows (hidden columns are not printed either way)
  ws.getColumn(markerCol).width = 1;

  writeCells(ws, plan);
  for (const [row, pt] of plan.heights) ws.getRow(row).height = pt;

  const inputAreas: RenderedInputArea[] = plan.inputAreas.map((area) => {
    // "A21:J25" -> "$A$21:$J$25"
    wb.definedNames.add(`${quoteSheetName(model.name)}!${area.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`, area.definedName);
    return { ...area, source: fromPrevious.has(area.key) ? "previous" : "prefill" };
  });

  // The bottom-right corner is inside the block's last cell (the last column's right edge), not at
  // the top-left of the next cell: LibreOffice counts the cell an object ends in as used, and a
  // used column past the grid shrinks every printed page. The chart is inset by CHART_INSET_PT at
  // the top and bottom so its frame never touches a page break (LibreOffice then draws the frame's
  // edge at the foot of the previous page too).
  const charts: RenderedChart[] = plan.charts.map((pc) => ({
    chart: pc.chart,
    anchor: {
      fromCol: 0,
      fromRow: pc.firstRow - 1,
      fromRowOff: CHART_INSET_PT * EMU_PER_PT,
      toCol: nCols - 1,
      toColOff: Math.trunc(model.columnWidths[nCols - 1] * 7 + 5) * EMU_PER_PX,
      toRow: pc.lastRow - 1,
      toRowOff: (plan.heights.get(pc.lastRow)! - CHART_INSET_PT) * EMU_PER_PT, // the plan sets every chart row's height
    },
  }));

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
  // (the plan has checked that repeatRows is a row range)
  if (model.repeatRows) pageSetup.printTitlesRow = `${model.repeatRows[0]}:${model.repeatRows[1]}`;
  Object.assign(ws.pageSetup, pageSetup);
  ws.headerFooter.oddFooter =
    `&L${footerText(model.footer.left)}&C${footerText(model.footer.center)}&R${footerText(model.footer.right)}`;
  ws.headerFooter.evenFooter = ws.headerFooter.oddFooter;

  for (const r of plan.pageBreaksAfter) ws.getRow(r).addPageBreak();

  return { sheet: ws, inputAreas, charts, lastRow: plan.lastRow, pageBreaksAfter: plan.pageBreaksAfter };
}

/** The model with each non-blank earlier text in place of its box's prefill (so the plan sizes the box for it). */
function withPrevious(model: ReportSheetModel, previous: Record<string, string> | undefined): { model: ReportSheetModel; fromPrevious: Set<string> } {
  const fromPrevious = new Set<string>();
  if (!previous) return { model, fromPrevious };
  const blocks = model.blocks.map((b) => {
    if (b.kind !== "input") return b;
    const prev = previous[b.area.key];
    if (prev === undefined || prev.trim() === "") return b;
    fromPrevious.add(b.area.key);
    return { ...b, area: { ...b.area, prefill: prev } };
  });
  return { model: { ...model, blocks }, fromPrevious };
}

// ---- the plan's cells as ExcelJS cells ----

/**
 * Values and styles cell by cell, then the merges. Each cell gets a style object of its own, and
 * the merges are made without style: ExcelJS's mergeCells gives every cell of the range the
 * top-left cell's style *object* (shared, not copied), so a border set afterwards on one edge cell
 * would land on all of them, and the plan's own styles of the other cells (the input box's fill,
 * the box edge on its edge cells) would be overwritten. Cells the plan leaves empty and unstyled
 * are not touched.
 */
function writeCells(ws: ExcelJS.Worksheet, plan: ReportPlan): void {
  const borders = cellBorders(plan.borders);
  for (let r = 1; r <= plan.lastRow; r++) {
    for (let c = 1; c <= plan.markerCol; c++) {
      const value = plan.grid[r - 1][c - 1];
      const style = plan.styles[r - 1][c - 1];
      const border = borders.get(`${r}:${c}`);
      if (value === null && !style && !border) continue;
      const cell = ws.getCell(r, c);
      if (value !== null) cell.value = toExcelValue(value);
      if (style || border) cell.style = excelStyle(style ?? {}, border);
    }
  }
  for (const m of plan.merges) ws.mergeCellsWithoutStyle(m.r0, m.c0, m.r1, m.c1);
}

const argb = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

const HORIZONTAL = { Left: "left", Center: "center", Right: "right" } as const;
const VERTICAL = { Top: "top", Center: "middle", Bottom: "bottom" } as const;

/** A plan style as an ExcelJS style: the report font at the base size unless the plan says otherwise. */
function excelStyle(s: CellStyle, border: Partial<ExcelJS.Borders> | undefined): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = { name: REPORT_FONT, size: BASE_SIZE };
  if (s.font?.size !== undefined) font.size = s.font.size;
  if (s.font?.bold !== undefined) font.bold = s.font.bold;
  if (s.font?.italic !== undefined) font.italic = s.font.italic;
  if (s.font?.color !== undefined) font.color = { argb: argb(s.font.color) };
  out.font = font;
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal) alignment.horizontal = HORIZONTAL[s.horizontal];
  if (s.vertical) alignment.vertical = VERTICAL[s.vertical];
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (s.shrink) alignment.shrinkToFit = true;
  if (s.indent) alignment.indent = s.indent;
  if (Object.keys(alignment).length > 0) out.alignment = alignment;
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numFmt) out.numFmt = s.numFmt;
  if (s.unlocked) out.protection = { locked: false };
  if (border) out.border = border;
  return out;
}

/**
 * The plan's border rectangles as per-cell borders. An edge goes on the cells along it; an inside
 * line on the cells on both sides of it, as Excel stores a line set on a range.
 */
function cellBorders(ops: BorderOp[]): Map<string, Partial<ExcelJS.Borders>> {
  const out = new Map<string, Partial<ExcelJS.Borders>>();
  for (const op of ops) {
    const line: Partial<ExcelJS.Border> = { style: borderStyle(op), color: { argb: argb(op.color) } };
    const sides = new Set(op.sides);
    for (let r = op.r0; r <= op.r1; r++) {
      for (let c = op.c0; c <= op.c1; c++) {
        const b: Partial<ExcelJS.Borders> = { ...out.get(`${r}:${c}`) };
        if ((sides.has("EdgeTop") && r === op.r0) || (sides.has("InsideHorizontal") && r > op.r0)) b.top = line;
        if ((sides.has("EdgeBottom") && r === op.r1) || (sides.has("InsideHorizontal") && r < op.r1)) b.bottom = line;
        if ((sides.has("EdgeLeft") && c === op.c0) || (sides.has("InsideVertical") && c > op.c0)) b.left = line;
        if ((sides.has("EdgeRight") && c === op.c1) || (sides.has("InsideVertical") && c < op.c1)) b.right = line;
        if (Object.keys(b).length > 0) out.set(`${r}:${c}`, b);
      }
    }
  }
  return out;
}

function borderStyle(op: BorderOp): ExcelJS.BorderStyle {
  if (op.style === "Dot") return "dotted";
  return op.weight === "Hairline" ? "hair" : op.weight === "Medium" ? "medium" : "thin";
}

// ---- names and tabs ----

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
  return unquoteSheetName(r.slice(0, bang));
}

/** ExcelJS orders tabs by the worksheet's orderNo, which its typings don't declare. */
function orderOf(ws: ExcelJS.Worksheet): { orderNo?: number } {
  return ws as unknown as { orderNo?: number };
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
