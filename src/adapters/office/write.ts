// Writing output sheets into the open workbook: table sheets (TableSheetModel) here, report
// sheets in report.ts, the orchestration (regenerate in place, calculation mode, order) in host.ts writeOutput;
// clearSheet empties a sheet that is regenerated.
//
// Order of work for a table sheet, and why:
//   values, in row blocks of at most WRITE_BLOCK_ROWS rows and ~WRITE_BLOCK_BYTES of JSON, one
//   sync each (Excel on the web refuses requests over 5 MB; a block refused anyway is halved and
//   sent again, which is safe because writing the same values twice changes nothing);
//   then formats (one number format per column range, header bold, widths);
//   then the table, freeze panes and dropdowns. Formatting a range that already holds its values
//   is one operation per column, where formatting cell by cell would be one per cell; and the
//   table goes last so Excel does not extend it row block by row block.

import { Batch, OPS_PER_SYNC } from "./batch";
import { isPayloadTooLarge } from "./errors";
import { charsToPoints, columnFormats, fitWidths, tableHeaders } from "../../core/layout";
import { toOfficeValue, payloadBytes, type OfficeValue } from "./values";
import { headerRowNumber, type ConditionalFormatSpec, type TableRows, type TableSheetModel } from "../../core/workbook";

export const WRITE_BLOCK_ROWS = 5000;
/** Estimated request size per block: a fifth of Excel on the web's 5 MB cap, for headroom. */
export const WRITE_BLOCK_BYTES = 1_000_000;
const MIN_WRITE_ROWS = 8;
export const TABLE_STYLE = "TableStyleMedium2";

/**
 * Office.js "single input copy": a scalar given for an array property (values, numberFormat,
 * formulas) is applied to every cell of the range, like Ctrl+Enter. The typings only declare the
 * 2-D form, hence the cast. One short string instead of a 100,000-row array.
 */
export function setNumberFormatAll(range: Excel.Range, format: string): void {
  (range as unknown as { numberFormat: unknown }).numberFormat = format;
}

/**
 * Writes `count` rows of `nCols` values starting at 0-based (row0, col0), in blocks, one sync per
 * block. `rowAt(i)` gives row i already converted. Checks for cancellation between blocks.
 */
export async function writeRowBlocks(
  batch: Batch,
  sheet: Excel.Worksheet,
  row0: number,
  col0: number,
  nCols: number,
  count: number,
  rowAt: (i: number) => OfficeValue[],
  onRows?: (n: number) => void,
  asFormulas = false,
): Promise<void> {
  if (nCols === 0) return;
  let maxRows = WRITE_BLOCK_ROWS;
  let i = 0;
  while (i < count) {
    batch.checkAbort();
    const block: OfficeValue[][] = [];
    let bytes = 0;
    while (i + block.length < count && block.length < maxRows && bytes < WRITE_BLOCK_BYTES) {
      const row = rowAt(i + block.length);
      for (const v of row) bytes += payloadBytes(v);
      block.push(row);
    }
    batch.write();
    const range = sheet.getRangeByIndexes(row0 + i, col0, block.length, nCols);
    // Range.formulas takes constants as well as formulas, parsed like typing (the same as values),
    // so a block holding computed columns goes as formulas in the same one operation.
    if (asFormulas) range.formulas = block;
    else range.values = block;
    try {
      await batch.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || maxRows <= MIN_WRITE_ROWS) throw e;
      maxRows = Math.max(MIN_WRITE_ROWS, Math.floor(block.length / 2));
      continue;
    }
    i += block.length;
    onRows?.(block.length);
  }
}

export interface TableSheetOptions {
  /** The table name to use (the model's, or the next free one when a kept sheet already has it). */
  tableName?: string;
  onRows?: (n: number) => void;
}

export async function writeTableSheet(batch: Batch, sheet: Excel.Worksheet, model: TableSheetModel<TableRows>, opts: TableSheetOptions = {}): Promise<void> {
  const { support } = batch;
  const headerRow = headerRowNumber(model); // 1-based
  const nCols = model.columns.length;
  const nRows = model.rows.length;
  const formats = columnFormats(model);
  const widths = fitWidths(model);
  const useTable = !!opts.tableName && nRows > 0 && nCols > 0; // Excel wants a data row in a table

  // -- values: preamble, header, data
  const preamble = model.preamble ?? [];
  if (preamble.length > 0) {
    batch.write();
    sheet.getRangeByIndexes(0, 0, preamble.length, 1).values = preamble.map((line) => [toOfficeValue(line)]);
  }
  if (nCols > 0) {
    const headers = useTable ? tableHeaders(model.columns) : model.columns.map((c) => c.header);
    batch.write();
    sheet.getRangeByIndexes(headerRow - 1, 0, 1, nCols).values = [headers.map((h) => toOfficeValue(h))];
  }
  // Dates in a column without a date format (not the usual case) get one cell by cell, afterwards.
  const looseDates: [number, number][] = [];
  // Computed columns: their cells get the formula ("{r}" = the cell's own sheet row); Excel
  // calculates the figure, so the model's cached value is not sent.
  const formulaCols = model.columns.map((c) => c.formula);
  const hasFormulas = formulaCols.some((f) => f !== undefined);
  const rowAt = (i: number): OfficeValue[] => {
    const src = model.rows.at(i)!;
    const out = new Array<OfficeValue>(nCols);
    for (let c = 0; c < nCols; c++) {
      const f = formulaCols[c];
      if (f !== undefined) {
        out[c] = rowFormula(f, headerRow + 1 + i);
        continue;
      }
      const v = src[c];
      if (v instanceof Date && !formats[c]) looseDates.push([i, c]);
      out[c] = toOfficeValue(v ?? null);
    }
    return out;
  };
  await writeRowBlocks(batch, sheet, headerRow, 0, nCols, nRows, rowAt, opts.onRows, hasFormulas);
  batch.checkAbort();

  // -- formats
  if (preamble.length > 0) {
    batch.write(2);
    const title = sheet.getRangeByIndexes(0, 0, 1, 1).format.font;
    title.bold = true;
    title.size = 14;
  }
  if (nCols > 0) {
    batch.write();
    sheet.getRangeByIndexes(headerRow - 1, 0, 1, nCols).format.font.bold = true;
  }
  for (let c = 0; c < nCols; c++) {
    const fmt = formats[c];
    if (fmt && nRows > 0) {
      batch.write();
      setNumberFormatAll(sheet.getRangeByIndexes(headerRow, c, nRows, 1), fmt);
    }
    batch.write();
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(widths[c]);
    await batch.maybeSync();
  }
  for (const [i, c] of looseDates) {
    batch.write();
    setNumberFormatAll(sheet.getRangeByIndexes(headerRow + i, c, 1, 1), "yyyy-mm-dd");
    await batch.maybeSync();
  }

  // -- table (or a filter on the plain range), freeze panes, dropdowns
  const lastCol = nCols - 1;
  if (useTable) {
    batch.write(3);
    const table = sheet.tables.add(sheet.getRangeByIndexes(headerRow - 1, 0, nRows + 1, nCols), true);
    table.name = opts.tableName!;
    table.style = TABLE_STYLE;
  } else if (nCols > 0 && support.autoFilter) {
    batch.write();
    sheet.autoFilter.apply(sheet.getRangeByIndexes(headerRow - 1, 0, nRows + 1, lastCol + 1));
  }
  if (model.freezeHeader && support.freeze) {
    batch.write();
    sheet.freezePanes.freezeRows(headerRow);
  }
  if (support.validation) {
    model.columns.forEach((col, c) => {
      if (!col.list?.length) return;
      // on the data rows plus some empty rows below, so rows people add get the same choices
      const count = Math.max(nRows, 1) + (col.listExtraRows ?? 0);
      const dv = sheet.getRangeByIndexes(headerRow, c, count, 1).dataValidation;
      batch.write(3);
      dv.ignoreBlanks = true;
      // The list source is comma-separated text; an item holding a comma would split in two, so
      // its commas become full-width ones (a status list never needs a real comma).
      dv.rule = { list: { inCellDropDown: true, source: col.list.map((x) => x.replace(/,/g, "，")).join(",") } };
      dv.errorAlert = {
        showAlert: true,
        style: col.listAllowOther ? Excel.DataValidationAlertStyle.warning : Excel.DataValidationAlertStyle.stop,
        title: "LossDesk",
        message: col.list.join(" / ").slice(0, 225),
      };
    });
  }
  // -- conditional formats over the data rows, all columns, plus the dropdowns' extra rows
  const cfs = model.conditionalFormats ?? [];
  if (cfs.length > 0 && nCols > 0 && support.conditionalFormats) {
    const extra = Math.max(0, ...model.columns.map((c) => c.listExtraRows ?? 0));
    const range = sheet.getRangeByIndexes(headerRow, 0, Math.max(nRows, 1) + extra, nCols);
    addConditionalFormats(batch, range, cfs, headerRow + 1);
  }
  await batch.sync();
}

/** "{r}" in a computed column's formula or a conditional format's rule -> the sheet row (1-based). */
export function rowFormula(template: string, row: number): string {
  const f = template.replace(/\{r\}/g, String(row));
  return f.startsWith("=") ? f : `=${f}`;
}

/**
 * Fills for the conditional formats' styles: Excel's own "Bad", "Neutral" and "Good" cell-style
 * fills, so the sheet looks like what analysts already know from Excel's style gallery.
 */
export const CONDITIONAL_FILLS: Record<ConditionalFormatSpec["style"], string> = {
  bad: "#FFC7CE",
  warn: "#FFEB9C",
  good: "#C6EFCE",
};

/**
 * Custom (formula) conditional formats, in the model's order: the first spec gets the highest
 * priority, and stopIfTrue makes the first matching rule the only one. Callers check
 * `support.conditionalFormats` (ExcelApi 1.6).
 */
export function addConditionalFormats(batch: Batch, range: Excel.Range, specs: ConditionalFormatSpec[], firstRow: number): void {
  specs.forEach((spec, i) => {
    batch.write(3);
    const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = rowFormula(spec.formula, firstRow);
    cf.custom.format.fill.color = CONDITIONAL_FILLS[spec.style];
    batch.write(2);
    cf.priority = i; // 0 is the highest; each add() goes on top, so the order is set explicitly
    cf.stopIfTrue = true;
  });
}

/**
 * Empties a LossDesk sheet that is about to be written again, keeping the sheet itself (its id,
 * name, tab position and colour, visibility): formulas and names elsewhere that point at it stay
 * valid, where deleting and re-adding the sheet would turn them into #REF!. What our writers put
 * on a sheet is taken off: values and formats (Range.clear), merges, data validation, conditional
 * formats, frozen panes, the filter, page breaks, hidden and resized rows and columns. Tables,
 * charts and shapes are deleted by the caller, which has to load them first.
 */
export function clearSheet(batch: Batch, sheet: Excel.Worksheet): void {
  const { support } = batch;
  const all = sheet.getRange(); // the whole sheet
  if (support.conditionalFormats) (batch.write(), all.conditionalFormats.clearAll());
  if (support.validation) (batch.write(), all.dataValidation.clear());
  batch.write(2);
  all.unmerge();
  all.clear(Excel.ClearApplyTo.all);
  if (support.freeze) (batch.write(), sheet.freezePanes.unfreeze());
  if (support.pageLayout) {
    // ExcelApi 1.9: rows and columns back to the standard size and shown, no filter, no page breaks
    batch.write(7);
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
    all.columnHidden = false;
    all.rowHidden = false;
    sheet.autoFilter.remove();
    sheet.horizontalPageBreaks.removePageBreaks();
    sheet.showGridlines = true;
  }
}

/** A table name not used elsewhere in the workbook: the model's, else name_2, name_3, ... (as the ExcelJS writer does). */
export function freeTableName(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${wanted}_${k}`;
  taken.add(name.toLowerCase());
  return name;
}

export { OPS_PER_SYNC };
