// The workbook port: the shapes in which a workbook reaches the core and in which the core's
// output sheets leave it. Adapters (our xlsx reader, ExcelJS, Office.js) translate to and from
// these; nothing in src/core knows which one is at the other end.

/** An error value as Excel shows it: "#N/A", "#DIV/0!", "#VALUE!", ... */
export interface CellError {
  error: string;
}

/**
 * One cell's value as the core sees it. Dates read from date-formatted cells arrive as a Date
 * whose UTC calendar day is the cell's day (time of day kept in the UTC hours). Cells that were
 * not formatted as dates arrive as the serial number or the text they hold; the core's value
 * parsers deal with both.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && typeof (v as CellError).error === "string";
}

/** An Excel table (ListObject) on a sheet. */
export interface TableSnapshot {
  name: string;
  /** A1 range including the header row, e.g. "B3:P210". */
  ref: string;
  /** false when the table was defined without a header row (we then ignore it). */
  headerRow: boolean;
}

export interface SheetSnapshot {
  name: string;
  /**
   * rows[r][c] is the cell at row r+1, column c+1 (rows[0][0] is A1). Rows may be missing
   * (undefined) or shorter than others; missing means empty.
   */
  rows: (CellValue[] | undefined)[];
  tables: TableSnapshot[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

// ---- Output: sheets the core describes and an adapter renders ----

export interface ColumnSpec {
  header: string;
  /** Excel number format for the column's data cells, e.g. "#,##0.00", "0.00%", "yyyy-mm-dd". */
  numFmt?: string;
  /** Width in characters. */
  width?: number;
}

/**
 * A sheet holding one Excel table: headers, then data rows. Strings are always written as text,
 * never as formulas, whatever they start with.
 */
export interface TableSheetModel {
  name: string;
  /** Lines written above the table (title, as-of, source), one per row, in column A. */
  preamble?: string[];
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Excel table name (letters, digits, underscore). Omit to write a plain range. */
  tableName?: string;
  /** Freeze the panes below the header row. */
  freezeHeader?: boolean;
}
