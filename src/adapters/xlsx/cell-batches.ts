// A sheet's cells as compact batches, for reading a big sheet on a second thread: the worker
// (sheet-worker.ts) inflates and tokenizes the XML and sends each cell's raw parts here in a
// Float64Array it hands over without a copy; the main thread turns them into rows with the same
// cellValue as the one-thread reader (read-core.ts), so both give the same values, bit for bit.
// Platform-free: the batches are plain typed arrays and strings.

import type { CellValue } from "../../core/workbook";
import { serialToDate } from "../../core/excel-date";
import { SheetHandler, cellValue, putCell } from "./read-core";

/**
 * Four numbers a cell: row, col * 4 + kind, style, value. Kind 0: a shared string (value is its
 * index); 1: a number (a date when its style says so); 2: anything else, its raw parts in
 * `strings` from index `value`: type, the <v> text, the inline string.
 */
export interface CellBatch {
  cells: Float64Array;
  count: number;
  strings: (string | null)[];
}

const SLOTS = 4;
const SHARED = 0;
const NUMBER = 1;
const OTHER = 2;

/** The worker's sheet handler: the one-thread reader's cell parsing, sending raw parts instead of values. */
export class BatchingHandler extends SheetHandler {
  private cells: Float64Array;
  private count = 0;
  private strings: (string | null)[] = [];
  private readonly full: CellBatch[] = [];

  constructor(private readonly batchCells = 16384) {
    super([], [], false);
    this.cells = new Float64Array(batchCells * SLOTS);
  }

  protected override place(row: number, col: number, type: string, style: number, v: string | null, inline: string | null): void {
    let kind: number;
    let value: number;
    if (type === "s") {
      if (v === null || v === "") return;
      kind = SHARED;
      value = +v; // not an index (NaN, 1.5): no shared string, the cell stays empty as in cellValue
    } else if (type === "inlineStr" || type === "str" || type === "b" || type === "e" || type === "d") {
      kind = OTHER;
      value = this.strings.length;
      this.strings.push(type, v, inline);
    } else {
      if (v === null || v === "") return;
      const n = +v;
      if (Number.isNaN(n) || v.trim() === "") {
        kind = OTHER;
        value = this.strings.length;
        this.strings.push(type, v, inline);
      } else {
        kind = NUMBER;
        value = n;
      }
    }
    const c = this.cells;
    const at = this.count * SLOTS;
    c[at] = row;
    c[at + 1] = col * 4 + kind;
    c[at + 2] = style;
    c[at + 3] = value;
    if (++this.count === this.batchCells) this.seal();
  }

  /** The batches filled since the last call (and, at the end, the last part-filled one). */
  take(end = false): CellBatch[] {
    if (end && this.count > 0) this.seal();
    return this.full.splice(0);
  }

  private seal(): void {
    this.full.push({ cells: this.cells, count: this.count, strings: this.strings });
    this.cells = new Float64Array(this.batchCells * SLOTS);
    this.count = 0;
    this.strings = [];
  }
}

/** Puts a batch's cells in `rows`, as the one-thread reader would have. */
export function placeBatch(
  b: CellBatch, rows: (CellValue[] | undefined)[],
  sharedStrings: readonly string[], dateStyles: readonly boolean[], date1904: boolean,
): void {
  const c = b.cells;
  for (let i = 0, at = 0; i < b.count; i++, at += SLOTS) {
    const ck = c[at + 1];
    const kind = ck % 4;
    const value = c[at + 3];
    let v: CellValue | undefined;
    if (kind === SHARED) v = sharedStrings[value];
    else if (kind === NUMBER) v = dateStyles[c[at + 2]] === true ? serialToDate(value, date1904) : value;
    else v = cellValue(b.strings[value] as string, c[at + 2], b.strings[value + 1], b.strings[value + 2], sharedStrings, dateStyles, date1904);
    if (v !== undefined) putCell(rows, c[at], (ck - kind) / 4, v);
  }
}

/**
 * Where `s` can be cut between two rows: before the last `<row` with an `r` attribute that
 * follows a `</row>` (so the rows after the cut know their numbers without counting those
 * before it), or -1. Only unprefixed <row> tags: a sheet written with a prefix is not cut.
 */
export function lastRowCut(s: string): number {
  let k = s.lastIndexOf("</row>");
  for (let tries = 0; k >= 0 && tries < 4; tries++, k = s.lastIndexOf("</row>", k - 1)) {
    let c = k + 6;
    while (c < s.length && (s.charCodeAt(c) === 32 || s.charCodeAt(c) === 10 || s.charCodeAt(c) === 13 || s.charCodeAt(c) === 9)) c++;
    if (!s.startsWith("<row", c)) continue;
    const gt = s.indexOf(">", c);
    if (gt < 0) continue;
    if (/^<row[ \t\r\n](?:[^>]*[ \t\r\n])?r=["']\d/.test(s.slice(c, gt))) return c;
  }
  return -1;
}
