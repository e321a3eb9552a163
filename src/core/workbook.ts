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
  /** What the reader skipped or guessed at while the data stayed readable; absent when nothing was. */
  warnings?: ReadWarning[];
}

/**
 * Something a reader skipped or worked around (describeReadWarning below says each in zh-CN and
 * en-US): a sheet with no relationship, a missing styles part, an unreadable _rels/.rels.
 */
export interface ReadWarning {
  code: "sheet-without-part" | "styles-missing" | "root-rels-unusable";
  /** The package part concerned. */
  part: string;
  sheet?: string;
  /** Technical detail (English). */
  detail: string;
}

// ---- Output: sheets the core describes and an adapter renders ----

export interface ColumnSpec {
  header: string;
  /** Excel number format for the column's data cells, e.g. "#,##0.00", "0.00%", "yyyy-mm-dd". */
  numFmt?: string;
  /** Width in characters. */
  width?: number;
  /** A dropdown of these values on the column's data cells (e.g. statuses). */
  list?: string[];
  /** Let people type a value outside the list (a warning instead of a refusal). */
  listAllowOther?: boolean;
  /** Also put the dropdown on this many empty rows below the data. */
  listExtraRows?: number;
  /**
   * A computed column: an Excel formula for every data cell, "{r}" standing for the cell's own
   * sheet row, e.g. "=IF(B{r}=\"\",\"\",B{r}+15)". The row's value in `rows` is written as the
   * formula's cached result, so readers that do not calculate (ours, LibreOffice before a recalc)
   * see the same figure. Only for columns LossDesk owns; user text is never a formula.
   */
  formula?: string;
}

/**
 * A conditional format over a table's data rows (all columns, plus the dropdown's extra rows):
 * `formula` is written for the first data row, with "{r}" standing for that row, e.g.
 * "AND($P{r}<>\"\",$P{r}<0)"; Excel shifts it down the range as usual. The first rule that
 * matches wins (stopIfTrue), so list the strongest first.
 */
export interface ConditionalFormatSpec {
  formula: string;
  /** bad: red fill (overdue); warn: amber fill (due soon); good: green fill. */
  style: "bad" | "warn" | "good";
}

/**
 * The data rows of a table sheet. An array is one; so is a producer that makes each row when it is
 * asked for (lazyRows), which is how the big sheets (drafts, client losses) reach the writers: a
 * writer takes the rows one by one as it streams them out, and nothing holds them all. A produced
 * row is made afresh on every call, so a writer asks for each row once (iterating, or at(i) in
 * order); at(i) out of range is undefined, as for an array.
 */
export interface TableRows extends Iterable<CellValue[]> {
  readonly length: number;
  at(index: number): CellValue[] | undefined;
}

/** Rows made on demand: `count` rows, row i from `make(i)` (0 <= i < count). */
export function lazyRows(count: number, make: (index: number) => CellValue[]): TableRows {
  return {
    length: count,
    at: (index) => {
      const i = index < 0 ? index + count : index;
      return Number.isInteger(i) && i >= 0 && i < count ? make(i) : undefined;
    },
    *[Symbol.iterator]() {
      for (let i = 0; i < count; i++) yield make(i);
    },
  };
}

/** Every row of a model as an array (each produced once): for small sheets and tests. */
export function tableRows(model: { rows: TableRows }): CellValue[][] {
  return Array.isArray(model.rows) ? (model.rows as CellValue[][]) : [...model.rows];
}

/**
 * A sheet holding one Excel table: headers, then data rows. Strings are always written as text,
 * never as formulas, whatever they start with. `R` is how the rows are held: an array by default
 * (small sheets, built and then adjusted); the writers take any TableRows
 * (`TableSheetModel<TableRows>`), so big sheets hand them produced rows.
 */
export interface TableSheetModel<R extends TableRows = CellValue[][]> {
  name: string;
  /** Lines written above the table (title, as-of, source), one per row, in column A. */
  preamble?: string[];
  columns: ColumnSpec[];
  rows: R;
  /** Excel table name (letters, digits, underscore). Omit to write a plain range. */
  tableName?: string;
  /** Freeze the panes below the header row. */
  freezeHeader?: boolean;
  conditionalFormats?: ConditionalFormatSpec[];
}

/**
 * Row layout shared with the adapters that render a TableSheetModel: preamble lines in rows
 * 1..n, then one blank row if there is a preamble, then the header row, then the data.
 */
export function headerRowNumber(model: Pick<TableSheetModel, "preamble">): number {
  const n = model.preamble?.length ?? 0;
  return n > 0 ? n + 2 : 1;
}

/** 1-based sheet row of data row `index` (0-based) of the model. */
export function dataRowNumber(model: Pick<TableSheetModel, "preamble">, index: number): number {
  return headerRowNumber(model) + 1 + index;
}

// ---- Report sheets: blocks laid down one under another, printed on A4 ----

/** A cell whose text the analyst types; regeneration carries it over (see `key`). */
export interface InputArea {
  /** Stable id used to find the analyst's text again when the sheet is regenerated. */
  key: string;
  label: string;
  /** Prefilled text (computed facts) used when the analyst has typed nothing yet. */
  prefill: string;
  /** Height in rows of the merged box the analyst types into. */
  rows: number;
}

export type ReportBlock =
  | { kind: "title"; text: string; subtitle?: string[] }
  | { kind: "heading"; text: string }
  /** Label / value pairs, two columns. */
  | { kind: "facts"; rows: { label: string; value: CellValue; numFmt?: string }[] }
  /** A small table with its own header row. */
  | { kind: "table"; columns: ColumnSpec[]; rows: CellValue[][]; note?: string }
  | { kind: "paragraph"; text: string }
  | { kind: "input"; area: InputArea }
  /** A chart drawn from a table on the report's data sheet; it occupies `rows` rows here. */
  | { kind: "chart"; chart: ChartSpec; rows: number };

export interface ChartSpec {
  type: "line" | "bar";
  title: string;
  /** Sheet holding the data: categories in the first column, one series per further column. */
  dataSheet: string;
  /** A1 range of the data on dataSheet, header row included (series names). */
  dataRef: string;
  yAxisTitle?: string;
  /** Excel number format of the value axis, e.g. "0.0000" or "#,##0". */
  valueFormat?: string;
}

export interface ReportSheetModel {
  name: string;
  /** Columns of the report grid (A, B, ...), widths in characters. */
  columnWidths: number[];
  blocks: ReportBlock[];
  /** Page footer, left / centre / right; centre usually carries the page numbers. */
  footer: { left: string; center: string; right: string };
  /** Rows repeated at the top of every printed page (1-based, inclusive). */
  repeatRows?: [number, number];
}

/** A reader warning (something skipped or worked around) as a sentence for the user. */
export function describeReadWarning(w: ReadWarning, locale: "zh-CN" | "en-US"): string {
  const zh = locale === "zh-CN";
  switch (w.code) {
    case "sheet-without-part":
      return zh
        ? `工作表“${w.sheet ?? ""}”在工作簿中没有对应的部件（r:id 为空，常见于由 .xls 转换而来的文件中深度隐藏的宏表），已跳过。`
        : `The sheet "${w.sheet ?? ""}" has no part in the workbook (an empty r:id, as very hidden macro sheets of files converted from .xls have); it was skipped.`;
    case "styles-missing":
      return zh
        ? `工作簿引用的样式部件 ${w.part} 不在文件中：无法得知哪些单元格设置了日期格式，日期按序列号读取（需要日期的列仍会按日期解读）。`
        : `The styles part ${w.part} that the workbook refers to is not in the file: which cells are formatted as dates is unknown, so dates are read as serial numbers (columns that expect a date still read them as dates).`;
    case "root-rels-unusable":
    default:
      return zh
        ? `文件的包关系部件 _rels/.rels 无法使用（${w.detail}），已按惯例位置读取 xl/workbook.xml。`
        : `The package's relationships part _rels/.rels cannot be used (${w.detail}); the workbook was read from its conventional location, xl/workbook.xml.`;
  }
}
