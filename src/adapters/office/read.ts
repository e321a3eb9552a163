// Reading the open workbook into a WorkbookSnapshot.
//
// Round trips, for a workbook of S sheets holding R used rows in all:
//   1 sync   sheet names + the workbook's tables (names, header flag)
//   1 sync   every sheet's used range (values only) + every table's address and sheet
//   ceil(R / blockRows) syncs   the values, in row blocks; a block may span the end of one sheet
//            and the start of the next, so many small sheets cost no more than one big one
//   0 or more syncs  valueTypes of the rows holding an error text ("#N/A"), to tell text from errors
// plus one failed sync per halving when Excel refuses a request as too large.
// Only `values` is loaded (formats, formulas, text would multiply the payload); dates therefore
// arrive as serial numbers, which the core's value parsers read.

import { Batch } from "./batch";
import { isPayloadTooLarge } from "./errors";
import type { Lang } from "./support";
import type { CellValue, SheetSnapshot, TableSnapshot, WorkbookSnapshot } from "../../core/workbook";
import type { StreamSheet, StreamWorkbook } from "../../core/stream-input";
import type { Progress } from "../../host-api";

/** Rows per request to start with: 5,000 rows of a 20-column holdings sheet is about 1-2 MB of JSON. */
export const READ_BLOCK_ROWS = 5000;
/** Below this many rows per request, halving further will not help: give up with the payload error. */
export const MIN_BLOCK_ROWS = 8;

/**
 * Texts Excel shows for error values. Range.values gives an error cell as its error text, and a
 * text cell that literally holds "#N/A" (typed with a leading apostrophe) reads the same. Only
 * Range.valueTypes (ExcelApi 1.1) tells them apart: see textNotErrors.
 */
export const EXCEL_ERROR_TEXTS = new Set([
  "#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
  "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!",
]);

export function cellFromOffice(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return EXCEL_ERROR_TEXTS.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

export interface ReadOptions {
  progress?: Progress;
  /** Rows per request to start with (tests use small numbers). */
  blockRows?: number;
  /** Whether getUsedRangeOrNullObject exists (ExcelApi 1.4); else getUsedRange, which gives A1 for an empty sheet. */
  orNullObject: boolean;
}

export interface ReadStats {
  syncs: number;
  /** Rows per request at the end (smaller than the start when Excel refused a request). */
  blockRows: number;
  /** Requests refused as too large and retried smaller. */
  retries: number;
}

interface UsedArea {
  sheet: Excel.Worksheet;
  snap: SheetSnapshot;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export async function readSnapshot(batch: Batch, opts: ReadOptions): Promise<{ snapshot: WorkbookSnapshot; stats: ReadStats }> {
  const stats: ReadStats = { syncs: 0, blockRows: Math.max(MIN_BLOCK_ROWS, opts.blockRows ?? READ_BLOCK_ROWS), retries: 0 };
  const label = labels(batch.lang);

  // -- 1 and 2: sheets, their used ranges and their tables (two syncs)
  const { sheets, used, tablesOf } = await loadLayout(batch, opts);
  const snapshots: SheetSnapshot[] = sheets.items.map((s) => ({ name: s.name, rows: [], tables: tablesOf.get(s.name) ?? [] }));

  const areas: UsedArea[] = [];
  sheets.items.forEach((sheet, i) => {
    const r = used[i];
    if (r.isNullObject) return; // empty sheet (ExcelApi 1.4 and later)
    areas.push({ sheet, snap: snapshots[i], r0: r.rowIndex, c0: r.columnIndex, rows: r.rowCount, cols: r.columnCount });
  });
  const total = areas.reduce((n, a) => n + a.rows, 0);

  // -- 3: the values, in row blocks
  const errorTexts: ErrorTextRow[] = [];
  let done = 0;
  let area = 0; // cursor: area index and row offset inside it
  let offset = 0;
  opts.progress?.(0, label.reading);
  while (area < areas.length) {
    batch.checkAbort();
    // one request: up to blockRows rows, taken from as many sheets as it takes
    const pieces: { a: UsedArea; offset: number; n: number; range: Excel.Range }[] = [];
    let budget = stats.blockRows;
    let ai = area;
    let off = offset;
    while (budget > 0 && ai < areas.length) {
      const a = areas[ai];
      const n = Math.min(budget, a.rows - off);
      const range = a.sheet.getRangeByIndexes(a.r0 + off, a.c0, n, a.cols);
      range.load("values");
      pieces.push({ a, offset: off, n, range });
      budget -= n;
      off += n;
      if (off >= a.rows) {
        ai++;
        off = 0;
      }
    }
    try {
      await batch.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || stats.blockRows <= MIN_BLOCK_ROWS) throw e;
      // Excel refused the request as too large: ask for half as many rows, from the same place,
      // and keep the smaller size for the rest (the next blocks are likely just as wide)
      stats.blockRows = Math.max(MIN_BLOCK_ROWS, Math.floor(stats.blockRows / 2));
      stats.retries++;
      continue;
    }
    for (const p of pieces) {
      storeRows(p.a, p.offset, p.range.values);
      noteErrorTexts(p.a, p.offset, p.range.values, errorTexts);
      done += p.n;
    }
    area = ai;
    offset = off;
    opts.progress?.(total === 0 ? 1 : done / total, label.reading);
  }
  await textNotErrors(batch, errorTexts);
  opts.progress?.(1, label.reading);
  stats.syncs = batch.syncs;
  return { snapshot: { sheets: snapshots }, stats };
}

/** A row read with an error text in it ("#N/A", ...): stored as {error} until valueTypes says otherwise. */
interface ErrorTextRow {
  a: UsedArea;
  /** 0-based sheet row. */
  row: number;
}

function noteErrorTexts(a: UsedArea, offset: number, values: unknown[][], out: ErrorTextRow[]): void {
  values.forEach((row, i) => {
    if (row.some((v) => typeof v === "string" && EXCEL_ERROR_TEXTS.has(v))) out.push({ a, row: a.r0 + offset + i });
  });
}

/** Rows of valueTypes per request: they are short strings ("Error", "String"), like a block of values. */
const TYPE_BLOCK_ROWS = 5000;

/**
 * A text cell that reads "#N/A" (typed with an apostrophe) is text, not the error: only
 * Range.valueTypes (ExcelApi 1.1) tells them apart. Loading it with every block would double the
 * payload, so it is loaded afterwards and only for the rows that hold an error text, runs of
 * consecutive rows as one range, in requests of up to TYPE_BLOCK_ROWS rows; a workbook without
 * such texts costs no request at all. Cells Excel calls "String" go back to their text.
 */
async function textNotErrors(batch: Batch, rows: ErrorTextRow[]): Promise<void> {
  let i = 0;
  while (i < rows.length) {
    batch.checkAbort();
    const spans: { a: UsedArea; row: number; n: number; range: Excel.Range }[] = [];
    let budget = TYPE_BLOCK_ROWS;
    while (i < rows.length && budget > 0) {
      const first = rows[i];
      let n = 1;
      while (i + n < rows.length && n < budget && rows[i + n].a === first.a && rows[i + n].row === first.row + n) n++;
      const range = first.a.sheet.getRangeByIndexes(first.row, first.a.c0, n, first.a.cols);
      range.load("valueTypes");
      spans.push({ a: first.a, row: first.row, n, range });
      budget -= n;
      i += n;
    }
    await batch.sync();
    for (const { a, row, range } of spans) {
      range.valueTypes.forEach((types, k) => {
        const cells = a.snap.rows[row + k];
        if (!cells) return;
        types.forEach((t, c) => {
          const v = cells[a.c0 + c];
          if (t !== Excel.RangeValueType.error && v !== null && typeof v === "object" && !(v instanceof Date)) cells[a.c0 + c] = v.error;
        });
      });
    }
  }
}

/** Puts a block of values into the snapshot at its place from A1 (rows above and columns left of the used range stay empty). */
function storeRows(a: UsedArea, offset: number, values: unknown[][]): void {
  const rows = a.snap.rows;
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    let any = false;
    const out: CellValue[] = new Array(a.c0 + src.length).fill(null);
    for (let c = 0; c < src.length; c++) {
      const v = cellFromOffice(src[c]);
      if (v !== null) {
        out[a.c0 + c] = v;
        any = true;
      }
    }
    // an all-empty row stays undefined ("missing means empty"): less memory on sparse sheets
    if (any) rows[a.r0 + offset + i] = out;
  }
  // keep rows.length covering the used range even when its last rows are empty
  if (rows.length < a.r0 + offset + values.length) rows.length = a.r0 + offset + values.length;
}

/**
 * The workbook's layout in two syncs, for both reads: the sheets and tables by name, then every
 * sheet's used range and every table's address in one request.
 */
async function loadLayout(batch: Batch, opts: ReadOptions): Promise<{
  sheets: Excel.WorksheetCollection; used: Excel.Range[]; tablesOf: Map<string, TableSnapshot[]>;
}> {
  const { context } = batch;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/showHeaders");
  await batch.sync();
  batch.checkAbort();

  const used = sheets.items.map((sheet) => {
    const r = opts.orNullObject ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  const tableInfo = tables.items.map((t) => {
    const range = t.getRange();
    range.load("address");
    t.worksheet.load("name");
    return { t, range };
  });
  await batch.sync();
  batch.checkAbort();

  const tablesOf = new Map<string, TableSnapshot[]>();
  for (const { t, range } of tableInfo) {
    const list = tablesOf.get(t.worksheet.name) ?? [];
    list.push({ name: t.name, ref: localAddress(range.address), headerRow: t.showHeaders });
    tablesOf.set(t.worksheet.name, list);
  }
  return { sheets, used, tablesOf };
}

/** "'My sheet'!$B$3:$P$210" -> "B3:P210". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "");
}

function labels(lang: Lang): { reading: string } {
  return lang === "zh-CN" ? { reading: "正在读取工作簿" } : { reading: "Reading the workbook" };
}

// ---- The streaming read (issue 11) ----

/**
 * The open workbook as a StreamWorkbook for the streaming analysis (src/core/stream-input.ts):
 * each pass over a sheet requests its used range in blocks of `blockRows` rows (halved when Excel
 * refuses a request as too large, as readSnapshot does) and hands each block's rows over as it
 * arrives; no block is kept. The table finder's pass stops after the first block of each sheet.
 * Round trips: 2 syncs up front (names and tables, then used ranges), then one per block per pass.
 */
export async function openStream(batch: Batch, opts: ReadOptions): Promise<{ workbook: StreamWorkbook; stats: ReadStats }> {
  const stats: ReadStats = { syncs: 0, blockRows: Math.max(MIN_BLOCK_ROWS, opts.blockRows ?? READ_BLOCK_ROWS), retries: 0 };
  const { sheets, used, tablesOf } = await loadLayout(batch, opts);
  const out: StreamSheet[] = sheets.items.map((sheet, i) => {
    const r = used[i];
    const area = r.isNullObject ? undefined : { r0: r.rowIndex, c0: r.columnIndex, rows: r.rowCount, cols: r.columnCount };
    return {
      name: sheet.name,
      tables: tablesOf.get(sheet.name) ?? [],
      read: async (onRow) => {
        if (!area) return -1;
        let last = -1;
        for (let off = 0; off < area.rows;) {
          batch.checkAbort();
          const n = Math.min(stats.blockRows, area.rows - off);
          const range = sheet.getRangeByIndexes(area.r0 + off, area.c0, n, area.cols);
          range.load("values");
          try {
            await batch.sync();
          } catch (e) {
            if (!isPayloadTooLarge(e) || stats.blockRows <= MIN_BLOCK_ROWS) throw e;
            stats.blockRows = Math.max(MIN_BLOCK_ROWS, Math.floor(stats.blockRows / 2));
            stats.retries++;
            continue;
          }
          const values = range.values;
          for (let i = 0; i < values.length; i++) {
            const row = rowFromOffice(area.c0, values[i]);
            if (!row) continue;
            last = area.r0 + off + i;
            if (onRow(last, row) === false) { stats.syncs = batch.syncs; return last; }
          }
          off += n;
          opts.progress?.(off / area.rows, labels(batch.lang).reading);
        }
        stats.syncs = batch.syncs;
        return last;
      },
    };
  });
  stats.syncs = batch.syncs;
  return { workbook: { sheets: out }, stats };
}

/** One row of Range.values as the core's cells from column A, or undefined when it is all empty. */
function rowFromOffice(c0: number, src: unknown[]): CellValue[] | undefined {
  let out: CellValue[] | undefined;
  for (let c = 0; c < src.length; c++) {
    const v = cellFromOffice(src[c]);
    if (v === null) continue;
    out ??= new Array(c0 + src.length).fill(null);
    out[c0 + c] = v;
  }
  return out;
}
