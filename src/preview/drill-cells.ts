// The preview's half of WorkbookHost.writeCells: a few cells written in place and rows added to the
// end of a table, on the ExcelJS workbook the preview writes with. Loaded lazily like ./writer
// (it pulls in ExcelJS), so the Excel task pane never fetches it.
//
// ExcelJS cannot add rows to a table it loaded from a file (Table.addRow fails on a loaded table's
// model), so the rows are written below the table and the table's ref is extended: what a reader
// (ours, Excel) takes as the table then includes them, which is what `lossdesk drill score` and the
// pane need to find the log lines again.

import ExcelJS from "exceljs";
import { toExcelValue } from "../adapters/exceljs/sheets";
import { writeWorkbookBytes } from "../adapters/exceljs/report";
import type { ChartToAdd } from "../adapters/xlsx/charts";
import { parseA1Range, colLetter } from "../core/input";
import type { CellEdits } from "../taskpane/host";

function sheetNamed(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  // Excel compares sheet names case-insensitively
  const ws = wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new Error(`no sheet "${name}"`);
  return ws;
}

/** The model of a table ExcelJS loaded (its typings do not declare it). */
interface LoadedTable {
  table: { name?: string; tableRef?: string; ref?: string; autoFilterRef?: string };
}

function findTable(wb: ExcelJS.Workbook, name: string): { ws: ExcelJS.Worksheet; t: LoadedTable } | undefined {
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown as LoadedTable[]) {
      if ((t.table?.name ?? "").toLowerCase() === name.toLowerCase()) return { ws, t };
    }
  }
  return undefined;
}

/** Applies `edits` to `wb`: the appended rows first, then the cells (the order the other hosts use). */
export function applyCellEdits(wb: ExcelJS.Workbook, edits: CellEdits): void {
  for (const a of edits.appends) {
    if (a.rows.length === 0) continue;
    const found = a.tableName ? findTable(wb, a.tableName) : undefined;
    const ws = found?.ws ?? sheetNamed(wb, a.sheet);
    const ref = found ? parseA1Range(found.t.table.tableRef ?? found.t.table.ref ?? "") : undefined;
    if (found && !ref) throw new Error(`table "${a.tableName}" has no readable range`);
    const c0 = ref ? ref.c0 : 0;
    const first = ref ? ref.r1 + 2 : ws.actualRowCount > 0 ? ws.lastRow!.number + 1 : 1; // 1-based row of the first new row
    a.rows.forEach((values, i) => {
      const row = ws.getRow(first + i);
      values.forEach((v, c) => {
        const cell = row.getCell(c0 + c + 1);
        cell.value = toExcelValue(v);
        const fmt = a.numFmts?.[c];
        if (fmt) cell.numFmt = fmt;
      });
    });
    if (found && ref) {
      const grown = `${colLetter(ref.c0)}${ref.r0 + 1}:${colLetter(ref.c1)}${ref.r1 + 1 + a.rows.length}`;
      found.t.table.tableRef = grown;
      if (found.t.table.autoFilterRef) found.t.table.autoFilterRef = grown;
    }
  }
  for (const e of edits.cells) {
    const cell = sheetNamed(wb, e.sheet).getCell(e.address);
    cell.value = toExcelValue(e.value);
    if (e.numFmt && e.value instanceof Date) cell.numFmt = e.numFmt;
  }
}

/**
 * The preview host's whole round trip: loads `bytes`, applies `edits`, returns the new package.
 * ExcelJS drops the charts of a package it loads; pass the charts the workbook holds (those of
 * the last report written) to have them put back, as the report writer does.
 */
export async function editWorkbookBytes(bytes: Uint8Array, edits: CellEdits, charts: ChartToAdd[] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; its loader (JSZip) takes any Uint8Array or ArrayBuffer.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  applyCellEdits(wb, edits);
  return writeWorkbookBytes(wb, charts);
}
