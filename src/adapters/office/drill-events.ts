// People's edits in a watched area of a sheet (the drill tab's status and time columns), reported
// to the pane with the values the cells hold now: the Office half of WorkbookHost.watchCells.
//
// - Worksheet.onChanged (ExcelApi 1.7) on the one sheet, registered in its own Excel.run and
//   removed through the context it was added in (Office.js requires that context for remove()).
// - The event says only which range changed. The handler drops changes outside the watched rows
//   and columns without a round trip (typing notes, the pane's score line), then loads the values of
//   the changed part in one request. It reads the values *now*, not the event's before/after
//   details: those exist for single cells only, and by the time a queued handler runs a later
//   edit may have replaced them; the pane compares with what it holds anyway.
// - The sheet is found again by the event's worksheetId, so a tab renamed during the drill still
//   reports.
// - Rows or columns inserted or deleted, and changes from co-authors (source Remote), come out as
//   `resync`: positions may have moved, or another pane has already stamped and logged the change,
//   so the pane re-reads the drill instead of stamping it a second time.
// - The add-in's own writes (ExcelApi 1.14 says so in triggerSource) are dropped here; on older
//   Excel they reach the pane, which treats a value it already holds as no change.

import { cellFromOffice } from "./read";
import { colIndex, colLetter } from "../../core/sheet-address";
import { detectSupport, excelApi, messageLang } from "./support";
import { toHostError } from "./errors";
import { HostError, type WatchArea, type WatchedChange } from "../../host-api";

const STRUCTURAL = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted"]);


/** 0-based inclusive bounds of "G9", "G9:H12", "G:H" (whole columns), "9:12" (whole rows), with or without "Sheet!". */
export function addressBounds(address: string): { r0: number; r1: number; c0: number; c1: number } | undefined {
  const a = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "").trim();
  const [p, q = p] = a.split(":");
  const part = (s: string) => /^([A-Z]*)(\d*)$/i.exec(s);
  const m1 = part(p);
  const m2 = part(q);
  if (!m1 || !m2 || (!m1[1] && !m1[2]) || (!m2[1] && !m2[2])) return undefined;
  const MAXR = 1_048_575;
  const MAXC = 16_383;
  const r0 = m1[2] ? +m1[2] - 1 : 0;
  const r1 = m2[2] ? +m2[2] - 1 : MAXR;
  const c0 = m1[1] ? colIndex(m1[1]) : 0;
  const c1 = m2[1] ? colIndex(m2[1]) : MAXC;
  return { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
}

/** The watched part of a changed range, or undefined when the change is outside the area. */
export function watchedPart(area: WatchArea, address: string): { r0: number; r1: number; c0: number; c1: number } | undefined {
  const b = addressBounds(address);
  if (!b) return undefined;
  const cols = area.columns.map(colIndex);
  const r0 = Math.max(b.r0, area.firstRow - 1);
  const r1 = Math.min(b.r1, area.lastRow - 1);
  const c0 = Math.max(b.c0, Math.min(...cols));
  const c1 = Math.min(b.c1, Math.max(...cols));
  if (r0 > r1 || c0 > c1 || !cols.some((c) => c >= c0 && c <= c1)) return undefined;
  return { r0, r1, c0, c1 };
}

export async function watchCells(area: WatchArea, onChange: (change: WatchedChange) => void): Promise<() => Promise<void>> {
  const lang = messageLang();
  if (!excelApi("1.7")) {
    // the manifest asks for ExcelApi 1.7, so this is an Excel that should not have loaded us
    throw new HostError(lang === "zh-CN" ? "此版本的 Excel 不支持监视单元格修改。" : "This version of Excel cannot report cell changes.", "unsupported");
  }
  const watched = new Set(area.columns.map(colIndex));
  const support = detectSupport();

  const handler = async (ev: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // our own writes (ExcelApi 1.14 says so); before it they come through, and the pane ignores a
    // change to the value it already holds
    if (support.triggerSource && ev.triggerSource === "ThisLocalAddin") return;
    if (ev.source === "Remote" || STRUCTURAL.has(ev.changeType)) {
      onChange({ cells: [], resync: true });
      return;
    }
    const part = watchedPart(area, ev.address);
    if (!part) return;
    try {
      const cells = await Excel.run({ delayForCellEdit: true }, async (context) => {
        const range = context.workbook.worksheets.getItem(ev.worksheetId)
          .getRangeByIndexes(part.r0, part.c0, part.r1 - part.r0 + 1, part.c1 - part.c0 + 1);
        range.load("values");
        await context.sync();
        const out: WatchedChange["cells"] = [];
        range.values.forEach((row, r) => row.forEach((v, c) => {
          if (watched.has(part.c0 + c)) out.push({ address: `${colLetter(part.c0 + c)}${part.r0 + r + 1}`, value: cellFromOffice(v) });
        }));
        return out;
      });
      if (cells.length > 0) onChange({ cells, resync: false });
    } catch {
      // the values could not be read (the sheet went away, Excel is busy): let the pane read the
      // workbook again, which reports what is wrong in its own words
      onChange({ cells: [], resync: true });
    }
  };

  let registration: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  try {
    await Excel.run(async (context) => {
      registration = context.workbook.worksheets.getItem(area.sheet).onChanged.add(handler);
      await context.sync();
    });
  } catch (e) {
    throw toHostError(e, lang);
  }
  return async () => {
    const r = registration;
    if (!r) return;
    registration = undefined;
    await Excel.run(r.context, async (context) => {
      r.remove();
      await context.sync();
    });
  };
}
