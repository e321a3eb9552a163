// The report sheet inside Excel: the core's plan (core/layout.ts, the same one the ExcelJS renderer
// writes) sent with Office.js. Values go first in row blocks (writeRowBlocks), then merges, styles
// as rectangles of equal style, borders, row heights, the input-box names, the charts (drawn by
// Excel from the report's data sheet, which is written before this one) and the print setup.

import { Batch } from "./batch";
import { BASE_SIZE, MARGINS, REPORT_FONT, charsToPoints, footerText, planReport, type CellStyle, type FontStyle, type PlannedInputArea, type Rect } from "../../core/layout";
import { colLetter } from "../../core/sheet-address";
import { setNumberFormatAll, writeRowBlocks } from "./write";
import { toOfficeValue } from "./values";
import type { ReportSheetModel } from "../../core/workbook";

export interface WrittenReport {
  inputAreas: PlannedInputArea[];
  charts: number;
  pageBreaksAfter: number[];
  /** Features left out because this Excel lacks them (e.g. "pageLayout" below ExcelApi 1.9). */
  skipped: string[];
}

export interface ReportWriteOptions {
  /** Defined names that exist in the workbook and were not ours to delete: not added again. */
  takenNames?: Set<string>;
  onRows?: (n: number) => void;
}

export async function writeReportSheet(batch: Batch, sheet: Excel.Worksheet, model: ReportSheetModel, opts: ReportWriteOptions = {}): Promise<WrittenReport> {
  const { context, support } = batch;
  const plan = planReport(model);
  const { nCols, markerCol, lastRow } = plan;
  const skipped: string[] = [];
  const at = (r1: number, c1: number, r2 = r1, c2 = c1): Excel.Range => sheet.getRangeByIndexes(r1 - 1, c1 - 1, r2 - r1 + 1, c2 - c1 + 1);

  // -- values (the hidden marker column included)
  await writeRowBlocks(batch, sheet, 0, 0, markerCol, lastRow, (i) => plan.grid[i].map((v) => toOfficeValue(v)), opts.onRows);
  batch.checkAbort();

  // -- sheet-wide: base font, column widths, hidden marker column, no gridlines
  if (lastRow > 0) {
    batch.write(2);
    const font = at(1, 1, lastRow, markerCol).format.font;
    font.name = REPORT_FONT;
    font.size = BASE_SIZE;
  }
  model.columnWidths.forEach((w, i) => {
    batch.write();
    at(1, i + 1).format.columnWidth = charsToPoints(w);
  });
  batch.write(2);
  const marker = at(1, markerCol);
  // narrow as well as hidden, as in the ExcelJS renderer (LibreOffice counts hidden widths when fitting)
  marker.format.columnWidth = charsToPoints(1);
  marker.columnHidden = true;
  if (support.gridlines) {
    batch.write();
    sheet.showGridlines = false;
  } else skipped.push("gridlines");

  // -- merges, then styles (a merged range takes the format of what is set on it), then borders
  for (const m of plan.merges) {
    batch.write();
    at(m.r0, m.c0, m.r1, m.c1).merge(false);
    await batch.maybeSync();
  }
  for (const { rect, style } of styleRects(plan.styles)) {
    applyStyle(batch, at(rect.r0, rect.c0, rect.r1, rect.c1), style);
    await batch.maybeSync();
  }
  for (const b of plan.borders) {
    const borders = at(b.r0, b.c0, b.r1, b.c1).format.borders;
    for (const side of b.sides) {
      // Inside lines only exist on ranges more than one cell tall / wide
      if (side === "InsideHorizontal" && b.r0 === b.r1) continue;
      if (side === "InsideVertical" && b.c0 === b.c1) continue;
      const edge = borders.getItem(side);
      batch.write(3);
      edge.style = b.style;
      edge.weight = b.weight;
      edge.color = b.color;
    }
    await batch.maybeSync();
  }
  // row heights, one operation per run of equal heights
  const rows = [...plan.heights.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    const h = plan.heights.get(rows[i])!;
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && plan.heights.get(rows[j + 1]) === h) j++;
    batch.write();
    at(rows[i], 1, rows[j], 1).format.rowHeight = h;
    i = j + 1;
    await batch.maybeSync();
  }

  // -- defined names for the input boxes (for the pane and for people: Name Box, Go To)
  if (support.names) {
    for (const area of plan.inputAreas) {
      if (opts.takenNames?.has(area.definedName.toLowerCase())) continue;
      batch.write();
      context.workbook.names.add(area.definedName, sheet.getRange(area.address));
    }
  } else skipped.push("names");
  await batch.sync();

  // -- charts, drawn by Excel from the data sheet
  for (const pc of plan.charts) {
    const spec = pc.chart;
    const source = context.workbook.worksheets.getItem(spec.dataSheet).getRange(spec.dataRef);
    const type = spec.type === "line" ? Excel.ChartType.line : Excel.ChartType.columnClustered;
    batch.write(6);
    const chart = sheet.charts.add(type, source, Excel.ChartSeriesBy.columns);
    chart.title.text = spec.title;
    chart.legend.position = Excel.ChartLegendPosition.bottom;
    if (spec.yAxisTitle) {
      batch.write();
      chart.axes.valueAxis.title.text = spec.yAxisTitle;
    }
    if (spec.valueFormat && support.axisFormat) {
      batch.write();
      chart.axes.valueAxis.numberFormat = spec.valueFormat;
    }
    // over the rows the block reserved, across the grid
    chart.setPosition(`A${pc.firstRow}`, `${colLetter(nCols - 1)}${pc.lastRow}`);
  }

  // -- print: A4 landscape, one page wide, title rows, footer, our page breaks (ExcelApi 1.9)
  if (support.pageLayout) {
    const pl = sheet.pageLayout;
    batch.write(12);
    pl.orientation = Excel.PageOrientation.landscape;
    pl.paperSize = Excel.PaperType.a4;
    pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 }; // 0 tall = as many pages as needed
    pl.centerHorizontally = true;
    pl.leftMargin = MARGINS.left * 72;
    pl.rightMargin = MARGINS.right * 72;
    pl.topMargin = MARGINS.top * 72;
    pl.bottomMargin = MARGINS.bottom * 72;
    pl.headerMargin = MARGINS.header * 72;
    pl.footerMargin = MARGINS.footer * 72;
    if (model.repeatRows) pl.setPrintTitleRows(`$${model.repeatRows[0]}:$${model.repeatRows[1]}`);
    const footer = pl.headersFooters.defaultForAllPages;
    footer.leftFooter = footerText(model.footer.left);
    footer.centerFooter = footerText(model.footer.center);
    footer.rightFooter = footerText(model.footer.right);
    for (const r of plan.pageBreaksAfter) {
      batch.write();
      sheet.horizontalPageBreaks.add(`A${r + 1}`); // a break sits above the range given
    }
  } else {
    // Below ExcelApi 1.9 there is no pageLayout: the sheet prints with Excel's defaults (the
    // analyst can set A4 landscape by hand); nothing else depends on it.
    skipped.push("pageLayout");
  }
  await batch.sync();
  return { inputAreas: plan.inputAreas, charts: plan.charts.length, pageBreaksAfter: plan.pageBreaksAfter, skipped };
}

function applyStyle(batch: Batch, range: Excel.Range, s: CellStyle): void {
  const f = range.format;
  const { support } = batch;
  if (s.font) {
    const font = f.font;
    if (s.font.bold !== undefined) (batch.write(), (font.bold = s.font.bold));
    if (s.font.italic !== undefined) (batch.write(), (font.italic = s.font.italic));
    if (s.font.size !== undefined) (batch.write(), (font.size = s.font.size));
    if (s.font.color !== undefined) (batch.write(), (font.color = s.font.color));
  }
  if (s.fill) (batch.write(), (f.fill.color = s.fill));
  if (s.horizontal) (batch.write(), (f.horizontalAlignment = s.horizontal));
  if (s.vertical) (batch.write(), (f.verticalAlignment = s.vertical));
  if (s.wrap !== undefined) (batch.write(), (f.wrapText = s.wrap));
  // ExcelApi 1.9; without it the text keeps its size and starts at the cell's edge
  if (s.shrink && support.textLayout) (batch.write(), (f.shrinkToFit = true));
  if (s.indent && support.textLayout) (batch.write(), (f.indentLevel = s.indent));
  if (s.unlocked) (batch.write(), (f.protection.locked = false));
  if (s.numFmt) (batch.write(), setNumberFormatAll(range, s.numFmt));
}

// ---- styles as rectangles (Office.js formats a range in one operation, not cell by cell) ----

/**
 * Rectangles of identical style: horizontal runs per row, then runs stacked while they repeat in
 * the next row. A report of a few hundred rows compresses to a few hundred rectangles, so styling
 * costs a few thousand queued operations, not one set per cell.
 */
export function styleRects(styles: (CellStyle | undefined)[][]): { rect: Rect; style: CellStyle }[] {
  const out: { rect: Rect; style: CellStyle }[] = [];
  let open = new Map<string, Rect>(); // "c0:c1:style" -> the rectangle still growing downwards
  for (let r = 0; r < styles.length; r++) {
    const next = new Map<string, Rect>();
    const row = styles[r];
    let c = 0;
    while (c < row.length) {
      const s = row[c];
      const key = s ? styleKey(s) : "";
      if (key === "") {
        c++;
        continue;
      }
      let c1 = c;
      while (c1 + 1 < row.length && row[c1 + 1] && styleKey(row[c1 + 1]!) === key) c1++;
      const id = `${c}:${c1}:${key}`;
      const prev = open.get(id);
      if (prev) {
        prev.r1 = r + 1;
        next.set(id, prev);
      } else {
        const rect = { r0: r + 1, c0: c + 1, r1: r + 1, c1: c1 + 1 };
        out.push({ rect, style: s! });
        next.set(id, rect);
      }
      c = c1 + 1;
    }
    open = next;
  }
  return out;
}

/** A canonical text for a style (keys sorted, font included); "" for no style at all. */
function styleKey(s: CellStyle): string {
  const keys = (Object.keys(s) as (keyof CellStyle)[]).filter((k) => s[k] !== undefined).sort();
  return keys
    .map((k) => {
      const v = s[k];
      if (k === "font" && v && typeof v === "object") {
        const f = v as FontStyle;
        return `font=${(Object.keys(f) as (keyof FontStyle)[]).filter((x) => f[x] !== undefined).sort().map((x) => `${x}:${String(f[x])}`).join(",")}`;
      }
      return `${k}=${String(v)}`;
    })
    .join(";");
}
